/**
 * Merging per-article graphs into one corpus graph.
 *
 * Each article graph holds one Document node, and each of its entities a
 * MENTIONED_IN edge recording how that article alone identified it (its
 * article key, name, surface forms, fold group: src/identify/). The corpus
 * places every such record on a node with identify's fold rule (the same one
 * the Neo4j loader applies), builds each node from its records, and re-points
 * the article's edges. Node keys of what an article can tell alone never
 * change, and edge keys never do: an edge's key is its article's.
 *
 * The result depends only on the SET of articles: everything is keyed and
 * sorted by plain code-unit order, never by arrival order, so the number of
 * worker threads and the order results come back cannot change a byte of the
 * exported JSON. `CorpusMerger.add` folds one article in at a time (so a long
 * stream never holds every per-article graph at once); `finish` places the
 * records, which needs the whole corpus, and builds the graph.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  isEntityKind,
  NewsgraphError,
  type DocumentNodeAttributes,
  type EdgeAttributes,
  type EntityKind,
  type EntityNodeAttributes,
  type GraphAttributes,
  type NewsGraph,
  type NodeAttributes,
  type QuoteNodeAttributes,
  type SerializedNewsGraph,
} from '../types.js';
import { append, mentionAttributes, nodeAttributes, placeRecords, recordOf, type IdentityRecord, type Placement } from '../identify/index.js';
import { compareStrings } from '../names.js';

type SentenceIndex = NonNullable<GraphAttributes['sentences']>[string];

/** An entity node no MENTIONED_IN ties to a document (hand-made graphs): merged by key alone. */
interface LooseEntity {
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
  mentions: number;
}

interface EdgeRecord {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** Where a record is found: its document and the node key its graph gave it. */
const at = (doc: string, key: string) => `${doc}\u0000${key}`;

/** Folds article graphs together; `finish()` returns the merged graph. */
export class CorpusMerger {
  /** Every entity of every document, as its document identified it. */
  private readonly records: IdentityRecord[] = [];
  /** The record behind each (document, node key) of the input graphs, for re-pointing their edges. */
  private readonly recordAt = new Map<string, IdentityRecord>();
  private readonly loose = new Map<string, LooseEntity>();
  /** Quote and Document nodes: unique per document, copied as they are. */
  private readonly others = new Map<string, NodeAttributes>();
  private readonly edges: EdgeRecord[] = [];
  private readonly sentences = new Map<string, SentenceIndex>();
  private readonly documents = new Set<string>();

  /** Fold in one article's graph (its serialized form, as workers send it). */
  add(graph: SerializedNewsGraph): void {
    const docs = graph.attributes.documents ?? [];
    for (const doc of docs) {
      if (this.documents.has(doc)) {
        throw new NewsgraphError(`document id "${doc}" occurs twice in the corpus; every article needs its own id`);
      }
    }
    for (const doc of docs) this.documents.add(doc);
    for (const [doc, index] of Object.entries(graph.attributes.sentences ?? {})) this.sentences.set(doc, index);

    const entities = new Map<string, EntityNodeAttributes>();
    const documentIds = new Map<string, string>();
    for (const node of graph.nodes) {
      const attrs = node.attributes;
      if (!attrs) continue;
      if (isEntityKind(attrs.kind)) entities.set(node.key, attrs as EntityNodeAttributes);
      else {
        if (attrs.kind === 'Document') documentIds.set(node.key, (attrs as DocumentNodeAttributes).id);
        if (!this.others.has(node.key)) this.others.set(node.key, attrs);
      }
    }
    const recorded = new Set<string>();
    for (const edge of graph.edges) {
      const attributes = edge.attributes as EdgeAttributes;
      const doc = documentIds.get(edge.target);
      const entity = entities.get(edge.source);
      if (attributes.type === 'MENTIONED_IN' && doc !== undefined && entity) {
        const record = recordOf(doc, edge.source, entity, attributes);
        this.records.push(record);
        this.recordAt.set(at(doc, edge.source), record);
        recorded.add(edge.source);
        continue;
      }
      this.edges.push({ key: edge.key ?? `${attributes.type}:${edge.source}->${edge.target}`, source: edge.source, target: edge.target, attributes });
    }
    for (const [key, entity] of entities) {
      if (recorded.has(key)) continue;
      const known = this.loose.get(key);
      if (known) {
        for (const alias of entity.aliases) known.aliases.add(alias);
        known.mentions += entity.mentions;
      } else {
        this.loose.set(key, { kind: entity.kind, name: entity.name, aliases: new Set(entity.aliases), mentions: entity.mentions });
      }
    }
  }

