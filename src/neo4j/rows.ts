/**
 * From a graphology NewsGraph to what the loader sends: one batch of rows per
 * Document (its node, its quotes, the edges whose provenance names it, the
 * entities those edges touch, and the identity records its MENTIONED_IN
 * edges carry), so an article is always written whole; and several articles'
 * batches folded into the rows of one transaction. Rows name nodes by their
 * graph node key, as extraction decided it (never re-derived here from a
 * name); where an entity goes in the database is identity.ts's to decide
 * from the records. Pure: no driver here.
 */
import { graphRecords, type IdentityRecord } from '../identify/index.js';
import {
  NewsgraphError,
  type EdgeType,
  type EntityKind,
  type EntityNodeAttributes,
  type NewsGraph,
  type NodeKind,
} from '../types.js';
import { isEdgeType, isNodeKind } from './statements.js';
import { nodeTitles, recordTitleProperties, toParam, toProperties, type Properties } from './values.js';

export interface EntityRow {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** The graph's count, used only when the entity has no MENTIONED_IN. */
  mentions: unknown;
  props: Properties;
}

export interface NodeRow {
  key: string;
  kind: 'Quote' | 'Document';
  /** Every property of the node, `key` and `kind` included. */
  props: Properties;
}

export interface EdgeRow {
  key: string;
  source: string;
  target: string;
  /** Every property of the relationship, `key` included. */
  props: Properties;
}

export interface EdgeGroup {
  type: EdgeType;
  sourceKind: NodeKind;
  targetKind: NodeKind;
  rows: EdgeRow[];
}

/** An entity as its article identified it (src/identify/), on the graph node that holds it. */
export interface ArticleRecord {
  /** The graph's node key: in an article's own graph its article key, in a corpus graph the node it was folded onto. */
  node: string;
  record: IdentityRecord;
}

export interface DocumentBatch {
  /** The document's id; undefined for graph parts tied to no document. */
  doc?: string;
  /** The identity record of each entity the document mentions (none for graph parts tied to no document). */
  records: ArticleRecord[];
  entities: Map<EntityKind, EntityRow[]>;
  documents: NodeRow[];
  quotes: NodeRow[];
  edges: EdgeGroup[];
  nodeCount: number;
  edgeCount: number;
}

/** Split a graph into per-document batches, in the graph's document order; loose parts last. */
export function documentBatches(graph: NewsGraph): DocumentBatch[] {
  const docIds: string[] = [...(graph.getAttribute('documents') ?? [])];
  graph.forEachNode((_key, attributes) => {
    if (attributes.kind === 'Document' && !docIds.includes(attributes.id)) docIds.push(attributes.id);
  });

  // Which document each node and edge belongs to.
  const nodesOf = new Map<string | undefined, Set<string>>();
  const edgesOf = new Map<string | undefined, string[]>();
  for (const id of docIds) {
    nodesOf.set(id, new Set());
    edgesOf.set(id, []);
  }
  const take = (doc: string | undefined) => {
    if (!nodesOf.has(doc)) {
      nodesOf.set(doc, new Set());
      edgesOf.set(doc, []);
    }
    return { nodes: nodesOf.get(doc)!, edges: edgesOf.get(doc)! };
  };
  const placed = new Set<string>();
  graph.forEachNode((key, attributes) => {
    if (!isNodeKind(attributes.kind)) throw new NewsgraphError(`graph node "${key}" has an unknown kind: ${String(attributes.kind)}`);
    const doc = attributes.kind === 'Document' ? attributes.id : attributes.kind === 'Quote' ? attributes.doc : undefined;
    if (doc !== undefined) {
      take(doc).nodes.add(key);
      placed.add(key);
    }
  });
  graph.forEachEdge((edge, attributes, source, target, _sourceAttributes, targetAttributes) => {
    if (!isEdgeType(attributes.type)) throw new NewsgraphError(`graph edge "${edge}" has an unknown type: ${String(attributes.type)}`);
    const doc =
      attributes.doc ?? (targetAttributes.kind === 'Document' ? targetAttributes.id : undefined);
    const batch = take(doc);
    batch.edges.push(edge);
    batch.nodes.add(source);
    batch.nodes.add(target);
    placed.add(source);
    placed.add(target);
  });
  graph.forEachNode((key) => {
    if (!placed.has(key)) take(undefined).nodes.add(key);
  });

  const records = graphRecords(graph);
  const batches: DocumentBatch[] = [];
  for (const [doc, nodes] of nodesOf) {
    const edges = edgesOf.get(doc)!;
    if (nodes.size === 0 && edges.length === 0) continue;
    batches.push(buildBatch(graph, doc, nodes, edges, (doc === undefined ? undefined : records.get(doc)) ?? []));
  }
  return batches;
}

