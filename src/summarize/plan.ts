/**
 * Content planning: how much each sentence matters (the facts anchored in
 * it, weighted by the centrality of the entities involved, and its place in
 * the article), which sentences can stand where, and how the article's
 * sentence sequence falls into M contiguous topical blocks.
 */
import { entityOccurrences, quoteOverlaps, type Article, type ArticleSentence, type EdgeFact, type Occurrence, type QuoteInfo } from './article.js';
import { countWords } from './budget.js';
import { backReferences, definiteAntecedents, hasFiniteVerb, isQuestion, type BackReference } from './coherence.js';
import { compress, compressHard, trimToClause } from './compress.js';
import { conceptWeights, sentenceConcepts, WEAK } from './concepts.js';
import { quotedSpans } from './text.js';
import { applyLicences } from './refer.js';
import { isTitleCased } from '../recognize/tokens.js';

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
  voices: Array<[actor: string, worth: number, edge?: string]>;
  /** Entities the article first names here: where a summary that names them later can introduce them. */
  introduces: string[];
  /** Can appear in a summary at all (complete, its quoted words attributable), if only as another's context. */
  usable: boolean;
  /** Can be chosen for what it says (usable, and more than a bridge between sentences). */
  eligible: boolean;
  /**
   * Not usable only for quoted words the graph cannot attribute (no speaker of its own in the sentence):
   * usable cut at a clause boundary before its first quotation (`… rallied supporters, saying: “…”`).
   */
  usableBeforeQuotes: boolean;
  /** Refers back (pronoun, `this`, `But`, an answer) to what only its source predecessor says. */
  needsPredecessor: boolean;
  /** A question the next sentence answers. */
  needsSuccessor: boolean;
  /** Plan positions this sentence cannot appear without (predecessor, successor, a definite description's introduction). */
  needs: number[];
  /** Why it refers back, for tests and debugging. */
  backReferences: BackReference[];
  /** The sentence as the summary would carry it, compressed (harder when the budget is tight), before names are adjusted. */
  compressed: string;
  /** How the summary shortens this sentence, its own words or with licensed names put in: `compressed` is `shorten(text)`. */
  shorten: (text: string) => string;
  /** Has a finite verb (a sentence, not a fragment). Tagging costs: asked only of sentences about to be chosen. */
  isSentence: () => boolean;
  /** A direct quote this sentence continues (anchored in an earlier sentence). */
  continues?: QuoteInfo;
  /** Who speaks the direct words in this sentence, if any. */
  speaker?: string;
}

/** A function's value, computed on first call. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

function quotedShare(s: ArticleSentence): number {
  const chars = s.quoted.reduce((n, q) => n + (q.end - q.start), 0);
  return s.text.length === 0 ? 0 : chars / s.text.length;
}

/** Quoted words in title case are a name (`“Defeat Crooked Hillary PAC”`, `“Fox News Sunday”`), not speech. */
const TITLE_CASE = /^[“"]?(?:(?:\p{Lu}[\p{L}’'.-]*|of|the|for|and|a|an|in|on|to)[\s,]*)+[.,!?]?[”"]?$/u;

