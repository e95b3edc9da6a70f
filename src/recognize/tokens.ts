/** compromise's view of one sentence: words with tags and offsets. */
import nlp from 'compromise';
import type { Sentence } from '../types.js';

export interface Token {
  /** Index within the sentence's token list. */
  index: number;
  /** The word without surrounding punctuation (`Trump’s`, `U.S.`, `Mr`). */
  text: string;
  /** Punctuation/whitespace before and after, as compromise splits it. */
  pre: string;
  post: string;
  /** Offsets into the NORMALIZED text. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** compromise's phrase chunk: `Noun`, `Verb`, `Adjective` or `Pivot` (prepositions, conjunctions). */
  chunk?: string;
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  chunk?: string;
  offset: { start: number; length: number };
}

type Terms = Array<{ terms: CompromiseTerm[] }>;

/** Tags that make a word proper even in lower case (compromise's gazetteer knows `london`, `nato`). */
const PROPER_TAGS = ['Place', 'Country', 'City', 'Region', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Organization'];
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];

/** A headline or dateline in capitals: `SOCCER - JAPAN GET LUCKY WIN`. */
function shouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 4 && upper.length / letters.length > 0.8;
}

const titleCase = (word: string) => word.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1));

/** Words a sentence capitalises only because headline style capitalises every word. */
const HEADLINE_WORDS = /^(the|a|an|of|to|in|on|for|with|as|at|by|from|over|after|into|about|and|but|or|is|was|are|were|be|been|will|would|could|should|can|may|has|have|had|says|say|said|not|up|out|off|its|his|her|their|who|what|why|how|this|that)$/i;

/** What the article writes: words it capitalises mid-sentence (names), and words it writes in lower case. */
export interface ArticleCasing {
  names: ReadonlySet<string>;
  lower: ReadonlySet<string>;
}

/**
 * A headline or subhead in title case (`Hillary Clinton Drops Into Detroit As
 * Democrats Get Nervous`, `Only 24 Percent of Clinton’s Contributors Are
 * Small Donors`): most words capitalised, among them function words or words
 * the article otherwise writes in lower case.
 */
export function isTitleCased(text: string, casing?: ArticleCasing): boolean {
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')).filter((w) => /\p{L}/u.test(w));
  if (words.length < 4) return false;
  const rest = words.slice(1);
  const capitals = rest.filter((w) => /^\p{Lu}/u.test(w)).length;
  const common = rest.filter((w) => /^\p{Lu}\p{Ll}/u.test(w) && (HEADLINE_WORDS.test(w) || !!casing?.lower.has(w.toLowerCase()))).length;
  // Running text has lower-case words of its own (`said`, `votes`, `ahead`); title case keeps at most one, and short function words.
  const lowerContent = rest.filter((w) => /^\p{Ll}/u.test(w) && !SMALL_WORDS.test(w)).length;
  return capitals / rest.length >= 0.5 && lowerContent <= 1 && common >= 2;
}

/** Words title case leaves in lower case. */
const SMALL_WORDS = /^(a|an|the|of|in|on|at|to|for|and|but|or|nor|as|by|vs|via|with|from|into|than|per)$/;

/**
 * The headline re-cased as running text: a word keeps its capital only when
 * the article capitalises it mid-sentence elsewhere (a name), or it opens the
 * line. Lengths are unchanged, so offsets hold.
 */
