/**
 * Quotes and their speakers.
 *
 * Direct quotes are found on the text (curly quotes after normalization),
 * partial quotes and quotes running over several sentences included. A
 * speaker is sought, in order: in a trailing attribution (`,” X said`,
 * `,” said X`), in the sentence's own reporting clause (`X said: “…”`,
 * `X added that … “…”`, `according to X`), as the subject of the clause the
 * quote sits in (`he called Y “…”`), and finally as a continuation of the
 * previous quote when a quote stands alone. Reported speech without quote
 * marks (`X said there will be …`) becomes an indirect quote.
 */
import type { Entity, Quote } from '../types.js';
import { isTitleHead, isTitleWord, reportingVerbs } from '../lexicons/index.js';
import { has } from '../recognize/tokens.js';
import type { Token } from '../recognize/index.js';
import { toOriginal } from '../normalize/index.js';
import {
  isPersonalPronoun,
  located,
  mainClauseStart,
  resolvePronoun,
  subjects,
  subjectsBefore,
  tokenAfter,
  tokenAt,
  verbAfter,
  type Discourse,
  type Referent,
  type SentenceView,
} from './discourse.js';

export interface QuoteSpan {
  /** Normalized offsets of the quoted words, without the marks. */
  start: number;
  end: number;
  /** Offset just past the closing mark (or the content end if unclosed). */
  after: number;
  /** Offset of the opening mark. */
  open: number;
}

/** Pair curly quotes within each paragraph; an unclosed quote ends at the next opening one or the paragraph's end. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  const close = (at: number, after: number) => {
    let start = open + 1;
    let end = at;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end, after, open });
    open = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') {
      if (open >= 0) close(i, i);
      open = i;
    } else if (c === '”' && open >= 0) {
      close(i, i + 1);
    } else if (c === '\n' && open >= 0) {
      close(i, i);
    }
  }
  if (open >= 0) close(text.length, text.length);
  return spans;
}

export function isReportingVerb(token: Token | undefined): boolean {
  return !!token && reportingVerbs.has(token.text.toLowerCase()) && has(token, 'Verb');
}

/** `told reporters`, `said`, `added`: the verb as written, with its indirect object when it is the press. */
function verbPhrase(view: SentenceView, i: number): string {
  const verb = view.tokens[i]!;
  const next = view.tokens[i + 1];
  if (/^(told|tells|tell)$/i.test(verb.text) && next && /^(reporters|journalists|the|a|an|media|press|lawmakers|parliament|supporters)$/i.test(next.text)) {
    const third = view.tokens[i + 2];
    return next.text.toLowerCase() === 'the' || next.text.toLowerCase() === 'a' ? `${verb.text} ${next.text} ${third?.text ?? ''}`.trim() : `${verb.text} ${next.text}`;
  }
  return verb.text;
}

/** The entity a token stands for: a named mention starting there, or a resolved he/she. */
function referentAt(discourse: Discourse, view: SentenceView, i: number): Referent | undefined {
  const token = view.tokens[i];
  if (!token) return undefined;
  const at = located(view, token);
  if (at && at.mention.form !== 'demonym') {
    return { entity: at.entity, start: at.mention.normStart, end: at.mention.normEnd, text: at.mention.text, pronoun: false };
  }
  if (isPersonalPronoun(token) && /^(he|she)$/i.test(token.text)) {
    const entity = resolvePronoun(discourse, view, token.start);
    if (entity) return { entity, start: token.start, end: token.end, text: token.text, pronoun: true };
  }
  return undefined;
}

const CAN_SPEAK = new Set(['Person', 'Agency', 'Organization', 'Party', 'State']);

interface Attribution {
  speaker: Entity;
  verb: string;
  /** The words that name the speaker here: a name, a pronoun or a description. */
  mention: Referent;
}

/** The referent after any titles, honorifics and determiners before it: `Ms Kovac`, `Chief Minister X`. */
function referentAfterTitles(discourse: Discourse, view: SentenceView, from: number): Referent | undefined {
  for (let k = from; k < from + 6 && k < view.tokens.length; k++) {
    const who = referentAt(discourse, view, k);
    // `NCFU general secretary Akosua Tetteh told`: the organisation qualifies the title of who speaks.
    // (`Local 113 president X`: the organisation's number too.)
    let next = tokenAfter(view, who?.end ?? 0);
    while (who && /^\d+$/.test(view.tokens[next]?.text ?? '')) next++;
    if (who && who.entity.kind !== 'Person' && isTitleWord(view.tokens[next]?.text ?? '')) {
      const holder = referentAfterTitles(discourse, view, next);
      if (holder?.entity.kind === 'Person') return holder;
    }
    if (who) return who;
    const t = view.tokens[k]!;
    if (!isTitleWord(t.text) && !has(t, 'Determiner', 'Possessive', 'Honorific') && located(view, t)?.mention.form !== 'demonym') return undefined;
  }
  return undefined;
}

