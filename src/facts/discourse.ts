/**
 * What every fact extractor needs to know about a sentence: its tokens, the
 * entity mentions in it, which mention is in subject position, and whom a
 * pronoun refers to. Pronouns resolve by grammatical role and recency (the
 * last speaker or subject), not by gender: news copy gets genders wrong.
 */
import type { Entity, Mention, NormalizedText, Sentence } from '../types.js';
import type { Token } from '../recognize/index.js';
import type { QuoteSpan } from './attribution/marks.js';
import { has } from '../recognize/tokens.js';
import { countryByDemonym, isPartyWord, isTitleHead, isTitleModifier, isTitleWord, speechCue } from '../lexicons/index.js';

export interface Located {
  mention: Mention;
  entity: Entity;
}

/** A span that may stand for an entity: a name, or a pronoun resolved to one. */
export interface Referent {
  entity: Entity;
  start: number;
  end: number;
  /** The words as written (`he`, `Ana Ruiz`). */
  text: string;
  pronoun: boolean;
}

export interface SentenceView {
  sentence: Sentence;
  tokens: Token[];
  /** Entity mentions in this sentence, in order (demonyms and title words included). */
  located: Located[];
}

export interface Discourse {
  norm: NormalizedText;
  views: SentenceView[];
  /** What each sentence's he/she may refer to, from the sentences before it. */
  focusBefore: Focus[];
  /** A person's grammatical gender when the text shows it (a first name compromise knows, `Mr.`/`Ms.`). */
  gender: Map<Entity, Gender>;
  /** The text's quotation spans: the words someone is quoted saying. */
  quotes: QuoteSpan[];
  /**
   * The same focus read from the narrative alone (words in quotation marks
   * left out, wholly quoted sentences skipped): whom a he/she attributing a
   * quote may mean when the usual focus is someone that quote names.
   */
  focusOutside: Focus[];
}

export type Gender = 'male' | 'female';

export interface Focus {
  /** The person subject of the previous sentence: proximity and grammatical role outrank gender. */
  subject?: Entity;
  /** Else: persons named in the previous sentence, then recent subjects, most likely first. */
  candidates: Entity[];
  /** Recent person subjects, latest first. */
  subjects: Entity[];
  /**
   * The previous sentence's subject is a person the article describes but
   * does not name here (`The prince said …`): a he/she that follows means
   * that person, whom no name may stand for.
   */
  described?: boolean;
}

/**
 * Whether the sentence opens with a description of a person as its subject,
 * naming no one: `The prince said`, `A spokesman for the council added`.
 */
export function opensWithDescribedPerson(view: SentenceView): boolean {
  const { tokens } = view;
  if (!/^(the|a|an)$/i.test(tokens[0]?.text ?? '')) return false;
  for (let k = 1; k < Math.min(tokens.length, 5); k++) {
    const t = tokens[k]!;
    if (located(view, t)) return false;
    if (isTitleHead(t.text.toLowerCase())) return has(tokens[k + 1], 'Verb') && !has(tokens[k + 1], 'Gerund', 'PastParticiple');
    if (has(t, 'Verb', 'Preposition', 'Pronoun')) return false;
  }
  return false;
}

/** `he` → male, `she` → female; other words say nothing. */
export function pronounGender(word: string): Gender | undefined {
  if (/^(he|him|his|himself)$/i.test(word)) return 'male';
  if (/^(she|her|hers|herself)$/i.test(word)) return 'female';
  return undefined;
}

/** Gender is a soft cue: it only rules out a person whose gender the text shows otherwise. */
export function fitsPronoun(discourse: Discourse, entity: Entity, pronoun: string): boolean {
  const wanted = pronounGender(pronoun);
  const known = discourse.gender.get(entity);
  return !wanted || !known || wanted === known;
}

const PERSONAL = /^(he|she|him|her|his|hers)$/i;
const SUBORDINATORS = /^(when|while|if|although|though|after|before|since|as|because|once|unless|until|whereas|despite|in|at|on|during|following|amid|earlier|later|last|this|for)$/i;

export function isPersonalPronoun(token: Token): boolean {
  return PERSONAL.test(token.text);
}

export function located(view: SentenceView, token: Token): Located | undefined {
  return view.located.find((l) => l.mention.normStart <= token.start && token.end <= l.mention.normEnd + 2);
}

