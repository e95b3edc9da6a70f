/**
 * Build the viewer's payload from a NewsGraph: display nodes with their
 * layout, display edges (plus "folded" speaker→topic edges that stand in for
 * hidden quotes), the legend and each node's side-panel details.
 */
import type { EdgeAttributes, NewsGraph } from '../types.js';
import { isEntityNode } from '../types.js';
import { documentName, nodeDetails } from './details.js';
import { REFERENCE, estimateLabelWidth, layoutGraph, type Footprint, type LayoutOptions } from './layout.js';
import type { CommunityEntry, DocumentEntry, EdgeLegendEntry, LegendEntry, ViewerEdge, ViewerNode, ViewerPayload } from './payload.js';
import { graphStructure, type Structure } from './structure.js';
import { CENTRAL_LABELS, EDGE_LEGEND, KIND_ORDER, LABEL_ALL_UPTO, communityColor, edgeColor, kindColor, nodeSize } from './style.js';

/** Kinds drawn when the page opens: quotes are folded into their speakers, the document hub is off. */
const HIDDEN_AT_START = new Set(['Quote', 'Document']);

const QUOTE_LABEL_CHARS = 48;

/** A quote's label: its first words, in quotation marks when they are the speaker's own. */
export function quoteLabel(text: string, direct: boolean): string {
  const words = text.length > QUOTE_LABEL_CHARS ? `${text.slice(0, QUOTE_LABEL_CHARS - 1).trimEnd()}…` : text;
  return direct ? `“${words}”` : words;
}

function displayLabel(graph: NewsGraph, key: string): string {
  const attrs = graph.getNodeAttributes(key);
  if (attrs.kind === 'Quote') return quoteLabel(attrs.text, attrs.direct);
  if (attrs.kind === 'Document') return documentName(attrs);
  return attrs.name;
}

function edgeLabel(attrs: EdgeAttributes): string {
  return attrs.title ?? attrs.verb ?? attrs.type.toLowerCase().replace(/_/g, ' ');
}

export function documentTitle(graph: NewsGraph): string {
  const titles = graph
    .filterNodes((_key, attrs) => attrs.kind === 'Document')
    .map((key) => displayLabel(graph, key));
  return titles.length === 1 ? `${titles[0]} — newsgraph` : 'newsgraph viewer';
}

/** The documents a node belongs to, by document id: an entity's (MENTIONED_IN), a quote's, a document itself. */
function documentsOf(graph: NewsGraph, key: string): string[] {
  const attrs = graph.getNodeAttributes(key);
  if (attrs.kind === 'Document') return [attrs.id];
  if (attrs.kind === 'Quote') return [attrs.doc];
  return graph.filterOutEdges(key, (_e, a: EdgeAttributes) => a.type === 'MENTIONED_IN').map((e) => graph.getNodeAttribute(graph.target(e), 'id' as never) as string);
}

/**
 * Every node with its label, colour, size, community, centrality rank,
 * documents and laid-out position, communities drawn as groups (shared by the
 * viewer and the Gephi exports).
 */
export function layoutNodes(graph: NewsGraph, options: LayoutOptions = {}, structure: Structure = graphStructure(graph)): ViewerNode[] {
  const documentIndex = new Map((graph.getAttribute('documents') ?? []).map((doc, i) => [doc, i]));
  const fontSize = options.fontSize ?? REFERENCE.fontSize;
  const footprints = new Map<string, Footprint>();
  // In a large graph only the most central nodes are labelled until zoomed in (the viewer's rule), so only they claim room.
  const entities = graph.filterNodes((_key, attrs) => attrs.kind !== 'Quote' && attrs.kind !== 'Document').length;
  const labelled = (key: string) => entities <= LABEL_ALL_UPTO || (structure.rank.get(key) ?? Infinity) < 4 * CENTRAL_LABELS;
  graph.forEachNode((key, attrs) => {
    const mentions = isEntityNode(attrs) ? attrs.mentions : undefined;
    // Quote labels only appear on hover, so they claim no room in the layout.
    const labelWidth = attrs.kind === 'Quote' || (attrs.kind !== 'Document' && !labelled(key)) ? 0 : estimateLabelWidth(displayLabel(graph, key), fontSize);
    footprints.set(key, { size: nodeSize(attrs.kind, mentions), labelWidth });
  });
  const positions = layoutGraph(graph, footprints, { ...options, communities: structure.community });
  return graph.mapNodes((key, attrs) => {
    const pos = positions.get(key) ?? { x: 0, y: 0 };
    const fp = footprints.get(key) ?? { size: 5, labelWidth: 0 };
    return {
      key,
      kind: attrs.kind,
      label: displayLabel(graph, key),
      // Screen y grows downward, sigma's (and Gephi's) graph y upward.
      x: round(pos.x),
      y: round(-pos.y),
      size: round(fp.size),
      color: kindColor(attrs.kind),
      labelWidth: fp.labelWidth,
      ...(structure.community.has(key) ? { community: structure.community.get(key)! } : {}),
      rank: structure.rank.get(key) ?? structure.rank.size,
      docs: documentsOf(graph, key).flatMap((doc) => (documentIndex.has(doc) ? [documentIndex.get(doc)!] : [])),
    };
  });
}

