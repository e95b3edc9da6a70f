/**
 * Walk an article's graph and write M paragraphs within N words:
 *
 *   graph ─read─▶ per-sentence facts ─plan─▶ scores + M topical blocks
 *         ─select─▶ sentences within the word budget ─realize─▶ paragraphs
 *         ─trim─▶ under the ceiling
 *
 * Deterministic: every choice breaks ties by article position or key.
 */
import type { NewsGraph } from '../types.js';
import { chooseDocument, readArticle } from './article.js';
import { checkOptions, countWords, resolveShape, targetWords } from './budget.js';
import { planSentences, segment, type SentencePlan } from './plan.js';
import { realize, summaryWords } from './realize.js';
import { buildUnits, estimateWords, selectSentences } from './select.js';
import type { Summary, SummarizeOptions, SummaryParagraph } from './types.js';

function group(chosen: Set<number>, blockOf: number[], blocks: number): number[][] {
  const out: number[][] = Array.from({ length: blocks }, () => []);
  for (const i of [...chosen].sort((a, b) => a - b)) out[blockOf[i]!]!.push(i);
  return out.filter((p) => p.length > 0);
}

/** Remove sentence i and, in cascade, chosen sentences that cannot stand without their predecessor. */
function drop(chosen: Set<number>, plans: SentencePlan[], i: number): void {
  chosen.delete(i);
  for (let j = i + 1; j < plans.length && plans[j]!.needsPredecessor && chosen.has(j); j++) chosen.delete(j);
}

/**
 * Bring the realized summary under the ceiling: first drop the least
 * valuable sentence of a paragraph that has more than one; when every
 * paragraph is down to one sentence, drop the weakest paragraph.
 */
function trimOnce(chosen: Set<number>, plans: SentencePlan[], blockOf: number[]): boolean {
  const perBlock = new Map<number, number>();
  for (const i of chosen) perBlock.set(blockOf[i]!, (perBlock.get(blockOf[i]!) ?? 0) + 1);
  let worst = -1;
  let worstValue = Infinity;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    if (perBlock.get(blockOf[i]!)! < 2) continue;
    // Never strand a dependent sentence as its paragraph's opener.
    if (!plans[i]!.needsPredecessor && i + 1 < plans.length && chosen.has(i + 1) && plans[i + 1]!.needsPredecessor) {
      const rest = [...chosen].filter((j) => blockOf[j] === blockOf[i] && j !== i && !(j > i && plans[j]!.needsPredecessor));
      if (rest.length === 0) continue;
    }
    const value = plans[i]!.score / Math.max(1, estimateWords(plans[i]!));
    if (value < worstValue) {
      worst = i;
      worstValue = value;
    }
  }
  if (worst >= 0) {
    drop(chosen, plans, worst);
    return true;
  }
  if (perBlock.size <= 1) {
    const only = [...chosen].sort((a, b) => a - b)[0];
    if (only === undefined) return false;
    drop(chosen, plans, only);
    return true;
  }
  let weakest = -1;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    if (weakest < 0 || plans[i]!.score < plans[weakest]!.score) weakest = i;
  }
  for (const i of [...chosen]) if (blockOf[i] === blockOf[weakest]) chosen.delete(i);
  return true;
}

/** Summarize one document of a graph in M paragraphs within N words. */
export function summarizeGraph(graph: NewsGraph, options: SummarizeOptions = {}): Summary {
  checkOptions(options);
  const doc = chooseDocument(graph, options.doc);
  const article = readArticle(graph, doc);
  const requested = resolveShape(options, article.instruction);
  const plans = planSentences(article);
  const messages: string[] = [];

  const usable = buildUnits(plans, new Array<number>(plans.length).fill(0)).filter((u) => u.members.length === 1).length;
  let blocks = Math.min(requested.paragraphs, Math.max(1, usable));
  let starts = segment(plans, blocks);
  while (starts.length === 0 && blocks > 1) starts = segment(plans, --blocks);
  const blockOf = plans.map((_, i) => {
    let b = 0;
    while (b + 1 < starts.length && starts[b + 1]! <= i) b++;
    return b;
  });

  const target = targetWords(requested.words, article.words);
  const chosen = selectSentences(plans, buildUnits(plans, blockOf), blockOf, blocks, target);
  let paragraphs: SummaryParagraph[] = realize(article, plans, group(chosen, blockOf, blocks));
  while (summaryWords(paragraphs) > requested.words && trimOnce(chosen, plans, blockOf)) {
    paragraphs = realize(article, plans, group(chosen, blockOf, blocks));
  }
  if (paragraphs.length < requested.paragraphs) {
    messages.push(
      `wrote ${paragraphs.length} of ${requested.paragraphs} paragraphs: the article does not hold enough sentences that fit ${requested.words} words`,
    );
  }
  const text = paragraphs.map((p) => p.text).join('\n\n');
  return { doc, paragraphs, text, words: countWords(text), requested, messages };
}