/**
 * The reporting verb whose subject ends before token `i`: the verb itself
 * (`X said`), or one joined to it (`X attacked the deal and said …`,
 * `X backed the bill, saying …`).
 */
export function reportingVerbOf(view: SentenceView, i: number): number | undefined {
  const v = verbAfter(view, i);
  if (v === undefined) return undefined;
  if (isReportingVerb(view.tokens[v])) return v;
  let inQuote = false;
  for (let k = v + 1; k < view.tokens.length - 1; k++) {
    const t = view.tokens[k]!;
    // Words inside quote marks are someone's words, not this clause's verbs: step over them.
    if (/[“]/.test(t.pre)) inQuote = true;
    if (inQuote) {
      if (/[”]/.test(t.post)) inQuote = false;
      continue;
    }
    if (/[;:"]/.test(t.post) || /["]/.test(t.pre) || /^(who|which|that|because|while|when)$/i.test(t.text)) return undefined;
    if (/^(and|but)$/i.test(t.text)) {
      let j = k + 1;
      while (has(view.tokens[j], 'Adverb', 'Auxiliary')) j++;
      if (isReportingVerb(view.tokens[j])) return j;
    }
    if (/,\s*$/.test(t.post) && /^(saying|adding|warning|arguing|noting)$/i.test(view.tokens[k + 1]!.text)) return k + 1;
  }
  return undefined;
}

/** `,” X said`, `,” said X`, `,” X, title, told reporters`, `,” according to X`. */
function trailing(discourse: Discourse, view: SentenceView, after: number): Attribution | undefined {
  const from = tokenAt(view, after);
  const window = view.tokens.slice(from, from + 6);
  if (window.length === 0) return undefined;
  // `said X` / `added X`
  if (isReportingVerb(window[0])) {
    // `said Dutch MEP X`, `said the party's leader, X`: titles and demonyms may come first.
    for (let k = from + 1; k < from + 7 && k < view.tokens.length; k++) {
      // `said Local 113 president Darnell Sequeira`: past an organisation qualifying the title.
      const who = referentAt(discourse, view, k)?.entity.kind === 'Person' ? referentAt(discourse, view, k) : (referentAfterTitles(discourse, view, k) ?? referentAt(discourse, view, k));
      if (who && CAN_SPEAK.has(who.entity.kind)) return { speaker: who.entity, verb: verbPhrase(view, from), mention: who };
      const t = view.tokens[k]!;
      const demonym = located(view, t)?.mention.form === 'demonym';
      if (!demonym && !isTitleWord(t.text) && !has(t, 'Determiner', 'Possessive', 'Adjective')) break;
    }
  }
  if (/^according$/i.test(window[0]!.text) && /^to$/i.test(window[1]?.text ?? '')) {
    const who = referentAt(discourse, view, from + 2);
    if (who) return { speaker: who.entity, verb: 'according to', mention: who };
  }
  // `X said`, `X, title, said`, `Ms X said`, `Home Secretary X told reporters`
  const who = referentAfterTitles(discourse, view, from);
  if (!who || !CAN_SPEAK.has(who.entity.kind)) return undefined;
  const v = reportingVerbOf(view, tokenAfter(view, who.end));
  if (v !== undefined) return { speaker: who.entity, verb: verbPhrase(view, v), mention: who };
  return undefined;
}

/** The sentence's own reporting clause before the quote: `X said: “…”`, `X added that … “…”`, `according to X`. */
function leading(discourse: Discourse, view: SentenceView, before: number): Attribution | undefined {
  // A subject inside a leading subordinate clause (`When X announced …, Y …`) reports nothing here.
  const mainFrom = view.tokens[mainClauseStart(view)]?.start ?? view.sentence.normStart;
  for (const subject of subjects(view, discourse)) {
    if (subject.start >= before || subject.start < mainFrom || !CAN_SPEAK.has(subject.entity.kind)) continue;
    const v = reportingVerbOf(view, tokenAfter(view, subject.end));
    if (v !== undefined && view.tokens[v]!.start < before) {
      return { speaker: subject.entity, verb: verbPhrase(view, v), mention: subject };
    }
  }
  const according = view.tokens.findIndex((t, i) => /^according$/i.test(t.text) && /^to$/i.test(view.tokens[i + 1]?.text ?? ''));
  if (according >= 0) {
    const who = referentAt(discourse, view, according + 2);
    if (who) return { speaker: who.entity, verb: 'according to', mention: who };
  }
  return undefined;
}