/** A corpus of this many articles opens coloured by community rather than by kind. */
const COMMUNITY_COLOURS_FROM = 5;

export function buildViewerPayload(graph: NewsGraph, options: LayoutOptions & { title?: string } = {}): ViewerPayload {
  const fontSize = options.fontSize ?? REFERENCE.fontSize;
  const structure = graphStructure(graph);
  const nodes = layoutNodes(graph, options, structure);
  const documentIds = graph.getAttribute('documents') ?? [];
  const documentIndex = new Map(documentIds.map((doc, i) => [doc, i]));
  const documents: DocumentEntry[] = documentIds.map((doc) => {
    const key = `Document:${doc}`;
    const attrs = graph.hasNode(key) ? graph.getNodeAttributes(key) : undefined;
    const entry: DocumentEntry = { key, name: attrs?.kind === 'Document' ? documentName(attrs) : doc };
    if (attrs?.kind === 'Document' && attrs.published) entry.published = attrs.published;
    return entry;
  });

  const edges: ViewerEdge[] = graph.mapEdges((key, attrs, source, target) => {
    const doc = attrs.type === 'MENTIONED_IN' ? (graph.getNodeAttribute(target, 'id' as never) as string) : attrs.doc;
    return {
      key,
      source,
      target,
      type: attrs.type,
      color: edgeColor(attrs.type),
      size: attrs.type === 'SAID' || attrs.type === 'ABOUT' || attrs.type === 'MENTIONED_IN' ? 0.8 : 1.6,
      label: edgeLabel(attrs),
      folded: false,
      ...(doc !== undefined && documentIndex.has(doc) ? { doc: documentIndex.get(doc)! } : {}),
    };
  });

  // Folded quotes: speaker → every entity the quote is about, once per pair.
  const folded = new Map<string, ViewerEdge & { count: number }>();
  graph.forEachNode((quote, attrs) => {
    if (attrs.kind !== 'Quote') return;
    const speakers = graph.filterInEdges(quote, (_e, a: EdgeAttributes) => a.type === 'SAID').map((e) => graph.source(e));
    const topics = graph.filterOutEdges(quote, (_e, a: EdgeAttributes) => a.type === 'ABOUT').map((e) => graph.target(e));
    for (const speaker of speakers) {
      for (const topic of topics) {
        if (topic === speaker) continue;
        const key = `SAID_ABOUT:${speaker}->${topic}`;
        const existing = folded.get(key);
        if (existing) existing.count += 1;
        else {
          folded.set(key, {
            key,
            source: speaker,
            target: topic,
            type: 'SAID_ABOUT',
            color: edgeColor('SAID_ABOUT'),
            size: 1,
            label: 'spoke about',
            folded: true,
            count: 1,
          });
        }
      }
    }
  });
  for (const { count, ...edge } of folded.values()) {
    edges.push({ ...edge, size: round(Math.min(3, 0.8 + 0.5 * Math.log2(1 + count))), label: `spoke about (${count})` });
  }

  const counts = new Map<string, number>();
  graph.forEachNode((_key, attrs) => counts.set(attrs.kind, (counts.get(attrs.kind) ?? 0) + 1));
  const kinds = [...KIND_ORDER.filter((kind) => counts.has(kind)), ...[...counts.keys()].filter((k) => !KIND_ORDER.includes(k as never)).sort()];
  const legend: LegendEntry[] = kinds.map((kind) => ({
    kind,
    color: kindColor(kind),
    count: counts.get(kind) ?? 0,
    visible: !HIDDEN_AT_START.has(kind),
  }));

  const details: ViewerPayload['details'] = {};
  graph.forEachNode((key) => {
    details[key] = nodeDetails(graph, key);
  });

  const edgeCounts = new Map<string, number>();
  for (const edge of edges) edgeCounts.set(edge.type, (edgeCounts.get(edge.type) ?? 0) + 1);
  const edgeLegend: EdgeLegendEntry[] = EDGE_LEGEND.filter((entry) => edgeCounts.has(entry.type)).map((entry) => ({
    ...entry,
    color: edgeColor(entry.type),
    count: edgeCounts.get(entry.type)!,
  }));
  const communities: CommunityEntry[] = structure.communities.map((c) => ({ ...c, color: communityColor(c.id, c.size) }));

  return {
    title: options.title ?? documentTitle(graph),
    reference: { width: options.width ?? REFERENCE.width, height: options.height ?? REFERENCE.height, fontSize },
    nodes,
    edges,
    details,
    legend,
    edgeLegend,
    communities,
    documents,
    colorBy: documents.length >= COMMUNITY_COLOURS_FROM ? 'community' : 'kind',
  };
}

/** Two decimals are plenty for pixels; `|| 0` turns -0 into 0 so the JSON reads back equal. */
function round(value: number): number {
  return Math.round(value * 100) / 100 || 0;
}

