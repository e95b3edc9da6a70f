/**
 * Merging per-article graphs into one corpus graph.
 *
 * Each article graph holds one Document node. Entities merge across articles
 * by kind and canonical name, then by alias when the alias is unambiguous in
 * the whole corpus (`Person:Musk` → `Person:Elon Musk` when no other Person
 * answers to `Musk`). Kinds never merge with each other: `Place:Georgia` and
 * `State:Georgia` stay two nodes.
 *
 * The result depends only on the SET of articles: everything is keyed and
 * sorted by plain code-unit order, never by arrival order, so the number of
 * worker threads and the order results come back cannot change a byte of the
 * exported JSON. `CorpusMerger.add` folds one article in at a time (so a long
 * stream never holds every per-article graph at once); `finish` makes the
 * alias decisions, which need the whole corpus, and builds the graph.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  isEntityKind,
  NewsgraphError,
  type DocumentNodeAttributes,
  type EdgeAttributes,
  type EntityKind,
  type GraphAttributes,
  type NewsGraph,
  type NodeAttributes,
  type QuoteNodeAttributes,
  type SerializedNewsGraph,
} from '../types.js';
import { initials } from '../recognize/index.js';

type SentenceIndex = NonNullable<GraphAttributes['sentences']>[string];

interface EntityRecord {
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

/** Plain code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folds article graphs together; `finish()` returns the merged graph. */
export class CorpusMerger {
  private readonly entities = new Map<string, EntityRecord>();
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

