/**
 * The summary at a tight budget: the article's lead, in article order.
 *
 * News is written most important first (the inverted pyramid): when the
 * budget is a small share of the article, its first sentences say most of
 * what a reader must learn, better than quotes and names picked from later
 * on. So the summary is the lead's sentences as the article writes them
 * (its own words, only the dateline gone; compressed only when that lets a
 * sentence fit), skipping only what the summary's rules forbid: captions
 * and furniture, quotes the graph cannot attribute (the words before them
 * may stay, cut at a clause boundary), back-references whose antecedent is
 * left out, a question without its answer, fragments, repetition. A
 * sentence too long for the words left is cut at a clause boundary, which
 * ends the summary; one that cannot be cut is passed over within the lead
 * region. Every choice is checked on the realized text, so names put in and
 * speakers named count against the ceiling.
 */
import { countWords } from './budget.js';
import { compress, compressHard, dropDateline, trimToClause } from './compress.js';
import { firstSpokenQuote, type SentencePlan } from './plan.js';
import { contentWords } from './select.js';
import { tidy } from './text.js';
import type { SummaryParagraph } from './types.js';
import { summaryWords } from './realize.js';

/** A sentence whose content words are this share or more of what the summary already says repeats it (as in select). */
const REPEATED = 0.7;

/**
 * Fewer words left than this and no sentence of the article is worth cutting down to them: trimToClause
 * leaves no fewer than six words, and a shorter remnant says too little to be worth its place.
 */
const MIN_REMNANT = 7;

/**
 * The lead region: the article's first few sentences that could be chosen. A sentence there too long for
 * the words left (and with no clause boundary within them) is passed over for the next; past them, the
 * story's later details are not what a short summary should spend its last words on, so the summary ends.
 */
const LEAD_SENTENCES = 5;

type Shorten = (text: string) => string;

/** The lead's sentences as the article writes them: the wire dateline is the page's, not the story's. */
const asWritten: Shorten = (text) => tidy(dropDateline(text));

/** The forms a sentence can take, longest first: as written, then compressed (asides), then harder (circumstance too). */
const FORMS: Shorten[] = [asWritten, compress, compressHard];

/** A sentence cut at a clause boundary to at most `words` words (left whole when it cannot be). */
function cutTo(shorten: Shorten, words: number): Shorten {
  return (text) => {
    const base = shorten(text);
    return trimToClause(base, words) ?? base;
  };
}

/** A sentence cut at a clause boundary before the first quotation someone speaks, within `words` words (left whole when it cannot be). */
function cutBeforeQuotes(shorten: Shorten, words: number): Shorten {
  return (text) => {
    const base = shorten(text);
    const at = firstSpokenQuote(base);
    if (at < 0) return base;
    const head = trimToClause(base, Math.min(words, countWords(base.slice(0, at)) + 1));
    return head !== undefined && firstSpokenQuote(head) < 0 ? head : base;
  };
}

/**
 * Choose the lead's sentences for a summary of at most `limit` words. `write` realizes the chosen
 * sentences (the words the summary will really have: names put in, speakers named), so every choice is
 * checked against the ceiling as written. Each chosen plan's `shorten`/`compressed` is set to the form it
 * takes (the plans belong to this summary).
 */
export function chooseLead(
  plans: SentencePlan[],
  limit: number,
  write: (chosen: Set<number>, roles: boolean) => SummaryParagraph[],
): { chosen: Set<number>; paragraphs: SummaryParagraph[] } {
  const chosen = new Set<number>();
  let paragraphs: SummaryParagraph[] = [];
  let used = 0;
  const said = new Set<string>();
  // Sentences `members` (a question comes with its answer) in the form `shorten` gives them, if the summary still fits.
  const tryForm = (members: number[], shorten: Shorten, unquoted = false): boolean => {
    if (unquoted && members.some((i) => firstSpokenQuote(shorten(plans[i]!.sentence.text)) >= 0)) return false;
    const kept = members.map((i) => ({ shorten: plans[i]!.shorten, compressed: plans[i]!.compressed }));
    for (const i of members) {
      Object.assign(plans[i]!, { shorten, compressed: shorten(plans[i]!.sentence.text) });
      chosen.add(i);
    }
    // The lead's own words first: roles borrowed from elsewhere only if they still fit once all is chosen.
    const next = write(chosen, false);
    const words = summaryWords(next);
    if (words <= limit && words > used) {
      paragraphs = next;
      used = words;
      for (const i of members) for (const w of contentWords(plans[i]!.compressed)) said.add(w);
      return true;
    }
    members.forEach((i, k) => {
      chosen.delete(i);
      Object.assign(plans[i]!, kept[k]);
    });
    return false;
  };
  // Sentences taken cut short: what refers back to them may refer to the words cut.
  const cut = new Set<number>();
  let seen = 0;
  for (let i = 0; i < plans.length && limit - used >= MIN_REMNANT; i++) {
    const plan = plans[i]!;
    // A question comes with the sentence that answers it, or not at all.
    const members = plan.needsSuccessor ? [i, i + 1] : [i];
    // What the rules forbid: furniture, captions (not usable); a bridge alone; a back-reference or a
    // definite description whose antecedent is not in, or was cut short; a fragment; a repetition.
    if (members.some((m) => plans[m]!.needs.some((k) => cut.has(k) || (!chosen.has(k) && !members.includes(k))))) continue;
    const own = members.flatMap((m) => contentWords(plans[m]!.sentence.text));
    if (own.length > 0 && own.filter((w) => said.has(w)).length >= REPEATED * own.length) continue;
    // Quoted words the graph cannot attribute: the sentence's words before them, if they make a sentence.
    if (plan.usableBeforeQuotes && members.length === 1) {
      if (FORMS.some((f) => tryForm(members, cutBeforeQuotes(f, limit - used), true))) cut.add(i);
      continue;
    }
    if (!plan.eligible || members.some((m) => !plans[m]?.usable) || !members.every((m) => plans[m]!.isSentence())) continue;
    seen += 1;
    // Whole, in the first form that fits; else cut at a clause boundary to the words left, and stop there.
    if (FORMS.some((f) => tryForm(members, f))) {
      i = members[members.length - 1]!;
      continue;
    }
    const room = limit - used;
    if (members.length === 1 && FORMS.some((f) => tryForm(members, cutTo(f, room)))) break;
    if (seen >= LEAD_SENTENCES && chosen.size > 0) break;
  }
  if (chosen.size > 0) {
    const withRoles = write(chosen, true);
    if (summaryWords(withRoles) <= limit) paragraphs = withRoles;
  }
  return { chosen, paragraphs };
}

