/**
 * Capitalised runs → name candidates. A run is a sequence of capitalised
 * words joined only by spaces or hyphens (commas and possessives end it),
 * with lowercase connectors (`of`, `for`, `and`, `von der`) allowed where the
 * name's shape supports them. Titles at the front (`Conservative Leader`,
 * `U.S. President`, `Mr.`) are split off: they are not part of a name.
 */
import nlp from 'compromise';
import { agencyPrefixes, countryByDemonym, countryByName, isAgencyHead, isHonorific, isOrganizationHead, isPartyWord, isPlaceHead, isPortfolio, isRank, isTitleHead, isTitleWord, kindOfCategoryNoun, kindOfLowercaseHead, knownKind, lexKey, reportingVerbs, stateOfAbbreviation } from '../lexicons/index.js';
import { isCount } from './results.js';
import { has, isAcronym, isCapitalized, isPossessive, type Token } from './tokens.js';

export interface Candidate {
  tokens: Token[];
  /** Title tokens split off the front of the run (`U.S. President`). */
  title: Token[];
  /** The acronym defined right after the name: `… Elections (SITE)`. */
  acronym?: Token;
  /** The institution before a title (`Supreme Court` in `Supreme Court Chief Justice X`): never a person. */
  qualifier?: boolean;
  /** Up to two lowercase words right after the name: its head noun, if any (`platform`, `task force`). */
  following?: string[];
}

