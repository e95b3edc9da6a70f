/**
 * Sentence compression: drop what a summary sentence does not need, never
 * touching quoted words. Each rule removes a self-contained aside, so what
 * is left is still the article's own sentence, only shorter:
 *   paired dashes   `Okafor — who leads X — said`   → `Okafor said`
 *   parentheses     `the party (in power since 2015)` → `the party`
 *   relative clause `Smith, who founded it, said`   → `Smith said`
 *   trailing -ing   `…, echoing a warning by Y.`    → `….`
 *   trailing which  `…, which made him leader.`     → `….`
 */
import { cutKeepsVerb, hasFiniteVerb, opensWithVerb } from './coherence.js';
import { capitalizeFirst, FUNCTION_WORDS, insideAny, quotedSpans, tidy } from './text.js';

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
  return head.split(/\s+/).length < 6 || !keepsMainClause(head) || !cutKeepsVerb(head, text.slice(match.index)) ? text : head + match.groups!.end!;
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

/** An agency tag left opening a sentence when the dateline before it was read as a sentence of its own (`RENO, Nev.` · `(AP) — …`). */
const AGENCY_TAG = /^\([\p{L} ]{1,20}\)\s*[—–-]{1,2}\s+(?=\p{Lu}|[“"])/u;

/** A dateline in title case is one only with a news agency's name after it (`Philadelphia (AFP) –`, `New York (Reuters) -`). */
const AGENCY_DATELINE = /^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?:,\s+\p{Lu}[\p{L}.]*)?\s+\((?:AP|AFP|UPI|Reuters|Bloomberg|dpa|Xinhua)\)\s*[—–-]{1,2}\s+(?=\p{Lu}|[“"])/u;

/** A live blog's clock time opening an entry (`7 p.m. Donald Trump is …`). */
const TIMESTAMP = /^\d{1,2}(?::\d{2})?\s*[ap]\.\s?m\.\s+(?=\p{Lu}|[“"])/u;

export function dropDateline(text: string): string {
  const m = DATELINE.exec(text) ?? AGENCY_DATELINE.exec(text) ?? AGENCY_TAG.exec(text) ?? TIMESTAMP.exec(text);
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
/** Reporting words: a span holding one attributes speech, and stays. */
const REPORTING = /\b(?:said|says|added|adds|told|tells|noted|notes|argued|insisted|warned|wrote|writes|asked|explained|according)\b/i;
/** Sentence connectives a comma may follow (`But, …`): never a name. */
const CONNECTIVE = /^(?:But|And|Yet|So|However|Still|Now|Then|Meanwhile|Indeed|Instead)$/;

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
  // Only an aside after a name goes: `But, the former CEO added, it's …` is an attribution, not an appositive.
  out = out.replace(APPOSITIVE, (m, name: string, at: number, all: string) =>
    outsideQuotes(all, at, at + m.length) && !FUNCTION_WORDS.has(name.toLowerCase()) && !CONNECTIVE.test(name) && !REPORTING.test(m) &&
    opensWithVerb(all.slice(at + m.length))
      ? `${name} `
      : m,
  );
  out = tidy(dropTail(out, TRAILING_CIRCUMSTANCE.exec(out)));
  return out !== base && hasFiniteVerb(out) ? out : base;
}

/** What may open a clause cut from a sentence's end: circumstance, a participle, an aside, a second clause (`, and has called for …`). */
const TAIL_OPENER =
  /^(?:[,;]\s+(?:\p{Ll}+ing|which|as|while|after|before|when|where|since|because|although|though|amid|despite|with|without|including|and|but|even|only|a|an|the)\b|\s+[—–]\s+)/u;

/**
 * Words that open a clause of circumstance even without a comma before them (`… to be shut down after the
 * Associated Press reports …`): what is before them is a whole claim. Only words that cannot be a verb's
 * own complement (`testified before`, `asked when` can).
 */
const BARE_TAIL_OPENER = /^\s+(?:after|amid|despite|because|while|whereas|although|though)\s/u;
/** … unless a word before them makes them part of a phrase (`shortly after`, `two days after`, `not because`). */
const BOUND_BEFORE = /\b(?:shortly|soon|just|long|right|only|even|not|and|or|but|ago|minutes?|hours?|days?|weeks?|months?|years?|moments?|decades?)$/iu;

/** A clause that opens with an attribution (`, according to …`, `, he said, …`): the claim before it is someone's. */
/** Verbs that say who spoke, in the forms a report writes them. */
const REPORTED = String.raw`(?:said|says|told|tells|added|adds|noted|wrote|writes|asked|argued|insisted|warned|explained|announced|reported)`;
const ATTRIBUTION_TAIL = new RegExp(String.raw`^[,;—–\s]*(?:according to\b|(?:[\p{L}.’'-]+\s+){0,5}${REPORTED}\b)`, 'iu');
/** A sentence that ends with its attribution (`…, officials said Tuesday.`): it attributes all that comes before. */
const ATTRIBUTION_END = new RegExp(String.raw`(?:,\s+(?:[\p{L}.’'-]+\s+){0,6}${REPORTED}\b[^,“”"]{0,40}|according to[^,“”"]{0,60})[.!?]["”]?$`, 'iu');

/** A clause of concession, cause, condition or time opening a sentence: the sentence's claim comes after it. */
const SUBORDINATE_OPENER = /^\s*(?:though|although|even though|while|whereas|because|since|if|unless|when|whenever|once|until|after|before)\b/iu;
/** What follows a comma when it only says who spoke (`he said`, `Lee told reporters`). */
const ATTRIBUTION_ONLY = new RegExp(String.raw`^\s*(?:[\p{L}.’'-]+\s+){0,5}${REPORTED}\b[^,;]*$`, 'iu');

/**
 * Does the head of a cut keep its main clause? `Though the handover was smooth, he said, replacing her would
 * be bitter` cut after `he said` leaves a concession with no claim, the opposite of what was said.
 */
function keepsMainClause(head: string): boolean {
  if (!SUBORDINATE_OPENER.test(head)) return true;
  const comma = head.indexOf(',');
  return comma >= 0 && !ATTRIBUTION_ONLY.test(head.slice(comma + 1)) && head.slice(comma + 1).trim() !== '';
}

/**
 * A sentence still too long for the budget after compression, cut at the last clause boundary that leaves
 * it within `words` words (`…, throwing her weight behind …` → `….`). What is left must be a sentence (a
 * finite verb, at least six words, its main clause when a subordinate one opens it, every quotation and
 * bracket it opens closed), and what is cut must not attribute what is left (`…, officials said.`, `…, according to a poll.`: the claim is theirs). Undefined
 * when no such cut exists.
 */
export function trimToClause(text: string, words: number): string | undefined {
  const quoted = quotedSpans(text);
  for (let at = text.length - 1; at > 0; at--) {
    if (!/[,; ]/.test(text[at]!) || insideAny(quoted, at, at + 1)) continue;
    const tail = text.slice(at);
    if (!TAIL_OPENER.test(tail) && !(BARE_TAIL_OPENER.test(tail) && !BOUND_BEFORE.test(text.slice(0, at)))) continue;
    const head = text.slice(0, at).replace(/[\s,;:—–-]+$/, '');
    const length = head.split(/\s+/).length;
    if (length > words - 1) continue;
    if (length < 6) return undefined;
    if (ATTRIBUTION_TAIL.test(tail) || ATTRIBUTION_END.test(tail) || !balanced(head) || !keepsMainClause(head) || !cutKeepsVerb(head, tail)) continue;
    // (`… in Salem, Ore.`: an abbreviation's period ends the sentence too.)
    return /\.$/.test(head) ? head : `${head}.`;
  }
  return undefined;
}

/** Every quotation mark and bracket the text opens, it closes. */
function balanced(text: string): boolean {
  const count = (re: RegExp): number => text.match(re)?.length ?? 0;
  return count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0 && count(/\(/g) === count(/\)/g);
}
