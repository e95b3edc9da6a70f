/**
 * General knowledge the NLP pass leans on, loaded once from data files:
 * countries (from the world-countries package) with their demonyms, titles,
 * kind-marking head words, parties, well-known organisations, verb lexicons
 * and page furniture. Nothing here is specific to any one article.
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import titles from './data/titles.json' with { type: 'json' };
import organizations from './data/organizations.json' with { type: 'json' };
import parties from './data/parties.json' with { type: 'json' };
import countriesExtra from './data/countries-extra.json' with { type: 'json' };
import verbs from './data/verbs.json' with { type: 'json' };
import furniture from './data/furniture.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };
import institutions from './data/institutions.json' with { type: 'json' };
import type { EntityKind, RelationType } from '../types.js';

// world-countries is CommonJS whose typings claim an ES default export; require() it as what it is.
const countries = createRequire(import.meta.url)('world-countries') as Countries;

/** Lower-case, straight apostrophes, no trailing period: the key every lookup uses. */
export function lexKey(text: string): string {
  // Accents folded: `Unión` finds `union`, `Québec` finds `Quebec`.
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

// ─── Countries ──────────────────────────────────────────────────────────────

export interface Country {
  /** Canonical name: world-countries' common English name. */
  name: string;
  code: string;
}

/** Short codes like `IN`, `IT`, `NO` collide with words; only these all-caps forms count as names. */
const CAPS_CODES_AS_NAMES = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'DPRK']);