/** A sentence that addresses the reader (`Watch a clip of the interview above.`, `Sign up for …`) is the page's, not news. */
const READER_ADDRESS = /^(?:Watch|Click|Read more|Sign up|Sign in|Subscribe|Follow us|Share this|Scroll|Listen to|Download|Tap|Like us|Email us|Don[’']t miss)\b/;

/** Quoted words this long are someone's words: the graph must know whose, or the sentence is not used. */
const SPOKEN_WORDS = 4;

/** Where the first quotation someone speaks (not a title, not a scare quote) opens in `text`, or -1. */
export function firstSpokenQuote(text: string): number {
  for (const q of quotedSpans(text)) {
    const words = text.slice(q.start, q.end);
    if (countWords(words) >= SPOKEN_WORDS && !TITLE_CASE.test(words)) return q.start;
  }
  return -1;
}

/**
 * Can every quotation in the sentence go out with its speaker? Each quoted
 * span of some length must lie in a Quote the graph holds (a direct quote's
 * pieces, or a report holding quoted words), each such quote must have the
 * speaker a SAID edge gives (a speaker the article only describes, `a
 * spokeswoman`, is no one the summary can name), and that speaker must be
 * named in the sentence itself (by name, or a pronoun the graph fixes), or
 * the sentence be all quotation with an attribution the article's words
 * confirm (the summary adds `Name said`).
 */
function quotesAttributable(s: ArticleSentence, article: Article, occurrences: Occurrence[]): boolean {
  if (s.quoted.length === 0) return true;
  const named = new Set(occurrences.filter((o) => !o.quoted).map((o) => o.entity));
  const allQuoted = quotedShare(s) >= 0.85;
  for (const span of s.quoted) {
    const start = s.textStart + span.start;
    const end = s.textStart + span.end;
    // A scare quote or a title (`“governor”`, `“Fox News Sunday”`) is a word, not a statement; longer quoted words are someone's.
    const words = s.text.slice(span.start, span.end);
    if (countWords(words) < SPOKEN_WORDS || TITLE_CASE.test(words)) continue;
    const quotes = article.quotes.filter((q) => quoteOverlaps(q, start, end));
    if (quotes.length === 0) return false;
    for (const q of quotes) {
      if (q.speaker === undefined) return false;
      // Not named here: the summary names the speaker itself, which the article's attribution must confirm.
      if (!named.has(q.speaker) && !(allQuoted && q.confirmed)) return false;
    }
  }
  return true;
}

/**
 * The first sentences' worth when the budget is tight, how fast later sentences lose it (inverted
 * pyramid), and the budget share (1/TIGHT of the article) from which it no longer counts.
 */
export const LEAD_PRIOR = 5;
export const LEAD_DECAY = 0.8;
export const TIGHT = 2;

/** A sentence that goes on with a quote opened before it says more in the same voice: worth this share. */
export const GOES_ON = 0.5;

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

function baseScore(s: ArticleSentence, article: Article, position: number, total: number, leadPrior: number): number {
  let score = 0;
  // Roles and memberships say who someone is, not what happened: they help, a little.
  for (const f of s.facts) if (f.type === 'HOLDS_ROLE' || f.type === 'MEMBER_OF' || f.type === 'PART_OF') score += 0.2;
  score += 0.8 * (1 - position / Math.max(1, total));
  // A news story's lead says what the story is: it opens the summary when it can.
  if (position === 0) score += 1.5;
  // News is written most important first (the inverted pyramid): the tighter the budget, the more the
  // summary is the story's first sentences; the prior fades fast after them.
  score += leadPrior * Math.pow(LEAD_DECAY, position);
  return score;
}

/**
 * How sentences are shortened for a summary of `target` words: the safe compressions; at a tight budget
 * the harder ones too, and a sentence still longer than the whole budget is cut at a clause boundary
 * (a long lead is compressed rather than given up).
 */
export function shortener(tight: boolean, target: number): (text: string) => string {
  if (!tight) return compress;
  return (text) => {
    const hard = compressHard(text);
    return countWords(hard) > target ? (trimToClause(hard, target) ?? hard) : hard;
  };
}

/** A budget under a quarter of the article is tight: the lead says most, sentences lose their asides and circumstance. */
export function isTight(target: number, articleWords: number): boolean {
  return target / Math.max(1, articleWords) < 1 / (2 * TIGHT);
}

/**
 * Plan every sentence of the article. `target` is the summary's length in
 * words: the smaller its share of the article, the more the first sentences weigh.
 */
export function planSentences(article: Article, target = article.words): SentencePlan[] {
  const share = target / Math.max(1, article.words);
  const leadPrior = LEAD_PRIOR * Math.max(0, 1 - TIGHT * share);
  const tight = isTight(target, article.words);
  // At a tight budget the story's facts come before its voices: quotes weigh less as the lead weighs more.
  const voiceWeight = 1 - 0.7 * (leadPrior / LEAD_PRIOR);
  const total = article.sentences.length;
  const directQuotes = article.quotes.filter((q) => q.direct);
  const common = new Set(article.sentences.flatMap((s) => sentenceConcepts(s.text)));
  const conceptsOf = article.sentences.map((s) => sentenceConcepts(s.text, common));
  const weights = conceptWeights(conceptsOf);
  const definites = definiteAntecedents(article.sentences.map((s) => s.text), WEAK);
  const firstNamed = new Map<string, number>();
  for (const s of article.sentences) for (const o of s.occurrences) if (!firstNamed.has(o.entity)) firstNamed.set(o.entity, s.index);
  const questions = article.sentences.map((s) => isQuestion(s.text));
  return article.sentences.map((s, position) => {
    const continues = directQuotes.find((q) => q.sentence !== s.index && quoteOverlaps(q, s.textStart, s.textEnd));
    // Who speaks here: the speaker of the sentence's direct words (its own quote, or one it goes on with), else of its reports.
    const speaker = s.quotes.find((q) => q.direct && q.speaker)?.speaker ?? continues?.speaker ?? s.quotes.find((q) => q.speaker)?.speaker;
    const licensed = applyLicences(s.text, s.licences, article);
    const complete = s.words >= 4 && /[.!?]["”’)]?$/.test(s.text) && /^[“"‘(]?[\p{Lu}\p{N}]/u.test(s.text);
    // A very short sentence with no quote and no event of its own (`Others went further.`) is a
    // bridge between sentences of the article, not news a summary can carry alone.
    const bridge = s.words < 7 && !s.quotes.some((q) => q.direct) && !s.facts.some(isEvent);
    const lastQuestion = questions[position] && position === total - 1;
    // Names in the sentence once the graph's licensed names stand in it (the article's own, without licences).
    const occurrences = s.licences.length === 0 ? s.occurrences : entityOccurrences(licensed.text, article.names);
    // Words that go on someone's quote from an earlier sentence are that speaker's: the graph must know whose,
    // and the article's attribution confirm it, since the summary will name them.
    // (So are words inside quotation marks opened before the sentence, whether or not the graph read them as a quote.)
    const unknownVoice = (continues !== undefined && !continues.confirmed) || (s.openAtStart && !continues?.confirmed);
    // A paragraph that is one title-case line is a headline or subhead left in the text: the summary's names and
    // roles would be set into it (`Mike Pence, vice-presidential nominee Governor: Gennifer Flowers Won’t Be …`).
    const headline = article.sentences.every((o) => o.paragraph !== s.paragraph || o === s) && isTitleCased(s.text);
    const wellFormed = complete && !lastQuestion && !unknownVoice && !headline && !READER_ADDRESS.test(s.text);
    const usable = wellFormed && quotesAttributable(s, article, occurrences);
    const eligible = usable && !bridge;

    // What it cannot stand without: the sentence before (a back-reference, or the question it answers),
    // the sentence after (the answer to its question), and where a definite description was introduced.
    const people = occurrences
      .filter((o) => !o.quoted && article.entities.get(o.entity)?.kind === 'Person')
      .map((o) => ({ start: o.start, end: o.end }));
    const refs = position === 0 ? [] : backReferences(licensed.text, [...people, ...licensed.names]);
    const needsPredecessor = position > 0 && (refs.length > 0 || questions[position - 1] === true);
    const needsSuccessor = questions[position] === true && position < total - 1;
    const needs = new Set<number>(definites[position]);
    if (needsPredecessor) needs.add(position - 1);
    if (needsSuccessor) needs.add(position + 1);

    // A sentence is worth what the summary will say of it: names and topic words its compression cuts do not count.
    const shorten = shortener(tight, target);
    const compressed = shorten(s.text);
    const cut = compressed === s.text ? undefined : new Set(entityOccurrences(compressed, article.names).map((o) => o.entity));
    const entityWeights = new Map(
      s.entities.filter((e) => !cut || cut.has(e) || !s.occurrences.some((o) => o.entity === e)).map((e) => [e, entityWeight(article, e)]),
    );
    const concepts = new Map<string, number>();
    for (const c of cut ? sentenceConcepts(compressed, common) : conceptsOf[position]!) if (weights.has(c)) concepts.set(c, CONCEPT_SCALE * weights.get(c)!);
    const base = baseScore(s, article, position, total, leadPrior);
    const voices = s.quotes.filter((q) => q.speaker).map((q): SentencePlan['voices'][number] => [q.speaker!, quoteWorth(q, article) * voiceWeight]);
    for (const f of s.facts) if (isEvent(f)) voices.push([f.source, factWorth(f, article), f.key]);
    const introduces = [...new Set(s.occurrences.map((o) => o.entity))].filter((e) => firstNamed.get(e) === s.index).sort();
    const sum = (xs: Iterable<number>): number => [...xs].reduce((a, b) => a + b, 0);
    const plan: SentencePlan = {
      compressed,
      shorten,
      isSentence: once(() => hasFiniteVerb(s.text)),
      sentence: s,
      score: (base + sum(entityWeights.values()) + sum(concepts.values()) + sum(voices.map((v) => v[1]))) * (s.openAtStart ? GOES_ON : 1),
      base,
      entityWeights,
      concepts,
      voices,
      introduces,
      usable,
      eligible,
      usableBeforeQuotes: wellFormed && !usable && !bridge && speaker === undefined && continues === undefined,
      needsPredecessor,
      needsSuccessor,
      needs: [...needs].sort((a, b) => a - b),
      backReferences: refs,
    };
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
    if (here.needsPredecessor || plans[b - 1]!.needsSuccessor || (here.continues && here.continues.sentence === plans[b - 1]!.sentence.index)) {
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
