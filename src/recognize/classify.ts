/**
 * Candidate → kind. Evidence is weighed from the most to the least specific:
 * gazetteers (countries, demonyms, well-known names), the name's own head word
 * (`… Service`, `… Party`, `Department of …`), the noun right after it
 * (`the X platform`), compromise's tags, and finally the name's shape.
 */
import {
  agencyPrefixes,
  countryByDemonym,
  countryByName,
  isAgencyHead,
  isCapitalCity,
  isEventOrDocumentHead,
  isDeity,
  isGroupWord,
  isStateDemonym,
  isHonorific,
  isLanguage,
  isOrganizationHead,
  isPartyAdjective,
  kindOfOpener,
  isPartyWord,
  isPlaceHead,
  isPlaceOpener,
  isRank,
  isTitleHead,
  isTeamNoun,
  isTitleModifier,
  kindOfCategoryNoun,
  stateOfAbbreviation,
  stateOrProvince,
  kindOfLowercaseHead,
  knownKind,
  lexKey,
} from '../lexicons/index.js';
import type { EntityKind, Mention } from '../types.js';
import { lexicon, switches, type Candidate } from './chunk.js';
import { has, isAcronym, isPossessive, stripPossessive, type Token } from './tokens.js';

export interface Classified {
  kind: EntityKind;
  form: NonNullable<Mention['form']>;
  refersTo?: string;
  guess?: boolean;
}

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];
const PLACE_TAGS = ['Place', 'City', 'Region', 'Country', 'Address'];
const ORG_TAGS = ['Organization', 'SportsTeam', 'Company', 'School'];
/** Heads of a movement's name, which a party word makes a party (`National Democratic Congress`). */
const MOVEMENT_HEADS = /^(congress|alliance|front|movement|union|league|rally|coalition)$/i;
/** A rank, or the team or club an office is of, before its head noun: `general manager`, `chief executive`, `team manager`. */
const ranksOffice = (word: string) => isRank(word) || /^(head|team|club)$/.test(word);
/** Words that make a place part of a larger one or a region of it: `western Sydney`, `Northern Ireland`. */
const PART_OF_PLACE = /^(north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|north-?eastern|north-?western|south-?eastern|south-?western|inner|outer|downtown|rural|coastal)$/;
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'from', 'into', 'throughout']);

export function nameOf(tokens: Token[], text: string): string {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return stripPossessive(text.slice(first.start, last.end));
}

/**
 * The preposition governing a name, looking back across a list:
 * `in Tokyo, Sapporo and Fukuoka` → `in`.
 */
function governingWord(before: Token[]): string {
  return before[governingIndex(before)]?.text.toLowerCase() ?? '';
}

function governingIndex(before: Token[]): number {
  for (let k = before.length - 1; k >= 0 && k >= before.length - 10; k--) {
    const t = before[k]!;
    const word = t.text.toLowerCase();
    if (k === before.length - 1 && !/^(and|or)$/.test(word) && !/,\s*$/.test(t.post)) return k;
    if (/^(and|or)$/.test(word) || /^\p{Lu}/u.test(t.text)) continue;
    return k;
  }
  return -1;
}

/** Nouns after which `in` names whom one trusts or backs, not where: `confidence in X`, `a role in X`. */
const TRUSTED_IN = /^(confidence|faith|trust|belief|interest|stake|role|part|say|hand|letter|call|message|visit|support|word)s?$/i;


/**
 * `the Orlando attack`, `a rally in Charlotte`, `said Monday in Cheyenne`: a
 * lone word that is as much a place's name as a person's, or one the tagger
 * knows only as a given name after `in` or after a person and `of`, is a place. News names a person in
 * full or by surname; a person the article does name in full (`Victoria
 * Ames`) still owns the word, as resolve joins it to her.
 */