/** The subject of the clause a partial quote sits in: `he had called Y “…”`. */
function clauseSubject(discourse: Discourse, view: SentenceView, before: number): Attribution | undefined {
  const candidates = subjectsBefore(view, discourse, before).filter((s) => CAN_SPEAK.has(s.entity.kind));
  const nearest = candidates[candidates.length - 1];
  if (!nearest) return undefined;
  const v = verbAfter(view, tokenAfter(view, nearest.end));
  return { speaker: nearest.entity, verb: v !== undefined ? verbPhrase(view, v) : 'said', mention: nearest };
}

/** A speaker mention in original offsets, with its words as written there. */
function mentionSpan(norm: Discourse['norm'], mention: Referent): Quote['speakerMention'] {
  const span = toOriginal(norm, mention.start, mention.end);
  return { ...span, text: norm.original.slice(span.start, span.end) };
}

function viewAt(discourse: Discourse, offset: number): SentenceView | undefined {
  return discourse.views.find((v) => v.sentence.normStart <= offset && offset < v.sentence.normEnd + 1);
}

function about(view: SentenceView[], start: number, end: number, speaker?: Entity): string[] {
  const ids = new Set<string>();
  for (const v of view) {
    for (const l of v.located) {
      if (l.mention.normStart >= start && l.mention.normEnd <= end && l.entity !== speaker) ids.add(l.entity.id);
    }
  }
  return [...ids].sort();
}

export function extractQuotes(discourse: Discourse, doc: string): Quote[] {
  const { norm } = discourse;
  const quotes: Quote[] = [];
  const direct = findQuoteSpans(norm.text);
  const sentencesWithDirect = new Set<number>();
  let previous: { speaker?: Entity; mention?: Referent; sentence: number; endSentence: number } | undefined;

  for (const span of direct) {
    const first = viewAt(discourse, span.start);
    const last = viewAt(discourse, Math.max(span.start, span.end - 1));
    if (!first || !last) continue;
    const standsAlone = first.sentence.normStart >= span.open - 1;
    // `“… to know?” Tolentino asked.`: a question or exclamation ends the sentence, and the attribution opens the next.
    let resume = span.after;
    while (/\s/.test(norm.text[resume] ?? '')) resume++;
    const next = viewAt(discourse, resume);
    const attribution =
      trailing(discourse, last, span.after) ??
      leading(discourse, first, span.open) ??
      (next && next !== last && /[?!]\s*$/.test(norm.text.slice(span.start, span.end)) ? trailing(discourse, next, resume) : undefined) ??
      (standsAlone ? undefined : clauseSubject(discourse, first, span.open));
    let speaker = attribution?.speaker;
    let verb = attribution?.verb;
    let mention = attribution?.mention;
    // A quote that is a whole sentence with no attribution continues the previous speaker,
    // attributed by the mention that attributed the previous quote.
    if (!speaker && standsAlone && previous?.speaker && first.sentence.index - previous.endSentence <= 2) {
      speaker = previous.speaker;
      verb = 'said';
      mention = previous.mention;
    }
    const views = discourse.views.filter((v) => v.sentence.index >= first.sentence.index && v.sentence.index <= last.sentence.index);
    const quote: Quote = {
      doc,
      sentence: first.sentence.index,
      ...toOriginal(norm, span.start, span.end),
      text: norm.text.slice(span.start, span.end),
      direct: true,
      about: about(views, span.start, span.end, speaker),
    };
    if (speaker) quote.speaker = speaker.id;
    if (speaker && mention) quote.speakerMention = mentionSpan(norm, mention);
    if (verb) quote.verb = verb;
    quotes.push(quote);
    for (const v of views) sentencesWithDirect.add(v.sentence.index);
    previous = { sentence: first.sentence.index, endSentence: last.sentence.index, ...(speaker ? { speaker } : {}), ...(mention ? { mention } : {}) };
  }

  for (const view of discourse.views) {
    // A sentence with quote marks may still report a clause of its own around them:
    // `X accused the DA of “…” and said the ANC would talk to all parties`.
    const quoted = sentencesWithDirect.has(view.sentence.index)
      ? direct.filter((q) => q.after > view.sentence.normStart && q.open < view.sentence.normEnd)
      : [];
    const indirect = reportedSpeech(discourse, view, doc, quoted);
    if (indirect) quotes.push(indirect);
  }
  return quotes.sort((a, b) => a.start - b.start);
}