/** An entity's properties beyond key, kind, name, aliases and mentions; titles as Neo4j holds them (values.ts). */
function entityProperties(attributes: EntityNodeAttributes): Properties {
  const props = toProperties(attributes, ['kind', 'key', 'name', 'aliases', 'mentions', 'titles']);
  const titles = nodeTitles(attributes.titles);
  if (titles) props.titles = titles;
  return props;
}

function buildBatch(graph: NewsGraph, doc: string | undefined, nodes: Set<string>, edgeKeys: string[], records: ArticleRecord[]): DocumentBatch {
  const batch: DocumentBatch = {
    records,
    entities: new Map(),
    documents: [],
    quotes: [],
    edges: [],
    nodeCount: nodes.size,
    edgeCount: edgeKeys.length,
  };
  if (doc !== undefined) batch.doc = doc;
  for (const node of nodes) {
    const attributes = graph.getNodeAttributes(node);
    if (attributes.kind === 'Quote' || attributes.kind === 'Document') {
      // The key and kind travel inside props: `SET n = row.props` must not drop and re-add the indexed key.
      const row: NodeRow = { key: node, kind: attributes.kind, props: { ...toProperties(attributes, ['kind', 'key']), key: node, kind: attributes.kind } };
      (attributes.kind === 'Quote' ? batch.quotes : batch.documents).push(row);
    } else {
      const kind = attributes.kind;
      const rows = batch.entities.get(kind) ?? [];
      rows.push({
        // The graph's node key (src/identify/): decided per article, so entities merge across articles by it.
        key: node,
        kind,
        name: attributes.name,
        aliases: [...new Set([attributes.name, ...(attributes.aliases ?? [])])].sort(),
        mentions: toParam(attributes.mentions ?? 0),
        props: entityProperties(attributes),
      });
      batch.entities.set(kind, rows);
    }
  }
  const groups = new Map<string, EdgeGroup>();
  for (const edge of edgeKeys) {
    const attributes = graph.getEdgeAttributes(edge);
    const source = graph.source(edge);
    const target = graph.target(edge);
    const sourceKind = graph.getNodeAttribute(source, 'kind');
    const targetKind = graph.getNodeAttribute(target, 'kind');
    const id = `${attributes.type} ${sourceKind} ${targetKind}`;
    let group = groups.get(id);
    if (!group) {
      group = { type: attributes.type, sourceKind, targetKind, rows: [] };
      groups.set(id, group);
    }
    group.rows.push({
      key: edge,
      source,
      target,
      props: { ...toProperties(attributes, ['type', 'key', 'titles']), ...(attributes.titles ? recordTitleProperties(attributes.titles) : {}), key: edge },
    });
  }
  batch.edges = [...groups.values()];
  return batch;
}

/** How many rows (nodes and relationships) a batch sends. */
export function rowCount(batch: DocumentBatch): number {
  return batch.nodeCount + batch.edgeCount;
}

/**
 * The rows of several articles as one batch, for one transaction: rows of a
 * label or type together (one UNWIND each), an entity that several of the
 * articles mention sent once, its aliases and properties folded in article
 * order (what loading the articles one after another would leave).
 */
export function combineBatches(batches: DocumentBatch[]): DocumentBatch {
  const combined: DocumentBatch = { records: [], entities: new Map(), documents: [], quotes: [], edges: [], nodeCount: 0, edgeCount: 0 };
  const entities = new Map<string, EntityRow>();
  const groups = new Map<string, EdgeGroup>();
  for (const batch of batches) {
    for (const rows of batch.entities.values()) {
      for (const row of rows) {
        const known = entities.get(row.key);
        if (!known) {
          entities.set(row.key, { ...row, aliases: [...row.aliases] });
          continue;
        }
        known.aliases = [...new Set([...known.aliases, ...row.aliases])].sort();
        known.props = { ...known.props, ...row.props };
        known.name = row.name;
      }
    }
    combined.records.push(...batch.records);
    combined.documents.push(...batch.documents);
    combined.quotes.push(...batch.quotes);
    for (const group of batch.edges) {
      const id = `${group.type} ${group.sourceKind} ${group.targetKind}`;
      const known = groups.get(id);
      if (known) known.rows.push(...group.rows);
      else groups.set(id, { ...group, rows: [...group.rows] });
    }
    combined.nodeCount += batch.nodeCount;
    combined.edgeCount += batch.edgeCount;
  }
  for (const row of entities.values()) {
    const rows = combined.entities.get(row.kind) ?? [];
    rows.push(row);
    combined.entities.set(row.kind, rows);
  }
  combined.edges = [...groups.values()];
  return combined;
}
