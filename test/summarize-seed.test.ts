/**
 * The seed article, as the user asked: `Summarize this content to 2000 words
 * in 6 paragraphs`. A reader who never saw the article must learn what the
 * officials said about Musk (and who said it, with their office), the line
 * between public opinion and covert interference, the monitoring machinery,
 * the threat assessment and the Freeland example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';
import { summarize } from '../src/summarize/index.js';
import { countWords } from '../src/summarize/budget.js';
import { checkExpectedSpeakers, checkSummary } from './summarize-checks.js';

const SEED = join(import.meta.dirname, 'fixtures', 'seed', 'canada-election-interference.txt');
const original = readFileSync(SEED, 'utf8');
const expected = JSON.parse(readFileSync(SEED.replace(/\.txt$/, '.expected.json'), 'utf8')) as {
  quotes: Array<{ contains: string; speaker: string; direct: boolean }>;
};

describe('the seed summary', () => {
  const graph = extract(original);
  const summary = summarize(graph);
  const text = summary.text;

  it('answers the instruction line: 6 paragraphs, at most 2000 words, about half the article (DESIGN.md: roughly 450-700 words)', () => {
    expect(summary.requested).toEqual({ paragraphs: 6, words: 2000 });
    checkSummary({
      summary, graph, original, furniture: analyze(original).normalized.furniture, paragraphs: 6, words: 2000,
    });
    const articleWords = countWords(original.split('\n').slice(1).join('\n'));
    expect(summary.words).toBeGreaterThanOrEqual(450);
    expect(summary.words).toBeLessThanOrEqual(Math.min(700, Math.round(articleWords * 0.7)));
  });

  it('says what officials said about Musk, and who said it with their office', () => {
    expect(text).toContain('does not fall into the category of foreign interference');
    expect(text).toMatch(/Laurie-Anne Kempton, assistant secretary to the cabinet for communications at the Privy Council Office/);
    expect(text).toMatch(/Allen Sutherland, assistant secretary to the cabinet for democratic institutions/);
    expect(text).toMatch(/expression of personal opinion|not clandestine/);
  });

  it('covers the interventions, the monitoring machinery, the threat assessment and the Freeland example', () => {
    expect(text).toMatch(/Musk/);
    expect(text).toMatch(/Trump/);
    expect(text).toMatch(/Security and Intelligence Threats to Elections \(SITE\)/);
    // The monitoring machinery: the task force, and the panel that decides on warnings, introduced where the
    // article introduces it (what Kempton says of `the panel` cannot stand without it), with what it decides.
    expect(text).toMatch(/election integrity panel[^.]*warning to voters/);
    expect(text).toMatch(/The panel is not evaluating individual opinions|threshold for a public warning/);
    for (const state of ['China', 'India', 'Russia', 'Pakistan']) expect(text).toContain(state);
    expect(text).toMatch(/deepfakes/);
    expect(text).toMatch(/Freeland/);
  });

  it('lifts at most half its sentences verbatim; each generated sentence cites the graph nodes and edges it states', () => {
    const sentences = summary.paragraphs.flatMap((p) => p.sentences);
    const articleTexts = new Set((graph.getAttribute('sentences')?.[summary.doc] ?? []).map((s) => s.text.trim()));
    const verbatim = sentences.filter((s) => articleTexts.has(s.text));
    expect(verbatim.length).toBeLessThanOrEqual(sentences.length / 2);
    const generated = sentences.filter((s) => s.kind === 'generated');
    expect(generated.length).toBeGreaterThan(0);
    for (const s of generated) {
      expect(s.edges.length, s.text).toBeGreaterThan(0);
      for (const e of s.edges) expect(graph.hasEdge(e), e).toBe(true);
      for (const n of s.nodes) expect(graph.hasNode(n), n).toBe(true);
    }
  });

  it('attributes every quote it keeps to the right speaker', () => {
    checkExpectedSpeakers(summary, original, expected.quotes, graph);
  });

  it('is the same byte for byte on every run, from the text or from the graph', () => {
    expect(summarize(original).text).toBe(text);
    expect(JSON.stringify(summarize(extract(original)))).toBe(JSON.stringify(summary));
  });
});