/**
 * Where the reported clause starts after a reporting verb at token `v`:
 * past a `that` within a short frame (`said in a statement that`, `told the
 * committee last week that`), or past the person told (`told The Associated
 * Press he would`).
 */
function clauseAfter(view: SentenceView, v: number, verb: string): number {
  const k = v + verb.split(' ').length;
  for (let j = k; j < view.tokens.length && j < k + 10; j++) {
    const t = view.tokens[j]!;
    if (/^that$/i.test(t.text)) return j + 1;
    if (/[,;:—–]/.test(t.post) || has(t, 'Verb')) break;
  }
  if (view.tokens[k] && /^(told|tells|tell|informed|assured|reminded|warned)$/i.test(view.tokens[v]!.text)) {
    const told = view.located.find((l) => l.mention.normStart >= view.tokens[k]!.start && l.mention.normStart <= (view.tokens[k + 1]?.start ?? 0));
    if (told) return tokenAfter(view, told.mention.normEnd);
  }
  return k;
}

/** A reported clause has a verb of its own; `denied involvement`, `urged X to act` report no statement. */
function isClause(view: SentenceView, from: number, to: number): boolean {
  const tokens = view.tokens.filter((t) => t.start >= from && t.end <= to);
  if (/^to$/i.test(tokens.find((t) => !view.located.some((l) => l.mention.normStart <= t.start && t.end <= l.mention.normEnd))?.text ?? '')) return false;
  return tokens.some((t, i) => has(t, 'Verb') && !has(t, 'Gerund', 'Infinitive') && !/^to$/i.test(tokens[i - 1]?.text ?? ''));
}

/** `did not say`, `declined to say`: a report that was not made. */
function negated(view: SentenceView, subjectEnd: number, v: number): boolean {
  return view.tokens.some((t, i) => i < v && t.start >= subjectEnd && (has(t, 'Negative') || /^(declined|refused|failed)$/i.test(t.text)));
}

/**
 * `According to X, CLAUSE.`, `According to X, a title at Y, CLAUSE.` or
 * `CLAUSE, according to X[, title].`: the speaker and where the clause lies.
 */