    for (const node of graph.nodes) {
      const attrs = node.attributes;
      if (!attrs) continue;
      if (isEntityKind(attrs.kind)) {
        const entity = attrs as Extract<NodeAttributes, { kind: EntityKind }>;
        const known = this.entities.get(node.key);
        if (known) {
          for (const alias of entity.aliases) known.aliases.add(alias);
          known.mentions += entity.mentions;
        } else {
          this.entities.set(node.key, {
            kind: entity.kind,
            name: entity.name,
            aliases: new Set(entity.aliases),
            mentions: entity.mentions,
          });
        }
      } else if (!this.others.has(node.key)) {
        this.others.set(node.key, attrs);
      }
    }
    for (const edge of graph.edges) {
      const attributes = edge.attributes as EdgeAttributes;
      this.edges.push({
        key: edge.key ?? `${attributes.type}:${edge.source}->${edge.target}`,
        source: edge.source,
        target: edge.target,
        attributes,
      });
    }
  }

  /** Decide alias merges over the whole corpus and build the sorted graph. */
  finish(): NewsGraph {
    const rename = aliasTargets(this.entities);
    const graph: NewsGraph = new MultiDirectedGraph();
    const documents = [...this.documents].sort(compareStrings);

    // Graph attributes: documents and their sentence index, by document id.
    const sentences: Record<string, SentenceIndex> = {};
    for (const doc of documents) {
      const index = this.sentences.get(doc);
      if (index) sentences[doc] = index;
    }
    graph.replaceAttributes({ documents, sentences });

    // Entities: fold each into its final node.
    const merged = new Map<string, EntityRecord>();
    for (const [key, entity] of this.entities) {
      const target = rename.get(key) ?? key;
      const into = merged.get(target);
      const final = this.entities.get(target)!;
      if (into) {
        for (const alias of entity.aliases) into.aliases.add(alias);
        into.aliases.add(entity.name);
        into.mentions += entity.mentions;
      } else {
        const aliases = new Set(entity.aliases);
        aliases.add(entity.name);
        merged.set(target, { kind: final.kind, name: final.name, aliases, mentions: entity.mentions });
      }
    }

    // Nodes in a fixed order: documents, entities, quotes (each sorted).
    for (const doc of documents) {
      const attrs = this.others.get(`Document:${doc}`);
      if (attrs) graph.addNode(`Document:${doc}`, attrs as DocumentNodeAttributes);
    }
    for (const key of [...merged.keys()].sort(compareStrings)) {
      const entity = merged.get(key)!;
      graph.addNode(key, {
        kind: entity.kind,
        name: entity.name,
        aliases: [...entity.aliases].sort(compareStrings),
        mentions: entity.mentions,
      });
    }
    const rest = [...this.others].filter(([key]) => !graph.hasNode(key));
    rest.sort(([ka, a], [kb, b]) => compareOthers(ka, a, kb, b));
    for (const [key, attrs] of rest) graph.addNode(key, attrs);

    // Edges: re-point, re-key, drop exact duplicates, sum MENTIONED_IN counts.
    const edges = new Map<string, EdgeRecord>();
    for (const edge of this.edges) {
      const source = rename.get(edge.source) ?? edge.source;
      const target = rename.get(edge.target) ?? edge.target;
      const key = corpusEdgeKey(edge, source, target);
      const known = edges.get(key);
      if (!known) {
        edges.set(key, { key, source, target, attributes: { ...edge.attributes } });
      } else if (edge.attributes.type === 'MENTIONED_IN') {
        known.attributes.count = (known.attributes.count ?? 0) + (edge.attributes.count ?? 0);
      } else if (JSON.stringify(edge.attributes) < JSON.stringify(known.attributes)) {
        // Same key, different attributes: keep one, chosen by content, not arrival.
        known.attributes = { ...edge.attributes };
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
 * Which entity keys fold into a fuller one: `Kind:Short` → `Kind:Fuller Name`
 * when exactly one longer entity of the same kind answers to the short name,
 * as an alias, (for people) as the surname, or (for bodies, parties and
 * organisations of several words) as the initials of its capitalised words,
 * so `EU` in one article joins `European Union` in another. Longest names
 * are settled first, so chains end at the fullest name and the outcome is
 * order-free.
 */
export function aliasTargets(entities: Map<string, { kind: EntityKind; name: string; aliases: Iterable<string> }>): Map<string, string> {
  const byKind = new Map<EntityKind, Array<{ key: string; name: string; answersTo: Set<string> }>>();
  for (const [key, entity] of entities) {
    const answersTo = new Set(entity.aliases);
    if (entity.kind === 'Person') {
      const surname = entity.name.split(/\s+/).at(-1);
      if (surname && surname !== entity.name) answersTo.add(surname);
    } else if (entity.kind !== 'State' && entity.kind !== 'Place') {
      // States and places keep to their aliases: `US` vs `United States` is the resolver's call.
      const words = entity.name.split(/\s+/);
      const acronym = initials(words);
      if (words.length > 1 && acronym.length > 1) answersTo.add(acronym);
    }
    const list = byKind.get(entity.kind) ?? [];
    list.push({ key, name: entity.name, answersTo });
    byKind.set(entity.kind, list);
  }

  const final = new Map<string, string>();
  for (const list of byKind.values()) {
    list.sort((a, b) => b.name.length - a.name.length || compareStrings(a.key, b.key));
    for (const entity of list) {
      const targets = new Set<string>();
      for (const other of list) {
        if (other.name.length <= entity.name.length) break; // only fuller names absorb
        if (other.answersTo.has(entity.name) || other.answersTo.has(entity.name.replace(/\./g, ''))) targets.add(final.get(other.key) ?? other.key);
      }
      if (targets.size === 1) final.set(entity.key, [...targets][0]!);
    }
  }
  return final;
}

/**
 * An edge's key in the corpus graph: the article key with its ends renamed,
 * and the document added, because offsets alone repeat across articles.
 */
function corpusEdgeKey(edge: EdgeRecord, source: string, target: string): string {
  const { type, doc } = edge.attributes;
  const prefix = `${type}:${edge.source}->${edge.target}`;
  const suffix = edge.key.startsWith(prefix) ? edge.key.slice(prefix.length) : `:${edge.attributes.start ?? ''}`;
  // Already a corpus key (a merged graph merged again): keep its document once.
  if (type === 'MENTIONED_IN' || doc === undefined || suffix.startsWith(`:${doc}:`)) return `${type}:${source}->${target}${suffix}`;
  return `${type}:${source}->${target}:${doc}${suffix}`;
}

function compareOthers(ka: string, a: NodeAttributes, kb: string, b: NodeAttributes): number {
  if (a.kind === 'Quote' && b.kind === 'Quote') {
    const qa = a as QuoteNodeAttributes;
    const qb = b as QuoteNodeAttributes;
    return compareStrings(qa.doc, qb.doc) || qa.start - qb.start || compareStrings(ka, kb);
  }
  return compareStrings(ka, kb);
}