const CONNECTORS = new Set(['of', 'for', 'and', '&', 'the', 'to', 'on', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'y', 'zu', 'ter', 'ng']);
/** Connectors that belong inside personal names (`Ursula von der Leyen`), and Filipino `ng` inside any name (`Samahang Magsasaka ng Gitnang Luzon`). */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'dos', 'das', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'zu', 'ter', 'ng']);
const NOT_NAMES = ['Pronoun', 'Month', 'WeekDay', 'Date', 'Holiday', 'Duration', 'Ordinal'];
/** compromise sometimes tags `January` as a person; the calendar is never an entity. */
const CALENDAR = /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(['’]s)?$/;
/** Parts of speech that make a capital at a sentence start an ordinary word. */
const COMMON_WORD_TAGS = ['Value', 'Plural', 'Verb', 'Adverb', 'Adjective', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Auxiliary', 'Copula', 'Modal', 'Negative', 'Expression'];

/** compromise's own dictionary: words it knows in lower case and their tag (for some words a list of tags: `one`). */
export const lexicon = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
/** compromise's own list of words that name two kinds alike (`Austin`, `Orlando`: `Person|Place`). */
export const switches = (nlp.model() as { two: { switches: Record<string, string> } }).two.switches;
/** The gender compromise's dictionary gives a given name (`Michelle` female, `Donald` male), if any. */
export function givenNameGender(word: string): 'male' | 'female' | undefined {
  const tag = lexicon[word.toLowerCase()];
  return tag === 'MaleName' ? 'male' : tag === 'FemaleName' ? 'female' : undefined;
}
/** Closed-class words that only look like names when capitalised: `The`, `There`, `In`, `This`. */
const FUNCTION_TAGS = new Set(['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary', 'Negative', 'Possessive', 'Uncountable']);
/** (`There’s`, `That's`, `Let’s`: a contraction is read as its word.) */
const isFunctionWord = (token: Token) => FUNCTION_TAGS.has(lexicon[token.text.replace(/['’]s$/, '').toLowerCase()] ?? '') && !isAcronym(token.text) && !isInitial(token);
/** Capitalised particles that open names of places, papers and people: `Des Moines`, `Le Monde`, `De Wilde`, `El Paso`, `Van Buren`. */
const OPENING_PARTICLES = /^(De|Des|Du|Del|Della|Di|Da|Dos|Das|Le|La|Les|Los|Las|El|Van|Von|Der|Den|Ter|Ten)$/;
/** A particle with more of a name right after it is the name's first word, not a French or Spanish article. */
const particleOpensName = (tokens: Token[], i: number) => OPENING_PARTICLES.test(tokens[i]!.text) && /^\s+$/.test(tokens[i]!.post) && isNameWord(tokens[i + 1]) && !isFunctionWord(tokens[i + 1]!);
/** `the Senate`, `Chile's Cabinet`: an institution's word, or any noun the dictionary calls uncountable, capitalised mid-sentence (`Police said` opens a sentence: no name). */
const opensNoName = (tokens: Token[], i: number) => {
  const t = tokens[i]!;
  // `his Justice and Development Party`: a noun the dictionary calls uncountable is no function word inside a name.
  const bare = t.text.replace(/['’]s$/, '');
  const noun = lexicon[bare.toLowerCase()] === 'Uncountable' || isAgencyHead(bare) || !!knownKind(bare);
  return isFunctionWord(t) && !(noun && !atClauseStart(tokens, i)) && !particleOpensName(tokens, i);
};

/** `J. Russell`: a single capital with a period is an initial. */
const isInitial = (token: Token) => /^\p{Lu}$/u.test(token.text) && /^\.\s*$/.test(token.post);

/** Only spaces (or a hyphen inside `Laurie-Anne`) separate this token from the next. */
function cleanJoin(token: Token): boolean {
  if (isPossessive(token)) return false;
  if (/^\s*$/.test(token.post) || token.post === '-') return true;
  // `Lyin’ Tom Ward`: a dropped g's apostrophe stays inside a nickname.
  if (/^\p{Lu}\p{Ll}+in$/u.test(token.text) && /^['’]\s+$/.test(token.post)) return true;
  // `Mr. Musk`, `Gov. Newsom`: an abbreviated title keeps its period; so does an initial.
  return /^\.\s+$/.test(token.post) && (isHonorific(token.text) || isTitleHead(token.text) || isInitial(token));
}

function isNameWord(token: Token | undefined): boolean {
  if (!token || !isCapitalized(token)) return false;
  if (CALENDAR.test(token.text)) return false;
  // A lone capital (`serie A`, `N / A`) is a name only as an initial.
  if (/^\p{Lu}$/u.test(token.text) && !isInitial(token)) return false;
  return !has(token, ...NOT_NAMES) || isAcronym(token.text);
}

/** `Jae-sung`, `Dong-min`: a short lower-case syllable after a hyphen inside a romanized given name. */
function isNameSyllable(token: Token): boolean {
  return /^\p{Ll}{2,4}$/u.test(token.text) && !/ed$/.test(token.text) && !has(token, 'Adjective', 'Preposition', 'Determiner', 'Conjunction') && token.pre === '';
}

/** What a parenthesis after a name may abbreviate it to: `SITE`, `AfD`, `S&D`, `PiS`. */
function isShortForm(text: string, name: Token[] = []): boolean {
  return isAcronym(text) || (/^[\p{Lu}][\p{L}&]{1,7}$/u.test(text) && (text.match(/\p{Lu}/gu) ?? []).length >= 2) || spellsInitials(text, name.map((t) => t.text));
}

/** `Nersa` for `National Energy Regulator of South Africa`, `Cosatu` for `Congress of South African Trade Unions`: a short form written as a word. */
function spellsInitials(text: string, words: string[]): boolean {
  if (!/^\p{Lu}\p{Ll}{2,7}$/u.test(text) || words.length < 3) return false;
  const letters = text.toUpperCase();
  return initials(words).toUpperCase() === letters || words.map((w) => w[0]).join('').toUpperCase() === letters;
}

/** `the X platform`: a lone capital named by the noun after it. */
function letterName(token: Token, next: Token | undefined): boolean {
  return /^\p{Lu}$/u.test(token.text) && /^\s+$/.test(token.post) && !!next && !!kindOfLowercaseHead(next.text);
}

/** `the Second Amendment`, `First Lady X`: a capitalised ordinal word opens the name after it (not `First, …` or `First Ward went` opening a sentence). */
function ordinalOpensName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return !atClauseStart(tokens, i) && has(t, 'Ordinal') && /^\p{Lu}\p{Ll}+$/u.test(t.text) && /^\s+$/.test(t.post) && isNameWord(tokens[i + 1]);
}

/** `Super Tuesday`, `Black Friday`: a dictionary word, no name, before a weekday names the day. */
function namesADay(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  return !!next && has(next, 'WeekDay') && /^\s+$/.test(t.post) && lexicon[t.text.toLowerCase()] !== undefined && !has(t, 'Person', 'FirstName', 'LastName', 'Place', 'Organization');
}

/** Position where a capital letter says nothing: start of a sentence, a quote or a clause after a colon or dash. */
function atClauseStart(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  if (/^[^\p{L}\p{N}]+$/u.test(prev.text)) return atClauseStart(tokens, i - 1) || /[“"‘:—–(-]/.test(prev.text);
  return /[“"‘:;—–(-]\s*$/.test(prev.post) || /[“"‘(]/.test(tokens[i]!.pre) || sentenceEndsAt(prev);
}

/**
 * `“It is all lies. There is no case,” he said`, `Did I enjoy it? No.`: a
 * sentence ends inside a quote the segmenter keeps whole. A period ends one
 * only after a word no abbreviation (`Mr.`, `Gov.`, `J.`, `U.S.`, `Calif.`).
 */
function sentenceEndsAt(token: Token): boolean {
  if (/[?!]["”’]?\s+$/.test(token.post)) return true;
  // (Not after a figure: `1. Frank Nobilo` numbers a list.)
  if (!/^\.["”’]?\s+$/.test(token.post) || !/^\p{L}[\p{L}'’-]*$/u.test(token.text)) return false;
  const abbreviation = isHonorific(token.text) || isTitleHead(token.text) || isInitial(token) || /^\p{Lu}[\p{L}.]{0,3}$/u.test(token.text) || !!stateOfAbbreviation(token.text);
  return !abbreviation;
}

/** `Lebed said`: an unknown word before a reporting verb is someone's name, even at a sentence start. */
function namedSpeaker(token: Token, next: Token | undefined): boolean {
  return !!next && reportingVerbs.has(next.text.toLowerCase()) && lexicon[token.text.toLowerCase()] === undefined;
}

/** Dictionary tags of ordinary nouns and adjectives: `Company president X` opens with no name. */
const COMMON_NOUN_TAGS = new Set(['Singular', 'Plural', 'Uncountable', 'Noun', 'Adjective', 'Infinitive', 'Gerund', 'Actor']);

/** `Government spokesman X`, `Company president Y`: a kind of institution, not a name. */
const genericInstitution = (word: string) => isAgencyHead(word) || isOrganizationHead(word) || !!kindOfLowercaseHead(word) || !!kindOfCategoryNoun(word);

/** Lowercase title words after the token, ending in a head, then a capitalised name: `captain Ben`, `chief executive Helen`. */
function officeAndHolderAfter(token: Token, tokens: Token[]): boolean {
  let k = token.index + 1;
  while (k < token.index + 4 && tokens[k] && /^\p{Ll}/u.test(tokens[k]!.text) && isTitleWord(tokens[k]!.text)) k++;
  return k > token.index + 1 && isTitleHead(tokens[k - 1]!.text) && isCapitalized(tokens[k]);
}

/** What a comma after the token sets off: `X, 45,` → `age`, `X, who …` → `who`. */
function asideAfter(token: Token, next: Token | undefined, tokens: Token[]): 'age' | 'who' | undefined {
  // Tokenized text (`Wang , 45 ,`) gives the comma a token of its own.
  const spacedComma = next?.text === ',';
  if (!next || (!/^\s*,\s*$/.test(token.post) && !spacedComma)) return undefined;
  const first = spacedComma ? tokens[next.index + 1] : next;
  if (!first) return undefined;
  if (/^(who|whose)$/i.test(first.text)) return 'who';
  const closes = /^\s*,/.test(first.post) || tokens[first.index + 1]?.text === ',';
  return /^\d{1,2}$/.test(first.text) && closes ? 'age' : undefined;
}

function looksProper(token: Token): boolean {
  return has(token, 'ProperNoun', 'Person', 'Place', 'Organization', 'Country', 'City', 'FirstName', 'LastName', 'Acronym', 'Demonym') || isAcronym(token.text);
}

const VERB_ENTRIES = new Set(['Infinitive', 'Verb', 'PastTense', 'Copula', 'Modal', 'Auxiliary']);

/** Whether a capital at a clause start marks a name rather than the start of the clause. */
function trustCapital(token: Token, tokens: Token[], knownCapitalized: ReadonlySet<string>, next?: Token, runLength = 1): boolean {
  const word = token.text.replace(/['’]s$/, '');
  // `Des Moines officials said`, `Le Monde reported`: a particle opening a name at a sentence start.
  if (runLength >= 2 && particleOpensName(tokens, token.index)) return true;
  if (isFunctionWord(token)) return false;
  // `Let’s go`: a verb takes no possessive; its `’s` is a contraction.
  if (/['’]s$/.test(token.text) && VERB_ENTRIES.has(lexicon[word.toLowerCase()] ?? '')) return false;
  // `Editing by X`, `Speaking to reporters`: a participle opening its clause.
  if (/\p{Ll}ing$/u.test(word) && runLength === 1 && next && has(next, 'Preposition')) return false;
  if (namedSpeaker(token, next)) return true;
  // `A. Smith`, `I. Healy`: an initial opening a longer name is no article or pronoun.
  if (isInitial(token) && runLength >= 2) return true;
  const common = has(token, ...COMMON_WORD_TAGS);
  const unknown = lexicon[word.toLowerCase()] === undefined && !common;
  // `Worcestershire captain Ben Harkness`: a name before a lowercase office and its holder's name.
  // (Seen capitalised mid-sentence elsewhere: `Hardline minister X` opens with an adjective no dictionary knows.)
  if (!common && (knownCapitalized.has(word) || isAcronym(word)) && !COMMON_NOUN_TAGS.has(lexicon[word.toLowerCase()] ?? '') && !genericInstitution(word) && officeAndHolderAfter(token, tokens)) return true;
  // `Falkirk 3 Ayr 1`, `Haitai 64 2 43`: a word the dictionary lacks, followed by a score.
  if (isCount(next) && unknown) return true;
  // `Wang, 45, was sentenced`: an age set off by commas follows only a person's name.
  const aside = asideAfter(token, next, tokens);
  if (aside === 'age' && !common) return true;
  // `Bernardin, who became`, `Yeltsin's office`: a word the dictionary lacks, before what marks a name.
  if (unknown && runLength === 1 && (aside === 'who' || isPossessive(token) || next?.text === "'s")) return true;
  // `Hiroshi Watanabe, chief economist …` opening a sentence: a word the dictionary lacks, followed by more of the name.
  if (runLength >= 2 && lexicon[word.toLowerCase()] === undefined && !has(token, ...COMMON_WORD_TAGS)) return true;
  if (isTitleWord(word) || isPartyWord(word) || countryByName(word) || countryByDemonym(word) || knownKind(word)) return true;
  if (has(token, ...COMMON_WORD_TAGS) && !has(token, 'Person', 'Place', 'Organization', 'Country', 'City', 'Acronym')) return false;
  return looksProper(token) || knownCapitalized.has(word);
}

/** Is `connector` allowed between `left` and the capitalised token after it? */
function connectorFits(left: Token[], connector: string, right: Token, after: Token[]): boolean {
  const last = left[left.length - 1]!;
  if (NAME_PARTICLES.has(connector)) return true;
  const tail = after.map((t) => t.text);
  const endsAsInstitution = () => {
    // Look ahead to the end of the would-be run: does it end with an institution head?
    const lastRight = tail[tail.length - 1] ?? right.text;
    return isAgencyHead(lastRight) || isOrganizationHead(lastRight);
  };
  switch (connector) {
    case 'of':
    case 'for':
    case 'on': {
      // `Office for the Protection of the Constitution`: an institution's complement may go on.
      const complement = left.some((t, i) => i > 0 && /^(of|for|on)$/.test(t.text) && (isAgencyHead(left[i - 1]!.text) || isOrganizationHead(left[i - 1]!.text)));
      if (complement && connector === 'of') return true;
      return isAgencyHead(last.text) || isOrganizationHead(last.text) || /^(Organisation|Organization|Department|Ministry|Office|Bank|University|Secretary|Minister|Chamber|House|Court|Council|Commission|Institute|Association|Federation|Union|League|Party|Church|Republic|Kingdom|State|States|Board|Bureau|Friends|Alternative|Coalition|Alliance|Movement|Front|Congress|Assembly|Committee|Centre|Center|School|College|Academy|Society|Museum|Army|Order|Brotherhood|Federal)$/i.test(last.text) || !!countryByName(right.text);
    }
    case '&':
      // `Procter & Gamble`, `Douglas & Lomason`: an ampersand joins a firm's name, never a list.
      return true;
    case 'and':
      if (inPortfolio(left) && isPortfolio(right.text)) return true;
      // Two complete names side by side (`X City and Y City`, `… of Mexico and …`) are a list.
      if (isAgencyHead(last.text) || isOrganizationHead(last.text) || isPlaceHead(last.text) || countryByName(last.text)) return false;
      return endsAsInstitution();
    case 'to':
    case 'the':
      return endsAsInstitution();
    default:
      return false;
  }
}

/**
 * `European People’s Party`, `Kurdistan Workers’ Party`, `People’s Liberation
 * Army`: a plural possessive stays inside a name that ends as a party or
 * institution (`Trump’s Republican Party` is two names: the possessive is singular).
 */
function pluralPossessiveJoins(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  const plural = (isPossessive(t) && has(t, 'Plural')) || (/s$/.test(t.text) && /^['’]\s+$/.test(t.post));
  if (!plural || !isCapitalized(t)) return false;
  let e = j + 1;
  if (!isNameWord(tokens[e])) return false;
  while (/^\s+$/.test(tokens[e]!.post) && isNameWord(tokens[e + 1])) e++;
  const last = tokens[e]!.text;
  return isPartyWord(last) || /^part(y|ies)$/i.test(last) || isOrganizationHead(last) || isAgencyHead(last);
}

/**
 * `Queen’s Park`, `King’s College`, `People’s Bank`: a possessive title or
 * collective noun inside the name of a place or an institution.
 */
function titledPossessiveJoins(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (!/['’]s$/.test(t.text) || !/^\s+$/.test(t.post)) return false;
  const owner = t.text.replace(/['’]s$/, '');
  if (!isHonorific(owner) && !isTitleHead(owner) && !/^(People|Children|Women|Workers|Veterans|Saint|St)$/.test(owner)) return false;
  const after: string[] = [];
  for (let e = j + 1; isNameWord(tokens[e]); e++) {
    after.push(tokens[e]!.text.replace(/['’]s$/, ''));
    if (!/^\s+$/.test(tokens[e]!.post)) break;
  }
  return after.some((w) => isPlaceHead(w) || isOrganizationHead(w) || isAgencyHead(w));
}

/** The run of tokens from `i` on, before title splitting. */
function runFrom(tokens: Token[], i: number): Token[] {
  const run: Token[] = [tokens[i]!];
  let j = i;
  while (cleanJoin(tokens[j]!) || pluralPossessiveJoins(tokens, j) || titledPossessiveJoins(tokens, j)) {
    const next = tokens[j + 1];
    if (next && isNameWord(next) && !/^[(“"‘]/.test(next.pre)) {
      run.push(next);
      j++;
      continue;
    }
    // `the 5th Circuit Court of Appeals`, `Istanbul 7th Criminal Court`: an ordinal numbering a court or district.
    if (next && /^\d+(st|nd|rd|th)$/.test(next.text) && /^\s+$/.test(next.post) && isNameWord(tokens[j + 2]) && /^(court|circuit|district|division|army|fleet|brigade|corps|regiment|congressional|ward|precinct|criminal|civil|appeals?)$/i.test(tokens[j + 2]!.text)) {
      run.push(next, tokens[j + 2]!);
      j += 2;
      continue;
    }
    // `Ramon “Bong” Teodoro`: a nickname in quotes between given name and surname.
    const after = tokens[j + 2];
    if (next && isNameWord(next) && /^\s*[“"‘]$/.test(next.pre) && /^[”"’]\s+$/.test(next.post) && isNameWord(after) && !/^[(“"‘]/.test(after!.pre) && has(tokens[j], 'FirstName', 'MaleName', 'FemaleName')) {
      run.push(next, after!);
      j += 2;
      continue;
    }
    if (next && tokens[j]!.post === '-' && isNameSyllable(next)) {
      run.push(next);
      j++;
      continue;
    }
    // Up to two connectors (`of the`), then a capitalised word.
    const connectors: Token[] = [];
    let k = j + 1;
    while (connectors.length < 2 && tokens[k] && CONNECTORS.has(tokens[k]!.text) && cleanJoin(tokens[k]!)) connectors.push(tokens[k++]!);
    // `… and the …` joins two names, never one.
    if (connectors.length === 2 && /^(and|&)$/.test(connectors[0]!.text) && connectors[1]!.text === 'the') break;
    const target = tokens[k];
    if (connectors.length > 0 && target && isNameWord(target) && !/^[(“"‘]/.test(target.pre)) {
      // Find where the run would end if we joined, to judge the connector by the name's head.
      const after: Token[] = [target];
      let e = target.index;
      while (cleanJoin(tokens[e]!) && isNameWord(tokens[e + 1]) && !/^[(“"‘]/.test(tokens[e + 1]!.pre)) after.push(tokens[++e]!);
      if (connectorFits(run, connectors[0]!.text, target, after)) {
        run.push(...connectors, target);
        j = target.index;
        continue;
      }
    }
    break;
  }
  // `Transit Union Local 113`, `Ward 6`: a branch or district goes by its number.
  const last = run[run.length - 1]!;
  const number = tokens[last.index + 1];
  if (/^(Local|Lodge|Branch|District|Ward|Precinct)$/.test(last.text) && /^\s+$/.test(last.post) && number && /^\d+$/.test(number.text)) run.push(number);
  return run;
}

/**
 * A name defined with its acronym, `Security and Intelligence Threats to
 * Elections (SITE)`: any connectors are fine when the initials spell it.
 */
function acronymDefinedRun(tokens: Token[], i: number): Token[] | undefined {
  const run: Token[] = [];
  for (let k = i; k < tokens.length && run.length < 12; k++) {
    const t = tokens[k]!;
    if (!isNameWord(t) && !CONNECTORS.has(t.text)) return undefined;
    run.push(t);
    const next = tokens[k + 1];
    if (next && (/\(\s*$/.test(t.post) || /^\s*\($/.test(next.pre)) && isAcronym(next.text) && /^\)/.test(next.post)) {
      const letters = next.text.replace(/\./g, '').replace(/s$/, '');
      const spelled = initials(run.map((r) => r.text));
      return spelled.toUpperCase() === letters.toUpperCase() && run.length > 1 ? run : undefined;
    }
    if ((!/^\s*$/.test(t.post) && t.post !== '-') || (next && /[(“"‘]/.test(next.pre))) return undefined;
  }
  return undefined;
}

/** Initials of the capitalised words: `Security and Intelligence Threats to Elections` → `SITE`. */
export function initials(words: string[]): string {
  return words.filter((w) => /^[\p{Lu}]/u.test(w)).map((w) => w[0]).join('');
}


/** Could these tokens be a person's name (not an office or an institution)? */
function personLike(name: Token[]): boolean {
  if (name.length === 0 || name.length > 5) return false;
  const last = name[name.length - 1]!;
  return !isAgencyHead(last.text) && !isOrganizationHead(last.text) && !knownKind(name.map((t) => t.text).join(' ')) && !name.every((t) => isTitleWord(t.text));
}

/**
 * Titles inside a run: every word up to the last title head, when a name
 * follows. Party words, countries and demonyms may qualify a title
 * (`Conservative Leader`, `U.S. President`); an institution before it is its
 * own name (`Supreme Court` in `Supreme Court Chief Justice X`, `Nevada` in
 * `Nevada Gov. X`), returned as `prefix`.
 */
function splitTitle(run: Token[]): { prefix: Token[]; title: Token[]; name: Token[] } {
  const whole = { prefix: [], title: [], name: run };
  let cut = -1;
  let nameAt = -1;
  for (let k = run.length - 2; k >= 0; k--) {
    const t = run[k]!;
    if (!isTitleHead(t.text) && !isHonorific(t.text)) continue;
    const after = portfolioEnd(run, k + 1);
    if (after < run.length && personLike(run.slice(after))) {
      cut = k;
      nameAt = after;
      break;
    }
  }
  if (cut < 0) return institutionBeforeTitle(run) ?? whole;
  let from = cut;
  while (from > 0) {
    const t = run[from - 1]!;
    // `New Mexico Gov.`: a country name that ends a longer place name is part of that place.
    const partOfPlace = from > 1 && has(t, 'Place') && has(run[from - 2], 'Place') && !countryByName(run[from - 2]!.text);
    const qualifies = isTitleWord(t.text) || isPartyWord(t.text) || !!countryByName(t.text) || !!countryByDemonym(t.text) || CONNECTORS.has(t.text);
    if (!qualifies || partOfPlace) break;
    from--;
  }
  if (from > 0) {
    // An institution names the office: its domain words belong to it (`Homeland Security` Secretary).
    while (from < cut && !isRank(run[from]!.text) && !isTitleHead(run[from]!.text) && !isHonorific(run[from]!.text)) from++;
  }
  return { prefix: trimEnd(run.slice(0, from)), title: run.slice(from, nameAt), name: run.slice(nameAt) };
}

/**
 * Where the name starts after a title head at `from - 1`: right there, or after
 * the portfolio the title is `of` or `for` (`Minister of Food and Agriculture`
 * Yaw Osei Darko, `Secretary of State` Marco Rubio).
 */
function portfolioEnd(run: Token[], from: number): number {
  if (!/^(of|for)$/.test(run[from]?.text ?? '')) return from;
  let j = from + 1;
  while (j < run.length && (CONNECTORS.has(run[j]!.text) || isPortfolio(run[j]!.text))) j++;
  return j;
}

/** `Minister of Food` before `and Agriculture`: the portfolio of a title may be a list. */
const inPortfolio = (left: Token[]) => {
  const at = left.findIndex((t, i) => isTitleHead(t.text) && /^(of|for)$/.test(left[i + 1]?.text ?? ''));
  // Only while the portfolio goes on: `Secretary of State Marco Rubio and …` has left it for a name.
  return at >= 0 && left.slice(at + 2).every((t) => CONNECTORS.has(t.text) || isPortfolio(t.text));
};

/**
 * `the sitting Labour MP, Derek Ashworth`, `a Senate Majority Leader`: an
 * institution, then a title that names nobody here. The institution is kept
 * (as a qualifier) and the title dropped; names of people are never cut.
 */
function institutionBeforeTitle(run: Token[]): { prefix: Token[]; title: Token[]; name: Token[] } | undefined {
  let end = run.length;
  while (end > 0 && isTitleWord(run[end - 1]!.text) && !isPartyWord(run[end - 1]!.text)) end--;
  if (end === run.length || end === 0 || !isTitleHead(run[run.length - 1]!.text)) return undefined;
  const prefix = run.slice(0, end);
  const last = prefix[prefix.length - 1]!.text;
  const text = prefix.map((t) => t.text).join(' ');
  const institution = isPartyWord(last) || !!countryByName(text) || !!countryByDemonym(text) || !!knownKind(text) || isAgencyHead(last) || isOrganizationHead(last) || isAcronym(last);
  return institution ? { prefix, title: run.slice(end), name: [] } : undefined;
}

/** Drop connectors and title-only words left dangling at the end of a run. */
function trimEnd(tokens: Token[]): Token[] {
  let end = tokens.length;
  while (end > 0 && CONNECTORS.has(tokens[end - 1]!.text)) end--;
  return tokens.slice(0, end);
}

export function chunk(tokens: Token[], knownCapitalized: ReadonlySet<string>): Candidate[] {
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const letter = letterName(token, tokens[i + 1]) || ordinalOpensName(tokens, i);
    // `The …`, `A …`: an article or other function word opens no name; `Super Tuesday` is a day.
    if ((!isNameWord(token) && !letter) || opensNoName(tokens, i) || namesADay(tokens, i)) {
      i++;
      continue;
    }
    let run = letter && !isNameWord(token) && !ordinalOpensName(tokens, i) ? [token] : (acronymDefinedRun(tokens, i) ?? runFrom(tokens, i));
    let next = run[run.length - 1]!.index + 1;
    // A capital at the start of a sentence or quote proves nothing: keep the word only if it is a name elsewhere.
    // `Economic Freedom Fighters (EFF) spokesperson …`: a name the lexicons know opens a sentence as itself.
    const known = run.length > 1 && !!knownKind(run.map((t) => t.text).join(' ').replace(/['’]s$/, ''));
    while (!known && run.length > 0 && atClauseStart(tokens, run[0]!.index) && !trustCapital(run[0]!, tokens, knownCapitalized, tokens[run[run.length - 1]!.index + 1], run.length)) {
      run = trimStartConnectors(run.slice(1));
    }
    // `The Associated Press`, `A Tokyo court`: an article or other function word opens no name.
    while (run.length > 0 && opensNoName(tokens, run[0]!.index)) run = trimStartConnectors(run.slice(1));
    run = trimEnd(run);
    if (runNamesADay(run, tokens)) run = [];
    if (run.length > 0) {
      const { prefix, title, name } = splitTitle(run);
      if (prefix.length > 0) candidates.push({ tokens: prefix, title: [], qualifier: true });
      const named = trimStartConnectors(name);
      // `American Tom Johnson`, `Democrat Walter Mondale`: a nationality or party before a given name describes the person.
      const described = descriptorsBefore(named);
      title.push(...named.slice(0, described));
      const cleanName = named.slice(described);
      if (cleanName.length > 0 && !namesAnOfficeOnly(cleanName, tokens)) {
        const candidate: Candidate = { tokens: cleanName, title };
        const lastTok = cleanName[cleanName.length - 1]!;
        const open = tokens[lastTok.index + 1];
        // `… Elections (SITE) task force`
        if (open && (/\(\s*$/.test(lastTok.post) || /^\s*\($/.test(open.pre)) && isShortForm(open.text, cleanName) && /^\)/.test(open.post)) {
          candidate.acronym = open;
          next = open.index + 1;
        }
        const headAt = candidate.acronym ? candidate.acronym.index + 1 : lastTok.index + 1;
        const separated = candidate.acronym ? candidate.acronym : lastTok;
        if (cleanJoin(separated) || candidate.acronym) candidate.following = lowercaseWords(tokens, headAt);
        candidates.push(candidate);
      }
    }
    i = Math.max(next, i + 1);
  }
  return candidates;
}

/**
 * `Martin Luther King Day`, `Election Day`, `Veterans Day`: a run the
 * capitalised `Day` ends (a date word to the tagger, so not in the run)
 * names a day, not anyone; a given name alone before it is someone's
 * (`Doris Day`).
 */
function runNamesADay(run: Token[], tokens: Token[]): boolean {
  const last = run[run.length - 1];
  if (!last || tokens[last.index + 1]?.text !== 'Day' || !/^\s+$/.test(last.post)) return false;
  return run.length > 1 || !has(last, 'FirstName', 'MaleName', 'FemaleName');
}

/**
 * A bare title (`Vice President`, `Inspector General`, `MPs`, `the President’s`,
 * `Minister of Finance`) names an office, not someone; an institution named
 * with title words is still a name (`the Senate`, `National Treasury`,
 * `House of Representatives`, `Justice and Development Party`).
 */
function namesAnOfficeOnly(name: Token[], tokens: Token[]): boolean {
  const strip = (t: Token) => t.text.replace(/['’]s$/, '');
  const last = strip(name[name.length - 1]!);
  const endsAsInstitution = /^part(y|ies)$/i.test(last) || isOrganizationHead(last) || isAgencyHead(last);
  const only = name.length === 1 ? name[0]! : undefined;
  const institution = only
    ? !!knownKind(last) || (isAgencyHead(last) && !atClauseStart(tokens, only.index))
    : isAgencyHead(last) || agencyPrefixes.some((p) => lexKey(name.map((t) => t.text).join(' ')).startsWith(`${p} `));
  if (institution) return false;
  const headed = name.some((t) => isTitleHead(t.text)) && !endsAsInstitution;
  return name.every((t) => {
    const word = strip(t);
    return CONNECTORS.has(word) || (headed && isPortfolio(word)) || ((isTitleWord(word) || isTitleWord(word.replace(/s$/, ''))) && !isPartyWord(word) && !countryByName(word));
  });
}

/**
 * How many words before a given name describe the person rather than name
 * them: a nationality or party (`American Tom Johnson`, `Democrat Walter
 * Mondale`), after `Former` or `Ex` (`Former Conservative Leona
 * Aglukkaq`), or a portfolio whose title the page dropped (`Crown-Indigenous
 * Relations Carolyn Bennett`, `Foreign Affairs Mélanie Joly`).
 */
function descriptorsBefore(name: Token[]): number {
  const given = name.findIndex((t, k) => k > 0 && has(t, 'FirstName', 'MaleName', 'FemaleName'));
  if (given < 1 || name.length - given < 2 || given > 4) return 0;
  // `Sleepy Tom Ward`, `Lyin’ Tom Ward`: a nickname's epithet before the full name.
  if (name.slice(0, given).every(isEpithet)) return given;
  const words = name.slice(0, given).map((t) => t.text.replace(/-born$/, ''));
  const start = /^(former|ex|then)$/i.test(words[0]!) ? 1 : 0;
  const rest = words.slice(start);
  if (rest.length === 1 && (!!countryByDemonym(rest[0]!) || isPartyWord(rest[0]!))) return given;
  // A portfolio: its last word one, and no word of it a name the text gives a person (`Rights` yes, `Carolyn` no).
  const portfolio = rest.length > 0 && isPortfolio(rest[rest.length - 1]!.toLowerCase()) && name.slice(start, given).every((t) => !has(t, 'FirstName', 'MaleName', 'FemaleName'));
  return portfolio ? given : 0;
}

/**
 * `Little`, `Sleepy`, `Lyin’`: an adjective the dictionary knows, or a verb
 * with its g dropped, neither a given nor a family name, as a nickname puts
 * before a name. (Not the dictionary's `Comparative`s, which hold given names:
 * `Frank`, `Rich`, `Earnest`; nor an unknown word in `-ed`, as likely `Fareed`
 * as `Crooked`.)
 */
function isEpithet(token: Token): boolean {
  if (has(token, 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific') || isTitleWord(token.text)) return false;
  return isEpithetWord(token.text + (/^['’]/.test(token.post) ? token.post[0] : ''));
}

/** The word alone (`Crooked`, `Lyin’` with its apostrophe), as a nickname written apart from the name shows it. */
export function isEpithetWord(word: string): boolean {
  return /^(Adjective|Superlative|Gerund)$/.test(lexicon[word.toLowerCase()] ?? '') || /^\p{Lu}\p{Ll}+in['’]$/u.test(word);
}

function trimStartConnectors(tokens: Token[]): Token[] {
  let k = 0;
  while (k < tokens.length && (CONNECTORS.has(tokens[k]!.text) || !isCapitalized(tokens[k]))) k++;
  return tokens.slice(k);
}

function lowercaseWords(tokens: Token[], from: number): string[] {
  const words: string[] = [];
  for (let k = from; k < tokens.length && words.length < 2; k++) {
    const t = tokens[k]!;
    if (isCapitalized(t)) break;
    words.push(t.text.toLowerCase());
    if (!cleanJoin(t)) break;
  }
  return words;
}