/** Whether a mention of sentence `view` is a possessor (`Britain’s`, `Labour’s leader`): it qualifies the noun after it. */
export function isPossessor(view: SentenceView, l: Located): boolean {
  const at = l.mention.normEnd - view.sentence.normStart;
  return /^['’]s?/.test(view.sentence.text.slice(at, at + 2)) || /['’]s$/.test(l.mention.text);
}

/** The index just past a mention's last token. */
export function tokenAfter(view: SentenceView, end: number): number {
  const i = view.tokens.findIndex((t) => t.start >= end);
  return i < 0 ? view.tokens.length : i;
}

export function tokenAt(view: SentenceView, start: number): number {
  const i = view.tokens.findIndex((t) => t.end > start);
  return i < 0 ? view.tokens.length : i;
}

/**
 * Is the thing ending before token `i` the subject of a verb? Skips
 * appositives and relative clauses (`X, deputy director …, said`,
 * `X — who serves as … — has`) and auxiliaries/adverbs.
 */
export function verbAfter(view: SentenceView, i: number): number | undefined {
  const tokens = view.tokens;
  let k = i;
  const prev = tokens[k - 1];
  // `Its chief executive, Warwick Breen, said`: the comma closes an appositive the name was in
  // (but not a relative clause: `Lee, who lost to Kang, called` is Lee's verb, not Kang's).
  if (prev && /^\)?\s*,\s*$/.test(prev.post) && opensAppositive(view, k) && !insideRelativeClause(tokens, k - 1) && has(tokens[k], 'Verb') && !has(tokens[k], 'Gerund', 'PastParticiple') && !/^(who|which|that)$/i.test(tokens[k]?.text ?? '')) return k;
  // Appositive or relative clause between commas or dashes.
  if (prev && /^\)?\s*[,—–]\s*$/.test(prev.post)) {
    const closer = prev.post.replace(/[\s)]/g, '');
    let depth = 0;
    for (let j = k; j < tokens.length && j < k + 40; j++) {
      if (tokens[j]!.post.includes(closer) || (closer === ',' && /[—–]/.test(tokens[j]!.post))) {
        depth = j + 1;
        break;
      }
    }
    if (!depth) return undefined;
    k = depth;
    // `X, Nersa's regulator member, who chaired the hearing, said`: a relative clause after the appositive.
    if (/^(who|which)$/i.test(tokens[k]?.text ?? '') && /,\s*$/.test(tokens[k - 1]!.post)) {
      const close = tokens.findIndex((t, j) => j >= k && j < k + 25 && /,/.test(t.post));
      if (close >= 0) k = close + 1;
    }
  } else {
    // `Juliette Caron of Sciences Po said`: a name's affiliation stands between it and its verb.
    const affiliation = /^(of|at|from|with)$/i.test(tokens[k]?.text ?? '') ? view.located.find((l) => l.mention.normStart >= tokens[k]!.end && l.mention.normStart <= (tokens[k + 2]?.start ?? -1)) : undefined;
    if (affiliation && affiliation.entity.kind !== 'Person') k = tokenAfter(view, affiliation.mention.normEnd);
    // `Rep. Lyle Hensley of Arizona, the caucus chairman, criticized`: an appositive after the affiliation.
    if (affiliation && /^\s*,\s*$/.test(tokens[k - 1]?.post ?? '') && (has(tokens[k], 'Determiner') || isTitleWord(tokens[k]?.text ?? ''))) {
      const close = tokens.findIndex((t, j) => j >= k && j < k + 12 && /,/.test(t.post));
      if (close >= 0) k = close + 1;
    }
  }
  // `Elena Caballero (D-N.M.) said`, `… of the Social Democratic Party (SPD) said`: a bracketed aside.
  if (tokens[k] && /\(/.test(tokens[k]!.pre + (tokens[k - 1]?.post ?? ''))) {
    const close = tokens.findIndex((t, j) => j >= k && j < k + 6 && /\)/.test(t.post));
    // Not `Alliance (NUA), praised`: a comma after the bracket closes an appositive the name ends.
    if (close >= 0 && /^[.]?\)\s*$/.test(tokens[close]!.post)) k = close + 1;
  }
  let auxiliary: number | undefined;
  for (let j = k; j < tokens.length && j < k + 5; j++) {
    const t = tokens[j]!;
    // `JD(S) state president X`, `party leads`: a title's first word is no verb, whatever its tag.
    if (isTitleModifier(t.text) && isTitleHead(tokens[j + 1]?.text ?? '')) return auxiliary;
    // `had called`: the auxiliary leads to the verb that carries the meaning.
    if (has(t, 'Auxiliary') || has(t, 'Modal')) {
      auxiliary ??= j;
      continue;
    }
    if (has(t, 'Verb') && !has(t, 'Gerund')) return j;
    // `X on Monday accused`, `X last week said`: a time between subject and verb.
    if (has(t, 'Date', 'Duration') || (/^(on|last|this|earlier|late|early)$/i.test(t.text) && has(tokens[j + 1], 'Date', 'Duration'))) continue;
    if (!has(t, 'Adverb', 'Negative')) return auxiliary;
  }
  return auxiliary;
}

