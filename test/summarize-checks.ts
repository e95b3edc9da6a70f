/**
 * What every summary must satisfy, checked against the article and its
 * graph: shape, ceiling, no repetition, no furniture, quotes attributed as
 * the graph attributes them, every sentence traceable to its sources.
 */
import { expect } from 'vitest';
import { isEntityNode, type NewsGraph, type QuoteNodeAttributes } from '../src/types.js';
import type { Summary, SummarySentence } from '../src/summarize/types.js';
import { countWords } from '../src/summarize/budget.js';
import { GENERATED_WORDS } from '../src/summarize/generate.js';
import { hasFiniteVerb, PERSON_NOUN } from '../src/summarize/coherence.js';
import { quotedSpans } from '../src/summarize/text.js';

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
  const a = graph.getNodeAttributes(id);
  const titles = isEntityNode(a) ? (a.titles ?? []).map((t) => t.title) : [];
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
    // A sentence realized from the graph adds only its own few words (`backed`, `opposed`) to names and quotes.
    if (s.kind === 'generated') for (const w of GENERATED_WORDS) allowed.add(w);
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

  checkReferences(summary, graph, original);

  // Every quotation the summary keeps carries the speaker the graph gives it: a direct quote's words, and the
  // quoted words inside a report (`he called Trudeau “an insufferable tool”`). A quote is found by its source
  // offsets (the summary sentence must come from the sentence holding it) and its exact words there, never by
  // a substring that another quote may share (`considerable` inside `considerable following`).
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'Quote') return;
    const q = attrs as QuoteNodeAttributes;
    if (q.doc !== doc) return;
    for (const s of sentences) {
      for (const src of s.sources) {
        for (const words of quotedWords(original, q, src)) {
          // Quoted words shorter than four words are a title or a scare quote (`“Fox News Sunday”`), not speech.
          // … and quoted words in title case are a name (`“Defeat Crooked Hillary PAC”`).
          if (countWords(words) < 4 || /^(?:(?:\p{Lu}[\p{L}’'.-]*|of|the|for|and|a|an|in|on|to)[\s,]*)+$/u.test(words) || !s.text.includes(words)) continue;
          const speaker = speakerOf(graph, key);
          expect(speaker, `speaker of “${q.text}”`).toBeDefined();
          const rest = s.text.replace(words, ' ');
          const named = speakerNames(graph, speaker!).some((n) => containsName(rest, n));
          expect(named, `“${words}” should be attributed to ${speaker} in: ${s.text}`).toBe(true);
        }
      }
    }
  });
}

/** Words that open a sentence by pointing back at another (pronouns, demonstratives, connectives). */
const BACK_REFERENCE_OPENER =
  /^[“"‘]?(?:He|She|They|It|His|Her|Their|Its|Him|Them|This|That|These|Those|Such|Another|But|However|Yet|Furthermore|Moreover|Also|Additionally|Instead|Nevertheless|Nonetheless|Still|Meanwhile|For example|In that case|Thus|Therefore)\b(?!\s+(?:year|week|month|morning|afternoon|evening|weekend|time)\b)/;
const PERSON_PRONOUN = /\b(?:he|she|him|his|her)\b/i;

/**
 * References in the summary, read sentence by sentence against the graph:
 * - every pronoun or description replaced by a name is licensed by the SAID
 *   edge whose mention is exactly those words, and the name is that speaker's;
 * - every entity the sentence names that its source sentences do not name is
 *   an end of a graph edge the sentence cites (a replaced pronoun, an added
 *   attribution, a borrowed role, a generated fact): never a guess;
 * - no sentence opens by pointing back unless the sentence before it in the
 *   summary is the one it points at (its source predecessor), and none is a
 *   fragment without a finite verb.
 */
export function checkReferences(summary: Summary, graph: NewsGraph, original: string): void {
  const doc = summary.doc;
  const articleSentences = graph.getAttribute('sentences')![doc]!;
  const byIndex = new Map(articleSentences.map((s) => [s.index, s]));
  for (const p of summary.paragraphs) {
    let previous: SummarySentence | undefined;
    for (const s of p.sentences) {
      for (const r of s.replaced ?? []) {
        expect(graph.hasEdge(r.edge), r.edge).toBe(true);
        const edge = graph.getEdgeAttributes(r.edge);
        expect(edge.type).toBe('SAID');
        expect(graph.source(r.edge)).toBe(r.entity);
        expect([edge.mentionStart, edge.mentionEnd]).toEqual([r.start, r.end]);
        expect(original.slice(r.start, r.end).toLowerCase(), `mention of ${r.entity}`).toContain(r.text.toLowerCase());
        expect(speakerNames(graph, r.entity).some((n) => containsName(s.text, n)), `${r.entity} named in: ${s.text}`).toBe(true);
      }
      const sourceText = s.sources.map((src) => byIndex.get(src.sentence)?.text ?? '').join(' ');
      const cited = new Set<string>();
      for (const e of s.edges) if (graph.hasEdge(e)) for (const n of [graph.source(e), graph.target(e)]) cited.add(n);
      for (const n of s.nodes) {
        const a = graph.getNodeAttributes(n);
        if (!isEntityNode(a)) continue;
        const named = speakerNames(graph, n).some((name) => containsName(s.text, name));
        const inSource = namesOf(graph, n).some((name) => name.length > 1 && containsName(sourceText, name));
        if (named && !inSource) expect(cited.has(n), `${n} put in without an edge: ${s.text}`).toBe(true);
      }
      const follows = previous !== undefined && s.sources.some((src) => previous!.sources.some((q) => q.sentence === src.sentence - 1 || q.sentence === src.sentence));
      // The article's lead has nothing before it to point at (`… the firm he started`): it may run ahead.
      const lead = s.sources.some((src) => src.sentence === 0);
      if (!follows && !lead) {
        expect(s.text, 'opens by pointing back at a sentence the summary left out').not.toMatch(BACK_REFERENCE_OPENER);
        // A he/she outside quotation marks needs a person named before it in the sentence.
        const outside = s.text.replace(/[“"][^”"]*[”"]/g, ' ');
        const at = outside.search(PERSON_PRONOUN);
        if (at >= 0) {
          const before = outside.slice(0, at);
          const person = s.nodes.some((n) => graph.getNodeAttributes(n).kind === 'Person' && speakerNames(graph, n).some((name) => containsName(before, name)));
          const noun = !/^him/i.test(outside.slice(at)) && PERSON_NOUN.test(before);
          expect(person || noun, `pronoun without its antecedent: ${s.text}`).toBe(true);
        }
      }
      expect(hasFiniteVerb(s.text), `fragment: ${s.text}`).toBe(true);
      previous = s;
    }
  }
}

/**
 * The quoted words of quote `q` that lie in source sentence `src`: a direct quote's pieces there (a quote
 * in pieces has its attribution between them; a multi-sentence quote has a part in each sentence), or the
 * spans inside quotation marks of a report that holds quoted words.
 */
function quotedWords(original: string, q: QuoteNodeAttributes, src: { start: number; end: number }): string[] {
  const pieces = q.pieces ?? [{ start: q.start, end: q.end }];
  const spans = q.direct ? pieces : pieces.flatMap((p) => quotedSpans(original.slice(p.start, p.end)).map((m) => ({ start: p.start + m.start, end: p.start + m.end })));
  const out: string[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, src.start);
    const end = Math.min(span.end, src.end);
    // Final punctuation may become the attribution's comma (`“Words.”` → `“Words,” Lee said.`).
    if (end > start) out.push(original.slice(start, end).replace(/^[\s“”"‘’]+|[\s“”"‘’.,;:]+$/g, ''));
  }
  return out;
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

/** Does the quote hold words of `at` (original offsets)? Its pieces count, not the attribution between them. */
export function holds(q: QuoteNodeAttributes, at: { start: number; end: number }): boolean {
  return (q.pieces ?? [{ start: q.start, end: q.end }]).some((p) => p.start < at.end && p.end > at.start);
}

/** An expected quote from a fixture's `.expected.json`. */
export interface ExpectedQuote {
  contains: string;
  speaker: string;
  direct: boolean;
}

/** Does `name` (a graph entity's name) denote the fixture's speaker: the same words, or one holding the other's words? */
function sameSpeaker(graphNames: string[], expected: string): boolean {
  const words = (n: string) => n.toLowerCase().split(/[\s.]+/).filter((w) => w.length > 1);
  const want = words(expected);
  const initials = expected.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return graphNames.some((n) => {
    const have = words(n);
    return have.length > 0 && (have.every((w) => want.includes(w)) || want.every((w) => have.includes(w)) || n === initials);
  });
}

/**
 * The speaker the summary itself states for a quote, where the summary
 * (not the article's own wording) puts a name to it: a replaced pronoun or
 * description, an added attribution, a sentence generated from the graph.
 * These all come from a SAID edge the sentence cites.
 */
function statedSpeakers(graph: NewsGraph, sentence: SummarySentence, quoteKeys: Set<string>): string[] {
  const articleSentences = graph.getAttribute('sentences')?.[graph.getAttribute('documents')?.[0] ?? ''] ?? [];
  const sourceText = sentence.sources.map((src) => articleSentences.find((x) => x.index === src.sentence)?.text ?? '').join(' ');
  const out: string[] = [];
  for (const e of sentence.edges) {
    if (!graph.hasEdge(e)) continue;
    const attrs = graph.getEdgeAttributes(e);
    if (attrs.type !== 'SAID' || !quoteKeys.has(graph.target(e))) continue;
    const speaker = graph.source(e);
    // Named in the article's own words there: the article's attribution, not one the summary made.
    const own = sentence.kind !== 'generated' && namesOf(graph, speaker).some((n) => n.length > 1 && containsName(sourceText, n));
    if (!own) out.push(speaker);
  }
  return out;
}

/**
 * No summary sentence puts a quote in the wrong mouth: wherever a sentence
 * built from the quote's source sentence names a speaker for it through the
 * graph, that speaker is the one the article gives (the fixture's
 * expectation, written from the article). A quote left out, or kept with the
 * article's own attribution, is fine: omission is allowed, a wrong name is not.
 * Returns the quotes whose stated speaker is wrong, for the caller to assert on.
 */
export function wrongSpeakers(summary: Summary, graph: NewsGraph, original: string, quotes: ExpectedQuote[]): string[] {
  const wrong: string[] = [];
  const sentences = summary.paragraphs.flatMap((p) => p.sentences);
  for (const q of quotes) {
    const at = locateQuote(original, q.contains);
    if (!at) {
      wrong.push(`not in the article: ${q.contains}`);
      continue;
    }
    const keys = new Set<string>();
    graph.forEachNode((key, attrs) => {
      if (attrs.kind === 'Quote' && holds(attrs as QuoteNodeAttributes, at)) keys.add(key);
    });
    for (const s of sentences) {
      if (!s.text.includes(q.contains.slice(0, 40))) continue;
      for (const speaker of statedSpeakers(graph, s, keys)) {
        if (!sameSpeaker(namesOf(graph, speaker), q.speaker)) wrong.push(`“${q.contains}” is ${q.speaker}'s, the summary says ${speaker}: ${s.text}`);
      }
    }
  }
  return wrong;
}

/** Every direct quote the summary keeps is never given a wrong speaker (see wrongSpeakers). */
export function checkExpectedSpeakers(summary: Summary, original: string, quotes: ExpectedQuote[], graph: NewsGraph): void {
  expect(wrongSpeakers(summary, graph, original, quotes)).toEqual([]);
}
