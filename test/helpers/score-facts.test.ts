import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from '../../src/types.js';
import { checkFixture, loadFixtures, normName, scoreFacts, totalScore, type ExpectedFacts } from './score-facts.js';

const expected: ExpectedFacts = {
  source: 'written',
  entities: [
    { name: 'Elon Musk', kind: 'Person', aliases: ['Musk', 'Mr. Musk'] },
    { name: 'Donald Trump', kind: 'Person', aliases: ['Trump'] },
    { name: 'Labour', kind: 'Party', aliases: [] },
    { name: 'U.S.', kind: 'State', aliases: [] },
  ],
  quotes: [
    { contains: 'does not fall into the category', speaker: 'Elon Musk', direct: true },
    { contains: 'no friend of mine', speaker: 'Donald Trump', direct: true },
  ],
  roles: [{ person: 'Donald Trump', title: 'President', organization: 'U.S.' }],
  relations: [
    { type: 'SUPPORTS', source: 'Elon Musk', target: 'Donald Trump' },
    { type: 'OPPOSES', source: 'Elon Musk', target: 'Labour' },
  ],
  notEntities: ['President Donald', 'More videos'],
};

/** A graph as extract() would build it, with one of each kind of mistake. */
function graph(): NewsGraph {
  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.addNode('Person:Elon Musk', { kind: 'Person', name: 'Elon Musk', aliases: ['Elon Musk', 'Musk'], mentions: 3 });
  g.addNode('Person:President Donald', { kind: 'Person', name: 'President Donald', aliases: ['President Donald', 'Trump’s'], mentions: 2 });
  g.addNode('Organization:Labour', { kind: 'Organization', name: 'Labour', aliases: ['Labour'], mentions: 1 });
  g.addNode('State:United States', { kind: 'State', name: 'United States', aliases: ['U.S'], mentions: 2 });
  const quote = (key: string, text: string): void => {
    g.addNode(key, { kind: 'Quote', text, direct: true, doc: 'd', sentence: 0, start: 0, end: 1 });
  };
  quote('Quote:d:10', '“Mr. Musk … does not fall into the category of foreign interference,”');
  quote('Quote:d:90', 'no friend of mine.');
  quote('Quote:d:200', 'a quote nobody said');
  g.addEdgeWithKey('SAID:1', 'Person:Elon Musk', 'Quote:d:10', { type: 'SAID', verb: 'said' });
  g.addEdgeWithKey('SAID:2', 'Person:Elon Musk', 'Quote:d:90', { type: 'SAID', verb: 'said' });
  g.addEdgeWithKey('HOLDS_ROLE:1', 'Person:President Donald', 'State:United States', { type: 'HOLDS_ROLE', title: 'U.S. President' });
  g.addEdgeWithKey('SUPPORTS:1', 'Person:Elon Musk', 'Person:President Donald', { type: 'SUPPORTS', verb: 'support' });
  g.addEdgeWithKey('SUPPORTS:2', 'Person:Elon Musk', 'Person:President Donald', { type: 'SUPPORTS', verb: 'backed' });
  g.addEdgeWithKey('OPPOSES:1', 'Organization:Labour', 'Person:Elon Musk', { type: 'OPPOSES', verb: 'attacked' });
  return g;
}