/**
 * Whether the name ending before token `k` opens right after a comma or dash
 * (`Its chief executive, Warwick Breen, said`), so that it is the whole
 * appositive; not the end of a longer one (`X, of President Ruto’s UDA, praised`).
 */
function opensAppositive(view: SentenceView, k: number): boolean {
  // The name ending there, or before its bracketed short form: `National Unity Alliance (NUA),`.
  const last = view.tokens[k - 1];
  const name = last && [...view.located].reverse().find((l) => l.mention.normEnd <= last.end && tokenAt(view, l.mention.normStart) >= k - 8);
  if (!name) return true;
  // Titles before the name belong to the appositive: `Its president, Deputy Arthur Lima, praised`.
  let j = tokenAt(view, name.mention.normStart) - 1;
  // (`Liberal Senator X`, `Dutch MEP X`: a party or nationality qualifies the title.)
  // (`A third negotiator, the mediator Colin Fraser, said`: a common noun describing the person too; never a
  // preposition, whatever its tag: `a friend of X,` is not X.)
  const qualifies = (t: Token) =>
    isTitleWord(t.text) || isPartyWord(t.text) || !!countryByDemonym(t.text) || has(t, 'Determiner', 'Adjective') ||
    (has(t, 'Noun') && /^\p{Ll}+$/u.test(t.text) && !/^(of|for|at|to|with|from|in|on|by|about)$/.test(t.text));
  while (j >= 0 && /^\s*$/.test(view.tokens[j]!.post) && qualifies(view.tokens[j]!)) j--;
  const before = view.tokens[j];
  return !!before && /[,—–]\s*$/.test(before.post);
}

/**
 * Where the `, who|whose|which …,` clause holding token `i` closes (the index
 * of its last token), or undefined when `i` is in no such clause.
 */
export function relativeClauseEnd(tokens: Token[], i: number): number | undefined {
  if (!insideRelativeClause(tokens, i)) return undefined;
  for (let j = i; j < tokens.length; j++) if (/[,—–]/.test(tokens[j]!.post)) return j;
  return tokens.length - 1;
}

/** Whether token `i` sits in a `, who …` clause opened earlier in the sentence. */
function insideRelativeClause(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 25; j--) {
    if (/[,—–(]/.test(tokens[j]!.post)) return /^(who|whom|whose|which)$/i.test(tokens[j + 1]!.text);
  }
  return false;
}

/** Tokens before the main clause: a leading subordinate or prepositional phrase ending at the first comma. */
export function mainClauseStart(view: SentenceView): number {
  const first = view.tokens[0];
  if (!first || !SUBORDINATORS.test(first.text)) return 0;
  const comma = view.tokens.findIndex((t) => /,/.test(t.post));
  return comma < 0 ? 0 : comma + 1;
}

/**
 * `…, with NDP critic Jessica Ng calling it “…”`: the subject of a participle
 * after `with`, a few title words back.
 */
function withParticiple(view: SentenceView, start: number, end: number): boolean {
  const next = view.tokens[end];
  if (!next || !/\p{Ll}ing$/u.test(next.text) || !has(next, 'Verb', 'Gerund')) return false;
  for (let k = start - 1; k >= 0 && k >= start - 5; k--) {
    const t = view.tokens[k]!;
    if (/^with$/i.test(t.text)) return true;
    if (has(t, 'Verb') || /[,;]/.test(t.post)) return false;
  }
  return false;
}

