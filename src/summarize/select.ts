/**
 * Picking what to say: first the article's lead and one opener from each
 * planned topical block (so every part of the article is heard), then,
 * anywhere, the unit that adds the most per word spent: its quotes and
 * deeds (less for an actor already featured), and entities and topic words
 * the summary has not covered yet. A sentence that needs its predecessor
 * comes with it, as one unit.
 */
import { countWords } from './budget.js';
import { FUNCTION_WORDS } from './text.js';
import type { SentencePlan } from './plan.js';

export interface Unit {
  /** Sentence positions (indexes into the plan array), in article order. */
  members: number[];
  block: number;
}

/** The sentences a unit brings, given which are already chosen. */
function missing(unit: Unit, chosen: Set<number>): number[] {
  return unit.members.filter((i) => !chosen.has(i));
}

/** A unit this large is no longer a sentence with its context but a passage: not worth it. */
const MAX_UNIT = 5;

/**
 * What sentence `i` brings with it: everything it cannot stand without, and
 * what those cannot stand without (the sentence before a back-reference and
 * the answer after a question stay in the same planned block; the sentence
 * that introduced a definite description may be anywhere before).
 */
export function closure(plans: SentencePlan[], i: number, blockOf?: number[]): number[] | undefined {
  const members = new Set<number>([i]);
  const todo = [i];
  while (todo.length > 0) {
    const j = todo.pop()!;
    for (const k of plans[j]!.needs) {
      if (members.has(k)) continue;
      const adjacent = Math.abs(k - j) === 1;
      if (!plans[k]?.usable || (adjacent && blockOf !== undefined && blockOf[k] !== blockOf[j])) return undefined;
      members.add(k);
      todo.push(k);
    }
    if (members.size > MAX_UNIT) return undefined;
  }
  return [...members].sort((a, b) => a - b);
}

/** Every selectable unit: an eligible sentence plus all it cannot stand without. */
export function buildUnits(plans: SentencePlan[], blockOf: number[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < plans.length; i++) {
    if (!plans[i]!.eligible) continue;
    const members = closure(plans, i, blockOf);
    if (members) units.push({ members, block: blockOf[i]! });
  }
  return units;
}

/** The chosen sentences that fall with sentence `i`: those that need it, directly or not. */
export function dependents(plans: SentencePlan[], chosen: Set<number>, i: number): number[] {
  const gone = new Set<number>([i]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const j of chosen) {
      if (gone.has(j)) continue;
      if (plans[j]!.needs.some((k) => gone.has(k))) {
        gone.add(j);
        changed = true;
      }
    }
  }
  gone.delete(i);
  return [...gone].sort((a, b) => a - b);
}

/** A quote or event of an actor the summary already features is worth this share of a first one. */
const REHEARD = 0.25;
/** Worth of introducing an entity the summary names (beyond the entity's own weight). */
const INTRODUCTION = 1;

/** A sentence whose content words are this share or more of what the summary already says repeats it. */
const REPEATED = 0.7;

/** Lower-cased content words (three letters or more, function words aside). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}’'-]{3,}/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w));
}

export function estimateWords(plan: SentencePlan): number {
  return countWords(plan.compressed);
}

/**
 * Greedy selection under a word target. Ties go to the earlier unit, so the
 * result depends on nothing but the input.
 */
