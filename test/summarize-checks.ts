/**
 * What every summary must satisfy, checked against the article and its
 * graph: shape, ceiling, no repetition, no furniture, quotes attributed as
 * the graph attributes them, every sentence traceable to its sources.
 */
import { expect } from 'vitest';
import { isEntityNode, type NewsGraph, type QuoteNodeAttributes } from '../src/types.js';
import type { Summary } from '../src/summarize/types.js';
import { countWords } from '../src/summarize/budget.js';

/** Lower-cased word tokens (letters/digits, apostrophes inside words). */
export function tokens(text: string): string[] {
  return (text.toLowerCase().replace(/[’]/g, "'").match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? []).map((t) =>
    t.replace(/'s$/, ''),
  );
}

/** The names a graph gives an entity: canonical name and aliases. */
export function namesOf(graph: NewsGraph, id: string): string[] {
  const a = graph.getNodeAttributes(id);
  return isEntityNode(a) ? [a.name, ...a.aliases] : [];
}

function speakerOf(graph: NewsGraph, quote: string): string | undefined {
  let speaker: string | undefined;
  graph.forEachInEdge(quote, (_e, attrs, source) => {
    if (attrs.type === 'SAID' && speaker === undefined) speaker = source;
  });
  return speaker;
}

export interface CheckInput {
  summary: Summary;
  graph: NewsGraph;
  /** The article as given (instruction line and furniture included). */
  original: string;
  /** Original spans the normalizer dropped as furniture. */
  furniture: Array<{ start: number; end: number }>;
  paragraphs: number;
  words: number;
}

export function checkSummary({ summary, graph, original, furniture, paragraphs, words }: CheckInput): void {
  const doc = summary.doc;
  const articleSentences = graph.getAttribute('sentences')![doc]!;
  const articleWords = articleSentences.reduce((n, s) => n + countWords(s.text), 0);

  // Shape and ceiling.
  expect(summary.paragraphs).toHaveLength(paragraphs);
  expect(summary.text.split('\n\n')).toHaveLength(paragraphs);
  expect(countWords(summary.text)).toBe(summary.words);
  expect(summary.words).toBeLessThanOrEqual(words);
  expect(summary.words).toBeLessThan(articleWords);
  for (const p of summary.paragraphs) {
    expect(p.sentences.length).toBeGreaterThan(0);
    expect(p.text).toBe(p.sentences.map((s) => s.text).join(' '));
    // No paragraph opens on a pronoun whose referent is elsewhere.
    expect(p.sentences[0]!.text).not.toMatch(/^(He|She|They|It|His|Her|Their)\b/);
  }

  // No sentence twice.
  const sentences = summary.paragraphs.flatMap((p) => p.sentences);
  expect(new Set(sentences.map((s) => s.text)).size).toBe(sentences.length);

  // No page furniture.
  for (const span of furniture) {
    const line = original.slice(span.start, span.end).trim();
    if (line.length >= 8) expect(summary.text).not.toContain(line);
  }

  // Every sentence traceable: its words come from its source sentences and the names of what it states.
  const byIndex = new Map(articleSentences.map((s) => [s.index, s]));
  for (const s of sentences) {
    expect(s.sources.length).toBeGreaterThan(0);
    const allowed = new Set<string>(['said', 'added', 'the']);
    for (const src of s.sources) {
      const source = byIndex.get(src.sentence);
      expect(source, `source sentence ${src.sentence}`).toBeDefined();
      expect(src.start).toBe(source!.start);
      for (const t of tokens(source!.text)) allowed.add(t);
    }
    for (const n of s.nodes) for (const name of namesOf(graph, n)) for (const t of tokens(name)) allowed.add(t);
    for (const e of s.edges) expect(graph.hasEdge(e), e).toBe(true);
    for (const n of s.nodes) expect(graph.hasNode(n), n).toBe(true);
    const foreign = tokens(s.text).filter((t) => !allowed.has(t));
    expect(foreign, s.text).toEqual([]);
  }

  // Every direct quote in the summary carries the speaker the graph gives it.
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'Quote') return;
    const q = attrs as QuoteNodeAttributes;
    if (q.doc !== doc || !q.direct || q.text.length < 12) return;
    const holder = sentences.find((s) => s.text.includes(q.text));
    if (!holder) return;
    const speaker = speakerOf(graph, key);
    expect(speaker, `speaker of “${q.text}”`).toBeDefined();
    const rest = holder.text.replace(q.text, ' ');
    const named = namesOf(graph, speaker!).some((n) => n.length > 1 && rest.includes(n));
    expect(named, `“${q.text}” should be attributed to ${speaker} in: ${holder.text}`).toBe(true);
  });
}