function buildCountryIndex() {
  const byName = new Map<string, Country>();
  const byDemonym = new Map<string, Country>();
  const capitals = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  const sovereignDemonyms = new Set<string>();
  for (const c of countries) {
    const country: Country = { name: c.name.common, code: c.cca2 };
    byCode.set(c.cca2, country);
    const names = [c.name.common, c.name.official, ...c.altSpellings];
    for (const n of names) {
      if (!/^[\p{Script=Latin}\s'’.,()-]+$/u.test(n)) continue; // English-script names only
      if (/^[A-Z]{2,4}$/.test(n) && !CAPS_CODES_AS_NAMES.has(n)) continue;
      if (!byName.has(lexKey(n))) byName.set(lexKey(n), country);
    }
    const dem = c.demonyms?.eng;
    // `Indian` is India's, not the British Indian Ocean Territory's: a territory never takes a sovereign state's demonym.
    const claim = (key: string) => {
      if (c.independent || !sovereignDemonyms.has(key)) byDemonym.set(key, country);
      if (c.independent) sovereignDemonyms.add(key);
    };
    for (const d of [dem?.m, dem?.f]) {
      if (!d) continue;
      claim(lexKey(d));
      if (!/(ese|ish|ch|ss|i)$/.test(d)) claim(lexKey(d + 's')); // Canadians, Americans
    }
    for (const capital of c.capital ?? []) capitals.set(lexKey(capital), country);
  }
  for (const [code, aliases] of Object.entries(countriesExtra.aliases)) {
    const country = byCode.get(code);
    if (country) for (const a of aliases) byName.set(lexKey(a), country);
  }
  for (const [code, dems] of Object.entries(countriesExtra.demonyms)) {
    const country = byCode.get(code);
    if (country) for (const d of dems) byDemonym.set(lexKey(d), country);
  }
  return { byName, byDemonym, capitals, byCode };
}

const countryIndex = buildCountryIndex();

/** `Canada`, `U.S.`, `Britain` → the country. */
export function countryByName(text: string): Country | undefined {
  // `Trinidad & Tobago`, `Antigua & Barbuda`: an ampersand for `and`.
  return countryIndex.byName.get(lexKey(text.replace(/['’]s$/, '').replace(/\s&\s/g, ' and ')));
}

/** `Canadian`, `Chinese`, `Canadians` → the country. */
export function countryByDemonym(text: string): Country | undefined {
  return countryIndex.byDemonym.get(lexKey(text));
}

/** Capital cities are places everyone knows. */
export function isCapitalCity(text: string): boolean {
  return countryIndex.capitals.has(lexKey(text));
}

interface Province {
  name: string;
  country: string;
  alt?: string[];
}

/**
 * Countries whose entries in the `provinces` package are not first-level
 * divisions: Britain's are ceremonial and historic counties, whose names
 * recur across the English-speaking world (`Cleveland`, `Durham`, `Kent`);
 * its nations are in places.json.
 */
const PROVINCES_LEFT_OUT = new Set(['GB']);

/**
 * First-level divisions (the `provinces` package: U.S. states, Canadian
 * provinces, Australian states, Indian states…) by name, kept only where the
 * name is one country's and is not itself a country (`Georgia`).
 */
const provinces = createRequire(import.meta.url)('provinces') as Province[];

function buildProvinceIndex(): Map<string, Country> {
  const owners = new Map<string, Set<string>>();
  for (const p of provinces) {
    if (PROVINCES_LEFT_OUT.has(p.country)) continue;
    for (const name of [p.name, ...(p.alt ?? [])]) {
      const key = lexKey(name);
      if (countryIndex.byName.has(key)) continue;
      owners.set(key, (owners.get(key) ?? new Set()).add(p.country));
    }
  }
  const index = new Map<string, Country>();
  for (const [key, codes] of owners) {
    const country = codes.size === 1 ? countryIndex.byCode.get([...codes][0]!) : undefined;
    if (country) index.set(key, country);
  }
  return index;
}
const provinceIndex = buildProvinceIndex();

/** The federations' states and provinces by name, each to its country (`Georgia`, a country's name too, is not here). */
function buildFederalStates(): Map<string, Country> {
  const federations = new Set(places.federations);
  const index = new Map<string, Country>();
  for (const p of provinces.filter((p) => federations.has(p.country))) {
    // (`Florida` is a department of Uruguay's too: among federations the name is still one country's.)
    for (const name of [p.name, ...(p.alt ?? [])]) if (!countryIndex.byName.has(lexKey(name))) index.set(lexKey(name), countryIndex.byCode.get(p.country)!);
  }
  return index;
}
const federalStates = buildFederalStates();
/** `Virginia`, `New York`, `Alberta`: a state or province of a federation, whose name is a place's even where it is also a given name. */
export function stateOrProvince(name: string): Country | undefined {
  return federalStates.get(lexKey(name));
}

/** A sovereign country's name that is also a state or province of another country, to that country (`Georgia`). */
function buildDivisionsNamedAsCountries(): Map<string, Country> {
  const sovereign = new Set(countries.filter((c) => c.independent).map((c) => c.cca2));
  const index = new Map<string, Country>();
  for (const p of provinces) {
    const named = countryIndex.byName.get(lexKey(p.name));
    if (named && named.code !== p.country && sovereign.has(named.code)) index.set(lexKey(p.name), countryIndex.byCode.get(p.country)!);
  }
  return index;
}
const divisionsNamedAsCountries = buildDivisionsNamedAsCountries();

/**
 * `Georgia` → the United States, `Niger` → Nigeria: the country in which a
 * sovereign country's name is also a state's or a province's.
 */
export function countryWithDivisionNamed(name: string): Country | undefined {
  return divisionsNamedAsCountries.get(lexKey(name));
}

/**
 * The country a capital city or a first-level division belongs to: `Canberra`,
 * `Ohio`, `Ontario`; and `Georgia`, asked of a place (a state), not a country.
 */
export function countryOfPlace(text: string): Country | undefined {
  const key = lexKey(text);
  return countryIndex.capitals.get(key) ?? provinceIndex.get(key) ?? divisionsNamedAsCountries.get(key);
}

const groups = new Set(countriesExtra.groups.map(lexKey));
/** `Muslims`, `Hispanic`, `Sikh`: a religion, its adherents or an ethnic group, words for many people. */
export function isGroupWord(word: string): boolean {
  const key = lexKey(word);
  return groups.has(key) || (key.endsWith('s') && groups.has(key.slice(0, -1)));
}

const stateDemonyms = new Set(places.usStateDemonyms.flatMap((d) => [lexKey(d), lexKey(d + 's')]));
/** `Iowans`, `New Yorkers`, `Texan`: the people of a U.S. state, many, no one actor. */
export function isStateDemonym(name: string): boolean {
  return stateDemonyms.has(lexKey(name));
}

const deities = new Set(countriesExtra.deities.map(lexKey));
/** `God`, `Allah`: invoked, never an actor. */
export function isDeity(name: string): boolean {
  return deities.has(lexKey(name));
}

const languages = new Set(countriesExtra.languages.map(lexKey));
export function isLanguage(text: string): boolean {
  return languages.has(lexKey(text));
}

// ─── Titles ─────────────────────────────────────────────────────────────────

const honorifics = new Set(titles.honorifics);
const titleHeads = new Set(titles.heads);
const titleModifiers = new Set(titles.modifiers);

const bare = (word: string) => lexKey(word).replace(/\.$/, '');

export function isHonorific(word: string): boolean {
  return honorifics.has(bare(word));
}
export function isTitleHead(word: string): boolean {
  const key = bare(word);
  if (titleHeads.has(key)) return true;
  // `co-leader`, `ex-minister`, `deputy-governor`: a hyphenated title is headed by its last part.
  const parts = key.split('-');
  return parts.length > 1 && titleHeads.has(parts.at(-1)!) && parts.slice(0, -1).every((p) => /^(co|ex)$/.test(p) || titleHeads.has(p) || titleModifiers.has(p));
}
const portfolios = new Set(titles.portfolios);
/** Portfolio words that name no policy area of their own (`Minister of State`, `National Security Adviser`). */
const GENERIC_PORTFOLIO = new Set(['state', 'national', 'federal', 'public', 'government', 'local', 'home', 'affairs', 'and', 'international', 'relations']);
/** `Agriculture`, `Finance`: a policy area a ministry or department is named for. */
export function isPolicyArea(word: string): boolean {
  const key = lexKey(word);
  return (portfolios.has(key) || titleModifiers.has(key)) && !GENERIC_PORTFOLIO.has(key) && !titleHeads.has(key) && !isRank(key) && !/^(shadow|opposition|party|cabinet|secretary|u\.s\.|us|u\.k\.|uk|european|union|house|senate)$/.test(key);
}

/** Words that rank an office rather than name its domain: `Deputy`, `Chief`, `acting`, `former`. */
export function isRank(word: string): boolean {
  return /^(prime|vice|deputy|chief|assistant|associate|acting|interim|former|ex|senior|junior|outgoing|incoming|new|then|late|first|majority|minority|general|executive|managing|principal|special|permanent|high|top|lead|lt|lieutenant)$/i.test(word);
}
const abbreviations = new Map(Object.entries(titles.abbreviations));
/** `Sen.` → `Senator`: an abbreviated title spelled out. */
export function spelledTitle(word: string): string {
  return abbreviations.get(lexKey(word).replace(/\.$/, '')) ?? word;
}
/** `Finance`, `Food`, `Human Services`: a policy area a minister is `of` (title modifiers included). */
export function isPortfolio(word: string): boolean {
  return portfolios.has(lexKey(word)) || isTitleModifier(word);
}
export function isTitleModifier(word: string): boolean {
  return titleModifiers.has(bare(word));
}
/** Any word that can be part of a title phrase. */
export function isTitleWord(word: string): boolean {
  return isHonorific(word) || isTitleHead(word) || isTitleModifier(word);
}

// ─── Organisations, agencies, parties ──────────────────────────────────────

const agencyHeads = new Set(organizations.agencyHeads.map(lexKey));
const organizationHeads = new Set(organizations.organizationHeads.map(lexKey));
const placeHeads = new Set(organizations.placeHeads.map(lexKey));
const knownNames = new Map<string, EntityKind>();
for (const name of organizations.known.Organization) knownNames.set(lexKey(name), 'Organization');
for (const name of organizations.known.Agency) knownNames.set(lexKey(name), 'Agency');
for (const name of parties.known) knownNames.set(lexKey(name), 'Party');
for (const name of places.places) knownNames.set(lexKey(name), 'Place');
const partyWords = new Set(parties.words.map(lexKey));

export const agencyPrefixes: readonly string[] = organizations.agencyPrefixes;

/** The kind a well-known name has (`NATO` → Agency, `Reuters` → Organization). */
export function knownKind(name: string): EntityKind | undefined {
  return knownNames.get(lexKey(name));
}
export function isAgencyHead(word: string): boolean {
  return agencyHeads.has(lexKey(word));
}
const stateAbbreviations = new Map(Object.entries(places.usStateAbbreviations).map(([short, name]) => [lexKey(short).replace(/\.$/, ''), name]));
/** `Mich.` → `Michigan`, `N.C.` → `North Carolina`: a U.S. state as AP style abbreviates it (the word with or without its last period). */
export function stateOfAbbreviation(word: string): string | undefined {
  return stateAbbreviations.get(lexKey(word).replace(/\.$/, ''));
}
const placeOpeners = new Set(places.openers.map(lexKey));
/** `Plaza` in `Plaza de Mayo`, `Casa` in `Casa Rosada`: a word that opens a place's name. */
export function isPlaceOpener(word: string): boolean {
  return placeOpeners.has(lexKey(word));
}
const eventOrDocumentHeads = new Set(organizations.eventOrDocumentHeads.map(lexKey));
/** `… Policy`, `… Bill`, `… Cup`: the last word of a law's, a policy's or an event's name. */
export function isEventOrDocumentHead(word: string): boolean {
  return eventOrDocumentHeads.has(lexKey(word));
}
const teamNouns = new Set(organizations.teamNouns.map(lexKey));
/** `Panthers`, `Rhinos`: a plural noun a sports club takes as its nickname. */
export function isTeamNoun(word: string): boolean {
  return teamNouns.has(lexKey(word));
}
export function isPlaceHead(word: string): boolean {
  return placeHeads.has(lexKey(word));
}
export function isOrganizationHead(word: string): boolean {
  return organizationHeads.has(lexKey(word));
}
/** `Liberal`, `Labour`, `Democrats`: ideology words that name a party when capitalised. */
export function isPartyWord(phrase: string): boolean {
  return partyWords.has(lexKey(phrase));
}

const openers = new Map<string, EntityKind>();
for (const kind of ['Party', 'Agency', 'Organization'] as const) {
  for (const word of organizations.openers[kind]) openers.set(lexKey(word), kind);
}
/** `Ministerio de …` → Agency, `Universidad de …` → Organization, `Frente …` → Party: the head word that opens a name. */
export function kindOfOpener(words: readonly string[]): EntityKind | undefined {
  return openers.get(lexKey(words.slice(0, 2).join(' '))) ?? openers.get(lexKey(words[0] ?? ''));
}
const partyAdjectives = new Set(parties.adjectives.map(lexKey));
/** `Demócrata`, `Socialista`: an ideology adjective that marks a party's name in another language. */
export function isPartyAdjective(word: string): boolean {
  return partyAdjectives.has(lexKey(word));
}

/** Longest first, for greedy matching of multi-word known names. */
export const knownMultiwordNames: readonly string[] = [...knownNames.keys(), ...partyWords]
  .filter((name) => name.includes(' '))
  .sort((a, b) => b.split(' ').length - a.split(' ').length);

const lowercaseHeads = new Map<string, EntityKind>();
for (const kind of ['Organization', 'Agency', 'Party', 'Place'] as const) {
  for (const head of organizations.lowercaseHeads[kind]) lowercaseHeads.set(head, kind);
}
const categoryNouns = new Map<string, EntityKind>();
for (const kind of ['Organization', 'Agency', 'Place'] as const) {
  for (const noun of organizations.categoryNouns[kind]) categoryNouns.set(noun, kind);
}
/** `giant` in `cables giant Pirelli` marks an Organization; `capital` in `the capital Nouakchott` a Place. */
export function kindOfCategoryNoun(word: string): EntityKind | undefined {
  return categoryNouns.get(lexKey(word));
}

/** `platform` after `the X` marks an Organization; `party` a Party; `task force` an Agency; `port` a Place. */
export function kindOfLowercaseHead(phrase: string): EntityKind | undefined {
  return lowercaseHeads.get(lexKey(phrase));
}

// ─── Verbs ──────────────────────────────────────────────────────────────────

/** What a cue of attribution takes after it (see verbs.json's `speech._why`). */
export type CueClass = 'say' | 'object' | 'epithet' | 'quoteOnly';

export interface SpeechCue {
  lemma: string;
  class: CueClass;
}

/** Every inflected form of every speech lemma (`said`, `points out`, `calling on`) → its lemma and class; one- or two-word keys. */
const speechForms = new Map<string, SpeechCue>();
for (const cls of ['quoteOnly', 'epithet', 'object', 'say'] as const) {
  for (const lemma of verbs.speech[cls]) {
    const [head, ...rest] = lemma.split(' ');
    const irregular = (verbs.speech.irregular as Record<string, string[]>)[lemma] ?? [];
    const forms = [...inflections(head!).map((f) => [f, ...rest].join(' ')), ...irregular];
    // A later class wins: `say` verbs are the common reading of words in two lists (`warn`, `ask`).
    for (const form of forms) speechForms.set(lexKey(form), { lemma, class: cls });
  }
}

/** The speech cue a word (or a word and its particle: `pointed out`) is, if any. */
export function speechCue(words: string): SpeechCue | undefined {
  return speechForms.get(lexKey(words));
}

/** Fixed phrases that frame a statement (`according to`, `in a statement`). */
export const speechPhrases: readonly string[] = verbs.speech.phrases.map(lexKey);

/** Inflected speech verbs of the `say` class and their one-word forms: `said`, `tells`, `argued`. */
export const reportingVerbs: ReadonlySet<string> = new Set([...speechForms].filter(([form, cue]) => cue.class === 'say' && !form.includes(' ')).map(([form]) => form));

export type RelationVerbType = Exclude<RelationType, 'RELATED'>;
/** Multi-word verb phrases and lemmas, longest first, each with its relation type. */
export const relationVerbs: ReadonlyArray<{ phrase: string; type: RelationVerbType }> = (
  Object.entries(verbs.relations) as Array<[RelationVerbType, string[]]>
)
  .flatMap(([type, phrases]) => phrases.map((phrase) => ({ phrase: lexKey(phrase), type })))
  .sort((a, b) => b.phrase.split(' ').length - a.phrase.split(' ').length);

// ─── Page furniture ─────────────────────────────────────────────────────────

const furnitureStarts = furniture.lineStarts.map(lexKey);
const furnitureAnywhere = furniture.anywhere.map(lexKey);

/** A line that a news site wraps around the article rather than part of it. */
export function isFurnitureLine(line: string): boolean {
  const key = lexKey(line);
  if (key === '') return false;
  const words = key.split(' ').length;
  if (furnitureStarts.some((start) => key.startsWith(start)) && words <= 40) return true;
  return words <= 30 && furnitureAnywhere.some((fragment) => key.includes(fragment));
}

export const epithetVerbs: ReadonlySet<string> = new Set(verbs.epithetVerbs.map(lexKey));
const negativeCues = verbs.negativeCues.map(lexKey);
/** Whether words carry a negative cue (`insult`, `traitor`, `no friend`). */
export function hasNegativeCue(text: string): boolean {
  const key = ` ${lexKey(text).replace(/[^\p{L}\s']/gu, ' ')} `;
  return negativeCues.some((cue) => key.includes(` ${cue} `));
}

/** Inflected forms of a verb lemma: back → backs, backed, backing; criticize → criticizes, criticized… */
export function inflections(lemma: string): string[] {
  const forms = new Set([lemma]);
  const consonantY = /[^aeiou]y$/.test(lemma);
  if (lemma.endsWith('e')) {
    forms.add(lemma + 's').add(lemma + 'd').add(lemma.slice(0, -1) + 'ing');
  } else if (consonantY) {
    forms.add(lemma.slice(0, -1) + 'ies').add(lemma.slice(0, -1) + 'ied').add(lemma + 'ing');
  } else {
    forms.add(/(s|sh|ch|x|z)$/.test(lemma) ? lemma + 'es' : lemma + 's').add(lemma + 'ed').add(lemma + 'ing');
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(lemma)) forms.add(lemma + lemma.at(-1) + 'ed').add(lemma + lemma.at(-1) + 'ing');
  }
  const irregular: Record<string, string[]> = { fight: ['fought'], beat: ['beaten'], lead: ['led'], hit: ['hit'], strike: ['struck'], take: ['took', 'taken'], throw: ['threw', 'thrown'], stand: ['stood'], break: ['broke', 'broken'], sit: ['sat'], spy: ['spied'], oust: ['ousted'], thank: ['thanked'] };
  for (const f of irregular[lemma] ?? []) forms.add(f);
  return [...forms];
}

// ─── Institutions and jurisdictions ─────────────────────────────────────────

const institutionWords = new Set([...institutions.modifiers, ...institutions.connectives].map(lexKey));
const connectives = new Set(institutions.connectives.map(lexKey));
const institutionHeads = new Set(institutions.heads.map(lexKey));
const placeWords = new Set(institutions.placeWords.map(lexKey));
const internationalWords = institutions.international.map(lexKey);
const partyForms = new Map(Object.entries(institutions.partyForms).map(([form, adjective]) => [lexKey(form), adjective]));

/** `of`, `the`, `and`: the small words inside an institution's name. */
export function isConnective(word: string): boolean {
  return connectives.has(lexKey(word));
}

/**
 * A word of the general vocabulary of government: an institution's head
 * (`Senate`, `Ministry`), a policy area or office modifier (`Interior`,
 * `Supreme`), or one of institutions.json's modifiers (`Cassation`, `People's`).
 */
export function isInstitutionWord(word: string): boolean {
  const key = lexKey(word);
  return institutionWords.has(key) || isInstitutionHead(key) || portfolios.has(key) || titleModifiers.has(key) || partyWords.has(key);
}

/** The head of an institution's name: organizations.json's agency heads and institutions.json's (`House`, `Constitution`). */
export function isInstitutionHead(word: string): boolean {
  return agencyHeads.has(lexKey(word)) || institutionHeads.has(lexKey(word));
}

/** A word that names a kind of place rather than one place: `Hall`, `Square`, `Capitol`. */
export function isGenericPlaceWord(word: string): boolean {
  return placeWords.has(lexKey(word)) || agencyHeads.has(lexKey(word));
}

/** `European Commission`, `U.N. Security Council`, `World Bank`: a name no one country owns. */
export function isInternationalName(name: string): boolean {
  const key = ` ${lexKey(name).replace(/[’']s\b/g, '')} `;
  return internationalWords.some((word) => key.includes(` ${word} `));
}

/** The party adjective an ideology word stands for: `Democrats` → `Democratic`, `GOP` → `Republican`. */
export function partyAdjective(word: string): string | undefined {
  return partyForms.get(lexKey(word));
}
