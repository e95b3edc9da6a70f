/**
 * mergeGraphs on hand-built article graphs shaped like extract()'s output
 * (one Document node each, entity keys `${kind}:${name}`, explicit edge keys).
 */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { entitySubgraph, findEntity, mergeGraphs } from '../src/corpus/index.js';
import type { EdgeAttributes, EntityKind, GraphAttributes, NewsGraph, NodeAttributes } from '../src/types.js';

interface Spec {
  id: string;
  entities: Array<[EntityKind, string, string[], number]>;
  quotes?: Array<{ start: number; text: string; speaker: string; about?: string[] }>;
  relations?: Array<{ type: EdgeAttributes['type']; source: string; target: string; start: number; verb?: string; title?: string }>;
}

function article(spec: Spec): NewsGraph {
  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const doc = `Document:${spec.id}`;
  g.replaceAttributes({
    documents: [spec.id],
    sentences: { [spec.id]: [0, 1, 2].map((index) => ({ index, start: index * 100, end: index * 100 + 90, text: `Sentence ${index} of ${spec.id}.`, paragraph: 0 })) },
  });
  g.addNode(doc, { kind: 'Document', name: spec.id, id: spec.id, words: 120 });
  for (const [kind, name, aliases, mentions] of spec.entities) {
    const key = `${kind}:${name}`;
    g.addNode(key, { kind, name, aliases, mentions });
    g.addEdgeWithKey(`MENTIONED_IN:${key}->${doc}`, key, doc, { type: 'MENTIONED_IN', count: mentions });
  }
  for (const q of spec.quotes ?? []) {
    const key = `Quote:${spec.id}:${q.start}`;
    g.addNode(key, { kind: 'Quote', text: q.text, direct: true, doc: spec.id, sentence: Math.floor(q.start / 100), start: q.start, end: q.start + q.text.length });
    const prov = { doc: spec.id, sentence: Math.floor(q.start / 100), start: q.start, end: q.start + q.text.length };
    g.addEdgeWithKey(`SAID:${q.speaker}->${key}:${q.start}`, q.speaker, key, { type: 'SAID', verb: 'said', ...prov });
    for (const about of q.about ?? []) g.addEdgeWithKey(`ABOUT:${key}->${about}:${q.start}`, key, about, { type: 'ABOUT', ...prov });
  }
  for (const r of spec.relations ?? []) {
    const attrs: EdgeAttributes = { type: r.type, doc: spec.id, sentence: Math.floor(r.start / 100), start: r.start, end: r.start + 10 };
    if (r.verb) attrs.verb = r.verb;
    if (r.title) attrs.title = r.title;
    g.addEdgeWithKey(`${r.type}:${r.source}->${r.target}:${r.start}`, r.source, r.target, attrs);
  }
  return g;
}

const a = article({
  id: 'a-musk',
  entities: [
    ['Person', 'Elon Musk', ['Elon Musk', 'Musk'], 3],
    ['Organization', 'X', ['X'], 1],
    ['Place', 'Georgia', ['Georgia'], 1],
  ],
  quotes: [{ start: 10, text: 'We will build it', speaker: 'Person:Elon Musk', about: ['Organization:X'] }],
  relations: [{ type: 'HOLDS_ROLE', source: 'Person:Elon Musk', target: 'Organization:X', start: 120, title: 'owner' }],
});
const b = article({
  id: 'b-musk',
  entities: [
    ['Person', 'Musk', ['Musk'], 2],
    ['State', 'Georgia', ['Georgia', 'Georgian'], 2],
    ['Organization', 'X', ['X', 'Twitter'], 1],
  ],
  quotes: [{ start: 10, text: 'It is done', speaker: 'Person:Musk' }],
  relations: [{ type: 'HOLDS_ROLE', source: 'Person:Musk', target: 'Organization:X', start: 120, title: 'owner' }],
});
const c = article({
  id: 'c-other',
  entities: [
    ['Person', 'Jane Smith', ['Jane Smith', 'Smith'], 2],
    ['Person', 'John Smith', ['John Smith'], 1],
    ['Person', 'Smith', ['Smith'], 1],
    ['Agency', 'Canadian Security Intelligence Service', ['CSIS', 'Canadian Security Intelligence Service'], 2],
  ],
  relations: [{ type: 'OPPOSES', source: 'Person:Jane Smith', target: 'Person:John Smith', start: 220, verb: 'attacked' }],
});
const d = article({
  id: 'd-csis',
  entities: [['Agency', 'CSIS', ['CSIS'], 4], ['Organization', 'CSIS', ['CSIS'], 1], ['Person', 'Musk', ['Musk'], 1]],
  quotes: [{ start: 5, text: 'Threats are rising', speaker: 'Agency:CSIS', about: ['Person:Musk'] }],
});

