/**
 * One entity's slice of a corpus graph: the entity, everything it said,
 * everything said about it, its relations and roles, the people and bodies on
 * the other end, and the source sentences of all of it. This is what a
 * summary "of everything the corpus says by and about X" walks.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  isEntityKind,
  NewsgraphError,
  type EdgeAttributes,
  type GraphAttributes,
  type NewsGraph,
  type NodeAttributes,
} from '../types.js';
import { compareStrings } from '../names.js';

type SentenceIndex = NonNullable<GraphAttributes['sentences']>[string];

/**
 * Find the entity node a user means by `name`: a node key (`State:Georgia`),
 * a canonical name, or an alias, case-insensitively; canonical names win
 * over aliases. Several kinds answering to one name is an error naming them.
 */
export function findEntity(graph: NewsGraph, name: string): string {
  const wanted = name.trim().toLowerCase();
  if (graph.hasNode(name.trim()) && isEntityKind(graph.getNodeAttribute(name.trim(), 'kind'))) return name.trim();
  const byName: string[] = [];
  const byAlias: string[] = [];
  graph.forEachNode((key, attrs) => {
    if (!isEntityKind(attrs.kind)) return;
    const entity = attrs as Extract<NodeAttributes, { aliases: string[] }>;
    if (entity.name.toLowerCase() === wanted) byName.push(key);
    else if (entity.aliases.some((alias) => alias.toLowerCase() === wanted)) byAlias.push(key);
  });
  const found = byName.length > 0 ? byName : byAlias;
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new NewsgraphError(`no entity named "${name}" in the corpus`);
  const keys = found.sort(compareStrings).join(', ');
  throw new NewsgraphError(`"${name}" names several entities (${keys}); give one as Kind:Name`);
}

/**
 * The sub-graph of everything said by and about one entity (see findEntity
 * for `name`). Node and edge attributes are copied unchanged; graph
 * attributes keep only the documents and sentences the slice cites.
 */
export function entitySubgraph(graph: NewsGraph, name: string): NewsGraph {
  const center = findEntity(graph, name);
  const nodes = new Set<string>([center]);
  const edges = new Set<string>();
  const take = (edge: string, source: string, target: string): void => {
    edges.add(edge);
    nodes.add(source);
    nodes.add(target);
  };

  // The entity's own edges: quotes it said, quotes about it, relations, roles, documents.
  graph.forEachEdge(center, (edge, _attrs, source, target) => take(edge, source, target));
  // Around each of its quotes: who said it and whom else it names.
  const quotes = [...nodes].filter((key) => graph.getNodeAttribute(key, 'kind') === 'Quote');
  for (const quote of quotes) {
    graph.forEachEdge(quote, (edge, attrs, source, target) => {
      if (attrs.type === 'SAID' || attrs.type === 'ABOUT') take(edge, source, target);
    });
  }
  // Roles of every person in the slice, so first mentions can say who they are.
  for (const key of [...nodes]) {
    if (graph.getNodeAttribute(key, 'kind') !== 'Person') continue;
    graph.forEachOutEdge(key, (edge, attrs, source, target) => {
      if (attrs.type === 'HOLDS_ROLE') take(edge, source, target);
    });
  }
  // The documents every fact comes from.
  const cited = new Map<string, Set<number>>();
  const cite = (doc: string | undefined, sentence: number | undefined): void => {
    if (doc === undefined) return;
    const set = cited.get(doc) ?? new Set<number>();
    if (sentence !== undefined) set.add(sentence);
    cited.set(doc, set);
  };
  for (const edge of edges) {
    const attrs = graph.getEdgeAttributes(edge);
    cite(attrs.doc, attrs.sentence);
    const target = graph.getNodeAttributes(graph.target(edge));
    if (target.kind === 'Document') cite(target.id, undefined);
  }
  for (const key of nodes) {
    const attrs = graph.getNodeAttributes(key);
    if (attrs.kind === 'Quote') cite(attrs.doc, attrs.sentence);
  }
  for (const doc of cited.keys()) if (graph.hasNode(`Document:${doc}`)) nodes.add(`Document:${doc}`);

  const slice: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const documents = (graph.getAttribute('documents') ?? []).filter((doc) => cited.has(doc));
  const allSentences = graph.getAttribute('sentences') ?? {};
  const sentences: Record<string, SentenceIndex> = {};
  for (const doc of documents) {
    const wanted = cited.get(doc)!;
    sentences[doc] = (allSentences[doc] ?? []).filter((sentence) => wanted.has(sentence.index));
  }
  slice.replaceAttributes({ documents, sentences });
  // Keep the corpus graph's order: the slice is as deterministic as the corpus.
  graph.forEachNode((key, attrs) => {
    if (nodes.has(key)) slice.addNode(key, { ...attrs });
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    if (edges.has(edge)) slice.addEdgeWithKey(edge, source, target, { ...attrs });
  });
  return slice;
}
