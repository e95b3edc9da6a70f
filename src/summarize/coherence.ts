/**
 * Coherence: which article sentences refer back to something before them,
 * and what a summary must do about it. A sentence lifted out of its place
 * keeps its meaning only if what it points at comes with it:
 *
 *   pronoun        `He started setting up profiles.`  → needs the sentence before
 *   demonstrative  `This organisation …`, `That power …` → needs the sentence before
 *   contrast       `But …`, `However, …`             → needs the sentence before
 *   answer         `Her arrogance.` after `What gives her the nerve?` → question and answer together
 *   definite       `the tweet` after `a tweet from 2024` two sentences up → needs that sentence
 *   additive       `Also, …`, `has also echoed`      → the word goes (the sentence stands without it)
 *
 * Rules are named patterns over the text outside quotation marks (quoted
 * words are a speaker's, never rewritten), except where a quote opens the
 * sentence: `“That is not contrary …”` points back as much as narration does.
 */
import nlp from 'compromise';
import { FUNCTION_WORDS, insideAny, quotedSpans, tidy } from './text.js';
import { stem } from './concepts.js';
import type { Span } from '../types.js';

export interface BackReference {
  rule: string;
  /** Where it is, in the sentence's own text. */
  start: number;
  end: number;
}

/** Time words after `this`/`that` make a date, not a reference (`this year`, `that morning`). */
const TIME_NOUNS =
  'year|year’s|year\'s|years|week|weekend|month|morning|afternoon|evening|night|time|season|summer|spring|fall|autumn|winter|term|decade|century|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/**
 * `those who …`, `those mourning Ali …`: the people who do something, said in the sentence itself, not
 * a reference back (a participle is known by what follows it: an object, a name or a preposition).
 */
const PEOPLE_WHO = String.raw`\s+(?:(?:who|whom)\b|\p{Ll}{3,}ing\s+(?:(?:the|a|an|his|her|their|its|to|in|at|on|for|with|from)\b|\p{Lu}))`;

/** Openers whose contrast or consequence lies in the sentence before. */
const CONTRAST_OPENER =
  /^(?:But|However|Yet|Still|Nevertheless|Nonetheless|Instead|Even so|Rather|Thus|Therefore|Hence|Consequently|As a result|In that case|In contrast|By contrast|On the other hand|That said|Then again|Otherwise|Likewise|Similarly|Indeed|After all|In turn|For example|For instance|In other words|Put another way|In short|For one thing|For another|Of course|To be sure|At the same time)\b/;
/** Demonstratives and pronouns opening a sentence or the quotation that opens it (`This`, `That decision`, `It`, `He`). */
const DEMONSTRATIVE_OPENER = new RegExp(
  `^(?:(?:In|For|By|Under|At|With|Despite|After|Before) (?:that|this|those|these|such) (?!(?:${TIME_NOUNS})\\b)\\p{Ll}+|(?:This|That|These|Those|Such|It|Its|Their|They|Them|His|Her|He|She|Him)\\b(?!\\s+(?:${TIME_NOUNS})\\b)(?<!Those(?=${PEOPLE_WHO})))`,
  'u',
);
/** A demonstrative noun phrase anywhere (`this organisation`, `those claims`), dates excepted. */
const DEMONSTRATIVE_PHRASE = new RegExp(`\\b(?:this|these|those(?!${PEOPLE_WHO})|such)\\s+(?!(?:${TIME_NOUNS})\\b)\\p{Ll}[\\p{Ll}-]+`, 'gu');
/** `another`, `the other`, `the same`, `the latter`, `the former`: compared with something said before. */
const COMPARATIVE = /\b(?:another|the other|the same|the latter|the former|the rest|likewise|either)\b/gi;
/** Third-person pronouns: someone named elsewhere. */
const PERSON_PRONOUN = /\b(?:he|she|him|his|her|hers|himself|herself)\b/giu;
const GROUP_PRONOUN = /\b(?:they|them|their|theirs|themselves)\b/giu;
/** Nouns for a person, so `The mother said her son …` carries its own antecedent. */
export const PERSON_NOUN =
  /\b(?:man|woman|boy|girl|mother|father|son|daughter|wife|husband|brother|sister|victim|defendant|officer|minister|spokesman|spokeswoman|spokesperson|teacher|doctor|judge|lawyer|friend|neighbour|neighbor|student|child|pensioner|driver|mum|dad|grandmother|grandfather|partner|chief|leader|president|candidate|founder|owner|worker|resident|widow|suspect|teenager|pupil|patient|mayor|employee|councillor|councilman|councilwoman|senator|nurse|parent|passenger|engineer|keeper|official|director|secretary|chairman|chairwoman|chair|captain|coach|manager|executive|head|prosecutor|barrister|coroner|governor|sheriff|campaigner|angler|trustee|maintainer|organiser|organizer|negotiator|mediator|analyst|actor|singer|player|soldier|prince|princess|king|queen)s?\b/iu;
