/**
 * The summary's shape: how many paragraphs (M) and how many words (N), and
 * the length to aim for inside that ceiling. Options beat the article's own
 * instruction line, which beats the defaults.
 */
import { ExitCode, NewsgraphError, type Instruction } from '../types.js';

export const DEFAULT_PARAGRAPHS = 3;
export const DEFAULT_WORDS = 250;
export const MAX_PARAGRAPHS = 20;
/** A summary compresses: when N allows more, aim near this share of the article. */
export const ARTICLE_SHARE = 0.6;

export interface Shape {
  paragraphs: number;
  words: number;
}

/** Words as `wc -w` counts them: whitespace-separated tokens. The ceiling is checked with this. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

function validParagraphs(m: unknown): m is number {
  return typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= MAX_PARAGRAPHS;
}

function validWords(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

/** Check user-given M and N; a bad value is a usage error (exit 2). */
export function checkOptions(options: { paragraphs?: number; words?: number }): void {
  if (options.paragraphs !== undefined && !validParagraphs(options.paragraphs)) {
    throw new NewsgraphError(
      `--paragraphs must be a whole number from 1 to ${MAX_PARAGRAPHS}, got ${String(options.paragraphs)}`,
      ExitCode.badUsage,
    );
  }
  if (options.words !== undefined && !validWords(options.words)) {
    throw new NewsgraphError(`--words must be a whole number above 0, got ${String(options.words)}`, ExitCode.badUsage);
  }
}

/** M and N: options > the article's instruction (when sane) > defaults. */
export function resolveShape(options: { paragraphs?: number; words?: number }, instruction?: Instruction): Shape {
  checkOptions(options);
  const paragraphs =
    options.paragraphs ?? (validParagraphs(instruction?.paragraphs) ? instruction.paragraphs : DEFAULT_PARAGRAPHS);
  const words = options.words ?? (validWords(instruction?.words) ? instruction.words : DEFAULT_WORDS);
  return { paragraphs, words };
}

/** The length to aim for: the ceiling, or about 60% of the article when the ceiling allows more (DESIGN.md: the seed's 1,100 words → roughly 450-700). */
export function targetWords(ceiling: number, articleWords: number): number {
  return Math.max(1, Math.min(ceiling, Math.round(articleWords * ARTICLE_SHARE)));
}