function exported(graph: NewsGraph): string {
  return JSON.stringify(graph.export());
}

describe('mergeGraphs', () => {
  const merged = mergeGraphs([a, b, c, d]);

  it('folds a surname in one article into the full name from another', () => {
    expect(merged.hasNode('Person:Musk')).toBe(false);
    const musk = merged.getNodeAttributes('Person:Elon Musk');
    expect(musk).toEqual({ kind: 'Person', name: 'Elon Musk', aliases: ['Elon Musk', 'Musk'], mentions: 6 });
    // Both documents' facts hang off the one node.
    const said = merged.outEdges('Person:Elon Musk').filter((e) => merged.getEdgeAttribute(e, 'type') === 'SAID');
    expect(said.map((e) => merged.target(e)).sort()).toEqual(['Quote:a-musk:10', 'Quote:b-musk:10']);
    const docs = merged
      .outEdges('Person:Elon Musk')
      .filter((e) => merged.getEdgeAttribute(e, 'type') === 'MENTIONED_IN')
      .map((e) => [merged.target(e), merged.getEdgeAttribute(e, 'count')]);
    expect(docs).toEqual([['Document:a-musk', 3], ['Document:b-musk', 2], ['Document:d-csis', 1]]);
    // A quote in a third article about `Musk` now points at Elon Musk.
    expect(merged.outNeighbors('Quote:d-csis:5')).toEqual(['Person:Elon Musk']);
  });

  it('keeps one edge per document where offsets repeat, with the document in the key', () => {
    const roles = merged.outEdges('Person:Elon Musk').filter((e) => merged.getEdgeAttribute(e, 'type') === 'HOLDS_ROLE');
    // Keys are the articles' own (b-musk named only `Musk`), so loading an article alone gives the same key.
    expect(roles.sort()).toEqual([
      'HOLDS_ROLE:Person:Elon Musk->Organization:X:a-musk:120',
      'HOLDS_ROLE:Person:Musk->Organization:X:b-musk:120',
    ]);
    expect(roles.map((e) => merged.getEdgeAttribute(e, 'doc')).sort()).toEqual(['a-musk', 'b-musk']);
  });

  it('never merges different kinds, and unions aliases of one kind', () => {
    expect(merged.getNodeAttributes('Place:Georgia')).toMatchObject({ kind: 'Place', aliases: ['Georgia'], mentions: 1 });
    expect(merged.getNodeAttributes('State:Georgia')).toMatchObject({ kind: 'State', aliases: ['Georgia', 'Georgian'], mentions: 2 });
    expect(merged.getNodeAttributes('Organization:X')).toMatchObject({ aliases: ['Twitter', 'X'], mentions: 2 });
    expect(merged.hasNode('Organization:CSIS')).toBe(true);
  });

  it('folds an acronym into the unique agency that answers to it', () => {
    expect(merged.hasNode('Agency:CSIS')).toBe(false);
    expect(merged.getNodeAttributes('Agency:Canadian Security Intelligence Service')).toMatchObject({ mentions: 6 });
    expect(merged.inNeighbors('Quote:d-csis:5')).toEqual(['Agency:Canadian Security Intelligence Service']);
  });

  it('folds an acronym spelled by the initials of a fuller name of the same kind', () => {
    const eu = article({ id: 'e-eu', entities: [['Agency', 'EU', ['EU'], 2], ['State', 'US', ['US'], 1], ['Party', 'SPD', ['SPD'], 1]] });
    const union = article({
      id: 'f-union',
      entities: [
        ['Agency', 'European Union', ['European Union'], 1],
        ['State', 'United States', ['United States'], 1],
        ['Organization', 'Social Policy Directorate', ['Social Policy Directorate'], 1],
      ],
    });
    const g = mergeGraphs([eu, union]);
    expect(g.hasNode('Agency:EU')).toBe(false);
    expect(g.getNodeAttributes('Agency:European Union')).toMatchObject({ aliases: ['EU', 'European Union'], mentions: 3 });
    // Kinds still never mix, and states are left to their aliases.
    expect(g.hasNode('Party:SPD')).toBe(true);
    expect(g.hasNode('State:US')).toBe(true);
  });

  it('leaves an ambiguous surname alone', () => {
    // `Smith` answers to Jane Smith (alias) and John Smith (surname): no merge.
    expect(merged.hasNode('Person:Smith')).toBe(true);
    expect(merged.hasNode('Person:Jane Smith')).toBe(true);
    expect(merged.hasNode('Person:John Smith')).toBe(true);
  });

  it('lists documents sorted by id with their sentences', () => {
    expect(merged.getAttribute('documents')).toEqual(['a-musk', 'b-musk', 'c-other', 'd-csis']);
    expect(Object.keys(merged.getAttribute('sentences') ?? {})).toEqual(['a-musk', 'b-musk', 'c-other', 'd-csis']);
    expect(merged.filterNodes((_k, attrs) => attrs.kind === 'Document')).toHaveLength(4);
  });

  it('does not depend on the order of its inputs', () => {
    const expected = exported(merged);
    for (const order of [[d, c, b, a], [b, d, a, c], [c, a, d, b]]) expect(exported(mergeGraphs(order))).toBe(expected);
  });

  it('does not change its inputs', () => {
    const before = exported(b);
    mergeGraphs([a, b]);
    expect(exported(b)).toBe(before);
  });

  it('merges merged graphs again to the same graph', () => {
    const twice = mergeGraphs([mergeGraphs([a, c]), mergeGraphs([d, b])]);
    expect(exported(twice)).toBe(exported(merged));
  });

  it('refuses two articles with the same id', () => {
    expect(() => mergeGraphs([a, a])).toThrow(/document id "a-musk" occurs twice/);
  });
});

