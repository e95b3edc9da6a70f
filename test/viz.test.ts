/**
 * The viewer's Node side on graphs extract() made from real articles: layout
 * (deterministic, no label overlaps, corpus documents apart), colours and
 * sizes, folded quotes, side-panel details, and the page's escaping.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { graphToJson } from '../src/io/graph.js';
import { isEntityNode, type NewsGraph } from '../src/types.js';
import { buildViewerPayload } from '../src/viz/viewer-data.js';
import { escapeHtml, renderViewerHtml, scriptSafeJson } from '../src/viz/html.js';
import { nodeDetails } from '../src/viz/details.js';
import type { ViewerPayload } from '../src/viz/payload.js';
import { fromGexf } from '../src/viz/gexf.js';
import { fromGraphml } from '../src/viz/graphml.js';
import { CORPUS_FILES, corpusGraph, HOSTILE_TITLE, hostileGraph, seedGraph } from './viz-sample.js';

/** Overlapping label rectangles (node disc plus the label to its right) among the nodes shown when the page opens. */
function overlaps(payload: ViewerPayload, kinds?: Set<string>): string[] {
  const shown = kinds ?? new Set(payload.legend.filter((entry) => entry.visible).map((entry) => entry.kind));
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

const positions = (p: ViewerPayload) => Object.fromEntries(p.nodes.map((n) => [n.key, [n.x, n.y]]));

describe('viewer layout on the seed article', () => {
  it('is deterministic, whatever the graph’s insertion order', () => {
    const a = buildViewerPayload(seedGraph());
    expect(buildViewerPayload(seedGraph()).nodes).toEqual(a.nodes);
    const original = seedGraph();
    const reversed: NewsGraph = new MultiDirectedGraph();
    reversed.replaceAttributes(original.getAttributes());
    for (const key of [...original.nodes()].reverse()) reversed.addNode(key, original.getNodeAttributes(key));
    original.forEachEdge((key, attrs, source, target) => reversed.addEdgeWithKey(key, source, target, attrs));
    expect(positions(buildViewerPayload(reversed))).toEqual(positions(a));
  });

  it('spreads the nodes so no two labels overlap at the reference size', () => {
    const payload = buildViewerPayload(seedGraph());
    const shown = payload.nodes.filter((n) => n.kind !== 'Quote' && n.kind !== 'Document');
    expect(shown.length).toBeGreaterThanOrEqual(25);
    expect(new Set(shown.map((n) => `${n.x},${n.y}`)).size).toBe(shown.length);
    expect(overlaps(payload)).toEqual([]);
    // Every label fits the reference viewport's scale: the drawing is not a thin line.
    const xs = shown.map((n) => n.x);
    const ys = shown.map((n) => n.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(300);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(200);
  });

  it('colours by kind, sizes by mentions, and starts with quotes folded into speakers and the document hidden', () => {
    const graph = seedGraph();
    const payload = buildViewerPayload(graph);
    const node = (key: string) => payload.nodes.find((n) => n.key === key)!;
    const colourOf = new Map<string, string>();
    for (const n of payload.nodes) {
      expect(colourOf.get(n.kind) ?? n.color).toBe(n.color);
      colourOf.set(n.kind, n.color);
    }
    expect(new Set(colourOf.values()).size).toBe(colourOf.size);
    expect(payload.legend.map((l) => [l.kind, l.color])).toEqual([...colourOf.entries()].sort(
      (a, b) => payload.legend.findIndex((l) => l.kind === a[0]) - payload.legend.findIndex((l) => l.kind === b[0]),
    ));
    // More mentions, never a smaller node.
    const entities = graph.filterNodes((_k, a) => isEntityNode(a));
    for (const a of entities) {
      for (const b of entities) {
        if (graph.getNodeAttribute(a, 'mentions' as never) > graph.getNodeAttribute(b, 'mentions' as never)) {
          expect(node(a).size, `${a} vs ${b}`).toBeGreaterThanOrEqual(node(b).size);
        }
      }
    }
    expect(node('Person:Elon Musk').size).toBeGreaterThan(node('Person:Larisa Galzada').size);

    const quotes = graph.filterNodes((_k, a) => a.kind === 'Quote').length;
    expect(payload.legend.find((l) => l.kind === 'Quote')).toMatchObject({ visible: false, count: quotes });
    expect(payload.legend.find((l) => l.kind === 'Document')).toMatchObject({ visible: false, count: 1 });
    expect(payload.legend.find((l) => l.kind === 'Person')).toMatchObject({ visible: true });
    // Folded: one speaker → topic edge for every quote's speaker and ABOUT target.
    const folded = new Set(payload.edges.filter((e) => e.folded).map((e) => `${e.source} -> ${e.target}`));
    graph.forEachNode((quote, attrs) => {
      if (attrs.kind !== 'Quote') return;
      for (const said of graph.filterInEdges(quote, (_e, a) => a.type === 'SAID')) {
        for (const about of graph.filterOutEdges(quote, (_e, a) => a.type === 'ABOUT')) {
          const [speaker, topic] = [graph.source(said), graph.target(about)];
          if (speaker !== topic) expect(folded).toContain(`${speaker} -> ${topic}`);
        }
      }
    });
    expect(folded).toContain('Person:Laurie-Anne Kempton -> Person:Elon Musk');
    // The page is named after the article's file, not its full path.
    expect(payload.title).toBe('canada-election-interference.txt — newsgraph');
  });
});

describe('viewer layout on a corpus (three articles merged)', () => {
  it('keeps labels apart, puts the documents in a row above the drawing, and names no single article', () => {
    const graph = corpusGraph();
    const payload = buildViewerPayload(graph);
    expect(graph.getAttribute('documents')).toHaveLength(3);
    expect(overlaps(payload)).toEqual([]);
    const docs = payload.nodes.filter((n) => n.kind === 'Document');
    expect(docs).toHaveLength(3);
    // With documents switched on as well, nothing collides.
    const withDocs = new Set([...payload.legend.filter((l) => l.visible).map((l) => l.kind), 'Document']);
    expect(overlaps(payload, withDocs)).toEqual([]);
    const top = Math.max(...payload.nodes.filter((n) => n.kind !== 'Document').map((n) => n.y));
    for (const doc of docs) expect(doc.y).toBeGreaterThan(top);
    expect(payload.title).toBe('newsgraph viewer');
    expect(payload.details['Document:france-no-confidence-budget']?.facts.map((f) => f.label)).toContain('Words');
    // An entity of one article keeps its quotes with sentences from its own document.
    const musk = payload.details['Person:Elon Musk']!;
    expect(musk.quotes.map((q) => q.sentence?.doc)).toEqual(musk.quotes.map(() => 'canada-election-interference'));
  });
});

describe('side-panel details', () => {
  it("lists a speaker's kind, aliases, roles, quotes with their source sentence, and relations", () => {
    const graph = seedGraph();
    const musk = nodeDetails(graph, 'Person:Elon Musk');
    expect(musk.kind).toBe('Person');
    expect(musk.aliases).toContain('Musk');
    expect(musk.roles.map((r) => r.title)).toContain('senior advisor to Trump');
    const insult = musk.quotes.find((q) => q.text.includes('an insufferable tool'));
    expect(insult?.speaker).toEqual({ key: 'Person:Elon Musk', name: 'Elon Musk' });
    expect(insult?.sentence?.text).toContain('reposted a tweet from December 2024 in which he had called Trudeau');
    expect(musk.quotedAbout.map((q) => q.speaker?.name)).toContain('Laurie-Anne Kempton');
    expect(musk.relations.map((r) => `${r.type} ${r.direction} ${r.other.name}`)).toEqual(
      expect.arrayContaining(['SUPPORTS out Pierre Poilievre', 'OPPOSES out Justin Trudeau']),
    );
    for (const relation of musk.relations) expect(relation.sentence?.text.length).toBeGreaterThan(20);
    // Every quote node of the graph appears in its speaker's panel.
    graph.forEachEdge((_e, attrs, source, target) => {
      if (attrs.type === 'SAID') expect(nodeDetails(graph, source).quotes.map((q) => q.key)).toContain(target);
    });
    const kempton = nodeDetails(graph, 'Person:Laurie-Anne Kempton');
    expect(kempton.roles).toContainEqual(
      expect.objectContaining({
        title: 'assistant secretary to the cabinet for communications',
        organization: { key: 'Agency:Privy Council Office', name: 'Privy Council Office' },
      }),
    );
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
    const graph = hostileGraph();
    // The pipeline carried the markup through: it is in the graph, so the page must neutralise it.
    const quotes = graph.filterNodes((_k, a) => a.kind === 'Quote').map((k) => graph.getNodeAttribute(k, 'text' as never) as string);
    expect(quotes.join('\n')).toContain('<img src=x onerror=alert(1)>');
    expect(quotes.join('\n')).toContain('</script><b>bold</b> & <!--');
    const payload = buildViewerPayload(graph, { title: HOSTILE_TITLE });
    const html = renderViewerHtml(payload, 'console.log("viewer")');
    // Two script elements only: the JSON data block and the viewer.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<title>&#60;/title&#62;&#60;script&#62;alert(4)&#60;/script&#62;</title>');
    // The data block parses back to the same payload.
    const data = /<script type="application\/json" id="newsgraph-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(data!)).toEqual(payload);
    // Only the viewer script may run, by hash; nothing may be fetched.
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
  });
});

describe('newsgraph viz (the command)', () => {
  const dir = join(import.meta.dirname, '..', 'test-output', 'viz-cli');

  /** Run the CLI in-process, capturing what it prints. */
  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    try {
      const code = await main(args);
      return { code, stdout: out.join(''), stderr: err.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  const payloadOf = (html: string): ViewerPayload =>
    JSON.parse(/<script type="application\/json" id="newsgraph-data">([^<]*)<\/script>/.exec(html)![1]!) as ViewerPayload;

  it('writes the viewer next to the graph JSON and prints its path; GEXF and GraphML by flag or extension', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, graphToJson(seedGraph()));
    const html = await run(['viz', seed]);
    expect(html).toMatchObject({ code: 0, stdout: `${join(dir, 'seed.html')}\n` });
    const payload = payloadOf(readFileSync(join(dir, 'seed.html'), 'utf8'));
    expect(payload.nodes.map((n) => n.key).sort()).toEqual(seedGraph().nodes().sort());

    expect(await run(['viz', seed, '--format', 'gexf', '-o', join(dir, 'out.xml')])).toMatchObject({ code: 0 });
    expect(fromGexf(readFileSync(join(dir, 'out.xml'), 'utf8')).order).toBe(seedGraph().order);
    expect(await run(['viz', seed, '-o', join(dir, 'seed.graphml')])).toMatchObject({ code: 0, stdout: `${join(dir, 'seed.graphml')}\n` });
    expect(fromGraphml(readFileSync(join(dir, 'seed.graphml'), 'utf8')).size).toBe(seedGraph().size);
  });

  it('merges several graph files into one viewer', async () => {
    mkdirSync(dir, { recursive: true });
    const files = ['a.json', 'b.json'].map((name) => join(dir, name));
    const corpus = corpusGraph();
    const docs = corpus.getAttribute('documents');
    // Two single-article graphs as `newsgraph extract` would write them.
    writeFileSync(files[0]!, graphToJson(seedGraph()));
    const { extract } = await import('../src/extract.js');
    const france = CORPUS_FILES[1]!;
    writeFileSync(files[1]!, graphToJson(extract(readFileSync(france, 'utf8'), { id: docs[1]!, source: france })));
    const result = await run(['viz', ...files, '-o', join(dir, 'merged.html')]);
    expect(result.code).toBe(0);
    const payload = payloadOf(readFileSync(join(dir, 'merged.html'), 'utf8'));
    expect(payload.nodes.filter((n) => n.kind === 'Document').map((n) => n.key).sort()).toEqual(
      [`Document:${docs[0]}`, `Document:${docs[1]}`].sort(),
    );
    expect(payload.title).toBe('newsgraph viewer');
  });

  it('fails with one line and the documented exit code', async () => {
    mkdirSync(dir, { recursive: true });
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, graphToJson(seedGraph()));
    expect(await run(['viz', seed, '--format', 'png'])).toMatchObject({ code: 2, stderr: 'newsgraph: --format must be one of html, gexf, graphml, not "png"\n' });
    writeFileSync(join(dir, 'broken.json'), '{"nodes": [');
    const broken = await run(['viz', join(dir, 'broken.json')]);
    expect(broken).toMatchObject({ code: 1, stderr: `newsgraph: ${join(dir, 'broken.json')}: not valid JSON\n` });
    writeFileSync(join(dir, 'empty.json'), JSON.stringify({ attributes: {}, nodes: [], edges: [] }));
    expect(await run(['viz', join(dir, 'empty.json'), '-o', join(dir, 'empty.html')])).toMatchObject({ code: 1 });
    expect(existsSync(join(dir, 'empty.html'))).toBe(false);
  });
});