function accordingTo(discourse: Discourse, view: SentenceView): { speaker: Referent; start: number; end: number } | undefined {
  const tokens = view.tokens;
  const at = tokens.findIndex((t, i) => /^according$/i.test(t.text) && /^to$/i.test(tokens[i + 1]?.text ?? ''));
  if (at < 0) return undefined;
  const who = referentAfterTitles(discourse, view, at + 2);
  if (!who || !CAN_SPEAK.has(who.entity.kind)) return undefined;
  if (at > 0) {
    // Trailing: the clause is everything before `, according to`.
    if (!/,\s*$/.test(tokens[at - 1]!.post)) return undefined;
    return { speaker: who, start: view.sentence.normStart, end: tokens[at - 1]!.end };
  }
  // `According to the Parliament’s secretary-general, Alessandro Ferri, …`: the person the title names.
  const firstComma = tokens.findIndex((t) => t.end >= who.end && /,/.test(t.post));
  const named = tokens[firstComma + 1] && /['’]s$/.test(discourse.norm.text.slice(who.end, who.end + 2)) ? referentAt(discourse, view, firstComma + 1) : undefined;
  const speaker = named && named.entity.kind === 'Person' ? named : who;
  let comma = tokens.findIndex((t) => t.end >= speaker.end && /,/.test(t.post));
  // `According to Professor X, a polling expert at Y, the result …`: past the appositive.
  const next = tokens[comma + 1];
  if (next && has(next, 'Determiner') && /^(a|an)$/i.test(next.text)) {
    const close = tokens.findIndex((t, i) => i > comma + 1 && /,/.test(t.post));
    if (close > 0 && tokens.slice(comma + 1, close + 1).some((t) => isTitleHead(t.text))) comma = close;
  }
  const start = tokens[comma + 1];
  return comma >= 0 && start ? { speaker, start: start.start, end: view.sentence.normEnd } : undefined;
}

/**
 * Where a reported clause ends before quoted words at `open`, when it is whole
 * without them: at the last `, and` / `, but` / `;` joining a clause of its
 * own, or before a purpose or naming phrase that leads into the quote
 * (`to offer “…”`, `in what she called “…”`). Undefined when the quoted words
 * complete the clause (`said the fines were “excessive”`).
 */
function reportBefore(view: SentenceView, text: string, start: number, open: number): number | undefined {
  const before = text.slice(start, open);
  // (A bare `but` joins a second verb only: `bold but “deeply flawed”` is one predicate.)
  const bareBut = before.lastIndexOf(' but ');
  const butVerb = bareBut > 0 && has(view.tokens[tokenAt(view, start + bareBut + 5)], 'Verb');
  const joint = Math.max(before.lastIndexOf(', and '), before.lastIndexOf(', but '), butVerb ? bareBut : -1, before.lastIndexOf('; '));
  if (joint > 0) return start + joint;
  const lead = /\s+(to\s+\p{Ll}+|(for|in|with)\s+what\s+\p{Ll}+\s+(called|described\s+as|termed)|calling\s+it)\s*$/u.exec(before);
  if (!lead) return undefined;
  // `vote to acquit “…”`, `refused to call it “…”`: an infinitive a verb takes completes it; one after an adjunct
  // (`next week to offer “…”`) states a purpose.
  const word = view.tokens[tokenAt(view, start + lead.index) - 1];
  const infinitive = /^\s+to\s/.test(lead[0]);
  return infinitive && has(word, 'Verb') ? undefined : start + lead.index;
}

/** `X said (that) CLAUSE`, `CLAUSE, X added.` or `According to X, CLAUSE` without quote marks. */
function reportedSpeech(discourse: Discourse, view: SentenceView, doc: string, quoted: QuoteSpan[] = []): Quote | undefined {
  const { norm } = discourse;
  const according = accordingTo(discourse, view);
  const found: Array<{ subject: Referent; verb: string; v?: number; clause?: { start: number; end: number } }> = subjects(view, discourse).flatMap((subject) => {
    const v = reportingVerbOf(view, tokenAfter(view, subject.end));
    return v === undefined ? [] : [{ subject, verb: verbPhrase(view, v), v }];
  });
  if (according) found.unshift({ subject: according.speaker, verb: 'according to', clause: according });
  for (const { subject, verb, v, clause } of found) {
    if (!CAN_SPEAK.has(subject.entity.kind)) continue;
    let clauseStart: number;
    let clauseEnd: number;
    const subjectIndex = tokenAt(view, subject.start);
    if (clause) {
      clauseStart = clause.start;
      clauseEnd = clause.end;
    } else if (v === undefined) {
      continue;
    } else if (subjectIndex > 0 && /,\s*$/.test(view.tokens[subjectIndex - 1]!.post) && v >= view.tokens.length - 2) {
      // `China, India … are among the actors, she added.`
      clauseStart = view.sentence.normStart;
      clauseEnd = view.tokens[subjectIndex - 1]!.end;
    } else {
      if (negated(view, subject.end, v)) continue;
      const start = view.tokens[clauseAfter(view, v, verb)];
      if (!start) continue;
      clauseStart = start.start;
      clauseEnd = view.sentence.normEnd;
    }
    // `X said he would meet farm leaders next week to offer “…”`: the report stops where the quoted words begin.
    const inside = quoted.find((q) => clauseStart < q.open && q.open < clauseEnd);
    const cut = inside ? reportBefore(view, norm.text, clauseStart, inside.open) : undefined;
    if (cut !== undefined) clauseEnd = cut;
    while (clauseEnd > clauseStart && /[\s.,;:!?]/.test(norm.text[clauseEnd - 1]!)) clauseEnd--;
    const text = norm.text.slice(clauseStart, clauseEnd);
    if (text.split(/\s+/).length < 3 || !isClause(view, clauseStart, clauseEnd)) continue;
    if (quoted.length > 0) {
      // Only a clause wholly outside the marks: the quoted words are their own (direct) Quote;
      // and not the quote's own attribution (`,” Villaraza told reporters after a caucus that …`).
      if (quoted.some((q) => q.open < clauseEnd && clauseStart < q.after)) continue;
      if (quoted.some((q) => subject.start >= q.after && /^[\s,.]*$/.test(norm.text.slice(q.after, subject.start)))) continue;
    }
    return {
      doc,
      sentence: view.sentence.index,
      ...toOriginal(norm, clauseStart, clauseEnd),
      text,
      direct: false,
      speaker: subject.entity.id,
      speakerMention: mentionSpan(norm, subject),
      verb,
      about: about([view], clauseStart, clauseEnd, subject.entity),
    };
  }
  return undefined;
}
