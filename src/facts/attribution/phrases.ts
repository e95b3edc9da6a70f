/**
 * Phrase boundaries an attribution needs: the noun phrase that names who
 * spoke (`Rep. Adam Schiff, the top Democrat on the committee,`, `a source
 * close to the campaign`, `she`) and the frame words between a cue and what
 * was said (`told reporters on Monday that`). Built on compromise's tags and
 * phrase chunks, over token indices of one sentence.
 */
import { isTitleWord, speechCue } from '../../lexicons/index.js';
import { has } from '../../recognize/tokens.js';
import type { Token } from '../../recognize/index.js';
import { located, type SentenceView } from '../discourse.js';

const PERSONAL = /^(he|she|they|we|i|you|it)$/i;

/** A span of tokens `[from, to)` of one sentence. */
export interface TokenRange {
  from: number;
  to: number;
}

/** A phrase naming who spoke: all of it, and its head phrase (the name or description before any appositive). */
export interface SourcePhrase extends TokenRange {
  head: TokenRange;
  /** Named through a relative pronoun: `X, who said …` (the phrase is X; this is the `who`). */
  relative?: TokenRange;
}

/** Punctuation between two tokens that closes a phrase: commas, colons, quotation marks, brackets, dashes. */
const BREAK = /[,;:“”"«»()\[\]—–]/;

/** What stands between token `i` and the next one. */
export function joint(tokens: Token[], i: number): string {
  return (tokens[i]?.post ?? '') + (tokens[i + 1]?.pre ?? '');
}

/** Whether tokens `i` and `i + 1` belong to one phrase as far as punctuation goes. */
export function glued(tokens: Token[], i: number): boolean {
  return !BREAK.test(joint(tokens, i));
}

/** Words that open a clause: a phrase before them is not joined to one after them. */
const CLAUSE_OPENER = /^(and|but|or|so|that|because|as|while|when|whereas|although|though|if|after|before|since|until|unless|yet|then|where|which|who|whom|whose)$/i;
/** Prepositions that may join a phrase's parts: `a spokesman for the campaign`, `a source close to the family`. */
const LINKING = /^(of|for|at|to|with|from|in|on|inside|within|near)$/i;

/**
 * Whether token `k` joins two parts of one phrase. `to` does so only from a
 * common noun to a name or determiner (`advisers to Mr. Obama`, `a source
 * close to the campaign`), not after a name (`urged Lula to veto`).
 */
function links(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !LINKING.test(t.text)) return false;
  if (!/^to$/i.test(t.text)) return true;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  if (/^(close|next)$/i.test(before?.text ?? '')) return true;
  return has(before, 'Noun') && !has(before, 'ProperNoun', 'Pronoun') && has(after, 'Determiner', 'ProperNoun', 'Honorific', 'Possessive');
}

/** Whether a token can be a word of a naming phrase (nouns, names, titles and their modifiers). */
export function isPhraseWord(view: SentenceView, t: Token | undefined): boolean {
  if (!t || CLAUSE_OPENER.test(t.text)) return false;
  if (located(view, t) || isTitleWord(t.text)) return true;
  // A capitalised word is a name, whatever compromise guessed (`Patch, a former director, said`), but for `I`.
  if (/^\p{Lu}\p{Ll}/u.test(t.text) && !has(t, 'Pronoun', 'Determiner', 'Conjunction', 'Preposition') && !CLAUSE_OPENER.test(t.text)) return true;
  if (has(t, 'Preposition', 'Conjunction') || (has(t, 'Verb') && !has(t, 'Noun', 'Adjective', 'Participle'))) return false;
  return t.chunk === 'Noun' || has(t, 'Noun', 'ProperNoun', 'Pronoun', 'Determiner', 'Adjective', 'Value', 'Possessive', 'Acronym', 'Honorific', 'Abbreviation');
}

const MAX_PHRASE = 14;