describe('scoreFacts', () => {
  const s = scoreFacts(graph(), expected);

  it('matches entities by kind and any shared name, possessives and periods ignored', () => {
    // Musk by name, Trump through the alias "Trump’s", U.S. through "U.S"; Labour has the wrong kind.
    expect(s.entities.found).toBe(3);
    expect(s.entities.missing).toEqual(['Party:Labour (found as Organization:Labour)']);
    expect(s.entities.wrong).toEqual(['Organization:Labour']);
    expect(s.entities.precision).toBeCloseTo(3 / 4);
  });

  it('names a second node for one entity as a duplicate', () => {
    const g = graph();
    g.addNode('Person:Musk', { kind: 'Person', name: 'Musk', aliases: ['Musk'], mentions: 1 });
    const d = scoreFacts(g, expected);
    expect(d.entities.found).toBe(3);
    expect(d.entities.wrong).toContain('Person:Musk (duplicate of Person:Elon Musk)');
  });

  it('needs the snippet and the right speaker for a quote', () => {
    expect(s.quotes.found).toBe(1);
    expect(s.quotes.missing[0]).toContain('no friend of mine');
    expect(s.quotes.missing[0]).toContain('Person:Elon Musk');
    expect(s.quotes.predicted).toBe(2);
    expect(s.quotes.unattributed).toBe(1);
  });

  it('accepts a role whose title contains the expected one', () => {
    expect(s.roles.found).toBe(1);
    expect(s.roles.precision).toBe(1);
  });

  it('scores relations by type and direction, counting repeated edges once', () => {
    expect(s.relations.found).toBe(1);
    expect(s.relations.predicted).toBe(2);
    expect(s.relations.missing).toEqual(['Elon Musk OPPOSES Labour']);
  });

  it('leaves a MEMBER_OF that restates an expected role out of precision, and counts other extra MEMBER_OF edges as wrong', () => {
    const g = graph();
    g.addNode('Party:Republicans', { kind: 'Party', name: 'Republicans', aliases: ['Republicans'], mentions: 1 });
    g.addNode('State:Canada', { kind: 'State', name: 'Canada', aliases: ['Canada'], mentions: 1 });
    // Trump is President of the U.S. (an expected role): membership of the U.S. is implied by it.
    g.addEdgeWithKey('MEMBER_OF:1', 'Person:President Donald', 'State:United States', { type: 'MEMBER_OF' });
    // Nothing expected says Trump belongs to Canada or Musk to the Republicans.
    g.addEdgeWithKey('MEMBER_OF:2', 'Person:President Donald', 'State:Canada', { type: 'MEMBER_OF' });
    g.addEdgeWithKey('MEMBER_OF:3', 'Person:Elon Musk', 'Party:Republicans', { type: 'MEMBER_OF' });
    const r = scoreFacts(g, expected).relations;
    expect(r.predicted).toBe(4);
    expect(r.wrong).toEqual(['Organization:Labour OPPOSES Person:Elon Musk', 'Person:President Donald MEMBER_OF State:Canada', 'Person:Elon Musk MEMBER_OF Party:Republicans']);
  });

  it('flags nodes named like a non-entity', () => {
    expect(s.notEntities).toEqual(['Person:President Donald (is "President Donald")']);
  });

  it('sums scores as a micro average', () => {
    const t = totalScore([s.entities, s.relations]);
    expect(t.found).toBe(4);
    expect(t.expected).toBe(6);
  });
});

describe('checkFixture', () => {
  const facts = (entities: ExpectedFacts['entities']): ExpectedFacts => ({ source: 'written', entities, quotes: [], roles: [], relations: [], notEntities: [] });

  it('accepts a State named only by its demonym, but not other kinds or a missing demonym', () => {
    const text = 'Dutch MEP Pieter van Oosterhout spoke.';
    expect(checkFixture(text, facts([{ name: 'Netherlands', kind: 'State', aliases: ['Dutch'] }]))).toEqual([]);
    expect(checkFixture(text, facts([{ name: 'Netherlands', kind: 'State', aliases: [] }]))).toEqual(['entity form not in text: Netherlands']);
    expect(checkFixture(text, facts([{ name: 'Netherlands', kind: 'State', aliases: ['Nederlands'] }]))).toEqual(['entity form not in text: Nederlands']);
    expect(checkFixture(text, facts([{ name: 'Oosterhout Party', kind: 'Party', aliases: ['Oosterhout'] }]))).toEqual(['entity form not in text: Oosterhout Party']);
  });
});

describe('normName', () => {
  it('ignores case, curly apostrophes, a leading "the", possessives and periods', () => {
    expect(normName('The Associated Press')).toBe('associated press');
    expect(normName('Britain’s')).toBe('britain');
    expect(normName('U.S.')).toBe(normName('US'));
  });
});

describe('fixtures', () => {
  const fixtures = loadFixtures();

  it('include the seed and at least ten articles from other countries', () => {
    expect(fixtures.some((f) => f.slug === 'canada-election-interference')).toBe(true);
    expect(fixtures.filter((f) => f.path.includes('/articles/')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures.map((f) => [f.slug, f] as const))('%s states only facts its text contains', (_slug, f) => {
    expect(checkFixture(f.text, f.expected)).toEqual([]);
  });
});
