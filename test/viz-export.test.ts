/**
 * GEXF and GraphML of graphs extract() made from real articles (the seed, a
 * three-article corpus, an article full of markup): written by newsgraph,
 * parsed back by graphology's own gexf / graphml packages, they carry the
 * same nodes, edges and attributes.
 */
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewsGraph } from '../src/types.js';
import { fromGexf, toGexf } from '../src/viz/gexf.js';
import { fromGraphml, toGraphml } from '../src/viz/graphml.js';
import { corpusGraph, hostileGraph, seedGraph } from './viz-sample.js';

function nodesAndEdges(graph: NewsGraph) {
  const data = graph.export();
  return { nodes: data.nodes, edges: data.edges };
}

describe('GEXF', () => {
  it('round-trips nodes, edges and attributes, hostile strings included', () => {
    for (const graph of [seedGraph(), corpusGraph(), hostileGraph()]) {
      const back = fromGexf(toGexf(graph));
      expect(back.order).toBe(graph.order);
      expect(back.size).toBe(graph.size);
      expect(nodesAndEdges(back)).toEqual(nodesAndEdges(graph));
      expect(back.getAttribute('documents')).toEqual(graph.getAttribute('documents'));
    }
  });

  it('gives Gephi kinds, names, relation types, aliases as a list, and the layout', () => {
    const xml = toGexf(seedGraph());
    expect(xml).toContain('<gexf version="1.3"');
    const raw = parseGexf(MultiDirectedGraph, xml);
    const musk = raw.getNodeAttributes('Person:Elon Musk');
    const graph = seedGraph();
    expect(musk).toMatchObject({
      label: 'Elon Musk',
      kind: 'Person',
      name: 'Elon Musk',
      mentions: graph.getNodeAttribute('Person:Elon Musk', 'mentions' as never),
      aliases: graph.getNodeAttribute('Person:Elon Musk', 'aliases' as never),
    });
    expect(typeof musk.x).toBe('number');
    expect(musk.color).toMatch(/^#|rgb/);
    const support = raw.edges('Person:Elon Musk', 'Person:Pierre Poilievre').map((e) => raw.getEdgeAttributes(e));
    expect(support).toEqual([expect.objectContaining({ type: 'SUPPORTS', verb: 'expressed support for', label: 'SUPPORTS' })]);
    // Every relation type of the graph is an edge attribute Gephi can partition by.
    const types = (g: { forEachEdge: NewsGraph['forEachEdge'] }) => {
      const seen = new Set<string>();
      g.forEachEdge((_e, a) => seen.add(String(a.type)));
      return [...seen].sort();
    };
    expect(types(raw as never)).toEqual(types(graph));
  });
});

describe('GraphML', () => {
  it('round-trips the whole graph, graph attributes included', () => {
    for (const graph of [seedGraph(), corpusGraph(), hostileGraph()]) {
      const back = fromGraphml(toGraphml(graph));
      expect(back.order).toBe(graph.order);
      // Options (self-loops allowed or not) are the graph object's, not its content.
      const content = (g: NewsGraph) => {
        const { attributes, nodes, edges } = g.export();
        return { attributes, nodes, edges };
      };
      expect(content(back)).toEqual(content(graph));
    }
  });

  it('gives other tools typed attributes and the layout', () => {
    const graph = seedGraph();
    const raw = parseGraphml(MultiDirectedGraph, toGraphml(graph));
    const musk = raw.getNodeAttributes('Person:Elon Musk');
    expect(musk).toMatchObject({ label: 'Elon Musk', kind: 'Person', name: 'Elon Musk', mentions: graph.getNodeAttribute('Person:Elon Musk', 'mentions' as never) });
    expect(JSON.parse(musk.aliases_json as string)).toEqual(graph.getNodeAttribute('Person:Elon Musk', 'aliases' as never));
    const support = raw.edges('Person:Elon Musk', 'Person:Pierre Poilievre').map((e) => raw.getEdgeAttributes(e));
    expect(support).toContainEqual(expect.objectContaining({ type: 'SUPPORTS', label: 'SUPPORTS', doc: 'canada-election-interference' }));
    expect(musk.color).toMatch(/^#[0-9a-f]{6}$/);
    const quote = raw.getNodeAttributes(raw.filterNodes((_k, a) => a.kind === 'Quote')[0]!);
    expect(typeof quote.direct).toBe('boolean');
    expect(typeof quote.start).toBe('number');
  });
});

describe('any alias survives both formats', () => {
  it('holds for arbitrary strings (commas, quotes, brackets, markup, spaces)', () => {
    const alias = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '"', "'", '[', ']', '<', '&', ' ', '\\', '|', 'é', '\n') , minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(alias, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 20 }), (aliases, verb) => {
        const graph = seedGraph();
        graph.setNodeAttribute('Person:Elon Musk', 'aliases', aliases);
        graph.setEdgeAttribute(graph.edges('Person:Elon Musk', 'Person:Pierre Poilievre')[0]!, 'verb', verb);
        const clean = (g: NewsGraph) => nodesAndEdges(g);
        expect(clean(fromGexf(toGexf(graph)))).toEqual(clean(graph));
        expect(clean(fromGraphml(toGraphml(graph)))).toEqual(clean(graph));
      }),
      { numRuns: 25 },
    );
  });
});
