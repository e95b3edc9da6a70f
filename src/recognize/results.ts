/**
 * Sports results: a place that plays is a club. Cities and counties lend
 * their names to teams (`Falkirk`, `Surrey`, `CHICAGO`); where such a name
 * scores, stands in a league table or meets another side, it names the
 * team, an organisation. Countries stay states (a national side is the
 * state's), and a name with a person's given name stays a person's (golf
 * leaderboards list players, not clubs).
 *
 * The evidence is the line's shape, as results are printed everywhere:
 * - a results line has no verb: `Falkirk 3 Ayr 1`, `ATLANTA 84 50 .627 -`,
 *   `Kent 244 ( C. Hooper 58 ) , Surrey 120 .`; a name followed by a number
 *   there is a competitor (a year or a date after a name is a dateline);
 * - a fixture pairs two sides with `v`, `vs` or `versus` (`Kent v Essex`),
 *   or, in a line without a verb, with `at` (`CHICAGO AT TORONTO`);
 * - a win names both sides (`Essex beat Kent by six wickets`, `drew with
 *   Durham 1-1`) in a sentence about a match: a place there is its club, but
 *   only a place (`Labour beat the Tories` stays parties; `Hurricane Milton
 *   hammered Florida` is about no match).
 */
import type { Candidate } from './chunk.js';
import type { Classified } from './classify.js';
import { has, type Token } from './tokens.js';

const VERSUS = /^(v|vs|versus)$/i;
/** `Essex beat Kent`, `Surrey thrashed Durham`: verbs of a win, whose subject and object are sides. */
const BEATS = /^(beat|beats|defeated|defeats|thrashed|thrash|thrashes|routed|edged|overcame|overcome|trounced|hammered|whitewashed|outclassed|eliminated)$/i;
/** `drew with Kent`, `lost to Essex`, `a win over Durham`: what comes before the other side. */
const MEETS = /^(drew|draw|draws|drawn|lost|lose|loses|losing|win|wins|victory|defeat|beaten) (with|to|over|against|by)$/i;
/** `1996-08-30`, `1996`: a date after a place is a dateline, not a score. */
const DATE = /^(1[89]|20)\d\d(-\d\d-\d\d)?$/;

/** A figure outside brackets: `3`, `.627`, `429-7`, `1:45` (`( 47th )` is an aside). */
const isNumber = (token: Token | undefined): boolean => !!token && /^\d/.test(token.text) && !DATE.test(token.text) && !token.pre.includes('(');
/** A plain count, as league tables and scores print them. */
export const isCount = (token: Token | undefined): boolean => isNumber(token) && /^\d+$/.test(token!.text);

/** How many counts follow the candidate, one after another. */
function countsAfter(candidate: Candidate, tokens: Token[]): number {
  let k = candidate.tokens[candidate.tokens.length - 1]!.index + 1;
  let n = 0;
  while (isCount(tokens[k]) && (n === 0 || /^\s+$/.test(tokens[k - 1]!.post))) {
    n++;
    k++;
  }
  return n;
}

/** Tokens of the sentence outside every candidate name. */
function outside(tokens: Token[], candidates: Candidate[]): Token[] {
  const inName = new Set<number>();
  for (const c of candidates) for (const t of [...c.title, ...c.tokens]) inName.add(t.index);
  return tokens.filter((t) => !inName.has(t.index));
}

/** A line of scores or a table row: numbers beside names, and no verb. */
function isResultsLine(rest: Token[]): boolean {
  return rest.some(isNumber) && !rest.some((t) => has(t, 'Verb') && !isNumber(t));
}

/** `CHICAGO AT TORONTO`: two names and `at` between them, nothing else; the first is the side, the second the venue. */
function isFixtureLine(rest: Token[], candidates: Candidate[]): boolean {
  return candidates.length === 2 && rest.length === 1 && rest[0]!.text.toLowerCase() === 'at';
}

/** `by six wickets`, `2-1`, `the final`: the sentence is about a match. */
function aboutAMatch(tokens: Token[]): boolean {
  return tokens.some((t, i) => /^\d+-\d+$/.test(t.text) || (/^\d+$/.test(t.text) && t.post === '-') || /^(wickets?|runs|innings|goals?|match|matches|game|final|semifinal|quarterfinal|league|championship|cup|tournament|fixture|season)$/i.test(t.text) || (/^points$/i.test(t.text) && /^\d/.test(tokens[i - 1]?.text ?? '')));
}

/**
 * The candidates of one sentence that name a side in a result or a fixture,
 * with how sure the shape is: `strong` when the line is a score between
 * sides (`Lotte 6 Hyundai 2`) or a league-table row (`Ayr 3 1 2 0 8 2 5`),
 * where even an unknown word is a club; `weak` for any figure after a name
 * (`Kent 244`), which only turns a place into its club.
 */
export function sides(tokens: Token[], candidates: Candidate[]): Map<Candidate, 'strong' | 'weak'> {
  const rest = outside(tokens, candidates);
  const found = new Map<Candidate, 'strong' | 'weak'>();
  if (isFixtureLine(rest, candidates)) return found.set(candidates[0]!, 'strong');
  const resultsLine = isResultsLine(rest);
  const scored = candidates.filter((c) => countsAfter(c, tokens) > 0);
  const matchSentence = aboutAMatch(tokens);
  for (const candidate of candidates) {
    const before = tokens[candidate.tokens[0]!.index - 1];
    const after = tokens[candidate.tokens[candidate.tokens.length - 1]!.index + 1];
    const counts = countsAfter(candidate, tokens);
    const first = candidate.tokens[0]!.index;
    const last = candidate.tokens[candidate.tokens.length - 1]!.index;
    const met =
      matchSentence &&
      ((before && BEATS.test(before.text)) ||
        (after && BEATS.test(after.text)) ||
        MEETS.test(`${tokens[first - 2]?.text ?? ''} ${before?.text ?? ''}`) ||
        MEETS.test(`${after?.text ?? ''} ${tokens[last + 2]?.text ?? ''}`));
    if ((before && VERSUS.test(before.text)) || (after && VERSUS.test(after.text))) found.set(candidate, 'strong');
    else if (met) found.set(candidate, 'weak');
    else if (resultsLine && counts > 0 && (counts >= 3 || scored.length >= 2)) found.set(candidate, 'strong');
    // (Not a share: `Turnout in Arizona: 71 percent`.)
    else if (resultsLine && isNumber(after) && /^\s+$/.test(candidate.tokens[candidate.tokens.length - 1]!.post) && !/^(percent|per)$/i.test(tokens[after!.index + 1]?.text ?? '') && !after!.post.includes('%')) found.set(candidate, 'weak');
  }
  return found;
}

/** The kind a side's name takes: a place's name becomes its club's; states and named people keep theirs. */
export function asSide(classified: Classified, candidate: Candidate, evidence: 'strong' | 'weak'): Classified {
  if (classified.kind === 'Place') return { ...classified, kind: 'Organization', guess: true };
  if (evidence === 'weak') return classified;
  const givenName = candidate.tokens.some((t) => has(t, 'FirstName', 'MaleName', 'FemaleName', 'Honorific')) || /^\p{Lu}\.$/u.test(candidate.tokens[0]!.text + candidate.tokens[0]!.post.trim());
  if (classified.kind === 'Person' && classified.guess && !givenName) return { ...classified, kind: 'Organization' };
  return classified;
}
