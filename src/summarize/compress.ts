/**
 * Sentence compression: drop what a summary sentence does not need, never
 * touching quoted words. Each rule removes a self-contained aside, so what
 * is left is still the article's own sentence, only shorter:
 *   paired dashes   `Musk — who owns X — said`      → `Musk said`
 *   parentheses     `the party (in power since 2015)` → `the party`
 *   relative clause `Smith, who founded it, said`   → `Smith said`
 *   trailing -ing   `…, echoing a warning by Y.`    → `….`
 *   trailing which  `…, which made him leader.`     → `….`
 */
import { cutKeepsVerb, hasFiniteVerb } from './coherence.js';
import { capitalizeFirst, insideAny, quotedSpans, tidy } from './text.js';

const ACRONYM_ASIDE = /^[A-Z][A-Z0-9&.]{1,9}$/;
/** -ing words that do not open a participial clause. */
const NOT_PARTICIPLES = new Set([
  'according', 'during', 'nothing', 'anything', 'something', 'everything', 'notwithstanding', 'morning',
  'evening', 'spring', 'string', 'bring', 'thing', 'things', 'king', 'ring', 'sing', 'wing', 'ceiling',
  'building', 'meeting', 'funding', 'spending', 'ruling', 'hearing', 'briefing', 'polling', 'housing',
]);
const CLAUSE_JOINERS = new Set(['and', 'or', 'but', 'nor', 'yet', 'so']);

function outsideQuotes(text: string, start: number, end: number): boolean {
  return !insideAny(quotedSpans(text), start, end);
}

/** Remove ` — aside — ` pairs that hold no quotation. */
export function dropDashAsides(text: string): string {
  const re = /\s*[—–]\s*([^—–“”"]{1,200}?)\s*[—–]\s*/g;
  let out = text;
  for (let m = re.exec(out); m; m = re.exec(out)) {
    const start = m.index;
    const end = start + m[0].length;
    // Keep asides at the sentence's edges: they are not asides but tails.
    if (start === 0 || end >= out.length - 1 || !outsideQuotes(out, start, end)) continue;
    out = `${out.slice(0, start)} ${out.slice(end)}`;
    re.lastIndex = start;
  }
  return out;
}

/** Remove parenthetical asides, but keep acronym definitions like `(SITE)`. */
export function dropParentheticals(text: string): string {
  return text.replace(/\s*\(([^()“”"]{1,200})\)/g, (whole, inner: string, offset: number, all: string) =>
    ACRONYM_ASIDE.test(inner.trim()) || !outsideQuotes(all, offset, offset + whole.length) ? whole : '',
  );
}

/** Remove `, who …,` / `, which …,` after a proper name when a verb phrase follows. */
export function dropRelativeClauses(text: string): string {
  const re = /(\p{Lu}[\p{L}.’'-]*), (?:who|which) ([^,“”";:]{3,160}), (\p{Ll}+)/gu;
  let out = text;
  for (let m = re.exec(out); m; m = re.exec(out)) {
    const next = m[3]!;
    const clauseStart = m.index + m[1]!.length;
    const clauseEnd = m.index + m[0].length - next.length;
    if (CLAUSE_JOINERS.has(next) || !outsideQuotes(out, clauseStart, clauseEnd)) continue;
    out = `${out.slice(0, clauseStart)} ${out.slice(clauseEnd)}`;
    re.lastIndex = clauseStart;
  }
  return out;
}

/** Cut a trailing clause found by `match` (its `end` group the sentence's final mark), when a full sentence is left. */
function dropTail(text: string, match: RegExpExecArray | null): string {
  if (!match || !outsideQuotes(text, match.index, text.length)) return text;
  const head = text.slice(0, match.index);
  // What is left must still be a sentence (`The Office (OLAF), which … confirmed …` is not cut at `which`).
  return head.split(/\s+/).length < 6 || !cutKeepsVerb(head, text.slice(match.index)) ? text : head + match.groups!.end!;
}

/** Remove a trailing `, VERBing …` clause. */
export function dropTrailingParticiple(text: string): string {
  // The clause must run to the end: `a bill, covering only X, could come` has no trailing clause.
  const m = /,\s+(\p{Ll}+ing)\b[^“”",;:]*?(?<end>[.!?])$/u.exec(text);
  return m && NOT_PARTICIPLES.has(m[1]!) ? text : dropTail(text, m);
}

/** Remove a trailing `, which …` clause (an aside on what came before). */
function dropTrailingWhich(text: string): string {
  return dropTail(text, /,\s+which\b[^“”"]*?(?<end>[.!?])$/u.exec(text));
}

/**
 * A wire dateline opening the lead (`WASHINGTON (AP) —`, `FLINT, Mich., Oct. 4 (UPI) —`): where the
 * story was filed, not what it says. Its place in capitals, then an optional state, date and agency.
 */
const DATELINE = /^\p{Lu}{2,}(?:[ .'-]+\p{Lu}{2,})*\.?(?:,\s+\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?(?:,\s+\p{Lu}\p{Ll}{2,}\.?\s+\d{1,2})?(?:\s+\([\p{L} ]{1,20}\))?\s*[—–-]{1,2}\s+(?=\p{Lu}|[“"])/u;

export function dropDateline(text: string): string {
  const m = DATELINE.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** Every safe compression, in a fixed order. */
export function compress(text: string): string {
  return tidy(dropTrailingWhich(dropTrailingParticiple(dropRelativeClauses(dropParentheticals(dropDashAsides(dropDateline(text)))))));
}

/** An opening adverbial before the subject (`Friday on CNN’s “New Day,”`, `During the rally Monday,`), up to its comma. */
const OPENING_ADVERBIAL =
  /^(?:(?:On|In|At|During|After|Before|Following|Speaking|Asked|Earlier|Later|Last|This|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,;:]{0,80}?,[”"]?\s+)(?=\p{Lu})/u;
/** An appositive between commas after a name (`Gillibrand, a supporter of Clinton’s bid, told`). */
const APPOSITIVE = /(\p{Lu}[\p{L}.’'-]*),\s+(?:a|an|the|who|whose|which)\s+[^,“”";:]{3,120},\s+(?=\p{Ll})/gu;
/** A trailing clause that adds circumstance, not the news (`…, as they bristled at …`, `…, saying …`). */
const TRAILING_CIRCUMSTANCE = /,\s+(?:as|while|after|before|when|since|because|although|though|saying|adding|citing|amid|despite|with)\b[^“”"]*?(?<end>[.!?])$/u;

/**
 * Compression for a tight budget: on top of `compress`, the opening
 * adverbial, appositives after names and a trailing clause of circumstance
 * go. Quoted words stay whole; what is left must keep a finite verb, or
 * the sentence is only compressed the usual way.
 */
export function compressHard(text: string): string {
  const base = compress(text);
  let out = base;
  const opening = OPENING_ADVERBIAL.exec(out);
  // A title in quotation marks (`“New Day,”`) may go with it; speech may not.
  const titleOnly = quotedSpans(opening?.[0] ?? '').every((q) => opening![0].slice(q.start, q.end).split(/\s+/).length < 4);
  if (opening && titleOnly) out = capitalizeFirst(out.slice(opening[0].length));
  out = out.replace(APPOSITIVE, (m, name: string, at: number, all: string) => (outsideQuotes(all, at, at + m.length) ? `${name} ` : m));
  out = tidy(dropTail(out, TRAILING_CIRCUMSTANCE.exec(out)));
  return out !== base && hasFiniteVerb(out) ? out : base;
}
