/**
 * The data the HTML viewer embeds: a display graph (positions, sizes,
 * colours already computed in Node) plus a details record per node for the
 * side panel. Shared by the Node side (which builds it) and the browser
 * bundle (which reads it), so it holds types only.
 */

/** Display attributes of one node in the viewer's graph. */
export interface ViewerNode {
  key: string;
  kind: string;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Width in reference pixels of the label, as the layout estimated it. */
  labelWidth: number;
  /** Louvain community (structure.ts; absent for documents). */
  community?: number;
  /** Centrality rank, 0 the most central: a large graph labels its most central nodes first. */
  rank: number;
  /** The documents (indices into ViewerPayload.documents) this node belongs to: mentioned in, or said in. */
  docs: number[];
}

/** Display attributes of one edge. `folded` edges stand for quotes folded into their speaker. */
export interface ViewerEdge {
  key: string;
  source: string;
  target: string;
  type: string;
  color: string;
  size: number;
  label: string;
  folded: boolean;
  /** The document (index into ViewerPayload.documents) the fact comes from. */
  doc?: number;
}

/** A sentence of the article, shown as the provenance of a fact. */
export interface SourceSentence {
  doc: string;
  index: number;
  text: string;
}

export interface QuoteDetail {
  key: string;
  text: string;
  direct: boolean;
  speaker?: { key: string; name: string };
  verb?: string;
  about: Array<{ key: string; name: string }>;
  sentence?: SourceSentence;
}

export interface RelationDetail {
  type: string;
  /** `out`: this node is the source; `in`: the target. */
  direction: 'out' | 'in';
  other: { key: string; name: string; kind: string };
  verb?: string;
  title?: string;
  sentence?: SourceSentence;
}

export interface NodeDetails {
  key: string;
  kind: string;
  name: string;
  aliases: string[];
  mentions?: number;
  /** HOLDS_ROLE titles with their organisation, and titles held without one. */
  roles: Array<{ title: string; organization?: { key: string; name: string }; sentence?: SourceSentence }>;
  /** Quotes this node said (speaker) or, for a Quote node, the quote itself. */
  quotes: QuoteDetail[];
  /** Quotes that name this node. */
  quotedAbout: QuoteDetail[];
  relations: RelationDetail[];
  /** Extra lines for Document nodes (title, url, words). */
  facts: Array<{ label: string; value: string }>;
}

export interface LegendEntry {
  kind: string;
  color: string;
  count: number;
  /** Shown when the page opens (Quote and Document start hidden). */
  visible: boolean;
}

/** A relation type in the edge legend. */
export interface EdgeLegendEntry {
  type: string;
  label: string;
  color: string;
  count: number;
}

export interface CommunityEntry {
  id: number;
  size: number;
  /** Its most central entities' names. */
  label: string;
  color: string;
}

export interface DocumentEntry {
  key: string;
  name: string;
  /** `YYYY-MM-DD…`, when the document carries its publication date. */
  published?: string;
}

export interface ViewerPayload {
  title: string;
  /** Reference viewport the layout was computed for (labels do not overlap at this size). */
  reference: { width: number; height: number; fontSize: number };
  nodes: ViewerNode[];
  edges: ViewerEdge[];
  details: Record<string, NodeDetails>;
  legend: LegendEntry[];
  edgeLegend: EdgeLegendEntry[];
  communities: CommunityEntry[];
  documents: DocumentEntry[];
  /** How nodes are coloured when the page opens: by kind, or (a corpus of several articles) by community. */
  colorBy: 'kind' | 'community';
}