function placeNamedLikeSomeone(before: Token[], tokens: Token[]): boolean {
  const [word, ...more] = tokens;
  if (!word || more.length > 0) return false;
  if (switches[stripPossessive(word.text).toLowerCase()] === 'Person|Place') return true;
  if (isPossessive(word) || !has(word, 'FirstName', 'MaleName', 'FemaleName') || has(word, 'LastName')) return false;
  // `Dana Ward of Cheyenne`: a person is `of` a home town, never of another person.
  const previous = before[before.length - 1];
  if (previous?.text === 'of' && /^\p{Lu}/u.test(before[before.length - 2]?.text ?? '') && has(before[before.length - 2], ...PERSON_TAGS)) return true;
  const k = governingIndex(before);
  return /^(in|near|outside|inside|throughout)$/.test(before[k]?.text.toLowerCase() ?? '') && !TRUSTED_IN.test(before[k - 1]?.text ?? '');
}

/**
 * `farmers from Nueva Ecija`, `in Sefwi Wiawso, Juaboso and Goaso`: a name of
 * unknown words where places go. Not after `confidence in`, `faith in` (people
 * are trusted), nor a name with a known given or family name.
 */
function placeByPreposition(before: Token[], tokens: Token[]): boolean {
  const k = governingIndex(before);
  const preposition = before[k]?.text.toLowerCase() ?? '';
  if (!/^(in|near|outside|inside|throughout|across|around|from)$/.test(preposition)) return false;
  if (TRUSTED_IN.test(before[k - 1]?.text ?? '')) return false;
  // `from` a place only after people who come from one (`farmers from Nueva Ecija`; `criticism from X` is from someone).
  if (preposition === 'from' && !/^(farmers|residents|people|villagers|voters|families|workers|migrants|refugees|visitors|delegates|pilgrims|fishermen|miners|students)$/i.test(before[k - 1]?.text ?? '')) return false;
  return !tokens.some((t) => has(t, ...PERSON_TAGS));
}

/**
 * `east of Tavildara`, `the outskirts of Arbil`, `the mining town of
 * Barentsburg`: what a direction, an outskirt or a kind of place is `of`
 * is a place.
 */
