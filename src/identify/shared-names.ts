/**
 * Which names many countries share. A body, party or place whose name is
 * made only of the general vocabulary of government (`Senate`, `Interior
 * Ministry`, `Court of Cassation`, `Liberal Party`, `City Hall`) names one
 * such thing per country, so the name alone does not identify it. Decided by
 * the words of the name against general lexicons, never by a list of names.
 */
import type { EntityKind } from '../types.js';
import {
  countryByDemonym,
  countryByName,
  isConnective,
  isGenericPlaceWord,
  isInstitutionWord,
  isInstitutionHead,
  isInternationalName,
  isPartyWord,
  partyAdjective,
  type Country,
} from '../lexicons/index.js';

export interface NameShape {
  /** The name with a country that qualifies it taken out (`U.S. Senate` → `Senate`), party forms made canonical. */
  base: string;
  /** Many countries have a body or party of this name. */
  shared: boolean;
  /** The country the name itself gives (`Australian Senate`, `Senate of the Philippines`). */
  country?: Country;
}

const words = (name: string) => name.split(/\s+/).filter((w) => w.length > 0);
/** `People’s` and `Workers'` are looked up without the curly apostrophe's variants. */
const plain = (word: string) => word.replace(/[’‘]/g, "'");

/** `Democrats`, `Tories`, `GOP`, `Labour Party`: a party named only by ideology words gets `<Adjective> Party`. */
export function canonicalPartyName(name: string): string | undefined {
  const parts = words(name);
  const body = /^part(y|ies)$/i.test(parts.at(-1) ?? '') ? parts.slice(0, -1) : parts;
  if (body.length === 0) return undefined;
  const adjectives = body.map(partyAdjective);
  if (adjectives.some((a) => a === undefined)) return undefined;
  return `${adjectives.join(' ')} Party`;
}

/** A country named or meant by one or more words: `U.S.`, `Australian`, `South Africa`, `the Philippines`. */
function countryOf(phrase: string): Country | undefined {
  const text = phrase.replace(/^the\s+/i, '');
  return countryByName(text) ?? countryByDemonym(text);
}

/** Every word general: the name says what kind of body it is, not which one. */
function allGeneral(kind: EntityKind, parts: string[]): boolean {
  // `Election Commission of` is what is left of `Election Commission of India` by the wrong cut.
  if (parts.length === 0 || isConnective(parts[0]!) || isConnective(parts.at(-1)!)) return false;
  if (kind === 'Place') return parts.every((w) => isGenericPlaceWord(plain(w)));
  const general = parts.every((w) => isInstitutionWord(plain(w)) || isConnective(w));
  if (!general) return false;
  // A body needs a head word (`Ministry`, `Court`); a party is ideology words (`Labour`, `Greens`, `Democratic Alliance`).
  if (kind === 'Party') return parts.some((w) => isPartyWord(w) || partyAdjective(w) !== undefined || /^part(y|ies)$/i.test(w));
  return parts.some((w) => isInstitutionHead(w)) && !parts.every(isConnective);
}

/**
 * The shape of an entity's name: is it shared by many countries, and does
 * it carry its own country? International bodies (`European Commission`,
 * `U.N. Security Council`) and people are never shared; nor are names with
 * a word outside the general vocabulary (`Bundestag`, `Eskom`, `Kenya
 * Revenue Authority` carries Kenya in a way the vocabulary does not).
 */
export function nameShape(kind: EntityKind, name: string): NameShape {
  const party = kind === 'Party' ? canonicalPartyName(name) : undefined;
  const base = party ?? name;
  const unshared: NameShape = { base, shared: false };
  if (kind === 'Person' || kind === 'State' || isInternationalName(name)) return unshared;
  const parts = words(base);
  // A place's country is part of its name (`Mexico City`, `Western Australia`).
  if (kind === 'Place') return allGeneral(kind, parts) ? { base, shared: true } : unshared;

  // A leading country (`U.S. Senate`, `South African Revenue Service`, `Australian Labor Party`).
  for (let n = Math.min(3, parts.length - 1); n >= 1; n--) {
    const country = countryOf(parts.slice(0, n).join(' '));
    const rest = parts.slice(n);
    if (!country || !allGeneral(kind, rest)) continue;
    const restName = rest.join(' ');
    return { base: (kind === 'Party' ? canonicalPartyName(restName) : undefined) ?? restName, shared: true, country };
  }
  // A trailing country (`Reform UK`).
  for (let n = Math.min(2, parts.length - 1); n >= 1; n--) {
    const country = countryOf(parts.slice(-n).join(' '));
    const rest = parts.slice(0, -n);
    if (country && allGeneral(kind, rest)) return { base: rest.join(' '), shared: true, country };
  }
  // A trailing `of <country>` (`Senate of the Philippines`, `Election Commission of India`).
  const of = /^(.+?)\s+of\s+(.+)$/i.exec(base);
  if (of) {
    const country = countryOf(of[2]!);
    if (country && allGeneral(kind, words(of[1]!))) return { base: of[1]!, shared: true, country };
  }
  return allGeneral(kind, parts) ? { base, shared: true } : unshared;
}
