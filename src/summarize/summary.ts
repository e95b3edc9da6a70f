/**
 * Walk an article's graph and write M paragraphs within N words:
 *
 *   graph ─read─▶ per-sentence facts ─plan─▶ scores + M topical blocks
 *         ─select─▶ sentences within the word budget (every block heard)
 *         ─segment─▶ M paragraphs of the chosen ─realize─▶ text ─trim─▶ under the ceiling
 *
 * Deterministic: every choice breaks ties by article position or key.
 */
import type { NewsGraph } from '../types.js';
import { chooseDocument, readArticle } from './article.js';
import { checkOptions, countWords, resolveShape, targetWords } from './budget.js';
import { planSentences, segment, type SentencePlan } from './plan.js';
import { stanceSentence } from './generate.js';
import { compress } from './compress.js';
import { realize, summaryWords } from './realize.js';
import { buildUnits, dependents, estimateWords, selectSentences } from './select.js';
import { chooseLead } from './lead.js';
import { isTight } from './plan.js';
import type { Summary, SummarizeOptions, SummaryParagraph } from './types.js';

/** The generated stance sentence opens the summary only when it takes at most 1/OPENER_SHARE of the budget. */
const OPENER_SHARE = 4;

/** Paragraphs of the summary should be of comparable length: this weighs balance against topic breaks. */
const PARAGRAPH_BALANCE = 10;

/**
 * The chosen sentences, in article order, split into at most `m` paragraphs:
 * contiguous runs that share few entities and topic words across each break,
 * of comparable length.
 */
function paragraphsOf(chosen: Set<number>, plans: SentencePlan[], m: number): number[][] {
  const list = [...chosen].sort((a, b) => a - b);
  if (list.length === 0) return [];
  const sub = list.map((i) => plans[i]!);
  let k = Math.min(m, list.length);
  let starts = segment(sub, k, estimateWords, PARAGRAPH_BALANCE);
  while (starts.length === 0 && k > 1) starts = segment(sub, --k, estimateWords, PARAGRAPH_BALANCE);
  if (starts.length === 0) return [list];
  return starts.map((from, b) => list.slice(from, starts[b + 1] ?? list.length));
}

/** Bring the summary toward the ceiling: drop the chosen sentence worth least per word (never the lead first), with what needs it. */
function trimOnce(chosen: Set<number>, plans: SentencePlan[]): boolean {
  let worst: number[] | undefined;
  let worstValue = Infinity;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const group = [i, ...dependents(plans, chosen, i)];
    const score = group.reduce((n, j) => n + plans[j]!.score, 0);
    const words = group.reduce((n, j) => n + estimateWords(plans[j]!), 0);
    const value = score / Math.max(1, words) + (i === 0 ? 1 : 0);
    if (value < worstValue) {
      worst = group;
      worstValue = value;
    }
  }
  if (!worst) return false;
  for (const j of worst) chosen.delete(j);
  return true;
}

/**
 * Words left under the aim go back to the chosen sentences, in article order (the lead first: its own
 * words say the story best): each hard-compressed sentence takes its milder compression back while the
 * summary stays within `limit`. A plan's shortening is changed in place: the plans belong to this summary.
 */
function giveBackWords(
  chosen: Set<number>,
  plans: SentencePlan[],
  write: () => SummaryParagraph[],
  written: SummaryParagraph[],
  limit: number,
): SummaryParagraph[] {
  let paragraphs = written;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const plan = plans[i]!;
    const milder = compress(plan.sentence.text);
    if (plan.shorten === compress || countWords(milder) <= countWords(plan.compressed)) continue;
    const kept = { shorten: plan.shorten, compressed: plan.compressed };
    Object.assign(plan, { shorten: compress, compressed: milder });
    const next = write();
    if (summaryWords(next) <= limit) paragraphs = next;
    else Object.assign(plan, kept);
  }
  return paragraphs;
}

/** Summarize one document of a graph in M paragraphs within N words. */
export function summarizeGraph(graph: NewsGraph, options: SummarizeOptions = {}): Summary {
  checkOptions(options);
  const doc = chooseDocument(graph, options.doc);
  const article = readArticle(graph, doc);
  const requested = resolveShape(options, article.instruction);
  const plans = planSentences(article, targetWords(requested.words, article.words));
  const messages: string[] = [];

  const usable = buildUnits(plans, new Array<number>(plans.length).fill(0)).filter((u) => u.members.length === 1).length;
  // A paragraph needs at least a sentence of typical length within the budget: a short article asked for
  // many paragraphs gets fewer (and says so) rather than coming back whole, re-flowed.
  const lengths = plans.filter((p) => p.eligible).map(estimateWords).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length / 2)] ?? 1;
  const fits = Math.max(1, Math.floor(targetWords(requested.words, article.words) / Math.max(1, typical)));
  let blocks = Math.min(requested.paragraphs, Math.max(1, usable), fits);
  let starts = segment(plans, blocks);
  while (starts.length === 0 && blocks > 1) starts = segment(plans, --blocks);
  const blockOf = plans.map((_, i) => {
    let b = 0;
    while (b + 1 < starts.length && starts[b + 1]! <= i) b++;
    return b;
  });

  let target = targetWords(requested.words, article.words);
  // A tight budget: the article's lead, in its own order and words (lead.ts). The selector below, and its
  // generated opener, when the budget leaves room for more than the lead, or the lead cannot fill M paragraphs.
  if (isTight(target, article.words)) {
    const planned = plans.map((p) => ({ shorten: p.shorten, compressed: p.compressed }));
    const lead = chooseLead(plans, Math.min(requested.words, target), (chosen, roles) =>
      realize(article, plans, paragraphsOf(chosen, plans, requested.paragraphs), { roles }),
    );
    if (lead.paragraphs.length === requested.paragraphs) {
      const text = lead.paragraphs.map((p) => p.text).join('\n\n');
      return { doc, paragraphs: lead.paragraphs, text, words: countWords(text), requested, messages };
    }
    plans.forEach((p, i) => Object.assign(p, planned[i]));
  }
  // Who backed and opposed whom, in one generated sentence, when it costs a small share of the budget.
  const stance = stanceSentence(article);
  const opener = stance && countWords(stance.text) * OPENER_SHARE <= target ? stance : undefined;
  if (opener) target -= countWords(opener.text);
  const chosen = selectSentences(plans, buildUnits(plans, blockOf), blockOf, blocks, target, new Set(opener?.edges ?? []));
  // Over the ceiling: first give up role appositives borrowed from elsewhere, then sentences.
  let roles = true;
  const write = (): SummaryParagraph[] => realize(article, plans, paragraphsOf(chosen, plans, requested.paragraphs), { opener, roles });
  let paragraphs = write();
  if (summaryWords(paragraphs) > requested.words) {
    roles = false;
    paragraphs = write();
  }
  while (summaryWords(paragraphs) > requested.words && trimOnce(chosen, plans)) paragraphs = write();
  paragraphs = giveBackWords(chosen, plans, write, paragraphs, Math.min(requested.words, targetWords(requested.words, article.words)));
  if (paragraphs.length < requested.paragraphs) {
    messages.push(
      `wrote ${paragraphs.length} of ${requested.paragraphs} paragraphs: the article does not hold enough sentences that fit ${requested.words} words`,
    );
  }
  const text = paragraphs.map((p) => p.text).join('\n\n');
  return { doc, paragraphs, text, words: countWords(text), requested, messages };
}
