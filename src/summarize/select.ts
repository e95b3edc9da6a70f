/**
 * Picking what to say: within each planned block, the sentences that carry
 * the most (with diminishing returns for entities already covered) per word
 * spent, until the block's share of the word budget is used. A sentence
 * that needs its predecessor comes with it, as one unit.
 */
import { compress } from './compress.js';
import { countWords } from './budget.js';
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

/** Every selectable unit: an eligible sentence plus the predecessors it cannot stand without. */
export function buildUnits(plans: SentencePlan[], blockOf: number[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < plans.length; i++) {
    if (!plans[i]!.eligible) continue;
    const members = [i];
    let j = i;
    let ok = true;
    while (plans[j]!.needsPredecessor) {
      j -= 1;
      if (j < 0 || !plans[j]!.eligible || blockOf[j] !== blockOf[i]) {
        ok = false;
        break;
      }
      members.unshift(j);
    }
    if (ok) units.push({ members, block: blockOf[i]! });
  }
  return units;
}

export function estimateWords(plan: SentencePlan): number {
  return countWords(compress(plan.sentence.text));
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
): Set<number> {
  const words = plans.map(estimateWords);
  const chosen = new Set<number>();
  const covered: Array<Set<string>> = Array.from({ length: blocks }, () => new Set<string>());
  const allCovered = new Set<string>();

  const gain = (unit: Unit): number => {
    let g = 0;
    for (const i of missing(unit, chosen)) {
      const p = plans[i]!;
      g += p.score;
      // Entities already covered in this paragraph (or the summary) count less the second time.
      for (const e of p.sentence.entities) {
        if (covered[unit.block]!.has(e)) g -= 0.3;
        else if (allCovered.has(e)) g -= 0.1;
      }
    }
    return g;
  };
  const cost = (unit: Unit): number => missing(unit, chosen).reduce((n, i) => n + words[i]!, 0);
  const take = (unit: Unit): void => {
    for (const i of missing(unit, chosen)) {
      chosen.add(i);
      for (const e of plans[i]!.sentence.entities) {
        covered[unit.block]!.add(e);
        allCovered.add(e);
      }
    }
  };
  const value = (unit: Unit): number => gain(unit) / Math.pow(Math.max(1, cost(unit)), 0.6);
  const bestOf = (candidates: Unit[], room: number): Unit | undefined => {
    let best: Unit | undefined;
    let bestValue = -Infinity;
    for (const u of candidates) {
      const c = cost(u);
      if (c === 0 || c > room) continue;
      const v = value(u);
      if (v > bestValue) {
        best = u;
        bestValue = v;
      }
    }
    return best;
  };

  // Block shares of the budget follow how much each block has to say.
  const mass = new Array<number>(blocks).fill(0);
  for (const u of units) if (u.members.length === 1) mass[u.block]! += Math.max(0.1, plans[u.members[0]!]!.score);
  const totalMass = mass.reduce((a, b) => a + b, 0) || 1;
  let spent = 0;

  // First, one opener per block (the most valuable unit that fits a fair share), so every paragraph exists.
  for (let b = 0; b < blocks; b++) {
    const inBlock = units.filter((u) => u.block === b);
    const fair = Math.max(1, Math.floor((target - spent) / (blocks - b)));
    const pick = bestOf(inBlock, fair) ?? bestOf(inBlock, Infinity);
    if (pick) {
      spent += cost(pick);
      take(pick);
    }
  }
  // Then fill each block up to its share, carrying what a block leaves over to the next.
  let carry = 0;
  for (let b = 0; b < blocks; b++) {
    const inBlock = units.filter((u) => u.block === b);
    let used = 0;
    for (const i of chosen) if (blockOf[i] === b) used += words[i]!;
    let room = Math.floor((target * mass[b]!) / totalMass) + carry - used;
    for (let pick = bestOf(inBlock, Math.min(room, target - spent)); pick; pick = bestOf(inBlock, Math.min(room, target - spent))) {
      const c = cost(pick);
      room -= c;
      spent += c;
      take(pick);
    }
    carry = Math.max(0, room);
  }
  // Finally, spend what is left anywhere it fits.
  for (let pick = bestOf(units, target - spent); pick; pick = bestOf(units, target - spent)) {
    spent += cost(pick);
    take(pick);
  }
  return chosen;
}