function placeComplement(before: Token[], tokens: Token[]): boolean {
  // `the outskirts of Arbil`, not `the heart of Starmer’s plan`: a possessive qualifies what follows.
  if (/['’]s$/.test(tokens[tokens.length - 1]!.text)) return false;
  // `the ports of Subic and Batangas`: across a list, back to its `of`.
  const k = governingIndex(before);
  if (before[k]?.text.toLowerCase() !== 'of') return false;
  const noun = before[k - 1]?.text.toLowerCase() ?? '';
  return /^(north|south|east|west|north-?east|north-?west|south-?east|south-?west|outskirts|suburbs?|capital)$/.test(noun) || kindOfLowercaseHead(noun.replace(/s$/, '')) === 'Place' || kindOfLowercaseHead(noun) === 'Place';
}

/**
 * `NationsBank`, `PriceWaterhouse`, `Rabobank`: a capital inside a word, or a
 * bank in it, marks a firm's coined name (`McCall`, `DeLay`, `LaHood` are
 * people's: their inner capital follows a family-name prefix).
 */
function firmShaped(word: string): boolean {
  if (/^\p{Lu}\p{Ll}+bank$/u.test(word)) return true;
  return /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(word) && !/^(Mc|Mac|Fitz|De|Di|Da|Du|Del|Della|La|Le|Van|Von|Ben|Al|El)\p{Lu}/u.test(word);
}

/** `Cabanatuan City, Nueva Ecija,`: the region set off by commas after a place. */
function regionAfterPlace(before: Token[], tokens: Token[]): boolean {
  const place = before[before.length - 1];
  if (!place || !/^\s*,\s*$/.test(place.post)) return false;
  // Only after a place's own head word (`… City,`, `… County,`): `In Kyiv, Zelenskyy, …` sets off a person.
  const isPlace = isPlaceHead(place.text);
  return isPlace && /^\s*[,.;:)]/.test(tokens[tokens.length - 1]!.post) && !tokens.some((t) => has(t, ...PERSON_TAGS));
}

/**
 * `Lansing, Mich.`, `Sen. Alice Ward (Pa.)`, `N.C.`: a U.S. state as AP style
 * abbreviates it. A dotted form (`N.C.`) is no word; a clipped word (`Mass.`,
 * `Ill.`, `Wash.`) counts only with its period after a place and a comma, or
 * in brackets, where journalists put a city's or a lawmaker's state.
 */
function abbreviatedState(token: Token, before: Token[]): string | undefined {
  const state = stateOfAbbreviation(token.text);
  if (!state || /\p{L}\.\p{L}/u.test(token.text)) return state;
  const previous = before[before.length - 1];
  // (Tokenized text gives the comma a token of its own: `Lansing , Mich .`.)
  const place = previous?.text === ',' ? before[before.length - 2] : previous;
  const afterPlace = !!place && /^\p{Lu}/u.test(place.text) && (previous?.text === ',' || /,\s*$/.test(place.post));
  // `(Pa.)`, `( Pa .)`, `(D- Mich.)`: alone in brackets or after a party's letter.
  const partyLetter = !!previous && /^[DRI]$/.test(previous.text) && /\(\s*$/.test(previous.pre) && /^\s*-\s*$/.test(previous.post);
  const bracketed = /\(\s*$/.test(token.pre) || /\(\s*$/.test(previous?.post ?? '') || previous?.text === '(' || partyLetter;
  return /^\s*\./.test(token.post) && (afterPlace || bracketed) ? state : undefined;
}

/**
 * `Roanoke, Va.`, `Orlando, Florida,`, `Fort Myers, Fla.`: a name set off by a
 * comma before a state (named in full or as AP abbreviates it) that ends the
 * phrase is a city of that state, though its name is a given name too. (Not
 * `Clinton, Virginia Gov. X`, nor `Trump, Texas voters`: the state must end
 * there.)
 */
function cityBeforeState(last: Token, after: Token[]): boolean {
  // (Tokenized text gives the comma a token of its own: `Orlando , Florida .`.)
  const from = after[0]?.text === ',' ? 1 : /^\s*,\s*$/.test(last.post) ? 0 : -1;
  if (from < 0) return false;
  for (let k = from; k < from + 3 && after[k] && /^\p{Lu}/u.test(after[k]!.text); k++) {
    const words = after.slice(from, k + 1);
    const name = words.map((t) => t.text).join(' ');
    const end = after[k]!;
    const closes = /^\s*[,.;:)—–]/.test(end.post) || /^[,.;:)]$/.test(after[k + 1]?.text ?? '') || (end.post.trim() === '' && !after[k + 1]);
    if (closes && (stateOrProvince(name) || (words.length === 1 && stateOfAbbreviation(end.text)))) return true;
    if (!/^\s+$/.test(end.post)) return false;
  }
  return false;
}

/** Plain capitalised words that no institution's head word ends: `Tom Ward`, `Elena Caballero`. */
function personShaped(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1]!.text;
  return tokens.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)) && !isOrganizationHead(last) && !isAgencyHead(last) && !isPartyWord(last) && !countryByName(last);
}

