/**
 * Attribution: who said what. A small pipeline over the discourse:
 *
 *   marks   quotation spans (quoted words, over paragraphs too)
 *   cues    speech verbs and phrases in each sentence
 *   rules   for each cue, the source phrase and what was said (rules.ts)
 *   speakers  the source phrase → an entity, or the description kept as written
 *   assemble  quotes: direct (all quoted), mixed (a report holding quoted
 *           words), reported; a quote interrupted by its attribution is one
 *           quote in pieces; a quote standing alone continues the last speaker;
 *           titles of works, scare quotes and coined words are no quotes.
 */
import type { Entity, Quote, Span } from '../../types.js';
import { toOriginal } from '../../normalize/index.js';
import { lexKey } from '../../lexicons/index.js';
import { subjectsBefore, type Discourse, type SentenceView } from '../discourse.js';
import { findCues, verbPhrase } from './cues.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import { candidatesOf, type Candidate, type Range } from './rules.js';
import { speakerOf, type Speaker, type Titled } from './speakers.js';

export { findQuoteSpans, quoteOpensBetween, type QuoteSpan } from './marks.js';
export { isSpeechVerb } from './cues.js';
export type { Titled } from './speakers.js';

/** A quote before it becomes a `Quote`: normalized ranges and who said it. */
interface Draft {
  ranges: Range[];
  direct: boolean;
  sentence: number;
  speaker?: Speaker;
  verb?: string;
  /** Sentence index of the last range, for continuations. */
  lastSentence: number;
  paragraph: number;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** Letters of `range` outside every quotation span. */
function lettersOutside(text: string, range: Range, spans: QuoteSpan[]): number {
  let n = 0;
  for (let i = range.start; i < range.end; i++) {
    if (/[\p{L}\p{N}]/u.test(text[i]!) && !spans.some((s) => s.open <= i && i < s.after)) n++;
  }
  return n;
}

/** A content is direct when its words are all inside quotation marks (a stray `that` or `:` aside). */
function directSpans(text: string, ranges: Range[], spans: QuoteSpan[]): QuoteSpan[] | undefined {
  const inside = spans.filter((s) => ranges.some((r) => overlaps(r, { start: s.open, end: s.after })));
  if (inside.length === 0) return undefined;
  const outside = ranges.reduce((n, r) => n + lettersOutside(text, r, inside), 0);
  const stray = ranges.map((r) => text.slice(r.start, r.end).replace(/[“”«»][^“”«»]*[“”«»]?/g, ' ')).join(' ');
  return outside === 0 || /^\W*(that|and|but|saying)?\W*$/i.test(stray) ? inside : undefined;
}

/** A quoted title of a work, a name or a scare-quoted word or two: no one's statement. */
function isNoStatement(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length <= 2) return true;
  const capitalised = words.filter((w) => /^[“‘(]?\p{Lu}/u.test(w)).length;
  // `Face the Nation`, `The Kid Who Would Be King.`: every content word capitalised.
  const content = words.filter((w) => !/^(the|a|an|of|and|or|in|on|at|to|for|with|by|from|is|be)$/i.test(w));
  return content.length > 0 && capitalised >= content.length && words.length <= 8;
}

function viewAt(discourse: Discourse, offset: number): SentenceView | undefined {
  return discourse.views.find((v) => v.sentence.normStart <= offset && offset < v.sentence.normEnd + 1);
}

function about(discourse: Discourse, ranges: Range[], speaker?: Entity): string[] {
  const ids = new Set<string>();
  for (const v of discourse.views) {
    for (const l of v.located) {
      if (l.entity === speaker) continue;
      if (ranges.some((r) => l.mention.normStart >= r.start && l.mention.normEnd <= r.end)) ids.add(l.entity.id);
    }
  }
  return [...ids].sort();
}

/** The drafts the rules read: one per candidate, the same content read twice kept once. */
function draftsOf(discourse: Discourse, candidates: Candidate[], spans: QuoteSpan[], titled: Titled[]): Draft[] {
  const text = discourse.norm.text;
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  // Of two cues reading one quote, the attribution beside it wins (`telling Mic, “…,” he said`: he).
  const beside = (c: Candidate) => (c.rule === 'content-then-cue' || c.rule === 'inverted' || c.rule === 'quote-then-sentence' ? 0 : 1);
  for (const c of [...candidates].sort((a, b) => beside(a) - beside(b))) {
    const direct = directSpans(text, c.content, spans);
    const ranges = direct ? direct.map((s) => ({ start: s.start, end: s.end })) : c.content;
    const key = ranges.map((r) => `${r.start}-${r.end}`).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    const last = viewAt(discourse, ranges[ranges.length - 1]!.end - 1) ?? c.view;
    const first = viewAt(discourse, ranges[0]!.start) ?? c.view;
    drafts.push({
      ranges,
      direct: !!direct,
      sentence: first.sentence.index,
      lastSentence: Math.max(last.sentence.index, c.view.sentence.index),
      paragraph: c.view.sentence.paragraph,
      speaker: speakerOf(discourse, c.view, c.source, titled),
      verb: c.cue.class === 'according' ? 'according to' : verbPhrase(c.view, c.cue),
    });
  }
  return drafts;
}

/**
 * A content read as what one cue introduced, cut where a later attribution
 * of the same sentence begins (`X said the deal was done, Y added.` gives X
 * `the deal was done`, not Y's attribution with it).
 */
function cutAtLaterSources(candidates: Candidate[]): void {
  const trailing = (c: Candidate) => c.rule === 'content-then-cue' || c.rule === 'inverted';
  for (const c of candidates) {
    // (Only a report that runs on after its cue meets a later attribution; `During …, X acknowledged …, the Post
    // reported.` nests X's report in the Post's, whole.)
    if (trailing(c)) continue;
    for (const other of candidates) {
      if (other === c || other.view !== c.view || !trailing(other)) continue;
      const sourceStart = c.view.tokens[other.source.from]!.start;
      c.content = c.content.flatMap((r) => {
        if (!(r.start < sourceStart && sourceStart < r.end) || other.content.some((o) => o.start <= r.start && r.end <= o.end)) return [r];
        const before = c.view.sentence.text.slice(r.start - c.view.sentence.normStart, sourceStart - c.view.sentence.normStart);
        // (`… would be more intense — and he noted …`: the joining words go with the cut.)
        const end = r.start + before.replace(/[\s,—–]*(\b(and|but)\b)?[\s,—–]*$/i, '').length;
        return end > r.start ? [{ start: r.start, end }] : [];
      });
    }
  }
}

/** A dash that signs a quote: `“…” ― Rosa Ibarra` (horizontal bar, em or en dash). */
const SIGNATURE_DASH = /^[ \t]*[―—–][ \t]*/;
/** What may follow the signing name on its line: an age, a town, a role, briefly (`, 34, of Tucson`). */
const SIGNATURE_TAIL = /^(?:,[^\n“”"]{0,60})?[ \t.]*(?:\n|$)/;

/**
 * `“…” ― Rosa Ibarra`: a quote signed with a dash and a name on the rest
 * of its line, as roundups, epigraphs and reader comments attribute. The
 * name is the speaker, an entity where the article names one there, else
 * kept as written (capitalised words only: a dash before a clause is an aside).
 */
function signature(discourse: Discourse, span: QuoteSpan): Speaker | undefined {
  const text = discourse.norm.text;
  const dash = SIGNATURE_DASH.exec(text.slice(span.after, span.after + 8));
  if (!dash) return undefined;
  const from = span.after + dash[0].length;
  const view = viewAt(discourse, from);
  const named = view?.located.find((l) => l.mention.normStart === from && l.entity.kind === 'Person');
  const end = named ? named.mention.normEnd : from + (/^(?:\p{Lu}[\p{L}’'.-]*)(?:[ \t]+\p{Lu}[\p{L}’'.-]*){1,3}/u.exec(text.slice(from, from + 60))?.[0].length ?? 0);
  if (end === from || !SIGNATURE_TAIL.test(text.slice(end, end + 80))) return undefined;
  const speaker: Speaker = { start: from, end, text: text.slice(from, end) };
  if (named) speaker.entity = named.entity;
  return speaker;
}

/**
 * A transcript's speaker label opening a quoted paragraph (`"MERCER: Will you
 * vote …`, `"OKONKWO: I will vote …`): the words after it are that speaker's,
 * whoever spoke the paragraph before. The label is matched to the one person
 * of the article with that name or surname, else kept as written. Labels that
 * are page furniture (`UPDATE:`, `EXCLUSIVE:`) are none.
 */
const SPEAKER_LABEL = /^(\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,2}):\s+/u;
const NOT_A_SPEAKER = /^(update|updated|breaking|exclusive|editor'?s note|clarification|correction|watch|byline|photos?|video|note|source|related|warning|listen|read)$/i;

function speakerLabel(discourse: Discourse, span: QuoteSpan): { speaker: Speaker; contentStart: number } | 'furniture' | undefined {
  const text = discourse.norm.text;
  const label = SPEAKER_LABEL.exec(text.slice(span.start, Math.min(span.end, span.start + 60)));
  if (!label || label[1]!.replace(/[^\p{L}]/gu, '').length < 2 || (span.open > 0 && text[span.open - 1] !== '\n')) return undefined;
  if (NOT_A_SPEAKER.test(label[1]!)) return 'furniture';
  const key = lexKey(label[1]!);
  const people = [...new Set(discourse.views.flatMap((v) => v.located).filter((l) => l.entity.kind === 'Person').map((l) => l.entity))];
  const named = people.filter((e) => lexKey(e.name) === key || lexKey(e.name).endsWith(` ${key}`));
  const speaker: Speaker = { start: span.start, end: span.start + label[1]!.length, text: label[1]! };
  if (named.length === 1) speaker.entity = named[0];
  return { speaker, contentStart: span.start + label[0].length };
}

/** Quotation spans no rule read: pieces of an attributed quote, continuations, epithets, or nothing said. */
function unread(discourse: Discourse, drafts: Draft[], spans: QuoteSpan[]): Draft[] {
  const text = discourse.norm.text;
  const used = (s: QuoteSpan) => drafts.some((d) => d.ranges.some((r) => overlaps(r, s)));
  const added: Draft[] = [];
  const all = () => [...drafts, ...added].sort((a, b) => a.ranges[0]!.start - b.ranges[0]!.start);
  spans.forEach((span, n) => {
    if (used(span)) return;
    // `“We have waited three years.¶“We will wait no longer,” he said.`: a paragraph the next one goes on quoting.
    const next = spans[n + 1];
    const carried = next?.continued && span.after === span.end ? all().find((d) => d.direct && d.ranges.some((r) => overlaps(r, next))) : undefined;
    if (carried) {
      carried.ranges.unshift({ start: span.start, end: span.end });
      carried.sentence = viewAt(discourse, span.start)?.sentence.index ?? carried.sentence;
      return;
    }
    const first = viewAt(discourse, span.start);
    const last = viewAt(discourse, Math.max(span.start, span.end - 1));
    if (!first || !last) return;
    const words = text.slice(span.start, span.end);
    // `"(CROSSTALK.)`, `(Applause)`: a stage direction in a transcript says nothing.
    if (/^\([^()]*\)\W*$/.test(words)) return;
    const labelled = speakerLabel(discourse, span);
    if (labelled === 'furniture') return;
    if (labelled) {
      added.push({ ranges: [{ start: labelled.contentStart, end: span.end }], direct: true, sentence: first.sentence.index, lastSentence: last.sentence.index, paragraph: first.sentence.paragraph, speaker: labelled.speaker, verb: 'said' });
      return;
    }
    const signed = signature(discourse, span);
    if (signed) {
      added.push({ ranges: [{ start: span.start, end: span.end }], direct: true, sentence: first.sentence.index, lastSentence: last.sentence.index, paragraph: first.sentence.paragraph, speaker: signed, verb: 'said' });
      return;
    }
    const standsAlone = first.sentence.normStart >= span.open - 1;
    const previous = all()
      .filter((d) => d.ranges[0]!.start < span.start && d.speaker)
      .pop();
    if (standsAlone) {
      // `“A,” she said. “B.”`: the same paragraph goes on with the same quote, in pieces.
      const near = previous && first.sentence.index - previous.lastSentence <= 1;
      if (near && previous.direct && previous.paragraph === first.sentence.paragraph && !span.continued) {
        previous.ranges.push({ start: span.start, end: span.end });
        previous.lastSentence = last.sentence.index;
        return;
      }
      // A quote over several paragraphs, or a quote standing alone after its speaker's: the same speaker.
      if (previous && (span.continued || first.sentence.index - previous.lastSentence <= 2)) {
        const draft: Draft = { ranges: [{ start: span.start, end: span.end }], direct: true, sentence: first.sentence.index, lastSentence: last.sentence.index, paragraph: first.sentence.paragraph, verb: 'said' };
        if (previous.speaker) draft.speaker = previous.speaker;
        added.push(draft);
        return;
      }
    }
    if (isNoStatement(words)) return;
    const draft: Draft = { ranges: [{ start: span.start, end: span.end }], direct: true, sentence: first.sentence.index, lastSentence: last.sentence.index, paragraph: first.sentence.paragraph };
    if (!standsAlone) {
      // `he had called the plan “…”`: the quoted words are the clause subject's.
      const subject = subjectsBefore(first, discourse, span.open).filter((s) => s.entity.kind !== 'Place').pop();
      if (subject) Object.assign(draft, { speaker: { entity: subject.entity, start: subject.start, end: subject.end, text: subject.text }, verb: 'said' });
    }
    added.push(draft);
  });
  return added;
}

function toQuote(discourse: Discourse, draft: Draft, doc: string): Quote {
  const { norm } = discourse;
  const ranges = draft.ranges.slice().sort((a, b) => a.start - b.start);
  const first = ranges[0]!;
  const last = ranges[ranges.length - 1]!;
  const quote: Quote = {
    doc,
    sentence: draft.sentence,
    ...toOriginal(norm, first.start, last.end),
    text: ranges.map((r) => norm.text.slice(r.start, r.end)).join(' '),
    direct: draft.direct,
    about: about(discourse, ranges, draft.speaker?.entity),
  };
  if (ranges.length > 1) quote.pieces = ranges.map((r): Span => toOriginal(norm, r.start, r.end));
  if (draft.speaker) {
    const span = toOriginal(norm, draft.speaker.start, draft.speaker.end);
    quote.speakerMention = { ...span, text: norm.original.slice(span.start, span.end) };
    if (draft.speaker.entity) quote.speaker = draft.speaker.entity.id;
  }
  if (draft.verb) quote.verb = draft.verb;
  return quote;
}

export function extractQuotes(discourse: Discourse, doc: string, titled: Titled[] = []): Quote[] {
  const spans = findQuoteSpans(discourse.norm.text);
  // A cue inside quoted words is the speaker's own wording, not the article attributing them.
  const quoted = (view: SentenceView, i: number) => spans.some((s) => s.start <= view.tokens[i]!.start && view.tokens[i]!.end <= s.end);
  const candidates = discourse.views.flatMap((view) => candidatesOf(discourse, view, findCues(view).filter((c) => !quoted(view, c.verb)), spans));
  cutAtLaterSources(candidates);
  const drafts = draftsOf(discourse, candidates.filter((c) => c.content.length > 0), spans, titled);
  const all = [...drafts, ...unread(discourse, drafts, spans)];
  const quotes = all.map((d) => toQuote(discourse, d, doc)).sort((a, b) => a.start - b.start || b.end - a.end);
  // A quote is keyed by where it starts: of two reports starting at one word, the longer stays.
  return quotes.filter((q, i) => i === 0 || quotes[i - 1]!.start !== q.start);
}
