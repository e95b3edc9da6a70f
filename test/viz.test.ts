/**
 * The viewer's Node side: layout (deterministic, no label overlaps), side-panel
 * details, and the page's escaping of article strings.
 */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { NewsGraph } from '../src/types.js';
import { buildViewerPayload } from '../src/viz/viewer-data.js';
import { escapeHtml, renderViewerHtml, scriptSafeJson } from '../src/viz/html.js';
import { nodeDetails } from '../src/viz/details.js';
import type { ViewerPayload } from '../src/viz/payload.js';
import { sampleGraph } from './viz-sample.js';

/** Label rectangles (node disc plus the label to its right) of the nodes shown when the page opens. */
function overlaps(payload: ViewerPayload): string[] {
  const shown = new Set(payload.legend.filter((entry) => entry.visible).map((entry) => entry.kind));
  const half = payload.reference.fontSize * 0.6;
  const boxes = payload.nodes
    .filter((node) => shown.has(node.kind))
    .map((node) => ({
      key: node.key,
      x1: node.x - node.size,
      x2: node.x + node.size + 4 + node.labelWidth,
      y1: node.y - Math.max(node.size, half),
      y2: node.y + Math.max(node.size, half),
    }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found.push(`${a.key} × ${b.key}`);
    }
  }
  return found;
}

describe('viewer payload', () => {
  it('lays the graph out deterministically', () => {
    const a = buildViewerPayload(sampleGraph());
    const b = buildViewerPayload(sampleGraph());
    expect(a.nodes).toEqual(b.nodes);
    // Insertion order must not matter either: build the same graph with nodes in reverse order.
    const reversed = sampleGraph();
    const copy: NewsGraph = new MultiDirectedGraph();
    copy.replaceAttributes(reversed.getAttributes());
    for (const key of [...reversed.nodes()].reverse()) copy.addNode(key, reversed.getNodeAttributes(key));
    reversed.forEachEdge((key, attrs, source, target) => copy.addEdgeWithKey(key, source, target, attrs));
    const c = buildViewerPayload(copy);
    const position = (p: ViewerPayload) => Object.fromEntries(p.nodes.map((n) => [n.key, [n.x, n.y]]));
    expect(position(c)).toEqual(position(a));
  });

  it('spreads nodes so no two labels overlap at the reference size', () => {
    const payload = buildViewerPayload(sampleGraph());
    const xs = new Set(payload.nodes.map((n) => n.x));
    expect(xs.size).toBeGreaterThan(payload.nodes.length / 2);
    expect(overlaps(payload)).toEqual([]);
  });

  it('colours by kind, sizes by mentions, hides quotes and documents at start, folds quotes into speakers', () => {
    const payload = buildViewerPayload(sampleGraph());
    const musk = payload.nodes.find((n) => n.key === 'Person:Elon Musk')!;
    const kempton = payload.nodes.find((n) => n.key === 'Person:Laurie-Anne Kempton')!;
    const canada = payload.nodes.find((n) => n.key === 'State:Canada')!;
    expect(musk.size).toBeGreaterThan(kempton.size);
    expect(musk.color).toBe(kempton.color);
    expect(canada.color).not.toBe(musk.color);
    expect(payload.legend.find((l) => l.kind === 'Quote')).toMatchObject({ visible: false, count: 4 });
    expect(payload.legend.find((l) => l.kind === 'Person')).toMatchObject({ visible: true, count: 6 });
    const folded = payload.edges.filter((e) => e.folded).map((e) => `${e.source} -> ${e.target}`);
    expect(folded).toContain('Person:Laurie-Anne Kempton -> Person:Elon Musk');
    expect(folded).toContain('Person:Elon Musk -> Person:Justin Trudeau');
  });
});

describe('side-panel details', () => {
  it("lists a speaker's quotes with their source sentence, roles and relations", () => {
    const graph = sampleGraph();
    const musk = nodeDetails(graph, 'Person:Elon Musk');
    expect(musk.kind).toBe('Person');
    expect(musk.aliases).toEqual(['Mr. Musk', 'Musk']);
    const insult = musk.quotes.find((q) => q.text.includes('insufferable tool'));
    expect(insult?.speaker).toEqual({ key: 'Person:Elon Musk', name: 'Elon Musk' });
    expect(insult?.about.map((a) => a.name)).toEqual(['Justin Trudeau']);
    expect(insult?.sentence?.text).toContain('reposted a tweet');
    expect(musk.quotedAbout.map((q) => q.speaker?.name).sort()).toEqual(['Allen Sutherland', 'Laurie-Anne Kempton']);
    expect(musk.relations.map((r) => `${r.type} ${r.direction} ${r.other.name}`)).toEqual(
      expect.arrayContaining(['SUPPORTS out Pierre Poilievre', 'OPPOSES out Justin Trudeau', 'RELATED out X']),
    );
    const kempton = nodeDetails(graph, 'Person:Laurie-Anne Kempton');
    expect(kempton.roles).toEqual([
      expect.objectContaining({
        title: 'assistant secretary to the cabinet for communications',
        organization: { key: 'Agency:Privy Council Office', name: 'Privy Council Office' },
      }),
    ]);
  });
});

describe('escaping', () => {
  it('escapes HTML text and makes JSON safe inside a script element', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    const json = scriptSafeJson({ text: '</script><script>alert(1)</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script><!-- & \u2028' });
  });

  it('keeps every article string out of the markup', () => {
    const payload = buildViewerPayload(sampleGraph({ hostile: true }));
    const html = renderViewerHtml(payload, 'console.log("viewer")');
    // Two script elements only: the JSON data block and the viewer.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('alert(1)</script>');
    expect(html).toContain('<title>&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62; — newsgraph</title>');
    // The data block parses back to the same payload.
    const data = /<script type="application\/json" id="newsgraph-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(data!)).toEqual(payload);
    // Only the viewer script may run, by hash; nothing may be fetched.
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toContain("connect-src 'none'");
  });
});