export function selectSentences(
  plans: SentencePlan[],
  units: Unit[],
  blockOf: number[],
  blocks: number,
  target: number,
  /** Edges the summary states already (a generated opener's): events a sentence repeats are worth nothing new. */
  stated: ReadonlySet<string> = new Set(),
): Set<number> {
  const words = plans.map(estimateWords);
  const chosen = new Set<number>();
  const covered: Array<Set<string>> = Array.from({ length: blocks }, () => new Set<string>());
  const entitiesSaid = new Set<string>();
  const conceptsSaid = new Set<string>();
  const speakersHeard = new Set<string>();

  /**
   * What a unit adds: its sentences' own worth, plus each entity and topic
   * word the summary has not yet covered (an entity new to this paragraph
   * but named before counts a little), each once.
   */
  const gain = (unit: Unit): number => {
    let g = 0;
    const entities = new Set<string>();
    const concepts = new Set<string>();
    const speakers = new Set<string>();
    for (const i of missing(unit, chosen)) {
      const p = plans[i]!;
      g += p.base;
      // Another quote or deed of an actor the summary already features says less that is new.
      for (const [speaker, w, edge] of p.voices) {
        if (edge !== undefined && stated.has(edge)) continue;
        g += speakersHeard.has(speaker) || speakers.has(speaker) ? REHEARD * w : w;
        speakers.add(speaker);
      }
      // Where the article first names someone the summary already names: their introduction.
      for (const e of p.introduces) if (entitiesSaid.has(e)) g += INTRODUCTION + (p.entityWeights.get(e) ?? 0);
      for (const [e, w] of p.entityWeights) {
        if (entities.has(e)) continue;
        entities.add(e);
        if (!entitiesSaid.has(e)) g += w;
        else if (!covered[unit.block]!.has(e)) g += 0.25 * w;
      }
      for (const [c, w] of p.concepts) {
        if (concepts.has(c) || conceptsSaid.has(c)) continue;
        concepts.add(c);
        g += w;
      }
    }
    return g;
  };
  const cost = (unit: Unit): number => missing(unit, chosen).reduce((n, i) => n + words[i]!, 0);
  const take = (unit: Unit): void => {
    for (const i of missing(unit, chosen)) {
      chosen.add(i);
      for (const w of contentWords(plans[i]!.compressed)) said.add(w);
      for (const e of plans[i]!.entityWeights.keys()) {
        covered[unit.block]!.add(e);
        entitiesSaid.add(e);
      }
      for (const c of plans[i]!.concepts.keys()) conceptsSaid.add(c);
      for (const [speaker] of plans[i]!.voices) speakersHeard.add(speaker);
    }
  };
  const value = (unit: Unit): number => gain(unit) / Math.pow(Math.max(1, cost(unit)), 0.6);
  // Words the chosen sentences say: a unit that would mostly say them again (an abstract and the lead it
  // repeats) adds nothing.
  const said = new Set<string>();
  const repeats = (unit: Unit): boolean =>
    missing(unit, chosen).every((i) => {
      const own = contentWords(plans[i]!.compressed);
      return own.length > 0 && own.filter((w) => said.has(w)).length >= REPEATED * own.length;
    });
  // Units found to hold a fragment (no finite verb) when they were about to be chosen.
  const fragments = new Set<Unit>();
  const bestOf = (candidates: Unit[], room: number): Unit | undefined => {
    for (;;) {
      let best: Unit | undefined;
      let bestValue = -Infinity;
      for (const u of candidates) {
        const c = cost(u);
        if (c === 0 || c > room || fragments.has(u) || repeats(u)) continue;
        const v = value(u);
        if (v > bestValue) {
          best = u;
          bestValue = v;
        }
      }
      if (!best || best.members.every((i) => plans[i]!.isSentence())) return best;
      fragments.add(best);
    }
  };

  let spent = 0;

  // The article's lead opens the summary when it fits a fair share: it says what the story is.
  const lead = units.find((u) => u.members.length === 1 && u.members[0] === 0);
  if (lead && cost(lead) <= Math.floor(target / blocks)) {
    spent += cost(lead);
    take(lead);
  }
  // Then one opener per block (the most valuable unit that fits a fair share), so every paragraph exists.
  for (let b = 0; b < blocks; b++) {
    if ([...chosen].some((i) => blockOf[i] === b)) continue;
    const inBlock = units.filter((u) => u.block === b);
    const fair = Math.max(1, Math.floor((target - spent) / (blocks - b)));
    const pick = bestOf(inBlock, fair) ?? bestOf(inBlock, Infinity);
    if (pick) {
      spent += cost(pick);
      take(pick);
    }
  }
  // Then, across the whole article, the best unit per word next: what matters most wins wherever it is.
  // Finally, spend what is left anywhere it fits.
  for (let pick = bestOf(units, target - spent); pick; pick = bestOf(units, target - spent)) {
    spent += cost(pick);
    take(pick);
  }
  return chosen;
}