/**
 * A word tagged as a verb inside a phrase, qualifying the noun after it: a
 * participle (`registered voters`, `leading candidates`), or a plural noun
 * after an adjective or opening the sentence (`civil rights activists`,
 * `Arms dealers`), which compromise reads as a present-tense verb.
 */
function isAttributive(view: SentenceView, tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1];
  if (!has(t, 'Verb') || !has(next, 'Noun') || has(next, 'Pronoun')) return false;
  if (/(ed|ing)$/i.test(t.text)) return isPhraseWord(view, tokens[k - 1]) && !has(tokens[k - 1], 'Pronoun');
  return /[^s']s$/i.test(t.text) && has(t, 'PresentTense') && !speechCue(t.text) && (k === 0 || (has(tokens[k - 1], 'Adjective') && !has(tokens[k - 1], 'Determiner', 'Pronoun')));
}

/** The first token of the naming phrase that ends at token `last`, or -1 when `last` ends none. */
export function phraseEndingAt(view: SentenceView, last: number): number {
  const { tokens } = view;
  // (`Thursday's meeting says`: an -ing word after a possessive or article is a noun.)
  const nounIng = /ing$/i.test(tokens[last]?.text ?? '') && has(tokens[last - 1], 'Possessive', 'Determiner', 'Date', 'Adjective');
  if (!isPhraseWord(view, tokens[last]) && !nounIng) return -1;
  // A personal pronoun is a phrase by itself (`anything he posts`: `he`).
  if (PERSONAL.test(tokens[last]!.text)) return last;
  let first = last;
  for (let k = last - 1; k >= 0 && last - k < MAX_PHRASE; k--) {
    if (!glued(tokens, k)) break;
    const t = tokens[k]!;
    if (isPhraseWord(view, t) || isAttributive(view, tokens, k)) {
      // `a concession the party demanded`: a determiner after a noun opens a second phrase.
      if (first === k + 1 && has(tokens[first], 'Determiner') && !has(t, 'Determiner', 'Adjective', 'Value')) break;
      first = k;
      continue;
    }
    // `a source close to the campaign`: a preposition joins two phrase parts.
    if (links(tokens, k) && isPhraseWord(view, tokens[k - 1]) && glued(tokens, k - 1)) continue;
    // `farmers from Nueva Ecija and Isabela`: names joined by `and` inside a phrase (not two subjects: the phrase goes on before them).
    const before = k > 0 ? located(view, tokens[k - 1]!) : undefined;
    const opener = before && tokens.findIndex((x) => x.start >= before.mention.normStart) - 1;
    if (/^and$/i.test(t.text) && located(view, tokens[k + 1]!) && before && opener !== undefined && links(tokens, opener)) continue;
    break;
  }
  // A preposition never opens the phrase.
  while (first < last && LINKING.test(tokens[first]!.text)) first++;
  return first;
}