function recaseHeadline(text: string, names: ReadonlySet<string>): string {
  let first = true;
  return text.replace(/[\p{L}'’.-]+/gu, (word) => {
    const keep = first || names.has(word.replace(/['’]s$/, '')) || /^\p{Lu}{2,}/u.test(word);
    first = false;
    return keep ? word : word[0]!.toLowerCase() + word.slice(1);
  });
}

/**
 * In capitals every word looks like an acronym; compromise tags the lower-cased
 * text instead, and only words its gazetteer knows keep a capital. Offsets
 * stay those of the original (lower-casing that changes length is skipped).
 */
function tagTerms(text: string, casing?: ArticleCasing): { terms: CompromiseTerm[]; recased: boolean } {
  const lower = text.toLowerCase();
  const recased = shouting(text) && lower.length === text.length;
  if (!recased && casing && isTitleCased(text, casing)) {
    const json = nlp(recaseHeadline(text, casing.names)).json({ offset: true, terms: { offset: true } }) as Terms;
    return { terms: json.flatMap((s) => s.terms), recased: false };
  }
  const json = nlp(recased ? lower : text).json({ offset: true, terms: { offset: true } }) as Terms;
  const terms = json.flatMap((s) => s.terms);
  if (!recased) return { terms, recased };
  for (const term of terms) {
    const original = text.slice(term.offset.start, term.offset.start + term.offset.length);
    const proper = term.tags.some((t) => PROPER_TAGS.includes(t)) || term.tags.includes('Acronym');
    term.text = term.tags.includes('Acronym') ? original : proper ? titleCase(term.text) : term.text.toLowerCase();
  }
  return { terms, recased };
}

/** What follows a dateline's place: a date, or a month before its day (`1996-08-30`, `Aug 30`). */
const DATE_MARK = /^(\d{4}-\d\d-\d\d|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;

/**
 * Does a dateline go on from term `from`: a few capitalised words and commas
 * (`, West Bank`, `, Russia,`), then a date or a bracketed agency (`(AP)`)?
 */
function datelineFollows(terms: CompromiseTerm[], from: number, written: (t: CompromiseTerm) => string): boolean {
  for (let k = from; k < Math.min(terms.length, from + 5); k++) {
    const term = terms[k]!;
    const text = written(term);
    // A month only with its day after it (`Aug 30`): `FEMA may …` is no dateline.
    const dated = /^\d{4}-\d\d-\d\d$/.test(text) || (DATE_MARK.test(text) && /^\d{1,2}$/.test(terms[k + 1] ? written(terms[k + 1]!) : ''));
    if (dated || (term.pre.includes('(') && /^\p{Lu}[\p{L}]{1,9}$/u.test(text) && term.post.startsWith(')'))) return true;
    if (!/^\p{Lu}/u.test(text) && text !== ',') return false;
  }
  return false;
}

/**
 * `MANILA (AP) —`, `MEXICO CITY —`, `BONN 1996-08-30`: a dateline in capitals
 * opening a sentence is re-read in lower case, and recased as a place when
 * compromise knows it as one or when a date or an agency follows it.
 */
function recaseDateline(terms: CompromiseTerm[], text: string, recased: boolean): void {
  const written = (t: CompromiseTerm) => text.slice(t.offset.start, t.offset.start + t.offset.length);
  const line: CompromiseTerm[] = [];
  for (const term of terms) {
    if (!/^\p{Lu}{2,}$/u.test(written(term)) || (line.length > 0 && /\(/.test(term.pre))) break;
    line.push(term);
    if (!/^\s+$/.test(term.post)) break;
  }
  if (line.map(written).join('').length < 4) return;
  const lower = (nlp(line.map((t) => written(t).toLowerCase()).join(' ')).json() as Terms).flatMap((s) => s.terms);
  if (lower.length !== line.length) return;
  // A line all in capitals was already re-read whole; only a date after it says more.
  const dated = datelineFollows(terms, line.length, written);
  const known = !recased && lower.some((t) => t.tags.some((tag) => PLACE_TAGS.includes(tag)));
  if (!known && !dated) return;
  line.forEach((term, i) => {
    term.text = titleCase(written(term).toLowerCase());
    // Before a date, a place whatever else the word could be (`ROSARIO` is also a given name).
    term.tags = dated ? ['Noun', 'ProperNoun', 'Place'] : [...new Set([...lower[i]!.tags, 'Place'])];
  });
}

/**
 * compromise's tags for one sentence. A headline in title case is read
 * with only the words the article capitalises mid-sentence capitalised.
 */
export function tokenize(sentence: Sentence, casing?: ArticleCasing): Token[] {
  const { terms, recased } = tagTerms(sentence.text, casing);
  recaseDateline(terms, sentence.text, recased);
  const tokens: Token[] = [];
  // compromise leaves the punctuation after a parenthesised word (`(RN),`) on an empty term: give it back.
  terms.forEach((term, i) => {
    if (term.text === '' && i > 0) terms[i - 1]!.post += term.pre + term.post;
  });
  for (const term of terms) {
    if (term.text === '') continue;
    // `JD(S)`, `CPI(M)`: compromise cuts the closing bracket off a party's suffix; put it back on the word.
    if (/^\p{Lu}{2,}\(\p{Lu}{1,3}$/u.test(term.text) && term.post.startsWith(')')) {
      term.text += ')';
      term.offset.length += 1;
      term.post = term.post.slice(1);
    }
    const start = sentence.normStart + term.offset.start;
    tokens.push({
      index: tokens.length,
      text: term.text,
      pre: term.pre,
      post: term.post,
      start,
      end: start + term.offset.length,
      tags: new Set(term.tags),
      ...(term.chunk ? { chunk: term.chunk } : {}),
    });
  }
  return tokens;
}

export const has = (token: Token | undefined, ...tags: string[]) => !!token && tags.some((t) => token.tags.has(t));

export function isCapitalized(token: Token | undefined): boolean {
  return !!token && /^[\p{Lu}]/u.test(token.text);
}

/** `SITE`, `CSIS`, `U.S.`, `G7`: two or more capitals (dots allowed). */
export function isAcronym(text: string): boolean {
  return /^(?:[\p{Lu}]\.){2,}$|^[\p{Lu}][\p{Lu}\d&-]{1,7}$|^\p{Lu}{2,}\(\p{Lu}{1,3}\)$/u.test(text) && /[\p{Lu}].*[\p{Lu}\d]/u.test(text);
}

/** `Trump’s` → `Trump`. */
export function stripPossessive(text: string): string {
  return text.replace(/['’]s$/u, '').replace(/(s)['’]$/u, '$1');
}

export const isPossessive = (token: Token) => /['’]s?$/.test(token.text) && (token.tags.has('Possessive') || /['’]s$/.test(token.text));
