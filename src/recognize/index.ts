/**
 * Stage 3: find every mention of a person, agency, state, party,
 * organisation or place. compromise tags the words; `chunk` finds name
 * candidates; `classify` decides their kind.
 */
import type { Mention, NormalizedText, Sentence } from '../types.js';
import { countryByDemonym, countryByName, isPartyWord, knownKind } from '../lexicons/index.js';
import { normalize, toOriginal } from '../normalize/index.js';
import { segment } from '../segment/index.js';
import { chunk, type Candidate } from './chunk.js';
import { classify, nameOf } from './classify.js';
import { asSide, sides } from './results.js';
import { settleDivisionsNamedAsCountries } from './setting.js';
import { isAcronym, isCapitalized, isTitleCased, stripPossessive, tokenize, type ArticleCasing, type Token } from './tokens.js';

export type { Token } from './tokens.js';
export { tokenize, isAcronym, stripPossessive } from './tokens.js';
export { givenNameGender, initials, isEpithetWord } from './chunk.js';

/** compromise's pass over every sentence (title-case headlines read with the article's own capitals only). */
export function tag(sentences: Sentence[]): Token[][] {
  const casing = articleCasing(sentences);
  return sentences.map((s) => tokenize(s, casing));
}

/** The words an article capitalises mid-sentence and the words it writes in lower case. */
function articleCasing(sentences: Sentence[]): ArticleCasing {
  const names = new Set<string>();
  const lower = new Set<string>();
  for (const s of sentences) {
    for (const m of s.text.matchAll(/\p{Ll}[\p{L}'’-]*/gu)) if (m.index === 0 || !/\p{L}/u.test(s.text[m.index - 1]!)) lower.add(m[0]);
  }
  for (const s of sentences) {
    if (isTitleCased(s.text, { names, lower })) continue;
    // Capitalised words past a sentence's first: names the article writes.
    for (const m of s.text.matchAll(/(?<=[\p{L}\d,;)]\s+)\p{Lu}[\p{L}'’.-]*/gu)) names.add(m[0].replace(/['’]s$|[.]$/, ''));
  }
  return { names, lower };
}

/** Words seen capitalised mid-sentence: a capital at a sentence start is trusted only for these. */
function capitalizedMidSentence(tokens: Token[][]): Set<string> {
  const seen = new Set<string>();
  for (const sentence of tokens) {
    sentence.forEach((t, i) => {
      if (i > 0 && isCapitalized(t) && !/[“"‘:—(]\s*$/.test(sentence[i - 1]!.post)) seen.add(stripPossessive(t.text));
    });
  }
  return seen;
}

function mention(norm: NormalizedText, sentence: Sentence, start: number, end: number, fields: Omit<Mention, 'start' | 'end' | 'sentence' | 'text' | 'normStart' | 'normEnd'>): Mention {
  const text = norm.text.slice(start, end);
  const m: Mention = { ...toOriginal(norm, start, end), text, sentence: sentence.index, normStart: start, normEnd: end, ...fields };
  return m;
}

/** Entities named inside a title: `Conservative` in `Conservative Leader`, `U.S.` in `U.S. President`. */
function titleMentions(norm: NormalizedText, sentence: Sentence, candidate: Candidate): Mention[] {
  const found: Mention[] = [];
  for (const t of candidate.title) {
    const word = stripPossessive(t.text);
    const end = t.start + word.length;
    const country = countryByName(word);
    const demonym = countryByDemonym(word);
    if (country) found.push(mention(norm, sentence, t.start, end, { kind: 'State', form: 'title', refersTo: country.name }));
    else if (demonym) found.push(mention(norm, sentence, t.start, end, { kind: 'State', form: 'demonym', refersTo: demonym.name }));
    else if (isPartyWord(word)) found.push(mention(norm, sentence, t.start, end, { kind: 'Party', form: 'title' }));
    else if (knownKind(word) === 'Agency') found.push(mention(norm, sentence, t.start, end, { kind: 'Agency', form: 'title' })); // `Senate` Majority Leader
  }
  return found;
}

/** `LONDON` read as `London`: the tokens' recased words, when tagging recased them. */
function casedName(tokens: Token[], name: string): string | undefined {
  const cased = stripPossessive(tokens.map((t, i) => t.text + (i < tokens.length - 1 ? t.post : '')).join(''));
  return cased !== name && cased.toLowerCase() === name.toLowerCase() ? cased : undefined;
}

export function recognize(norm: NormalizedText, sentences: Sentence[], tokens: Token[][]): Mention[] {
  const known = capitalizedMidSentence(tokens);
  const found: Mention[] = [];
  sentences.forEach((sentence, s) => {
    const sentenceTokens = tokens[s]!;
    const candidates = chunk(sentenceTokens, known);
    const playing = sides(sentenceTokens, candidates);
    for (const candidate of candidates) {
      found.push(...titleMentions(norm, sentence, candidate));
      const name = nameOf(candidate.tokens, norm.text);
      const cased = casedName(candidate.tokens, name);
      const first = candidate.tokens[0]!;
      const named = classify(candidate, cased ?? name, sentenceTokens.slice(0, first.index), sentenceTokens.slice(candidate.tokens.at(-1)!.index + 1));
      const side = playing.get(candidate);
      const classified = named && side ? asSide(named, candidate, side) : named;
      if (!classified || (candidate.qualifier && classified.kind === 'Person' && !classified.guess)) continue;
      // `Budget Commissioner`: one unknown word before a title is its portfolio, not an institution.
      if (candidate.qualifier && classified.guess && candidate.tokens.length === 1 && !isAcronym(candidate.tokens[0]!.text)) continue;
      // An institution that names an office (`Homeland Security` Secretary) is a body, not a person.
      if (candidate.qualifier && classified.kind === 'Person') classified.kind = 'Agency';
      const { kind, form, refersTo, guess } = classified;
      const fields: Omit<Mention, 'start' | 'end' | 'sentence' | 'text' | 'normStart' | 'normEnd'> = { kind, form };
      if (refersTo) fields.refersTo = refersTo;
      else if (cased) fields.refersTo = cased;
      if (guess) fields.guess = true;
      found.push(mention(norm, sentence, first.start, first.start + name.length, fields));
      if (candidate.acronym) {
        const a = candidate.acronym;
        // `MANILA (AP)`: after a place the parenthesis names a source, not the place.
        const sourceTag = kind === 'State' || kind === 'Place';
        const acronymFields: typeof fields = sourceTag ? { kind: 'Organization', form: 'acronym', guess: true } : { kind, form: 'acronym', refersTo: name };
        found.push(mention(norm, sentence, a.start, a.start + stripPossessive(a.text).length, acronymFields));
      }
    }
  });
  return settleDivisionsNamedAsCountries(found);
}

/** Plain NER over a text: every named mention (no pronouns or demonyms), in order. */
export function mentions(text: string): Mention[] {
  const norm = normalize(text);
  const sentences = segment(norm);
  return recognize(norm, sentences, tag(sentences)).filter((m) => m.form !== 'demonym' && m.form !== 'pronoun');
}