/** Persons (and other entities) standing as subjects in this sentence, with positions. */
export function subjects(view: SentenceView, discourse: Discourse): Referent[] {
  const found: Referent[] = [];
  view.tokens.forEach((token, i) => {
    const at = located(view, token);
    const isStart = at && at.mention.normStart === token.start && at.mention.form !== 'title' && at.mention.form !== 'demonym';
    const pronoun = !at && isPersonalPronoun(token) && /^(he|she)$/i.test(token.text);
    if (!isStart && !pronoun) return;
    const end = at ? tokenAfter(view, at.mention.normEnd) : i + 1;
    if (verbAfter(view, end) === undefined && !(at && withParticiple(view, i, end))) return;
    const entity = at ? at.entity : resolvePronoun(discourse, view, token.start);
    if (!entity) return;
    found.push({ entity, start: token.start, end: at ? at.mention.normEnd : token.end, text: at ? at.mention.text : token.text, pronoun: !at });
  });
  return found;
}

/**
 * Subjects standing before `position`, except one inside a relative clause
 * that closed before it (`Tusk, whose Civic Coalition leads the government,
 * … accused Wolski`: Civic Coalition is not who accused).
 */
export function subjectsBefore(view: SentenceView, discourse: Discourse, position: number): Referent[] {
  const at = tokenAt(view, position);
  return subjects(view, discourse).filter((s) => {
    if (s.start >= position) return false;
    const end = relativeClauseEnd(view.tokens, tokenAt(view, s.start));
    return end === undefined || end >= at;
  });
}