/** Object pronouns: the person they stand for is named, not merely described, before them (`Residents told him`). */
const OBJECT_PRONOUN = /^(?:him|himself)$/i;

/** Additive connectives: they add to what came before, and the sentence stands without them. */
const ADDITIVE_OPENER = /^(?:Also|Furthermore|Moreover|In addition|Additionally|Meanwhile|Separately|Besides|What is more|What’s more|Too),?\s+/;
const ADDITIVE_WORD = /(?<!\bbut|\bnot only|\bnot)\s+(?:also|too|as well)\b(?=[\s,.])/gu;

function outside(quoted: Span[], start: number, end: number): boolean {
  return !insideAny(quoted, start, end);
}

/** The text with any opening quotation mark and additive connective taken off. */
function opening(text: string): string {
  return text.replace(/^[“"‘(]\s*/, '').replace(ADDITIVE_OPENER, '');
}

/**
 * The back-references of a sentence, `antecedents` being spans (in the
 * sentence) of names and licensed replacements that can carry a pronoun.
 */
export function backReferences(text: string, antecedents: Span[]): BackReference[] {
  const quoted = quotedSpans(text);
  const found: BackReference[] = [];
  const head = opening(text);
  const offset = text.length - head.length;
  const contrast = CONTRAST_OPENER.exec(head);
  if (contrast) found.push({ rule: 'contrast-opener', start: offset, end: offset + contrast[0].length });
  const demonstrative = DEMONSTRATIVE_OPENER.exec(head);
  if (demonstrative) found.push({ rule: 'reference-opener', start: offset, end: offset + demonstrative[0].length });
  for (const m of text.matchAll(DEMONSTRATIVE_PHRASE)) {
    if (outside(quoted, m.index, m.index + m[0].length)) found.push({ rule: 'demonstrative', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(COMPARATIVE)) {
    if (outside(quoted, m.index, m.index + m[0].length)) found.push({ rule: 'comparative', start: m.index, end: m.index + m[0].length });
  }
  // A person pronoun with no name or person noun before it in the sentence points outside it.
  for (const m of text.matchAll(PERSON_PRONOUN)) {
    if (!outside(quoted, m.index, m.index + m[0].length)) continue;
    const before = text.slice(0, m.index);
    const named = antecedents.some((a) => a.end <= m.index);
    const described = !OBJECT_PRONOUN.test(m[0]) && PERSON_NOUN.test(before.replace(/[“"][^”"]*[”"]/g, ' '));
    const carried = named || described;
    if (!carried) found.push({ rule: 'pronoun', start: m.index, end: m.index + m[0].length });
  }
  // `they` after any content word can be that word's (`Officials said they …`); opening the sentence it cannot.
  for (const m of text.matchAll(GROUP_PRONOUN)) {
    if (!outside(quoted, m.index, m.index + m[0].length)) continue;
    const words = text.slice(0, m.index).match(/[\p{L}’'-]+/gu) ?? [];
    if (words.every((w) => FUNCTION_WORDS.has(w.toLowerCase()))) found.push({ rule: 'pronoun', start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Drop additive connectives (`Also,`, `has also echoed`): what they add to is not in the summary. */
export function dropAdditives(text: string): string {
  const quoted = quotedSpans(text);
  let out = text.replace(/^([“"‘(]?)/, '$1');
  const lead = ADDITIVE_OPENER.exec(out);
  if (lead) out = out.slice(lead[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const q = lead ? quotedSpans(out) : quoted;
  out = out.replace(ADDITIVE_WORD, (m, at: number) => (insideAny(q, at, at + m.length) ? m : ''));
  return tidy(out);
}

/** A question the article answers next: the question and its answer go together or not at all. */
export function isQuestion(text: string): boolean {
  return /\?[”"’)]?$/.test(text.trim());
}

/** The head noun of the words after a determiner: the last before a function word (`an election integrity panel made` → `panel`). */
function nounWords(match: RegExpMatchArray, weak: ReadonlySet<string>): string[] {
  const words = match[1]!.split(/\s+/);
  const cut = words.findIndex((w) => FUNCTION_WORDS.has(w));
  const head = (cut < 0 ? words : words.slice(0, cut)).at(-1);
  return head !== undefined && head.length >= 4 && !weak.has(head) ? [stem(head)] : [];
}

const INDEFINITE = /\b(?:[Aa]n?)\s+(\p{Ll}[\p{Ll}-]+(?:\s+\p{Ll}[\p{Ll}-]+){0,2})/gu;
const DEFINITE = /\b[Tt]he\s+(\p{Ll}[\p{Ll}-]+(?:\s+\p{Ll}[\p{Ll}-]+){0,2})/gu;

/**
 * Definite descriptions whose first mention is an indefinite one in an
 * earlier sentence (`a tweet from December` … `the tweet`): for each
 * sentence, the earlier sentences it points at.
 */
export function definiteAntecedents(sentences: string[], weak: ReadonlySet<string>): number[][] {
  const introduced = new Map<string, number>();
  return sentences.map((text, i) => {
    const quoted = quotedSpans(text);
    const own = new Set([...text.matchAll(INDEFINITE)].flatMap((m) => nounWords(m, weak)));
    const needs = new Set<number>();
    // As with the openers: the speaker's words refer back too when the quotation opens the sentence.
    const narrated = quoted[0]?.start === 0 ? quoted.slice(1) : quoted;
    for (const m of text.matchAll(DEFINITE)) {
      if (!outside(narrated, m.index, m.index + m[0].length)) continue;
      for (const noun of nounWords(m, weak)) {
        const first = introduced.get(noun);
        if (first !== undefined && !own.has(noun)) needs.add(first);
      }
    }
    for (const noun of own) if (!introduced.has(noun)) introduced.set(noun, i);
    return [...needs].sort((a, b) => a - b);
  });
}

/**
 * Finite verbs common enough to settle most sentences without tagging them:
 * auxiliaries and modals, reporting verbs, frequent irregular pasts, and
 * regular pasts (`-ed` not followed by `by`/`to`, which makes a participle).
 */
const COMMON_FINITE = new RegExp(
  '\\b(?:is|are|was|were|has|have|had|does|did|will|would|can|could|shall|should|may|might|must|' +
    'said|says|told|tells|added|adds|wrote|writes|asked|asks|called|calls|made|makes|took|takes|went|goes|came|comes|got|gets|gave|gives|' +
    'saw|sees|left|became|becomes|began|begins|won|wins|lost|loses|found|finds|fell|falls|rose|rises|felt|feels|held|holds|kept|keeps|' +
    'knew|knows|met|meets|paid|pays|ran|runs|sent|sends|sold|sells|spent|spends|stood|stands|struck|thought|thinks|brought|brings|' +
    'bought|built|chose|drew|drove|fought|flew|grew|grows|hid|hung|led|leads|meant|means|spoke|speaks|stole|threw|understood|wore|' +
    'seems|seemed|remains|shows|plans|wants|needs|faces|warns|says|claims|denies|admits|agrees|believes|expects|hopes|urges|' +
    'beat|beats|scored|scores)\\b|\\b\\p{Ll}{3,}ed\\b(?!\\s+(?:by|to)\\b)',
  'iu',
);

/**
 * Does the sentence have a finite verb, so it is a sentence and not a
 * fragment (`With violent titles continuing to top the charts.`)? Common
 * verbs settle it at once; otherwise compromise tags it (gerunds,
 * infinitives and participles alone do not count).
 */
export function hasFiniteVerb(text: string): boolean {
  if (COMMON_FINITE.test(text)) return true;
  return taggedFinite(text);
}

/**
 * May `tail` be cut from a sentence, leaving `head`? Only if the head keeps a finite verb. Common
 * verbs settle it without tagging: one in the head keeps it, one only in the tail forbids the cut.
 */
export function cutKeepsVerb(head: string, tail: string): boolean {
  if (COMMON_FINITE.test(head)) return true;
  if (COMMON_FINITE.test(tail)) return false;
  return taggedFinite(head);
}

/**
 * Does `text` open with a verb (`told reporters …`, `died on Monday`)? What is left after an aside is cut
 * from between a name and its verb must: `Phyllis Schlafly, whose campaigns against Communism, abortion
 * and … galvanized …` cut at the list's first comma leaves a noun there.
 */
export function opensWithVerb(text: string): boolean {
  const word = /^\s*([\p{L}’'-]+)/u.exec(text)?.[1];
  if (!word) return false;
  if (new RegExp(`^(?:${COMMON_FINITE.source})$`, 'iu').test(word)) return true;
  const terms = (nlp(`It ${word}`).json() as Array<{ terms: Array<{ tags: string[] }> }>).flatMap((s) => s.terms);
  return terms[1]?.tags.includes('Verb') === true;
}

function taggedFinite(text: string): boolean {
  // compromise reads `said:` as an expression: a colon before a quotation is a comma to it.
  // A verb counts unless it is a gerund or participle, or `to` makes it an infinitive (compromise tags
  // some finite verbs as infinitives: `The Senate set the date`).
  const terms = (nlp(text.replace(/:/g, ',')).json() as Array<{ terms: Array<{ normal: string; tags: string[] }> }>).flatMap((s) => s.terms);
  return terms.some(
    (t, i) => t.tags.includes('Verb') && !t.tags.includes('Gerund') && !t.tags.includes('Participle') && terms[i - 1]?.normal !== 'to',
  );
}
