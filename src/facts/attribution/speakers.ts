/**
 * Who a source phrase names. In order: a name (the entity whose mention ends
 * the phrase's head: `Rep. Adam Schiff`, `The New York Post`); a he/she
 * (resolved by the discourse focus); a definite description the article
 * fixes (`the minister` → the one person it titled minister, `the company`
 * → the firm it last named); otherwise the description itself, kept as the
 * speaker's words (`a source close to the campaign`, `officials`, `they`),
 * never guessed.
 */
import type { Entity, EntityKind } from '../../types.js';
import { isTitleHead, lexKey } from '../../lexicons/index.js';
import { has } from '../../recognize/tokens.js';
import { attributedQuote, located, namedIn, resolvePronoun, type Discourse, type SentenceView } from '../discourse.js';
import type { SourcePhrase, TokenRange } from './phrases.js';

export interface Speaker {
  /** The entity spoken of, when the article fixes it. */
  entity?: Entity;
  /** Normalized span of the words that name the speaker here. */
  start: number;
  end: number;
  text: string;
}

/** A person the article gives a title, and where: what `the minister` may point back to. */
export interface Titled {
  entity: Entity;
  /** The title's words in lower case (`finance minister`). */
  title: string;
  sentence: number;
}

const CAN_SPEAK = new Set<EntityKind>(['Person', 'Agency', 'Organization', 'Party', 'State']);

/** `the company`, `the party`: kind nouns a definite description may use for the last entity of that kind. */
const KIND_NOUNS: Record<string, EntityKind> = {
  company: 'Organization',
  firm: 'Organization',
  group: 'Organization',
  organization: 'Organization',
  organisation: 'Organization',
  network: 'Organization',
  newspaper: 'Organization',
  paper: 'Organization',
  union: 'Organization',
  party: 'Party',
  agency: 'Agency',
  department: 'Agency',
  ministry: 'Agency',
  commission: 'Agency',
  committee: 'Agency',
  court: 'Agency',
  government: 'Agency',
  administration: 'Agency',
  bureau: 'Agency',
  office: 'Agency',
};

/** Where a phrase's head ends: before the first preposition (`a spokesman for the campaign` → `a spokesman`). */
function headOf(view: SentenceView, range: TokenRange): TokenRange {
  for (let k = range.from + 1; k < range.to; k++) {
    if (/^(of|for|at|with|from|to|in|on|close|near)$/i.test(view.tokens[k]!.text) && !located(view, view.tokens[k]!)) return { from: range.from, to: k };
  }
  return range;
}

function textOf(discourse: Discourse, view: SentenceView, range: TokenRange): Speaker {
  const start = view.tokens[range.from]!.start;
  const end = view.tokens[range.to - 1]!.end;
  return { start, end, text: discourse.norm.text.slice(start, end) };
}

/** The entity a definite description points back to, when the article fixes one. */
function described(discourse: Discourse, view: SentenceView, head: TokenRange, titled: Titled[]): Entity | undefined {
  const words = view.tokens.slice(head.from, head.to);
  const first = words[0]!;
  if (!/^(the|this|that)$/i.test(first.text)) return undefined;
  const noun = lexKey(words[words.length - 1]!.text);
  const modifiers = words.slice(1, -1).map((t) => lexKey(t.text));
  // Rule "no self-naming" (see resolvePronoun): of the entities the description may mean, one the quote it
  // attributes names yields to one it does not (`“Vote for Senator Ruiz,” the senator said` is another senator).
  const quote = attributedQuote(discourse, view, first.start, words[words.length - 1]!.end);
  const unnamed = (e: Entity) => !namedIn(discourse, e, quote);
  if (isTitleHead(noun)) {
    // The people titled so before this sentence; the description's own words must all be in the title (`the finance minister`).
    const fits = titled.filter((t) => t.sentence <= view.sentence.index && t.title.split(/[\s-]+/).includes(noun) && modifiers.every((m) => t.title.includes(m) || !/^\p{L}+$/u.test(m)));
    const people = [...new Set(fits.map((t) => t.entity))];
    if (people.length === 1) return people[0];
    // Several: the one titled so most recently.
    const latest = fits.sort((a, b) => b.sentence - a.sentence);
    return (latest.find((t) => unnamed(t.entity)) ?? latest[0])?.entity;
  }
  const kind = KIND_NOUNS[noun];
  if (!kind) return undefined;
  // `the GMB union`, `the Labour party`: a name of that kind qualifying the noun is the one meant.
  const qualifier = view.located.find((l) => l.mention.normStart >= first.start && l.mention.normEnd <= words[words.length - 1]!.start && l.entity.kind === kind);
  if (qualifier) return qualifier.entity;
  if (modifiers.length > 1) return undefined;
  // The last entity of that kind named before, in this sentence or the three before it (one the quote names, last).
  const named: Entity[] = [];
  for (let s = view.sentence.index; s >= 0 && s >= view.sentence.index - 3; s--) {
    const v = discourse.views[s]!;
    named.push(...[...v.located].reverse().filter((l) => l.entity.kind === kind && l.mention.form !== 'demonym' && (s < view.sentence.index || l.mention.normEnd <= first.start) && (kind !== 'Agency' || noun === 'government' || lexKey(l.entity.name).includes(noun))).map((l) => l.entity));
  }
  return named.find(unnamed) ?? named[0];
}

/** Who the phrase names, with the words that name them. */
export function speakerOf(discourse: Discourse, view: SentenceView, phrase: SourcePhrase, titled: Titled[]): Speaker {
  const found = phraseSpeaker(discourse, view, phrase, titled);
  // `X, who said …`: the words that attribute the quote are the `who`; who it is, X.
  return phrase.relative ? { ...found, ...textOf(discourse, view, phrase.relative) } : found;
}

function phraseSpeaker(discourse: Discourse, view: SentenceView, phrase: SourcePhrase, titled: Titled[]): Speaker {
  const head = headOf(view, phrase.head);
  const last = view.tokens[head.to - 1]!;
  // A name ends the head: `Texas Sen. Ted Cruz`, `The New York Post`, `NCFU general secretary Akosua Tetteh`.
  const named = [...view.located]
    .reverse()
    .find((l) => l.mention.form !== 'demonym' && l.mention.normStart >= view.tokens[head.from]!.start && l.mention.normStart <= last.start && l.mention.normEnd >= last.end - 1);
  if (named && CAN_SPEAK.has(named.entity.kind) && named.mention.form !== 'pronoun') {
    return { entity: named.entity, start: named.mention.normStart, end: named.mention.normEnd, text: named.mention.text };
  }
  if (head.to - head.from === 1 && /^(he|she)$/i.test(last.text)) {
    const entity = resolvePronoun(discourse, view, last.start);
    return { ...(entity ? { entity } : {}), start: last.start, end: last.end, text: last.text };
  }
  const entity = has(last, 'Pronoun') ? undefined : described(discourse, view, head, titled);
  const words = textOf(discourse, view, phrase.head);
  return entity ? { entity, ...textOf(discourse, view, head) } : words;
}
