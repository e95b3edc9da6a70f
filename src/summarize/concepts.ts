/**
 * Topic words: the lowercase content words an article keeps coming back to
 * (`panel`, `threat`, `deepfakes`…). Entities say who a sentence is about;
 * topic words say what it is about, so a sentence without a named actor
 * (`Threats will be flagged to a panel…`) still counts for what it covers.
 * Selection spends the budget to cover as many of them as it can, each once.
 */
import { FUNCTION_WORDS } from './text.js';

/** Common words that carry no topic of their own. */
export const WEAK: ReadonlySet<string> = new Set(
  (
    'also more most very just even only other others another any some every each many much such own same well ' +
    'year years month months week weeks day days time times today yesterday monday tuesday wednesday thursday friday ' +
    'saturday sunday last first second next new old said says say saying told tell tells added according ' +
    'including include includes included made make makes making take takes took going goes went come came ' +
    'would could should might must shall will there their them they this that these those than then when where ' +
    'while which whose what into onto upon about after before over under since until among within without ' +
    'being been were have having does done doing because although though however whether against around ' +
    'people thing things something anything nothing part ways way lot lots number'
  ).split(' '),
);

/** A crude stem, enough to meet `threats`/`threat` and `monitoring`/`monitor` as one word. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '');
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const before = w;
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  // `flagged` → `flag`, `planning` → `plan`, but `called` keeps `call`.
  if (w !== before && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * The distinct topic-word stems of one sentence: lowercase words (names are
 * entities), and a capitalized first word whose stem `common` holds (the
 * stems the article also writes in lowercase: `Threats will…`).
 */
export function sentenceConcepts(text: string, common: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  const first = /^[“"‘(]?(\p{Lu}\p{Ll}+)\b/u.exec(text)?.[1];
  if (first && common.has(stem(first)) && !WEAK.has(first.toLowerCase()) && !FUNCTION_WORDS.has(first.toLowerCase())) {
    out.add(stem(first));
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}’'-]*/gu)) {
    const word = m[0].replace(/[’'-]+$/, '');
    const lower = word.toLowerCase();
    if (word.length < 4 || FUNCTION_WORDS.has(lower) || WEAK.has(lower)) continue;
    out.add(stem(word));
  }
  return [...out].sort();
}

/** A word the article uses once is no topic, but it is news the summary may carry: it weighs a little. */
export const HAPAX = 0.3;

/** Each topic word's weight: how many sentences use it, on a log scale. */
export function conceptWeights(sentences: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const concepts of sentences) for (const c of concepts) df.set(c, (df.get(c) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [c, n] of [...df].sort((a, b) => a[0].localeCompare(b[0]))) weights.set(c, n >= 2 ? Math.log2(1 + n) : HAPAX);
  return weights;
}
