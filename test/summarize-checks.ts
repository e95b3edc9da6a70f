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
  // A possessive clitic after a closing bracket (`the Party (AP)’s leader`) belongs to the bracketed name.
  const plain = text.toLowerCase().replace(/[’]/g, "'").replace(/([)\]])'s(?![\p{L}\p{N}])/gu, '$1');
  return (plain.match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? []).map((t) =>
    t.replace(/'s$/, ''),
  );
}

/** The names a graph gives an entity: canonical name and aliases. */
export function namesOf(graph: NewsGraph, id: string): string[] {
  const a = graph.getNodeAttributes(id);
  return isEntityNode(a) ? [a.name, ...a.aliases] : [];
}

/** The offices the graph gives a person (spelled out: `Sen.` is held as `Senator`). */
function titlesOf(graph: NewsGraph, id: string): string[] {
  const titles = [...(((graph.getNodeAttributes(id) as { titles?: string[] }).titles) ?? [])];
  graph.forEachOutEdge(id, (_e, attrs) => {
    if (attrs.type === 'HOLDS_ROLE' && 'title' in attrs && typeof attrs.title === 'string') titles.push(attrs.title);
  });
  return titles;
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
    const allowed = new Set<string>(['said', 'added', 'the', 'of']); // `LSK president` is written `president of the LSK`
    for (const src of s.sources) {
      const source = byIndex.get(src.sentence);
      expect(source, `source sentence ${src.sentence}`).toBeDefined();
      expect(src.start).toBe(source!.start);
      for (const t of tokens(source!.text)) allowed.add(t);
    }
    for (const n of s.nodes) for (const name of [...namesOf(graph, n), ...titlesOf(graph, n)]) for (const t of tokens(name)) allowed.add(t);
    for (const e of s.edges) expect(graph.hasEdge(e), e).toBe(true);
    // The verb of a quote's SAID edge (`asked`, `told reporters`) is the graph's too.
    for (const e of s.edges) {
      const verb = (graph.getEdgeAttributes(e) as { verb?: string }).verb;
      if (verb) for (const t of tokens(verb)) allowed.add(t);
    }
    for (const n of s.nodes) expect(graph.hasNode(n), n).toBe(true);
    const foreign = tokens(s.text).filter((t) => !allowed.has(t));
    expect(foreign, s.text).toEqual([]);
  }

  // Every direct quote the summary keeps carries the speaker the graph gives it. A quote is found by its
  // source offsets (the summary sentence must come from the sentence holding it) and its exact words there,
  // never by a substring that another quote may share (`considerable` inside `considerable following`).
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'Quote') return;
    const q = attrs as QuoteNodeAttributes;
    if (q.doc !== doc || !q.direct) return;
    for (const s of sentences) {
      for (const src of s.sources) {
        const words = quotedWords(original, q, src);
        if (words === undefined || words.length < 12 || !s.text.includes(words)) continue;
        const speaker = speakerOf(graph, key);
        expect(speaker, `speaker of “${q.text}”`).toBeDefined();
        const rest = s.text.replace(words, ' ');
        const named = speakerNames(graph, speaker!).some((n) => containsName(rest, n));
        expect(named, `“${words}” should be attributed to ${speaker} in: ${s.text}`).toBe(true);
      }
    }
  });
}

/** The words of quote `q` that lie in source sentence `src` (a multi-sentence quote has a part in each). */
function quotedWords(original: string, q: QuoteNodeAttributes, src: { start: number; end: number }): string | undefined {
  const start = Math.max(q.start, src.start);
  const end = Math.min(q.end, src.end);
  if (end <= start) return undefined;
  // Final punctuation may become the attribution's comma (`“Words.”` → `“Words,” Lee said.`).
  return original.slice(start, end).replace(/^[\s“”"‘’]+|[\s“”"‘’.,;:]+$/g, '');
}

/** How a summary may name a speaker: canonical name, aliases, and a person's surname. */
function speakerNames(graph: NewsGraph, id: string): string[] {
  const names = namesOf(graph, id).filter((n) => n.length > 1);
  const a = graph.getNodeAttributes(id);
  if (a.kind === 'Person') {
    const parts = a.name.split(/\s+/);
    if (parts.length >= 2) names.push(parts[parts.length - 1]!);
  }
  return names;
}

function containsName(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Where an expected quote (`contains`, a fragment of a direct quote) sits in the original text: the
 * occurrence whose quotation marks enclose exactly those words wins over one inside a longer quote.
 */
export function locateQuote(original: string, contains: string): { start: number; end: number } | undefined {
  let first: { start: number; end: number } | undefined;
  for (let at = original.indexOf(contains); at >= 0; at = original.indexOf(contains, at + 1)) {
    const span = { start: at, end: at + contains.length };
    const before = original[at - 1];
    const after = original.slice(span.end, span.end + 2);
    if ((before === '“' || before === '"') && /^[,.?!]?[”"]/.test(after)) return span;
    first ??= span;
  }
  return first;
}

/** An expected quote from a fixture's `.expected.json`. */
export interface ExpectedQuote {
  contains: string;
  speaker: string;
  direct: boolean;
}

/**
 * Every direct quote the summary keeps names the speaker the article gives it
 * (the fixture's expectation, independent of the graph): found where the
 * article has it, in the summary sentence built from that source sentence.
 */
export function checkExpectedSpeakers(summary: Summary, original: string, quotes: ExpectedQuote[]): void {
  const sentences = summary.paragraphs.flatMap((p) => p.sentences);
  for (const q of quotes) {
    if (!q.direct || q.contains.length < 12) continue;
    const at = locateQuote(original, q.contains);
    expect(at, q.contains).toBeDefined();
    const holder = sentences.find(
      (s) => s.text.includes(q.contains) && s.sources.some((src) => src.start <= at!.start && at!.end <= src.end),
    );
    if (!holder) continue;
    // Named by any word of the speaker's name (`Kang` of `Kang Tae-won`) or its initials (`FEMA`).
    const words = q.speaker.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && w.length > 1);
    const initials = words.map((w) => w[0]).join('');
    const rest = holder.text.replace(q.contains, ' ');
    const named = [...words, ...(initials.length >= 2 ? [initials] : [])].some((w) => containsName(rest, w));
    expect(named, `“${q.contains}” → ${q.speaker} in: ${holder.text}`).toBe(true);
  }
}