export function classify(candidate: Candidate, name: string, before: Token[], after: Token[] = []): Classified | undefined {
  const previous = before[before.length - 1];
  const tokens = candidate.tokens;
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!;
  const following = candidate.following ?? [];

  if (tokens.length === 1 && isLanguage(name) && (previous?.text.toLowerCase() === 'in' || following[0] === 'language')) return undefined;
  // `P5 billion`, `P16 a kilo`: an amount of money in a currency's letter.
  if (/^\p{Lu}{1,2}\d/u.test(name) && /^(million|billion|trillion|bn|m|a|per|each)$/.test(following[0] ?? '')) return undefined;

  if (following[0] === 'language' || following[0] === '-language') return undefined;

  const country = countryByName(name);
  if (country) return { kind: 'State', form: 'name', refersTo: country.name };
  const demonymOf = countryByDemonym(name);
  if (demonymOf && !candidate.acronym) return { kind: 'State', form: 'demonym', refersTo: demonymOf.name };
  // `Muslims`, `Hispanic voters`, `African Americans`, `Cuban-Americans`: a religion or a people names many, no one actor.
  const parts = words.flatMap((w) => w.split('-'));
  if (parts.every((w) => isGroupWord(w) || countryByDemonym(w)) && (parts.some((w) => isGroupWord(w)) || /-/.test(name))) return undefined;
  // `Iowans`, `New Yorkers`: so do a state's people; `God` is invoked, no actor.
  if (isStateDemonym(name) || isDeity(name)) return undefined;
  // `Day One`, `the Gang of Eight`, `No. 1`: a number, or the numero sign before a figure, names no one.
  if (tokens.length === 1 && ([lexicon[name.toLowerCase()]].flat().includes('Cardinal') || (name === 'No' && /^\.\s*$/.test(tokens[0]!.post) && /^\d/.test(after[0]?.text ?? '')))) return undefined;

  const known = knownKind(name);
  if (known) return { kind: known, form: isAcronym(name) ? 'acronym' : 'name' };
  // `Obamacare`, `Reaganomics`, `Trumpism`: a policy or doctrine named after someone is no one.
  if (tokens.length === 1 && /^\p{Lu}\p{Ll}{2,}(care|nomics|ism)$/u.test(name)) return undefined;
  // `Common Agricultural Policy`, `Finance Bill`, `County Championship`, `Hurricane Milton`: laws, policies and events are no actors.
  // (`the 2nd Amendment`: a figure's ordinal numbering one.)
  const numbered = /^\d+(st|nd|rd|th)$/.test(previous?.text ?? '') && /^\s+$/.test(previous!.post);
  if ((words.length > 1 || numbered) && (isEventOrDocumentHead(last) || /^(Hurricane|Typhoon|Cyclone|Storm|Tropical)$/.test(words[0]!))) return undefined;
  const state = tokens.length === 1 ? abbreviatedState(tokens[0]!, before) : undefined;
  if (state) return { kind: 'Place', form: 'name', refersTo: state };
  // `an Austin-based pollster`: what a thing is based in is a place.
  if (following[0] === 'based' && tokens.at(-1)!.post === '-') return { kind: 'Place', form: 'name' };
  // `(D-N.M.)`, `(R-Texas)`: a US lawmaker's party and state, not a name.
  if (tokens.length === 1 && /^[DRI]-\p{Lu}/u.test(name)) return undefined;
  // `Rep. Tom Ward`, `Sen. Alice Springs`: a name a person's title stands before is a person's,
  // whatever its last word would suggest alone (a ward, springs); not a state after a place's last word (`Hilton Head, South Carolina`).
  const titled = (t: Token | undefined) => !!t && (isHonorific(t.text) || isTitleHead(t.text));
  if ((candidate.title.some(titled) || titled(previous)) && words.length >= 2 && words.length <= 4 && personShaped(tokens) && !stateOrProvince(name)) {
    return { kind: 'Person', form: 'name' };
  }
  if (isPartyWord(name)) return { kind: 'Party', form: 'name' };
  if (words.includes('&')) return { kind: 'Organization', form: 'name' };

  // `Petofi general manager`, `Worcestershire chief executive`: a rank before the head noun, or a firm's ranked office.
  const ranked = ranksOffice(following[0] ?? '') ? (kindOfLowercaseHead(following[1] ?? '') ?? (/^(executive|director|officer|manager)$/.test(following[1] ?? '') ? 'Organization' : undefined)) : undefined;
  const headKind = kindOfLowercaseHead(following.join(' ')) ?? kindOfLowercaseHead(following[0] ?? '') ?? ranked;
  if (headKind) return { kind: headKind, form: isAcronym(name) ? 'acronym' : 'name' };
  // `cables giant Pirelli`, `the news agency Tanjug`: the noun before the name says what it is.
  const category = previous && /^\p{Ll}/u.test(previous.text) && /^\s+$/.test(previous.post) ? kindOfCategoryNoun(previous.text) : undefined;
  if (category && !(category === 'Place' && has(tokens[0], 'FirstName'))) return { kind: category, form: isAcronym(name) ? 'acronym' : 'name' };

  // `in Virginia`, `the New York businessman`: a state or province (not a club, as in `Florida pitcher`) is a place
  // though its name is also a given name (a person the article names in full, `Virginia Ames`, still owns the bare
  // word: resolve joins them).
  if (stateOrProvince(name)) return { kind: 'Place', form: 'name' };
  if (/^part(y|ies)$/i.test(last) && words.length > 1) return { kind: 'Party', form: 'name' };
  // `Unión Demócrata Independiente`, `National Democratic Congress`: an ideology word in a movement's name.
  if (words.length > 1 && (words.some(isPartyAdjective) || (words.some((w) => isPartyWord(w)) && MOVEMENT_HEADS.test(last)))) return { kind: 'Party', form: 'name' };
  // `Ministerio de Hacienda`, `Universidad de Chile`, `Frente Amplio`: the head opens the name.
  const opener = words.length > 1 ? kindOfOpener(words) : undefined;
  if (opener) return { kind: opener, form: 'name' };
  // `University of New Mexico`, `Law Society of Kenya`: the head is the word before `of`.
  const of = words.findIndex((w, i) => i > 0 && /^(of|for|on)$/.test(w));
  const head = of > 0 ? words[of - 1]! : undefined;
  // `Communist Party of China`, `Democratic Party of Struggle`: a party named with a complement.
  if (head && /^part(y|ies)$/i.test(head)) return { kind: 'Party', form: 'name' };
  if (head && isOrganizationHead(head) && !isAgencyHead(head)) return { kind: 'Organization', form: 'name' };
  if (head && isAgencyHead(head)) return { kind: 'Agency', form: 'name' };
  // `Partido Demokratiko Pilipino`, `Parti Québécois`: "party" in the language of the name.
  // `Cumhuriyet Halk Partisi`, `Partai Keadilan Rakyat`, `Chama Cha Mapinduzi`: the word may end the name too.
  const partyInLanguage = /^(partido|parti|partei|partij|partia|partidul|partito|partiet|partisi|partai|strana|stranka|párt|chama|hizb)$/i;
  if (words.length > 1 && (partyInLanguage.test(words[0]!) || partyInLanguage.test(last))) return { kind: 'Party', form: 'name' };
  if (words.length > 1 && isPlaceHead(last)) return { kind: 'Place', form: 'name' };
  // `Chester-le-Street`, `Stratford-upon-Avon`, `Boulogne-sur-Mer`: a town's name joined by a particle.
  if (/\p{L}-(le|la|les|sur|sous|upon|on|under|en|in|by|lès)-\p{Lu}/u.test(name)) return { kind: 'Place', form: 'name' };
  if (words.length > 1 && isPlaceOpener(words[0]!) && !isAgencyHead(last) && !isOrganizationHead(last)) return { kind: 'Place', form: 'name', guess: true };
  if (isAgencyHead(last)) return { kind: 'Agency', form: 'name' };
  if (agencyPrefixes.some((p) => lexKey(name).startsWith(p + ' '))) return { kind: 'Agency', form: 'name' };
  if (words.length > 1 && isOrganizationHead(last)) return { kind: 'Organization', form: 'name' };
  // `Charlotte Panthers`, `Leeds Rhinos`, `the Wasps`: a plural team noun after a place's name names its club,
  // though the place is also a given name.
  if (isTeamNoun(last) && words.every((w) => /^\p{Lu}/u.test(w))) return { kind: 'Organization', form: 'name', ...(words.length === 1 ? { guess: true } : {}) };
  // `Western Australia`, `Northern Ireland`: a compass word before a country names a region of it.
  if (words.length === 2 && countryByName(last) && PART_OF_PLACE.test(words[0]!.toLowerCase())) {
    return { kind: 'Place', form: 'name' };
  }
  // `Global Affairs Canada`, `Elections Canada`: a department named for its country.
  if (words.length > 1 && countryByName(last) && !countryByName(words.slice(-2).join(' ')) && words.every((w) => /^\p{Lu}/u.test(w)) && !isTitleModifier(words[0]!)) {
    return { kind: 'Agency', form: 'name' };
  }

  // A city before its state, unless a title or a given name makes the name a person's (`Sen. Tim Kaine, Virginia,`).
  const fullPersonName = words.length > 1 && has(tokens[0], 'FirstName', 'MaleName', 'FemaleName');
  if (candidate.title.length === 0 && !fullPersonName && cityBeforeState(tokens.at(-1)!, after)) {
    // (`SCRANTON, Pa. —`: a dateline's, named as the article writes it elsewhere.)
    const shouted = /^[\p{Lu}\s.'’-]+$/u.test(name) && /\p{Lu}{2}/u.test(name);
    return { kind: 'Place', form: 'name', ...(shouted ? { refersTo: name.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase()) } : {}) };
  }
  if (isAcronym(name) && tokens.length === 1) return { kind: 'Organization', form: 'acronym', guess: true };

  if (tokens.length === 1 && firmShaped(name)) return { kind: 'Organization', form: 'name', guess: true };
  // `western Sydney`, `northern Gaza`: a part of a place, never of a person.
  if (previous && /^\p{Ll}/u.test(previous.text) && PART_OF_PLACE.test(previous.text) && !/^(upper|lower)$/.test(previous.text)) return { kind: 'Place', form: 'name' }; // (the lower House is a chamber)
  // `Lakas-CMD`, `PDP-Laban`: an acronym inside a hyphenated name marks an organisation.
  if (/\p{L}-\p{Lu}{2,}(?!\p{Ll})|^\p{Lu}{2,}-\p{L}/u.test(name) && !/\s/.test(name)) return { kind: 'Organization', form: 'name', guess: true };
  if (placeComplement(before, tokens) && !has(tokens[0], 'FirstName', 'Honorific')) return { kind: 'Place', form: 'name', guess: true };
  if (placeNamedLikeSomeone(before, tokens)) return { kind: 'Place', form: 'name', guess: true };
  const count = (tags: string[]) => tokens.filter((t) => has(t, ...tags)).length;
  const person = count(PERSON_TAGS);
  const place = count(PLACE_TAGS);
  const org = count(ORG_TAGS);
  if (isCapitalCity(name)) return { kind: 'Place', form: 'name' };
  if (person > 0 && person >= place && person >= org) return { kind: 'Person', form: 'name' };
  if (place > 0 && place >= org) return { kind: 'Place', form: 'name' };
  if (org > 0) return { kind: 'Organization', form: 'name' };

  if (placeByPreposition(before, tokens) || regionAfterPlace(before, tokens)) return { kind: 'Place', form: 'name', guess: true };
  // Shape: two to four plain capitalised words are most often a person's name,
  // except as a person's affiliation (`Juliette Caron of Sciences Po`, `Lee at Kookmin University`).
  if (words.length >= 2 && words.length <= 4 && !/\d/.test(name)) {
    const affiliation = /^(of|at)$/i.test(previous?.text ?? '') && has(before[before.length - 2], ...PERSON_TAGS);
    // `Samahang Magsasaka ng Gitnang Luzon (SMGL)`: people are not given acronyms.
    const abbreviated = !!candidate.acronym && words.length >= 3;
    return { kind: affiliation || abbreviated ? 'Organization' : 'Person', form: 'name', guess: true };
  }
  if (/\d/.test(name) && words.length === 1) return undefined; // model numbers, `2024`
  if (words.length === 1) {
    // Nobody's name follows `the`; places follow `in`, `at`, `near`.
    const governing = governingWord(before);
    if (previous?.text.toLowerCase() === 'the') return { kind: 'Organization', form: 'name', guess: true };
    if (LOCATIVE.has(governing)) return { kind: 'Place', form: 'name', guess: true };
    return { kind: 'Person', form: 'name', guess: true };
  }
  return { kind: 'Organization', form: 'name', guess: true };
}
