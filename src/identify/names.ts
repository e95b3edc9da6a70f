/**
 * Deterministic name normalization for identity: the text of a node key,
 * the parts of a person's name and when two person names can be one person,
 * and the fold group a name belongs to. Pure functions of the names, so
 * every article decides alike. (The helpers stages share, the fullest of
 * several spellings among them, are in src/names.ts.)
 */
import { initials } from '../recognize/index.js';
import { isHonorific } from '../lexicons/index.js';
import { foldAccents } from '../names.js';

/**
 * The text of a node key: accents folded, curly quotes straightened, spaces
 * collapsed, initials closed up (`M. N. Basavaraju` → `M.N. Basavaraju`).
 * Case is kept: `PiS` and `PIS` are for the article to tell apart.
 */
export function keyText(name: string): string {
  return foldAccents(name)
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\b(\p{Lu})\.\s+(?=\p{Lu}\.)/gu, '$1.')
    .trim();
}

/** `Jr.`, `III`: a generational suffix is part of who a person is, not a surname. */
const SUFFIX = /^(jr|sr|ii|iii|iv|v)\.?$/i;

export interface PersonName {
  /** Given names, folded and lower-cased (`donald`, `j`). */
  given: string[];
  /** The last name word, folded and lower-cased. */
  surname: string;
  /** `jr`, `iii`, or '' (Donald Trump Jr. is not Donald Trump). */
  suffix: string;
}

/** The parts of a person's name, honorifics (`Mr`, `Dr`) left out. */
export function personName(name: string): PersonName {
  const words = keyText(name)
    .split(/\s+/)
    .filter((w) => w.length > 0 && !isHonorific(w));
  let suffix = '';
  if (words.length > 2 && SUFFIX.test(words.at(-1)!)) suffix = words.pop()!.replace(/\.$/, '').toLowerCase();
  const lower = words.map((w) => w.replace(/[.,]$/, '').toLowerCase());
  // `H.W.` is two initials, `H` and `W`.
  const given = lower.slice(0, -1).flatMap((w) => (/^(\p{L}\.)+\p{L}?$/u.test(w + '.') && w.includes('.') ? w.split('.').filter(Boolean) : [w]));
  return { given, surname: lower.at(-1) ?? '', suffix };
}

/** `J` and `John` can be one given name; so can `John` and `John`. */
function sameGiven(a: string, b: string): boolean {
  if (a === b) return true;
  const initial = (x: string) => x.replace(/\.$/, '').length === 1;
  return (initial(a) && b.startsWith(a[0]!)) || (initial(b) && a.startsWith(b[0]!));
}

/**
 * Can two full names be one person? Same surname and suffix, the same first
 * given name (or its initial), and middle names that agree: one of them has
 * none (`Donald Trump`, `Donald J. Trump`) or both have the same number and
 * each pair agrees. `George W. Bush` and `George H. W. Bush` do not.
 */
export function compatiblePersons(a: string, b: string): boolean {
  const x = personName(a);
  const y = personName(b);
  if (x.surname !== y.surname || x.suffix !== y.suffix || x.given.length === 0 || y.given.length === 0) return false;
  if (!sameGiven(x.given[0]!, y.given[0]!)) return false;
  const mx = x.given.slice(1);
  const my = y.given.slice(1);
  if (mx.length === 0 || my.length === 0) return true;
  return mx.length === my.length && mx.every((g, i) => sameGiven(g, my[i]!));
}

/** Single-word names that spell initials: `FBI`, `AfD`, `PiS`, `U.S.`. */
export function isAcronym(name: string): boolean {
  const bare = name.replace(/\./g, '');
  return /^[\p{Lu}][\p{L}\d&-]{1,7}$/u.test(bare) && (bare.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/**
 * The fold group of a name: the names in it may be one entity across
 * articles (src/identify/fold.ts decides). A person's is the surname; a
 * body's, party's or organisation's is its acronym (the acronym the article
 * gave it, the name itself when it is one, or its initials), one group for
 * the three kinds.
 */
export function foldGroup(kind: string, baseName: string, aliases: readonly string[]): string | undefined {
  if (kind === 'Person') {
    const { surname } = personName(baseName);
    return surname.length > 1 ? `Person|${surname}` : undefined;
  }
  if (kind === 'State' || kind === 'Place') return undefined;
  const words = baseName.split(/\s+/);
  const spelled = initials(words);
  const given = aliases.find((a) => isAcronym(a) && a !== baseName && a.replace(/\./g, '')[0]?.toUpperCase() === baseName[0]?.toUpperCase());
  const acronym = words.length === 1 ? (isAcronym(baseName) ? baseName : undefined) : (given ?? (spelled.length > 1 ? spelled : undefined));
  // One group for bodies, parties and organisations: an acronym written alone is typed by guess (mostly Organization).
  return acronym ? `Body|${foldAccents(acronym).replace(/\./g, '').toUpperCase()}` : undefined;
}