/** Whether a subject stands in a closing reporting clause: `…, Name said.` (a few words may follow the verb). */
function reportsAtEnd(view: SentenceView, r: Referent): boolean {
  const i = tokenAt(view, r.start);
  if (i === 0 || !/,\s*[”"]?\s*$/.test(view.tokens[i - 1]!.post)) return false;
  const v = tokenAfter(view, r.end);
  const verb = view.tokens[v];
  return verb !== undefined && has(verb, 'Verb') && speechCue(verb.text)?.class === 'say' && view.tokens.length - v <= 4;
}

/** Of a sentence's subjects, the subject of the main clause (else the first). */
export function mainSubjectOf(view: SentenceView, found: Referent[]): Referent | undefined {
  // `Even Lee and Ruiz are in trouble, Tam said.`: the reporting clause at the end is the main clause.
  const reporter = found.find((r) => reportsAtEnd(view, r));
  if (reporter) return reporter;
  const from = view.tokens[mainClauseStart(view)]?.start ?? view.sentence.normStart;
  return found.find((r) => r.start >= from) ?? found[0];
}

/**
 * The entity a he/she pronoun at `position` refers to: a person subject
 * earlier in the same sentence, else the discourse focus.
 *
 * Rule "no self-naming": people rarely name themselves in their own quote,
 * so a pronoun attributing a quote (`“… Tamsin has nobody,” he said`) does
 * not resolve to a person by virtue of a mention inside that quote. When
 * the usual choice is named in it, the pronoun is read against the
 * narrative outside quotation marks, and the first candidate there that the
 * quote does not name wins (`That worries Reuben Hale. “No one writes songs
 * for Tamsin,” he said` → Hale, not Tamsin); when none is left, the one the
 * narrative names too (`they say Ivo Marsh should quit,” he said`: people
 * do name themselves so, now and then). Quote attribution systems use the
 * same constraint (Muzny et al. 2017).
 */
export function resolvePronoun(discourse: Discourse, view: SentenceView, position: number): Entity | undefined {
  const word = view.tokens.find((t) => t.start === position)?.text ?? '';
  const free = (e: Entity) => !namedAfter(discourse, view, position, e);
  const usual = antecedents(discourse, view, position, word, discourse.focusBefore[view.sentence.index]).filter(free)[0];
  const quote = attributedQuote(discourse, view, position, position + word.length);
  if (!usual || !namedIn(discourse, usual, quote)) return usual;
  const outside = antecedents(discourse, view, position, word, discourse.focusOutside[view.sentence.index]).filter(free);
  // (No one else fits: the quote's person, when the narrative names them too.)
  return outside.find((e) => !namedIn(discourse, e, quote)) ?? outside[0];
}

/**
 * Rule "no naming after" (binding Principle C): a he/she is not someone the
 * rest of its own sentence names outside quotation marks (`He said Ruiz could
 * lose his seat`: he is not Ruiz; `He and Ruiz met`: nor here), unless it stands in a clause
 * before the main one.
 */
function namedAfter(discourse: Discourse, view: SentenceView, position: number, entity: Entity): boolean {
  // (A he/she in a clause before the main one may look ahead: `Though she objected, Ruiz signed`.)
  if (position < (view.tokens[mainClauseStart(view)]?.start ?? view.sentence.normStart)) return false;
  return view.located.some(
    (l) => l.entity === entity && l.mention.normStart > position && (l.mention.form ?? 'name') === 'name' && !isQuoted(discourse, l.mention.normStart),
  );
}

/** Whom a he/she at `position` may mean, most likely first, by grammatical role and recency under `focus`. */
function antecedents(discourse: Discourse, view: SentenceView, position: number, word: string, focus: Focus | undefined): Entity[] {
  const from = view.tokens[mainClauseStart(view)]?.start ?? view.sentence.normStart;
  const found: Entity[] = [];
  for (const l of view.located) {
    if (l.mention.normEnd > position) break;
    if (l.entity.kind !== 'Person' || l.mention.normStart < from || !fitsPronoun(discourse, l.entity, word)) continue;
    // A name inside a quote is not who speaks it: `“… Mr. X is the person …,” he said`.
    if (discourse.norm.text.slice(l.mention.normEnd, position).includes('”')) continue;
    const end = tokenAfter(view, l.mention.normEnd);
    if (verbAfter(view, end) !== undefined) found.push(l.entity);
  }
  if (!focus || focus.described) return found;
  const fits = (e: Entity) => e !== focus.subject && fitsPronoun(discourse, e, word);
  const others = focus.candidates.filter(fits);
  if (!focus.subject) return [...found, ...others, ...focus.candidates.slice(0, 1)];
  // The subject, unless a pronoun of its gender already took it: then another recent subject.
  if (!pronounTaken(discourse, view, position, focus.subject, word)) return [...found, focus.subject, ...others];
  return [...found, ...focus.subjects.filter(fits), ...others];
}

/** Whether offset `at` lies in quoted words. */
export function isQuoted(discourse: Discourse, at: number): boolean {
  return discourse.quotes.some((q) => q.start <= at && at < q.end);
}

/**
 * The quoted words an attribution at [from, to) of sentence `view` stands
 * beside: the quote closing right before it in its sentence (`“…,” she
 * said`, not `… “The Truman Show.” She says …`) and one opening right after
 * its verb (`she said, “…”`, `she said. “…”` in the same paragraph, with
 * the paragraphs it runs on over).
 */
export function attributedQuote(discourse: Discourse, view: SentenceView, from: number, to: number): QuoteSpan[] {
  const text = discourse.norm.text;
  const spans = discourse.quotes;
  const found = new Set<number>();
  spans.forEach((s, k) => {
    if (s.after <= from && s.after > view.sentence.normStart && /^[ \t,—–]*$/.test(text.slice(s.after, from))) found.add(k);
    else if (s.open >= to && s.open - to < 40 && /^[ \t]*(\p{L}+[ \t]*){0,3}[,.:]?[ \t]*$/u.test(text.slice(to, s.open))) found.add(k);
  });
  // (Not back over paragraphs: an excerpt of another article opens each paragraph with a mark it never closes,
  // and a chain back would take its narrative for the quote.)
  for (const k of [...found]) for (let j = k + 1; spans[j]?.continued; j++) found.add(j);
  return [...found].map((k) => spans[k]!);
}

/** Whether the entity is mentioned inside the quoted words. */
export function namedIn(discourse: Discourse, entity: Entity, quote: QuoteSpan[]): boolean {
  if (quote.length === 0) return false;
  return discourse.views.some((v) => v.located.some((l) => l.entity === entity && quote.some((q) => q.start <= l.mention.normStart && l.mention.normEnd <= q.end)));
}

/**
 * `Asked about her comments, he said`: a pronoun of the previous subject's
 * gender earlier in the sentence already refers to it, so a pronoun of the
 * other gender means someone else.
 */
function pronounTaken(discourse: Discourse, view: SentenceView, position: number, subject: Entity, word: string): boolean {
  if (fitsPronoun(discourse, subject, word) || !discourse.gender.has(subject)) return false;
  return view.tokens.some((t) => t.start < position && isPersonalPronoun(t) && pronounGender(t.text) === discourse.gender.get(subject));
}

export function buildViews(sentences: Sentence[], tokens: Token[][], all: Located[]): SentenceView[] {
  const bySentence = new Map<number, Located[]>();
  for (const l of all) {
    const list = bySentence.get(l.mention.sentence) ?? [];
    list.push(l);
    bySentence.set(l.mention.sentence, list);
  }
  return sentences.map((sentence, i) => ({
    sentence,
    tokens: tokens[i]!,
    located: (bySentence.get(sentence.index) ?? []).sort((a, b) => a.mention.normStart - b.mention.normStart),
  }));
}
