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
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

export function tokenize(sentence: Sentence): Token[] {
  const json = nlp(sentence.text).json({ offset: true, terms: { offset: true } }) as Array<{ terms: CompromiseTerm[] }>;
  const tokens: Token[] = [];
  for (const s of json) {
    for (const term of s.terms) {
      if (term.text === '') continue;
      const start = sentence.normStart + term.offset.start;
      tokens.push({
        index: tokens.length,
        text: term.text,
        pre: term.pre,
        post: term.post,
        start,
        end: start + term.offset.length,
        tags: new Set(term.tags),
      });
    }
  }
  return tokens;
}

export const has = (token: Token | undefined, ...tags: string[]) => !!token && tags.some((t) => token.tags.has(t));

export function isCapitalized(token: Token | undefined): boolean {
  return !!token && /^[\p{Lu}]/u.test(token.text);
}

/** `SITE`, `CSIS`, `U.S.`, `G7`: two or more capitals (dots allowed). */
export function isAcronym(text: string): boolean {
  return /^(?:[\p{Lu}]\.){2,}$|^[\p{Lu}][\p{Lu}\d&-]{1,7}$/u.test(text) && /[\p{Lu}].*[\p{Lu}\d]/u.test(text);
}

/** `Trump’s` → `Trump`. */
export function stripPossessive(text: string): string {
  return text.replace(/['’]s$/u, '').replace(/(s)['’]$/u, '$1');
}

export const isPossessive = (token: Token) => /['’]s?$/.test(token.text) && (token.tags.has('Possessive') || /['’]s$/.test(token.text));
