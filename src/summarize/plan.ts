/**
 * Content planning: how much each sentence matters (the facts anchored in
 * it, weighted by the centrality of the entities involved, and its place in
 * the article), which sentences can stand where, and how the article's
 * sentence sequence falls into M contiguous topical blocks.
 */
import type { Article, ArticleSentence, QuoteInfo } from './article.js';

export interface SentencePlan {
  sentence: ArticleSentence;
  score: number;
  /** Can appear in a summary at all (complete, its quoted words attributable). */
  eligible: boolean;
  /** Opens with a reference (pronoun, `In that case`) only its source predecessor resolves. */
  needsPredecessor: boolean;
  /** Entity a leading `He`/`She`/`They` stands for, when the graph tells. */
  pronounReferent?: string;
  /** A direct quote this sentence continues (anchored in an earlier sentence). */
  continues?: QuoteInfo;
  /** Who speaks the direct words in this sentence, if any. */
  speaker?: string;
}

const LEADING_PRONOUN = /^(He|She|They)\b/;
const ANAPHORIC_OPENER =
  /^(?:(?:In|For|By|Under) (?:that|this|those|these|such) (?:case|cases|way|instance|effort|plan)\b|(?:That|This|These|Those|Such|It|Its|His|Her|Their|Both)\b(?!\s+(?:year|year’s|year's|week|month|morning|afternoon|evening|weekend|time|summer|spring|fall|autumn|winter)\b))/;

function quotedShare(s: ArticleSentence): number {
  const chars = s.quoted.reduce((n, q) => n + (q.end - q.start), 0);
  return s.text.length === 0 ? 0 : chars / s.text.length;
}

/** The entity a sentence-initial pronoun names: the one actor of its facts the sentence does not name. */
function pronounReferent(s: ArticleSentence, article: Article): string | undefined {
  const named = new Set(s.occurrences.filter((o) => !o.quoted).map((o) => o.entity));
  const actors = new Set<string>();
  for (const q of s.quotes) if (q.speaker && !named.has(q.speaker)) actors.add(q.speaker);
  for (const f of s.facts) if (!named.has(f.source) && article.entities.get(f.source)?.kind === 'Person') actors.add(f.source);
  const people = [...actors].filter((id) => article.entities.get(id)?.kind === 'Person');
  return people.length === 1 ? people[0] : undefined;
}

function scoreSentence(s: ArticleSentence, article: Article, position: number, total: number): number {
  const c = (id: string | undefined): number => (id ? (article.entities.get(id)?.centrality ?? 0) : 0);
  let score = 0;
  for (const q of s.quotes) score += (q.direct ? 1.5 : 1.2) + c(q.speaker);
  for (const f of s.facts) {
    if (f.type === 'HOLDS_ROLE') score += 0.5;
    else score += 0.6 + 0.5 * (c(f.source) + c(f.target));
  }
  for (const e of s.entities) score += 0.6 * c(e);
  score += 0.8 * (1 - position / Math.max(1, total));
  return score;
}

export function planSentences(article: Article): SentencePlan[] {
  const total = article.sentences.length;
  const directQuotes = article.quotes.filter((q) => q.direct);
  return article.sentences.map((s, position) => {
    const continues = directQuotes.find((q) => q.sentence !== s.index && q.start < s.end && q.end > s.start);
    const own = s.quotes.find((q) => q.direct && q.speaker) ?? s.quotes.find((q) => q.speaker);
    const speaker = own?.speaker ?? continues?.speaker;
    const complete = s.words >= 4 && /[.!?]["”’)]?$/.test(s.text) && /^[“"‘(]?[\p{Lu}\p{N}]/u.test(s.text);
    const mostlyQuoted = quotedShare(s) >= 0.5 || (continues !== undefined && s.quoted.length === 0);
    const unattributedDirect = s.quotes.some((q) => q.direct && !q.speaker);
    const eligible = complete && !unattributedDirect && (!mostlyQuoted || speaker !== undefined);

    let needsPredecessor = false;
    let referent: string | undefined;
    if (LEADING_PRONOUN.test(s.text)) {
      referent = pronounReferent(s, article);
      needsPredecessor = referent === undefined;
    } else if (ANAPHORIC_OPENER.test(s.text)) {
      needsPredecessor = true;
    }
    if (position === 0) needsPredecessor = false;

    const plan: SentencePlan = {
      sentence: s,
      score: scoreSentence(s, article, position, total) + (position === 0 ? 1.5 : 0),
      eligible,
      needsPredecessor,
    };
    if (referent) plan.pronounReferent = referent;
    if (continues) plan.continues = continues;
    if (speaker) plan.speaker = speaker;
    return plan;
  });
}

// ─── Segmentation into M contiguous blocks ──────────────────────────────────

/** Inverse document frequency of each entity over the article's sentences. */
function idfWeights(plans: SentencePlan[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of plans) for (const e of p.sentence.entities) df.set(e, (df.get(e) ?? 0) + 1);
  const n = plans.length;
  return new Map([...df].map(([e, d]) => [e, Math.log(1 + n / d)]));
}

function windowEntities(plans: SentencePlan[], from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = Math.max(0, from); i < Math.min(plans.length, to); i++) {
    for (const e of plans[i]!.sentence.entities) out.set(e, (out.get(e) ?? 0) + 1);
  }
  return out;
}

/** Cost of a paragraph break before sentence b: how much the two sides talk about the same things. */
function cutCosts(plans: SentencePlan[]): number[] {
  const idf = idfWeights(plans);
  const costs: number[] = [Infinity];
  for (let b = 1; b < plans.length; b++) {
    const here = plans[b]!;
    if (here.needsPredecessor || (here.continues && here.continues.sentence === plans[b - 1]!.sentence.index)) {
      costs.push(Infinity);
      continue;
    }
    const before = windowEntities(plans, b - 2, b);
    const after = windowEntities(plans, b, b + 2);
    let shared = 0;
    for (const [e] of before) if (after.has(e)) shared += idf.get(e) ?? 0;
    // The article's own paragraph breaks are natural places to cut.
    const sameParagraph = plans[b - 1]!.sentence.paragraph === here.sentence.paragraph;
    // A speaker change is a natural place to cut.
    const sameSpeaker = here.speaker !== undefined && here.speaker === plans[b - 1]!.speaker;
    costs.push(shared + (sameParagraph ? 0.5 : 0) + (sameSpeaker ? 2 : 0));
  }
  return costs;
}

/**
 * Split sentences into `m` contiguous blocks: few shared entities across
 * each break, and blocks of comparable weight (so no paragraph is a scrap).
 * Exact dynamic programming over break positions. Returns block start indices.
 */
export function segment(plans: SentencePlan[], m: number): number[] {
  const n = plans.length;
  const mass = plans.map((p) => (p.eligible ? Math.max(0.1, p.score) : 0));
  const prefix = [0];
  for (const x of mass) prefix.push(prefix[prefix.length - 1]! + x);
  const eligiblePrefix = [0];
  for (const p of plans) eligiblePrefix.push(eligiblePrefix[eligiblePrefix.length - 1]! + (p.eligible ? 1 : 0));
  const average = prefix[n]! / m;
  const costs = cutCosts(plans);
  const balance = (i: number, j: number): number => {
    const share = (prefix[j]! - prefix[i]!) / Math.max(1e-9, average);
    return 3 * (share - 1) * (share - 1);
  };
  // best[k][j]: cost of covering sentences [0, j) with k blocks.
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= m; k++) {
    for (let j = 1; j <= n; j++) {
      for (let i = k - 1; i < j; i++) {
        const prev = best[k - 1]![i]!;
        if (prev === Infinity) continue;
        if (eligiblePrefix[j]! - eligiblePrefix[i]! === 0) continue; // every block needs something to say
        const cut = i === 0 ? 0 : costs[i]!;
        const total = prev + cut + balance(i, j);
        if (total < best[k]![j]!) {
          best[k]![j] = total;
          from[k]![j] = i;
        }
      }
    }
  }
  if (best[m]![n] === Infinity) return [];
  const starts: number[] = [];
  for (let k = m, j = n; k > 0; k--) {
    const i = from[k]![j]!;
    starts.unshift(i);
    j = i;
  }
  return starts;
}