describe('entitySubgraph', () => {
  const merged = mergeGraphs([a, b, c, d]);

  it('gathers what an entity said, what was said about it, and its roles, from every document', () => {
    const slice = entitySubgraph(merged, 'musk');
    expect(slice.nodes().sort()).toEqual([
      'Agency:Canadian Security Intelligence Service',
      'Document:a-musk',
      'Document:b-musk',
      'Document:d-csis',
      'Organization:X',
      'Person:Elon Musk',
      'Quote:a-musk:10',
      'Quote:b-musk:10',
      'Quote:d-csis:5',
    ]);
    expect(slice.getAttribute('documents')).toEqual(['a-musk', 'b-musk', 'd-csis']);
    // Only the sentences the facts come from.
    expect(slice.getAttribute('sentences')?.['a-musk']?.map((s) => s.index)).toEqual([0, 1]);
    expect(slice.getAttribute('sentences')?.['d-csis']?.map((s) => s.index)).toEqual([0]);
  });

  it('refuses an unknown or ambiguous name with a clear message', () => {
    expect(() => entitySubgraph(merged, 'Nobody')).toThrow(/no entity named "Nobody"/);
    expect(() => findEntity(merged, 'Georgia')).toThrow(/Place:Georgia, State:Georgia/);
    expect(findEntity(merged, 'State:Georgia')).toBe('State:Georgia');
    expect(findEntity(merged, 'Georgian')).toBe('State:Georgia');
  });
});
