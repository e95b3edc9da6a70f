/**
 * Stage 2: split normalized text into sentences with offsets. Each line of
 * the normalized text is a paragraph; compromise's tokenizer (which knows
 * abbreviations such as `U.S.` and `Mr.`) finds the sentence ends inside it.
 */
import nlp from 'compromise';
import type { NormalizedText, Sentence } from '../types.js';
import { toOriginal } from '../normalize/index.js';

interface CompromiseSentence {
  offset: { start: number; length: number };
}

/**
 * compromise keeps `…opinion.” Officials said…` as one sentence; a sentence
 * end inside closing quotes followed by a capital starts a new one.
 */
function splitAfterQuotes(line: string, start: number, end: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  const boundary = /[.!?…][”’"]+\s+(?=[“‘"]?\p{Lu})/gu;
  boundary.lastIndex = start;
  let from = start;
  for (let m = boundary.exec(line); m && m.index < end; m = boundary.exec(line)) {
    const cut = m.index + m[0].trimEnd().length;
    pieces.push([from, cut]);
    from = m.index + m[0].length;
  }
  pieces.push([from, end]);
  return pieces.filter(([a, b]) => line.slice(a, b).trim() !== '');
}

/**
 * `in Washington D.C. He recalled …`: an abbreviation's period before a
 * capitalised pronoun ends the sentence, though the tokenizer kept it whole.
 */
function splitBeforePronouns(line: string, parsed: CompromiseSentence[]): CompromiseSentence[] {
  return parsed.flatMap((s) => {
    const text = line.slice(s.offset.start, s.offset.start + s.offset.length);
    const cuts = [...text.matchAll(/\b\p{Lu}(?:\.\p{Lu})+\.\s+(?=(?:He|She|They|We|It|I)\s)/gu)].map((m) => m.index + m[0].length);
    if (cuts.length === 0) return [s];
    const pieces: CompromiseSentence[] = [];
    let from = 0;
    for (const cut of cuts) {
      pieces.push({ offset: { start: s.offset.start + from, length: cut - from } });
      from = cut;
    }
    pieces.push({ offset: { start: s.offset.start + from, length: text.length - from } });
    return pieces;
  });
}

/** `the No. 2 Republican`, `Art. 5`: an abbreviation before a number ends no sentence. */
function joinAfterNumberAbbreviations(line: string, parsed: CompromiseSentence[]): CompromiseSentence[] {
  const joined: CompromiseSentence[] = [];
  for (const s of parsed) {
    const previous = joined[joined.length - 1];
    const before = previous ? line.slice(previous.offset.start, previous.offset.start + previous.offset.length) : '';
    if (previous && /\b(No|Nos|Art|Vol|pp?|Fig|Sec)\.\s*$/.test(before) && /^\s*\d/.test(line.slice(s.offset.start))) {
      previous.offset = { start: previous.offset.start, length: s.offset.start + s.offset.length - previous.offset.start };
    } else joined.push({ offset: { ...s.offset } });
  }
  return joined;
}

export function segment(norm: NormalizedText): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  let paragraph = 0;
  for (const line of norm.text.split('\n')) {
    if (line.trim() !== '') {
      const parsed = splitBeforePronouns(line, joinAfterNumberAbbreviations(line, nlp.tokenize(line).json({ offset: true }) as CompromiseSentence[]));
      for (const [start0, end0] of parsed.flatMap(({ offset }) => splitAfterQuotes(line, offset.start, offset.start + offset.length))) {
        // (compromise's offsets may run past the line, `“(CROSSTALK.)` one of them: a sentence ends with its line.)
        let start = Math.max(0, start0);
        let end = Math.min(end0, line.length);
        // compromise leaves closing punctuation and quotes in `post`; take them into the sentence.
        while (end < line.length && /[.!?”’)\]…]/.test(line[end]!)) end++;
        while (start > 0 && /[“‘(]/.test(line[start - 1]!)) start--;
        const text = line.slice(start, end);
        if (text.trim() === '') continue;
        const normStart = lineStart + start;
        const normEnd = lineStart + end;
        sentences.push({
          index: sentences.length,
          paragraph,
          text,
          normStart,
          normEnd,
          ...toOriginal(norm, normStart, normEnd),
        });
      }
      paragraph++;
    }
    lineStart += line.length + 1;
  }
  return sentences;
}
