/**
 * Content planning: how much each sentence matters (the facts anchored in
 * it, weighted by the centrality of the entities involved, and its place in
 * the article), which sentences can stand where, and how the article's
 * sentence sequence falls into M contiguous topical blocks.
 */
import type { Article, ArticleSentence, EdgeFact, QuoteInfo } from './article.js';
import { conceptWeights, sentenceConcepts } from './concepts.js';

export interface SentencePlan {
  sentence: ArticleSentence;
  /** Everything the sentence is worth on its own: `base` plus its entities and topic words. */
  score: number;
  /** What only this sentence can bring: its quotes, facts, and place in the article. */
  base: number;
  /** Entities it names, with their centrality (worth counting once per summary). */
  entityWeights: Map<string, number>;
  /** Repeated topic words it uses, with their weight (worth counting once per summary). */
  concepts: Map<string, number>;
  /** Its attributed quotes and events: actor and worth (an actor heard already is worth less again). */
  voices: Array<[string, number]>;
  /** Entities the article first names here: where a summary that names them later can introduce them. */
  introduces: string[];
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
/** `…,” she said.`: a quote's speaker given by a pronoun after it. */
const PRONOUN_ATTRIBUTION = /[”"]\s*(he|she|they)\s+\p{Ll}+\.?$/u;
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

/** Topic words weigh this much relative to an entity of full centrality. */
export const CONCEPT_SCALE = 0.35;
/** Entities weigh this much of their centrality. */
export const ENTITY_SCALE = 0.6;

/** An entity the article names more than once is worth naming in the summary, more so when central. */
function entityWeight(article: Article, id: string): number {
  const e = article.entities.get(id);
  if (!e) return 0;
  return ENTITY_SCALE * ((e.mentions >= 2 ? 0.5 : 0) + e.centrality);
}

/** What a quote is worth: more when direct, more when its speaker is central. */
function quoteWorth(q: QuoteInfo, article: Article): number {
  return (q.direct ? 1.5 : 1.2) + (q.speaker ? (article.entities.get(q.speaker)?.centrality ?? 0) : 0);
}

/** Relations that are events (supports, opposes, targets…), not standing facts about someone. */
function isEvent(f: EdgeFact): boolean {
  return f.type !== 'HOLDS_ROLE' && f.type !== 'MEMBER_OF' && f.type !== 'PART_OF';
}

/** What an event is worth: more between central entities. */
function factWorth(f: EdgeFact, article: Article): number {
  const c = (id: string): number => article.entities.get(id)?.centrality ?? 0;
  return 0.6 + 0.5 * (c(f.source) + c(f.target));
}

function baseScore(s: ArticleSentence, article: Article, position: number, total: number): number {
  let score = 0;
  for (const q of s.quotes) if (!q.speaker) score += quoteWorth(q, article);
  // Roles and memberships say who someone is, not what happened: they help, a little.
  for (const f of s.facts) if (f.type === 'HOLDS_ROLE' || f.type === 'MEMBER_OF' || f.type === 'PART_OF') score += 0.2;
  score += 0.8 * (1 - position / Math.max(1, total));
  // A news story's lead says what the story is: it opens the summary when it can.
  if (position === 0) score += 1.5;
  return score;
}

export function planSentences(article: Article): SentencePlan[] {
  const total = article.sentences.length;
  const directQuotes = article.quotes.filter((q) => q.direct);
  const common = new Set(article.sentences.flatMap((s) => sentenceConcepts(s.text)));
  const conceptsOf = article.sentences.map((s) => sentenceConcepts(s.text, common));
  const weights = conceptWeights(conceptsOf);
  const firstNamed = new Map<string, number>();
  for (const s of article.sentences) for (const o of s.occurrences) if (!firstNamed.has(o.entity)) firstNamed.set(o.entity, s.index);
  return article.sentences.map((s, position) => {
    const continues = directQuotes.find((q) => q.sentence !== s.index && q.start < s.textEnd && q.end > s.textStart);
    const own = s.quotes.find((q) => q.direct && q.speaker) ?? s.quotes.find((q) => q.speaker);
    const speaker = own?.speaker ?? continues?.speaker;
    const complete = s.words >= 4 && /[.!?]["”’)]?$/.test(s.text) && /^[“"‘(]?[\p{Lu}\p{N}]/u.test(s.text);
    const mostlyQuoted = quotedShare(s) >= 0.5 || (continues !== undefined && s.quoted.length === 0);
    const unattributedDirect = s.quotes.some((q) => q.direct && !q.speaker);
    // A very short sentence with no quote and no event of its own (`Others went further.`) is a
    // bridge between sentences of the article, not news a summary can carry alone.
    const bridge = s.words < 7 && !s.quotes.some((q) => q.direct) && !s.facts.some(isEvent);
    const eligible = complete && !bridge && !unattributedDirect && (!mostlyQuoted || speaker !== undefined);

    let needsPredecessor = false;
    let referent: string | undefined;
    if (LEADING_PRONOUN.test(s.text)) {
      referent = pronounReferent(s, article);
      needsPredecessor = referent === undefined;
    } else if (ANAPHORIC_OPENER.test(s.text.replace(/^[“"‘]/, ''))) {
      // `“That is not…”` inside a quote points back just as much as outside one.
      needsPredecessor = true;
    }
    // `X said the threshold is high. “A warning could also …,” she said.`: a quote that a pronoun
    // attributes, right after the same speaker's reported claim, elaborates that claim; they go together.
    const previous = article.sentences[position - 1];
    if (own?.direct && own.speaker && PRONOUN_ATTRIBUTION.test(s.text) && previous?.quotes.some((q) => !q.direct && q.speaker === own.speaker)) {
      needsPredecessor = true;
    }
    if (position === 0) needsPredecessor = false;

    const entityWeights = new Map(s.entities.map((e) => [e, entityWeight(article, e)]));
    const concepts = new Map<string, number>();
    for (const c of conceptsOf[position]!) if (weights.has(c)) concepts.set(c, CONCEPT_SCALE * weights.get(c)!);
    const base = baseScore(s, article, position, total);
    const voices = s.quotes.filter((q) => q.speaker).map((q): [string, number] => [q.speaker!, quoteWorth(q, article)]);
    for (const f of s.facts) if (isEvent(f)) voices.push([f.source, factWorth(f, article)]);
    const introduces = [...new Set(s.occurrences.map((o) => o.entity))].filter((e) => firstNamed.get(e) === s.index).sort();
    const sum = (xs: Iterable<number>): number => [...xs].reduce((a, b) => a + b, 0);
    const plan: SentencePlan = {
      sentence: s,
      score: base + sum(entityWeights.values()) + sum(concepts.values()) + sum(voices.map((v) => v[1])),
      base,
      entityWeights,
      concepts,
      voices,
      introduces,
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

function windowConcepts(plans: SentencePlan[], from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = Math.max(0, from); i < Math.min(plans.length, to); i++) for (const [c, w] of plans[i]!.concepts) out.set(c, w);
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
    // Topic words shared across the break: the two sides still talk about the same thing.
    const beforeConcepts = windowConcepts(plans, b - 2, b);
    for (const [c, w] of windowConcepts(plans, b, b + 2)) if (beforeConcepts.has(c)) shared += w;
    // The article's own paragraph breaks are natural places to cut.
    const sameParagraph = plans[b - 1]!.sentence.paragraph === here.sentence.paragraph;
    // A speaker change is a natural place to cut.
    const sameSpeaker = here.speaker !== undefined && here.speaker === plans[b - 1]!.speaker;
    costs.push(shared + (sameParagraph ? 0.5 : 0) + (sameSpeaker ? 2 : 0));
  }
  return costs;
}

/**
 * Split sentences into `m` contiguous blocks: few shared entities and topic
 * words across each break, and blocks of comparable weight (`weigh`: what a
 * sentence has to say, or its length), so no paragraph is a scrap.
 * Exact dynamic programming over break positions. Returns block start indices.
 */
export function segment(
  plans: SentencePlan[],
  m: number,
  weigh: (p: SentencePlan) => number = (p) => p.score,
  balanceWeight = 3,
): number[] {
  const n = plans.length;
  const mass = plans.map((p) => (p.eligible ? Math.max(0.1, weigh(p)) : 0));
  const prefix = [0];
  for (const x of mass) prefix.push(prefix[prefix.length - 1]! + x);
  const eligiblePrefix = [0];
  for (const p of plans) eligiblePrefix.push(eligiblePrefix[eligiblePrefix.length - 1]! + (p.eligible ? 1 : 0));
  const average = prefix[n]! / m;
  const costs = cutCosts(plans);
  const balance = (i: number, j: number): number => {
    const share = (prefix[j]! - prefix[i]!) / Math.max(1e-9, average);
    return balanceWeight * (share - 1) * (share - 1);
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