  /** Place every record on its node and build the sorted graph. */
  finish(): NewsGraph {
    const placements = placeRecords(this.records);
    const graph: NewsGraph = new MultiDirectedGraph();
    const documents = [...this.documents].sort(compareStrings);

    // Graph attributes: documents and their sentence index, by document id.
    const sentences: Record<string, SentenceIndex> = {};
    for (const doc of documents) {
      const index = this.sentences.get(doc);
      if (index) sentences[doc] = index;
    }
    graph.replaceAttributes({ documents, sentences });

    // Entities: each node from the records placed on it.
    const onNode = new Map<string, IdentityRecord[]>();
    for (const record of this.records) {
      const node = placements.get(record)!.node;
      append(onNode, node, record);
    }
    const entities = new Map<string, EntityNodeAttributes>();
    for (const [node, records] of onNode) {
      const { kind, name, aliases, mentions, jurisdiction, titles } = nodeAttributes(node, records);
      const attrs: EntityNodeAttributes = { kind, name, aliases, mentions };
      if (titles) attrs.titles = titles;
      if (jurisdiction) attrs.jurisdiction = jurisdiction;
      entities.set(node, attrs);
    }
    for (const [key, entity] of this.loose) {
      const known = entities.get(key);
      if (known) known.aliases = [...new Set([...known.aliases, ...entity.aliases])].sort(compareStrings);
      else entities.set(key, { kind: entity.kind, name: entity.name, aliases: [...entity.aliases].sort(compareStrings), mentions: entity.mentions });
    }

    // Nodes in a fixed order: documents, entities, quotes (each sorted).
    for (const doc of documents) {
      const attrs = this.others.get(`Document:${doc}`);
      if (attrs) graph.addNode(`Document:${doc}`, attrs as DocumentNodeAttributes);
    }
    for (const key of [...entities.keys()].sort(compareStrings)) graph.addNode(key, entities.get(key)!);
    const rest = [...this.others].filter(([key]) => !graph.hasNode(key));
    rest.sort(([ka, a], [kb, b]) => compareOthers(ka, a, kb, b));
    for (const [key, attrs] of rest) graph.addNode(key, attrs);

    // Edges: every record's MENTIONED_IN, then the facts, re-pointed to the nodes their ends were placed on.
    const edges = new Map<string, EdgeRecord>();
    for (const record of this.records) {
      const key = `MENTIONED_IN:${record.articleKey}->Document:${record.doc}`;
      edges.set(key, { key, source: placements.get(record)!.node, target: `Document:${record.doc}`, attributes: mentionAttributes(record) });
    }
    const placed = (doc: string | undefined, key: string): Placement | undefined => {
      const record = doc === undefined ? undefined : this.recordAt.get(at(doc, key));
      return record && placements.get(record);
    };
    for (const edge of this.edges) {
      const { doc } = edge.attributes;
      const source = placed(doc, edge.source)?.node ?? edge.source;
      const target = placed(doc, edge.target)?.node ?? edge.target;
      const key = corpusEdgeKey(edge);
      const known = edges.get(key);
      // Same key twice (a hand-made graph): keep one, chosen by content, not arrival.
      if (!known || JSON.stringify(edge.attributes) < JSON.stringify(known.attributes)) {
        edges.set(key, { key, source, target, attributes: { ...edge.attributes } });
      }
    }
    for (const key of [...edges.keys()].sort(compareStrings)) {
      const edge = edges.get(key)!;
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) {
        throw new NewsgraphError(`edge ${edge.key} points at a node the article graph does not have`);
      }
      graph.addEdgeWithKey(key, edge.source, edge.target, edge.attributes);
    }
    return graph;
  }
}

/**
 * Merge article graphs into one corpus graph. Pure: the inputs are not
 * changed, and the result does not depend on their order.
 */
export function mergeGraphs(graphs: NewsGraph[]): NewsGraph {
  return mergeSerialized(graphs.map((graph) => graph.export()));
}

/** `mergeGraphs` over graphology's serialized form (what worker threads send back). */
export function mergeSerialized(graphs: Iterable<SerializedNewsGraph>): NewsGraph {
  const merger = new CorpusMerger();
  for (const graph of graphs) merger.add(graph);
  return merger.finish();
}

/**
 * An edge's key in the corpus: its article's key, which names the document
 * (`TYPE:source->target:doc:start`). A graph written before keys named it
 * gets the document added, because offsets alone repeat across articles.
 */
function corpusEdgeKey(edge: EdgeRecord): string {
  const { type, doc } = edge.attributes;
  if (doc === undefined || edge.key.includes(`:${doc}:`)) return edge.key;
  const prefix = `${type}:${edge.source}->${edge.target}`;
  const suffix = edge.key.startsWith(prefix) ? edge.key.slice(prefix.length) : `:${edge.attributes.start ?? ''}`;
  return `${prefix}:${doc}${suffix}`;
}

function compareOthers(ka: string, a: NodeAttributes, kb: string, b: NodeAttributes): number {
  if (a.kind === 'Quote' && b.kind === 'Quote') {
    const qa = a as QuoteNodeAttributes;
    const qb = b as QuoteNodeAttributes;
    return compareStrings(qa.doc, qb.doc) || qa.start - qb.start || compareStrings(ka, kb);
  }
  return compareStrings(ka, kb);
}