/** The index just past the naming phrase that starts at token `first` (== `first` when none starts there). */
export function phraseStartingAt(view: SentenceView, first: number): number {
  const { tokens } = view;
  let end = first;
  for (let k = first; k < tokens.length && k - first < MAX_PHRASE; k++) {
    const t = tokens[k]!;
    // `told The Associated Press he would`, `assuring voters he’s tough`: a pronoun or determiner after a noun opens the next phrase.
    if (k > first && (has(t, 'Determiner') || PERSONAL.test(t.text) || /^(he|she|they|we|i|it|you)['’]/i.test(t.text)) && has(tokens[k - 1], 'Noun') && !has(tokens[k - 1], 'Determiner')) break;
    // (`a follow-up interview`: words joined by a hyphen are one word, whatever their tags.)
    const hyphened = (k > first && /^-$/.test(joint(tokens, k - 1))) || /^-$/.test(joint(tokens, k));
    // (`say restructuring experts`, `said elected officials`: a participle before the noun it qualifies.)
    const qualifies = /(ed|ing)$/i.test(t.text) && has(t, 'Verb') && has(tokens[k + 1], 'Noun') && !has(tokens[k + 1], 'Pronoun') && glued(tokens, k);
    if (isPhraseWord(view, t) || hyphened || qualifies) end = k + 1;
    else if (!(k > first && links(tokens, k) && isPhraseWord(view, tokens[k + 1]))) break;
    if (!glued(tokens, k)) break;
  }
  return end;
}

/** Whether a phrase can begin at token `i`: the sentence starts there, or punctuation or a clause opener stands before it. */
export function opensPhrase(view: SentenceView, i: number): boolean {
  // A nominative pronoun is a subject after a time word too (`A few minutes later they said …`), not after
  // a noun it qualifies (`anything he posts`: a relative clause).
  const before = view.tokens[i - 1];
  if (/^(he|she|they|we|i)$/i.test(view.tokens[i]?.text ?? '') && (!(has(before, 'Noun', 'Pronoun', 'Determiner') && !has(before, 'Date', 'Adverb')) || afterOpeningFrame(view, i))) return true;
  // (`Nearly eight of 10 voters`, `Only Trump`, `More than six in 10`, `About 9 percent`: adverbs and measures before the phrase.)
  const measures = has(view.tokens[i], 'Value');
  while (i > 0 && glued(view.tokens, i - 1) && ((has(view.tokens[i - 1], 'Adverb') && !has(view.tokens[i - 1], 'Noun')) || (measures && /^(about|nearly|almost|roughly|some|over|under|around|more|less|fewer|than|just|only|at|least|most)$/i.test(view.tokens[i - 1]!.text)) || /^(even|only|also)$/i.test(view.tokens[i - 1]!.text))) i--;
  if (i === 0) return true;
  return !glued(view.tokens, i - 1) || CLAUSE_OPENER.test(view.tokens[i - 1]!.text);
}

/** `In a later interview he …`, `At the rally she …`: a phrase opening the clause with a preposition ends before token `i`. */
function afterOpeningFrame(view: SentenceView, i: number): boolean {
  const { tokens } = view;
  let k = i - 1;
  while (k >= 0 && glued(tokens, k) && (isPhraseWord(view, tokens[k]) || has(tokens[k], 'Adjective'))) k--;
  if (k < 0 || !has(tokens[k], 'Preposition') || !glued(tokens, k)) return false;
  return k === 0 || !glued(tokens, k - 1) || CLAUSE_OPENER.test(tokens[k - 1]!.text);
}

/** Words that may stand between a subject and its verb: `has long insisted`, `also said`, `on Monday told`. */
function betweenSubjectAndVerb(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (has(t, 'Auxiliary', 'Modal', 'Negative') || (has(t, 'Adverb') && !has(t, 'Noun'))) return true;
  if (/^(has|have|had|is|are|was|were|will|would|could|should|can|may|might|must|did|does|do|been)$/i.test(t.text)) return true;
  // (`has since said`, `has repeatedly pledged`, `had long argued`: whatever compromise tagged them.)
  if (/^(since|already|long|twice|once|ever|never|just|still|recently|previously|repeatedly|also|even|then|later|now)$/i.test(t.text) && has(tokens[k - 1], 'Auxiliary', 'Verb', 'Noun', 'Pronoun')) return true;
  // `X on Monday said`, `X Monday said` (but not `… in November say`: a date after a preposition ends the subject;
  // nor `,” Jun wrote`: a capitalised word after a quotation or at the start is a name).
  if (has(t, 'Date') && !has(t, 'Value')) return !/^(in|of|since|until|by|for|from|during|through)$/i.test(tokens[k - 1]?.text ?? '') && k > 0 && glued(tokens, k - 1);
  return /^(on|last|this|earlier|late|early)$/i.test(t.text) && has(tokens[k + 1], 'Date');
}

/**
 * The first conjunct of a list of names ending with the phrase that starts
 * at token `last` (`X, Y and Z`, `X and his rivals`), when the list opens
 * its clause; its own phrase range.
 */
function coordination(view: SentenceView, last: number): TokenRange | undefined {
  const { tokens } = view;
  if (!/^and$/i.test(tokens[last - 1]?.text ?? '') || !glued(tokens, last - 1) || !glued(tokens, last - 2)) return undefined;
  let head: TokenRange | undefined;
  let k = last - 2;
  for (let n = 0; n < 6 && k >= 0; n++) {
    const from = phraseEndingAt(view, k);
    if (from < 0 || !/^\p{Lu}/u.test(tokens[from]!.text) || !tokens.slice(from, k + 1).some((t) => located(view, t)?.entity.kind === 'Person')) return undefined;
    head = { from, to: k + 1 };
    // `X, Y and Z`: a comma before this name continues the list only when a name ends before it too.
    if (from > 0 && /^,\s*$/.test(joint(tokens, from - 1)) && located(view, tokens[from - 1]!)?.entity.kind === 'Person') {
      k = from - 1;
      continue;
    }
    break;
  }
  return head && opensPhrase(view, head.from) ? head : undefined;
}

/** Whether the phrase ending at token `k` is a subject by itself (it opens its clause). */
function phraseOpensAt(view: SentenceView, k: number): boolean {
  const first = phraseEndingAt(view, k);
  return first >= 0 && opensPhrase(view, first) && !/,/.test(joint(view.tokens, first - 1));
}

/**
 * A person's name before a chain of comma-set asides ending at token `k`
 * (an age, an appositive, a place: `X, 67, a retired clerk in Allentown,
 * Pa.,`): the name is the subject.
 */
function nameBeforeAsides(view: SentenceView, k: number): SourcePhrase | undefined {
  const { tokens } = view;
  let end = k;
  for (let segments = 0; segments < 5; segments++) {
    let open = -1;
    for (let j = end - 1; j >= 0 && end - j <= 25; j--) {
      if (/[“”"]/.test(joint(tokens, j))) return undefined;
      if (/[,—–]/.test(joint(tokens, j))) {
        open = j;
        break;
      }
    }
    if (open < 0 || !isAside(view, open + 1, end + 1)) return undefined;
    const name = located(view, tokens[open]!);
    if (name?.entity.kind === 'Person' && name.mention.form !== 'pronoun') {
      let from = tokens.findIndex((t) => t.start >= name.mention.normStart);
      while (from > 0 && glued(tokens, from - 1) && (isTitleWord(tokens[from - 1]!.text) || has(tokens[from - 1], 'Honorific'))) from--;
      if (opensPhrase(view, from)) return { from, to: k + 1, head: { from, to: open + 1 } };
    }
    end = open;
  }
  return undefined;
}

/** Whether the quotation closing after token `k` sits in an aside opened by a comma and `who`/`which`. */
function asideWithQuote(view: SentenceView, k: number): boolean {
  const { tokens } = view;
  let open = k;
  while (open > 0 && !/[“"]/.test(tokens[open]!.pre + joint(tokens, open - 1))) open--;
  for (let j = open - 1; j >= 0 && open - j < 15; j--) {
    if (/,/.test(joint(tokens, j))) return /^(who|which|whose)$/i.test(tokens[j + 1]?.text ?? '');
  }
  return false;
}

/** Whether tokens `from..to` read as an appositive or a relative clause: `the party's leader`, `who chaired the hearing`, `45`. */
export function isAside(view: SentenceView, from: number, to: number): boolean {
  const first = view.tokens[from];
  if (!first || to - from > 30) return false;
  // An appositive has no verb of its own: `ranking member of the committee`, `citing data from …`.
  if (!view.tokens.slice(from, to).some((t) => has(t, 'Verb') && !has(t, 'Gerund', 'PastParticiple', 'Noun', 'Adjective') && !/^\p{Lu}/u.test(t.text)) && !CLAUSE_OPENER.test(first.text)) return true;
  // `Gates, in contrast, told …`, `X, in the wake of a poll …, said`: a frame set off by commas.
  if (has(first, 'Preposition') && !/^(of|to)$/i.test(first.text)) return true;
  return (
    /^(who|whose|which|whom|also|now|then|a|an|the|one|another|himself|herself|both|once|formerly|former|herself|of|including|like|speaking|writing|asked|appearing|responding|interviewed|campaigning)$/i.test(first.text) ||
    has(first, 'Determiner', 'Possessive', 'Value', 'PastParticiple', 'Gerund') ||
    (has(first, 'Adverb') && /ly$/i.test(first.text)) ||
    isTitleWord(first.text) ||
    !!located(view, first)
  );
}

/**
 * The phrase naming the subject of the verb at token `v`, when one stands
 * before it: `X said`, `X, the party's leader, said`, `X (R-Wis.) said`,
 * `X on Monday said`. Undefined when the verb has no such subject
 * (`everything he said` still has one: `he`).
 */
export function subjectBefore(view: SentenceView, v: number): SourcePhrase | undefined {
  const { tokens } = view;
  let k = v - 1;
  while (k >= 0 && glued(tokens, k) && betweenSubjectAndVerb(tokens, k)) k--;
  // (A subject never ends in quotation marks, `“…,” said X` has none before its verb; but an aside may:
  // `Humphrey, who calls Trump a “sociopath,” said …`.)
  if (k < 0 || (/[“”"]/.test(joint(tokens, k)) && !asideWithQuote(view, k))) return undefined;
  let asideEnd = k + 1;
  let asideStart = -1;
  const verbAside = /[,—–]/.test(joint(tokens, k));
  // `X (R-Wis.) said`: a bracketed aside.
  if (/\)/.test(joint(tokens, k))) {
    let open = k;
    while (open > 0 && !/\(/.test(joint(tokens, open - 1))) open--;
    if (open === 0 || k - open > 6) return undefined;
    k = open - 1;
  }
  // `X, the party's leader, said` / `X, who chaired the hearing, said`: an appositive or relative clause (or both).
  // (A second aside only before a relative clause: `X, the regulator's member, who chaired it, said`.)
  for (let asides = 0; asides < 2 && /[,—–]/.test(joint(tokens, k)) && (asides === 0 || /^(who|whose|which)$/i.test(tokens[asideStart]?.text ?? '')); asides++) {
    let open = -1;
    for (let j = k - 1; j >= 0 && k - j <= 30; j--) {
      if (/[,—–]/.test(joint(tokens, j))) {
        open = j;
        break;
      }
    }
    if (open < 0 || !isAside(view, open + 1, k + 1)) {
      // (The second aside is optional: `X, who chaired it, said` has one.)
      if (asides > 0) break;
      return undefined;
    }
    asideEnd = Math.max(asideEnd, k + 1);
    asideStart = open + 1;
    // `Its chief executive, Warwick Breen, said`: the name set off after a title is who it is.
    // (`Its leader, Councillor Martin Oakes, said`: titles may stand before the name.)
    // (`A third negotiator, the mediator Colin Fraser, said`: a description may stand before the name too, not a
    // preposition: `X, a friend of Colin Fraser, said` is X.)
    let first = open + 1;
    const describes = (t: Token) => isTitleWord(t.text) || has(t, 'Honorific') || (!has(t, 'Verb', 'Preposition', 'Pronoun', 'Conjunction') && !LINKING.test(t.text) && !/^\p{Lu}/u.test(t.text));
    while (first < k && describes(tokens[first]!) && !located(view, tokens[first]!)) first++;
    const name = located(view, tokens[first]!);
    if (name?.entity.kind === 'Person' && name.mention.normStart <= tokens[first]!.start && name.mention.normEnd >= tokens[k]!.end - 1) {
      const titleFirst = phraseEndingAt(view, open);
      if (titleFirst >= 0 && (opensPhrase(view, titleFirst) || /^with$/i.test(tokens[titleFirst - 1]?.text ?? ''))) return { from: titleFirst, to: k + 1, head: { from: first, to: k + 1 } };
    }
    k = open;
    if (/\)/.test(joint(tokens, k))) {
      let o = k;
      while (o > 0 && !/\(/.test(joint(tokens, o - 1))) o--;
      k = o - 1;
    }
  }
  // `Cecelia Purner, 67, a retired clerk in Allentown, Pa., said`: a name, then several asides.
  const chained = verbAside ? nameBeforeAsides(view, asideEnd - 1) : undefined;
  if (chained && chained.from < k && !phraseOpensAt(view, k)) return chained;
  // `those who said they cared most …`, `voters who say …`: a restrictive relative clause's `who`.
  if (/^who$/i.test(tokens[k]!.text) && k > 0 && glued(tokens, k - 1) && has(tokens[k - 1], 'Noun', 'Pronoun') && !PERSONAL.test(tokens[k - 1]!.text)) {
    const antecedent = phraseEndingAt(view, k - 1);
    if (antecedent >= 0) return { from: antecedent, to: k, head: { from: antecedent, to: k }, relative: { from: k, to: k + 1 } };
  }
  // `X, who said …`: the relative pronoun stands for the phrase before its comma.
  if (/^(who|that)$/i.test(tokens[k]!.text) && k > 0 && /,/.test(joint(tokens, k - 1))) {
    let antecedent = phraseEndingAt(view, k - 1);
    let end = k;
    // `from Sen. Liza Marcelo-Uy, an independent, who said`: past an appositive to the name it describes.
    if (antecedent > 0 && /,/.test(joint(tokens, antecedent - 1)) && isAside(view, antecedent, k)) {
      const named = phraseEndingAt(view, antecedent - 1);
      if (named >= 0 && tokens.slice(named, antecedent).some((t) => located(view, t)?.entity.kind === 'Person')) {
        end = antecedent;
        antecedent = named;
      }
    }
    return antecedent >= 0 ? { from: antecedent, to: k, head: { from: antecedent, to: end }, relative: { from: k, to: k + 1 } } : undefined;
  }
  let first = phraseEndingAt(view, k);
  // `Democrats trying to regain the Senate in November say`, `Organizers of the push to boycott X said`:
  // a subject with a participle, infinitive or relative clause after its noun runs from where its clause begins.
  if (first < 0 || !opensPhrase(view, first)) {
    const long = clauseSubject(view, k);
    if (long) return { ...long, to: Math.max(asideEnd, k + 1) };
  }
  // `A news report published Wednesday said`: a participle after the subject's noun.
  if (first < 0 && has(tokens[k], 'PastTense', 'PastParticiple') && k > 0 && glued(tokens, k - 1) && has(tokens[k - 1], 'Noun') && !has(tokens[k - 1], 'Pronoun', 'ProperNoun')) {
    const noun = phraseEndingAt(view, k - 1);
    if (noun >= 0 && opensPhrase(view, noun)) return { from: noun, to: Math.max(asideEnd, k + 1), head: { from: noun, to: k } };
  }
  // `Donald Trump, Mike Huckabee and Chris Christie said`, `Bush and his rivals say`: the first of those named speaks for them.
  const conjoined = first > 0 ? coordination(view, first) : undefined;
  if (conjoined !== undefined) return { from: conjoined.from, to: Math.max(asideEnd, k + 1), head: conjoined };
  if (first < 0 || !opensPhrase(view, first)) {
    // `In a meeting with the editorial board of the Washington Post Trump said`: a person's name stands as the subject by itself.
    const name = located(view, tokens[k]!);
    if (name?.entity.kind !== 'Person' || name.mention.form === 'pronoun') return undefined;
    const from = tokens.findIndex((t) => t.start >= name.mention.normStart);
    return { from, to: Math.max(asideEnd, k + 1), head: { from, to: k + 1 } };
  }
  return { from: first, to: Math.max(asideEnd, k + 1), head: { from: first, to: k + 1 } };
}

/**
 * A subject that is a whole stretch from the start of its clause to token
 * `last`: a noun phrase first, then only non-finite verbs, or finite ones
 * inside a `who`/`that` clause.
 */
function clauseSubject(view: SentenceView, last: number): SourcePhrase | undefined {
  const { tokens } = view;
  let start = last;
  while (start > 0 && glued(tokens, start - 1) && !/^(and|but|or|so|because|as|while|when|although|though|if|after|before|since|whereas)$/i.test(tokens[start - 1]!.text)) start--;
  if (last - start > 20 || !isPhraseWord(view, tokens[start]) || CLAUSE_OPENER.test(tokens[start]!.text)) return undefined;
  const head = phraseStartingAt(view, start);
  if (head === start || head > last + 1) return undefined;
  let relative = false;
  for (let k = head; k <= last; k++) {
    const t = tokens[k]!;
    // `anything he posts`: a pronoun after a noun opens a clause of its own; the stretch is no subject.
    if (/^(he|she|they|we|i|it|you)$/i.test(t.text) && has(tokens[k - 1], 'Noun', 'Pronoun')) return undefined;
    if (/^(who|that|which)$/i.test(t.text)) relative = true;
    const finite = has(t, 'Verb') && !has(t, 'Gerund', 'Infinitive', 'PastParticiple', 'Noun') && !/^\p{Lu}/u.test(t.text) && !/^to$/i.test(tokens[k - 1]?.text ?? '');
    if (finite && !relative) return undefined;
  }
  return { from: start, to: last + 1, head: { from: start, to: head } };
}

/**
 * The phrase naming who spoke after an inverted cue: `…,” said X`,
 * `…, said the party's leader, X,`, `…, says Y, a pollster.`
 */
export function subjectAfter(view: SentenceView, from: number): SourcePhrase | undefined {
  const { tokens } = view;
  const end = phraseStartingAt(view, from);
  if (end === from) return undefined;
  let head: TokenRange = { from, to: end };
  let to = end;
  // `said one owner of a shop that sells shoes, …`, `wrote a supporter who runs the account`: a relative clause describing who spoke.
  if (/^(who|that)$/i.test(tokens[end]?.text ?? '') && glued(tokens, end - 1)) {
    let close = end;
    while (close < tokens.length - 1 && glued(tokens, close)) close++;
    return { from, to: close + 1, head };
  }
  // `said the party's leader, Ana Ruiz,`: a description, then the name as its appositive (not `said Yevgeny
  // Kopachko, a pollster`: a name first is the name, known or not).
  if (/,/.test(joint(tokens, end - 1)) && !located(view, tokens[end - 1]!) && !/^\p{Lu}/u.test(tokens[end - 1]!.text)) {
    const nameEnd = phraseStartingAt(view, end);
    // (An appositive ends with a comma or the sentence: `According to a poll, Trump garnered …` names no one.)
    const closes = nameEnd >= tokens.length || /[,.;]/.test(joint(tokens, nameEnd - 1));
    if (nameEnd > end && closes && tokens.slice(end, nameEnd).some((t) => located(view, t)?.entity.kind === 'Person')) {
      head = { from: end, to: nameEnd };
      to = nameEnd;
    }
  }
  return { from, to, head };
}

/** Adverbs and time words that may follow a cue before its frame or clause: `said Monday`, `told reporters later`. */
function isAdjunctWord(t: Token | undefined): boolean {
  // (Manner adverbs only: `more`, `such`, `nearly` open what was said, `more than 200 lawmakers …`.)
  return !!t && ((has(t, 'Adverb') && !has(t, 'Noun') && /ly$/i.test(t.text) && !/^(only|nearly|early|likely)$/i.test(t.text)) || (has(t, 'Date') && !has(t, 'Value') && !/['’]s$/.test(t.text)) || /^(also|again|today|yesterday|tonight|earlier|later|then|once|twice|soon|afterward|afterwards|previously|instead)$/i.test(t.text));
}

/** Prepositions that open a frame after a cue: `said in a statement`, `told reporters at a rally in Iowa`. */
const FRAME_PREPOSITION = /^(in|on|at|during|after|before|to|via|from|outside|over|through|with|by|while|of|about|following|ahead|amid)$/i;

/** `about 1,200`, `about half`: a number or a fraction after `about`, `over`, `nearly` makes a measure. */
export function isMeasure(t: Token | undefined): boolean {
  return has(t, 'Value') || /^(half|two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|hundreds|thousands|third|quarter)$/i.test(t?.text ?? '');
}

function isVerbNext(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return has(t, 'Verb') && !has(t, 'Noun');
}

export interface Frame {
  /** The first token of what was said (== tokens.length when nothing follows). */
  content: number;
  /** A `that` or a colon introduced it. */
  introduced: boolean;
}

/**
 * Where what was said begins after a cue ending at token `from` (exclusive):
 * past adverbs and times, up to three prepositional frames (`in a statement`,
 * `on Twitter`, `at a rally in Iowa`), the person told (`told reporters`,
 * for `listener` cues), and a `that` or a colon.
 */
export function frameAfter(view: SentenceView, from: number, listener: boolean | 'always'): Frame {
  const { tokens } = view;
  let k = from;
  const colon = (i: number) => /[:]/.test(joint(tokens, i));
  if (k > 0 && colon(k - 1)) return { content: k, introduced: true };
  if (listener && k < tokens.length && glued(tokens, k - 1) && isPhraseWord(view, tokens[k]) && !/^that$/i.test(tokens[k]!.text)) {
    const end = phraseStartingAt(view, k);
    // `told The Associated Press he would`, `told ABC radio.`: the person told, not the start of what was said
    // (`warned the laws would push …`: a phrase before a verb is the report's subject).
    if (end > k && (listener === 'always' || !(has(tokens[end], 'Verb') && !has(tokens[end], 'Noun', 'Gerund', 'Infinitive')))) {
      k = end;
      // `urged Lula to veto …`: after the person addressed, `to` opens what was asked.
      if (/^to$/i.test(tokens[k]?.text ?? '')) return { content: k, introduced: false };
    }
  }
  for (let frames = 0; k < tokens.length && frames < 4; ) {
    const t = tokens[k]!;
    // (`after a caucus that lasted four hours`: a `that` before its verb opens a relative clause, not what was said.)
    if (/^that$/i.test(t.text) && k > 0 && glued(tokens, k - 1)) return frames > 0 && isVerbNext(tokens, k + 1) ? { content: k, introduced: false } : { content: k + 1, introduced: true };
    // `said last week that …`, `told reporters this morning`: a time of two words.
    if (/^(last|this|next|earlier|late|early)$/i.test(t.text) && has(tokens[k + 1], 'Date', 'Duration') && glued(tokens, k - 1)) {
      k += 2;
      continue;
    }
    if (isAdjunctWord(t) && glued(tokens, k - 1)) {
      k++;
      if (colon(k - 1)) return { content: k, introduced: true };
      continue;
    }
    // (`urged Lula to veto …`: `to` before a verb is what was asked, not a frame.)
    // (`said about 1,200 tractors …`: a preposition before a number measures what was said.)
    if (FRAME_PREPOSITION.test(t.text) && glued(tokens, k - 1) && !(/^to$/i.test(t.text) && has(tokens[k + 1], 'Verb', 'Infinitive')) && !isMeasure(tokens[k + 1])) {
      const end = phraseStartingAt(view, k + 1);
      if (end === k + 1) break;
      // `said in Iowa the deal…`: only a frame when what follows opens something new (that, a comma, the end, a pronoun or name subject).
      k = end;
      frames++;
      if (colon(k - 1)) return { content: k, introduced: true };
      continue;
    }
    break;
  }
  if (k > from && k < tokens.length && /^that$/i.test(tokens[k]!.text)) return { content: k + 1, introduced: true };
  return { content: k, introduced: k > 0 && colon(k - 1) };
}
