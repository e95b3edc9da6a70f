/**
 * Small text helpers the summarizer's stages share: quoted spans (never to
 * be edited), word-boundary search, regex escaping.
 */
import type { Span } from '../types.js';

/** English function words: never part of a title before a name (`said Ann Lee`), never a topic word. */
export const FUNCTION_WORDS = new Set(
  (
    'the a an and or but nor by for to of with from that as at in on than said says told tells added adds asked after ' +
    'before when while because if whom who which whose is was were are be been being has have had also both either ' +
    'neither according like including between about against over under into onto upon during since until among ' +
    'not no so then where whether what how why there here this these those it its his her their our my your we they ' +
    'he she i you him them us me do does did will would can could should may might must'
  ).split(' '),
);

const OPEN = new Set(['“', '"']);

/**
 * Spans of `text` inside quotation marks, marks included. A sentence that
 * opens a quote it does not close is quoted to its end; one that closes a
 * quote it never opened (the tail of a multi-sentence quote) from its start.
 */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“') {
      if (open < 0) open = i;
    } else if (ch === '”') {
      if (open >= 0) {
        spans.push({ start: open, end: i + 1 });
        open = -1;
      } else if (spans.length === 0) {
        spans.push({ start: 0, end: i + 1 });
      }
    } else if (ch === '"') {
      if (open < 0) open = i;
      else {
        spans.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  if (open >= 0) spans.push({ start: open, end: text.length });
  return spans;
}

export function isOpeningQuote(ch: string | undefined): boolean {
  return ch !== undefined && OPEN.has(ch);
}

export function insideAny(spans: Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** All word-bounded occurrences of `needle` in `text` (case-sensitive): no letter or digit right before or after. */
export function findWord(text: string, needle: string): Span[] {
  const found: Span[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if ((at > 0 && WORD_CHAR.test(text[at - 1]!)) || (end < text.length && WORD_CHAR.test(text[end]!))) continue;
    found.push({ start: at, end });
  }
  return found;
}

/** Replace [start, end) of `text` with `insert`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Collapse doubled spaces and spaces before punctuation left by deletions. */
export function tidy(text: string): string {
  return text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,\s*([.;:!?])/g, '$1')
    .replace(/,,+/g, ',')
    // `cowardice. ”`: a closing quote belongs to its sentence.
    .replace(/([.,!?])\s+”(?=\s|$)/g, '$1”')
    .trim();
}

/** Upper-case the first letter (after any opening quote). */
export function capitalizeFirst(text: string): string {
  return text.replace(/^([“"(]?)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());
}
