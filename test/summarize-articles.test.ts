/**
 * The summarizer on real articles of different shapes, through the real
 * extraction: M from 1 to 8, N from 60 to 2000, and each article's own
 * instruction line when it has one. Quotes kept must name the speaker the
 * fixture's expectations give (when it has them), not only the graph's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';
import { summarize, summarizeGraph } from '../src/summarize/index.js';
import { resolveShape } from '../src/summarize/budget.js';
import { checkExpectedSpeakers, checkSummary, type ExpectedQuote } from './summarize-checks.js';

const DIR = join(import.meta.dirname, 'fixtures', 'articles');
const ARTICLES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Shapes spread over the articles so each runs a few and all of them run somewhere. */
const SHAPES: Array<[number, number]> = [
  [1, 60],
  [2, 120],
  [3, 200],
  [4, 300],
  [5, 450],
  [6, 700],
  [7, 1000],
  [8, 2000],
];

describe.each(ARTICLES)('%s', (file) => {
  const original = readFileSync(join(DIR, file), 'utf8');
  const analysis = analyze(original);
  const graph = extract(original);
  const expectedFile = join(DIR, file.replace(/\.txt$/, '.expected.json'));
  const expected = existsSync(expectedFile)
    ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as { quotes?: ExpectedQuote[] }).quotes ?? []
    : [];
  const k = ARTICLES.indexOf(file);
  const shapes = [SHAPES[k % SHAPES.length]!, SHAPES[(k + 3) % SHAPES.length]!, SHAPES[(k + 6) % SHAPES.length]!];

  it.each(shapes)('M=%i N=%i: shape, ceiling, no repeats, no furniture, quotes attributed, traceable', (m, n) => {
    const summary = summarizeGraph(graph, { paragraphs: m, words: n });
    checkSummary({
      summary, graph, original, furniture: analysis.normalized.furniture, paragraphs: m, words: n,
    });
    // The speakers the article gives, not only the graph's.
    checkExpectedSpeakers(summary, original, expected, graph);
  });

  it('follows the instruction line, or the defaults, and is deterministic', () => {
    const shape = resolveShape({}, analysis.normalized.instruction);
    const summary = summarize(original);
    checkSummary({
      summary, graph, original, furniture: analysis.normalized.furniture, paragraphs: shape.paragraphs, words: shape.words,
    });
    expect(summarize(original).text).toBe(summary.text);
    expect(JSON.stringify(summarizeGraph(extract(original)))).toBe(JSON.stringify(summary));
  });
});
