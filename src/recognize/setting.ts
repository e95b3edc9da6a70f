/**
 * What the article as a whole says about a name its sentence alone cannot
 * settle: a country's name that is also a state of another country.
 */
import type { Mention } from '../types.js';
import { countryOfPlace, countryWithDivisionNamed, lexKey } from '../lexicons/index.js';

const nameOf = (m: Mention) => m.refersTo ?? m.text;
const countryName = (m: Mention) => m.kind === 'State' && m.form !== 'demonym';

/**
 * `Georgia` in an article that writes `Savannah, Ga.`, or names Ohio and
 * Texas, is the U.S. state, not the country. A country's name that is also a
 * division of another country is that division when the article names it by
 * a form only the division has (an AP abbreviation) or names two other
 * divisions or capitals of that country, and names no place of the country
 * itself (`Tbilisi`). Its people (`Georgians`) are then the state's, no actor.
 */
export function settleDivisionsNamedAsCountries(mentions: Mention[]): Mention[] {
  const places = mentions.filter((m) => m.kind === 'Place');
  const placesOf = (country: string, except: string) => new Set(places.map(nameOf).filter((p) => lexKey(p) !== lexKey(except) && countryOfPlace(p)?.name === country));
  const settled = new Set<string>();
  for (const name of new Set(mentions.filter(countryName).map(nameOf))) {
    const home = countryWithDivisionNamed(name);
    if (!home || placesOf(name, name).size > 0) continue;
    const abbreviated = places.some((m) => m.refersTo === name && m.text !== name);
    if (abbreviated || placesOf(home.name, name).size >= 2) settled.add(name);
  }
  if (settled.size === 0) return mentions;
  const kept = mentions.filter((m) => !(m.kind === 'State' && m.form === 'demonym' && settled.has(m.refersTo ?? '')));
  for (const m of kept) if (countryName(m) && settled.has(nameOf(m))) m.kind = 'Place';
  return kept;
}
