/**
 * The shape of a graph as the viewer draws it: an undirected weighted
 * projection (documents left out, parallel edges as a weight), its Louvain
 * communities and each node's centrality rank. Deterministic: nodes and
 * edges enter in sorted order and Louvain draws from a seeded generator, so
 * the same graph always gives the same communities and ranks.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { NewsGraph } from '../types.js';
import { isEntityNode } from '../types.js';

// Both are CommonJS whose typings declare a default export; under NodeNext the default import may be the module object.
type Louvain = typeof louvainModule.default;
const louvain: Louvain = (louvainModule as unknown as { default?: Louvain }).default ?? (louvainModule as unknown as Louvain);
type Pagerank = (graph: UndirectedGraph, options: { getEdgeWeight: string }) => Record<string, number>;
const pagerank: Pagerank = (pagerankModule as unknown as { default?: Pagerank }).default ?? (pagerankModule as unknown as Pagerank);

/** Every node but documents (they would join everything), each pair's parallel edges as one `weight`. */
export function projection(graph: NewsGraph): UndirectedGraph {
  const projected = new UndirectedGraph();
  for (const key of graph.nodes().filter((k) => graph.getNodeAttribute(k, 'kind') !== 'Document').sort()) projected.addNode(key);
  const pairs = graph
    .edges()
    .map((edge) => ({ source: graph.source(edge), target: graph.target(edge) }))
    .filter(({ source, target }) => source !== target && projected.hasNode(source) && projected.hasNode(target))
    .sort((a, b) => (a.source + '\0' + a.target < b.source + '\0' + b.target ? -1 : 1));
  for (const { source, target } of pairs) {
    if (projected.hasEdge(source, target)) projected.updateEdgeAttribute(source, target, 'weight', (w: number | undefined) => (w ?? 1) + 1);
    else projected.addEdge(source, target, { weight: 1 });
  }
  return projected;
}

/** mulberry32: a tiny seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Community {
  /** 0 is the largest. */
  id: number;
  size: number;
  /** Its most central entities' names, for the legend. */
  label: string;
}

export interface Structure {
  /** Each node's community (documents: none). */
  community: Map<string, number>;
  communities: Community[];
  /** Each node's centrality rank: 0 the most central (PageRank in the projection). */
  rank: Map<string, number>;
}

const LABEL_MEMBERS = 3;

export function graphStructure(graph: NewsGraph): Structure {
  const projected = projection(graph);
  const raw = projected.order > 0 ? louvain(projected, { getEdgeWeight: 'weight', rng: seededRandom(0x5eed) }) : {};
  const scores = projected.size > 0 ? pagerank(projected, { getEdgeWeight: 'weight' }) : {};
  const ranked = projected.nodes().sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || (a < b ? -1 : 1));
  const rank = new Map(ranked.map((key, i) => [key, i]));

  // Communities renumbered by size (then by their most central member), so ids and colours are stable.
  const members = new Map<number, string[]>();
  for (const key of ranked) {
    const list = members.get(raw[key]!);
    if (list) list.push(key);
    else members.set(raw[key]!, [key]);
  }
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || rank.get(a[0]!)! - rank.get(b[0]!)!);
  const community = new Map<string, number>();
  const communities: Community[] = ordered.map((keys, id) => {
    for (const key of keys) community.set(key, id);
    const names = keys
      .map((key) => graph.getNodeAttributes(key))
      .filter(isEntityNode)
      .slice(0, LABEL_MEMBERS)
      .map((attrs) => attrs.name);
    return { id, size: keys.length, label: names.join(', ') };
  });
  return { community, communities, rank };
}
