/**
 * The faithfulness corpus: 31 short news articles written for these tests
 * (test/fixtures/summaries/), dense with pronouns — several people of the
 * same gender quoted in turn, victims and defendants, people and companies,
 * unnamed spokespeople, questions, glued captions — each with the speaker
 * the article gives every quote (`.speakers.json`, written from the text).
 *
 * Every summary, at 1, 3 and 6 paragraphs and a small and a large budget:
 * the shared checks (shape, ceiling, traceability, every replaced pronoun
 * licensed by its SAID edge, no back-reference without its antecedent, no
 * fragment, every kept quote with the graph's speaker), and no quote ever
 * put in a mouth other than the one the article gives it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';
import { summarizeGraph } from '../src/summarize/index.js';
import type { NewsGraph, QuoteNodeAttributes } from '../src/types.js';
import { checkSummary, holds, locateQuote, wrongSpeakers, type ExpectedQuote } from './summarize-checks.js';

const DIR = join(import.meta.dirname, 'fixtures', 'summaries');
const ARTICLES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();


/** The speakers the graph gives the quote holding `contains`. */
function graphSpeakers(graph: NewsGraph, original: string, contains: string): string[] {
  const at = locateQuote(original, contains)!;
  const out: string[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'Quote' || !holds(attrs as QuoteNodeAttributes, at)) return;
    graph.forEachInEdge(key, (_e, ea, source) => void (ea.type === 'SAID' && out.push(source)));
  });
  return out;
}

const SHAPES: Array<[number, number]> = [
  [1, 50],
  [1, 400],
  [3, 50],
  [3, 400],
  [6, 60],
  [6, 400],
];

describe('the faithfulness corpus', () => {
  it('holds at least 30 articles, each with the expected speaker of every quote', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(30);
    for (const file of ARTICLES) {
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.speakers.json')), 'utf8')) as { quotes: ExpectedQuote[] };
      expect(expected.quotes.length, file).toBeGreaterThan(0);
    }
  });
});

describe.each(ARTICLES)('%s', (file) => {
  const original = readFileSync(join(DIR, file), 'utf8');
  const { quotes } = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.speakers.json')), 'utf8')) as { quotes: ExpectedQuote[] };
  const analysis = analyze(original);
  const graph = extract(original);

  it.each(SHAPES)('M=%i N=%i: faithful to the graph, never a wrong speaker', (m, n) => {
    const summary = summarizeGraph(graph, { paragraphs: m, words: n });
    // A short article may not hold M paragraphs' worth: fewer, and the summary says so.
    expect(summary.paragraphs.length).toBeLessThanOrEqual(m);
    if (summary.paragraphs.length < m) expect(summary.messages.length).toBeGreaterThan(0);
    checkSummary({ summary, graph, original, furniture: analysis.normalized.furniture, paragraphs: summary.paragraphs.length, words: n });
    expect(wrongSpeakers(summary, graph, original, quotes)).toEqual([]);
  });
});

// The graph itself: every quote of the corpus is given to the article's speaker (a `he` after `The prince said`
// or after a third man named between two others is whom the article means, or no one), so the summary, faithful
// to the graph, inherits no wrong speaker.
describe.each(ARTICLES)('%s: the graph gives every quote its speaker', (file) => {
  const original = readFileSync(join(DIR, file), 'utf8');
  const { quotes } = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.speakers.json')), 'utf8')) as { quotes: ExpectedQuote[] };
  const graph = extract(original);
  it('no quote is given to anyone else', () => {
    const wrong = quotes.flatMap((q) => {
      const names = graphSpeakers(graph, original, q.contains).map((key) => graph.getNodeAttribute(key, 'name') as string);
      return names.some((n) => !n.toLowerCase().split(/\s+/).some((w) => q.speaker.toLowerCase().split(/\s+/).includes(w))) ? [`${q.contains} → ${names.join(', ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});
