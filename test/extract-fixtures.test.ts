/**
 * Extraction quality on every fixture article (the seed and the blind ones),
 * scored against expected facts written from the text alone. The floors sit a
 * little under today's figures so a regression in any category fails.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';
import { loadFixtures, scoreFacts, totalScore, type FactsScore } from './helpers/score-facts.js';

const fixtures = loadFixtures();
const scores = new Map<string, FactsScore>(fixtures.map((f) => [f.slug, scoreFacts(extract(f.text, { source: f.slug }), f.expected)]));
const total = (category: 'entities' | 'quotes' | 'roles' | 'relations') => totalScore([...scores.values()].map((s) => s[category]));

describe('extraction on the fixture articles', () => {
  it('covers the seed and at least twenty other articles', () => {
    expect(fixtures.some((f) => f.slug === 'canada-election-interference')).toBe(true);
    expect(fixtures.length).toBeGreaterThanOrEqual(21);
  });

  it('is perfect on the seed’s entities and roles and misses at most one quote there', () => {
    const seed = scores.get('canada-election-interference')!;
    expect(seed.entities.wrong).toEqual([]);
    expect(seed.entities.missing).toEqual([]);
    expect(seed.roles.missing).toEqual([]);
    expect(seed.quotes.wrong).toEqual([]);
    expect(seed.quotes.missing.length).toBeLessThanOrEqual(1);
    expect(seed.relations.missing).toEqual([]);
  });

  it.each([
    ['entities', 0.82, 0.86],
    ['quotes', 0.9, 0.86],
    ['roles', 0.92, 0.78],
    ['relations', 0.7, 0.55],
  ] as const)('%s: precision ≥ %s and recall ≥ %s over all articles', (category, precision, recall) => {
    const t = total(category);
    expect(t.precision, `${category} precision; wrong: ${t.wrong.slice(0, 10).join('; ')}`).toBeGreaterThanOrEqual(precision);
    expect(t.recall, `${category} recall; missing: ${t.missing.slice(0, 10).join('; ')}`).toBeGreaterThanOrEqual(recall);
  });

  it('attributes most direct quotes in every article', () => {
    for (const [slug, s] of scores) {
      const attributed = s.quotes.predicted;
      expect(attributed / (attributed + s.quotes.unattributed), slug).toBeGreaterThanOrEqual(0.6);
    }
  });
});
