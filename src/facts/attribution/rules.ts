/**
 * The attribution rules: for one cue, where the source and what was said
 * lie. Each rule is one way news copy attributes words, named, with an
 * example, tried in order; the first that reads the cue wins.
 *
 *   passive-agent         The plan was first reported by X.   /   …, as reported by X.   /   It was announced by X that …
 *   according-to          According to X, …   /   …, according to X.
 *   participle            …, saying (that) …   (the main clause's subject speaks)
 *   coordinated           X said … and warned …   (the first cue's subject speaks)
 *   content-then-cue      “…,” X said.   /   …, X told reporters.   /   The plan, he said, would fail.
 *   inverted              “…,” said X.   /   …, says X, a pollster.
 *   quote-then-sentence   “…?”  X asked.   (the attribution opens the next sentence)
 *   gapped                what she said is growing demand   (a relative clause's gap is the report's subject)
 *   cue-then-content      X said (that) …   /   X told Y …   /   X said: “…”   /   X called Y “…”
 */
import { located, type Discourse, type SentenceView } from '../discourse.js';
import { isTitleWord } from '../../lexicons/index.js';
import { adverbial, withSubject, type Cue } from './cues.js';
import type { QuoteSpan } from './marks.js';
import { frameAfter, glued, isAside, isMeasure, joint, opensPhrase, phraseEndingAt, subjectAfter, subjectBefore, type SourcePhrase } from './phrases.js';
import { has } from '../../recognize/tokens.js';
import type { Token } from '../../recognize/index.js';

/** A half-open range of the normalized text. */
export interface Range {
  start: number;
  end: number;
}

export type RuleName = 'passive-agent' | 'according-to' | 'participle' | 'coordinated' | 'inverted' | 'content-then-cue' | 'quote-then-sentence' | 'gapped' | 'cue-then-content';

export interface Candidate {
  rule: RuleName;
  view: SentenceView;
  cue: Cue;
  /** The phrase naming who spoke, in the cue's sentence. */
  source: SourcePhrase;
  /** What was said, in order (more than one range when the attribution interrupts it). */
  content: Range[];
}

export interface RuleContext {
  discourse: Discourse;
  spans: QuoteSpan[];
  /** Earlier candidates of this sentence (a participle's subject is the main clause's). */
  before: Candidate[];
  cues: Cue[];
}

interface Rule {
  name: RuleName;
  find: (ctx: RuleContext, view: SentenceView, cue: Cue) => Omit<Candidate, 'rule' | 'view' | 'cue'> | undefined;
}

// ─── Where what was said ends and begins ────────────────────────────────────

const SUBORDINATOR = /^(while|when|although|though|if|as|because|since|after|before|whereas|unless|once)$/i;

/** Whether token `i` opens a participle cue of this sentence (`, saying`, `, adding that`). */
function opensParticiple(ctx: RuleContext, i: number): boolean {
  return ctx.cues.some((c) => c.participle && c.verb === i);
}

/** The cue a coordinating `and`/`but` at token `i` joins to the clause before it (`… and warned …`), if any. */
function coordinatedCue(ctx: RuleContext, view: SentenceView, i: number): Cue | undefined {
  // (`… and said`, `… but added`, `…, then says`.)
  const token = view.tokens[i]?.text ?? '';
  if (!/^(and|but)$/i.test(token) && !(/^then$/i.test(token) && i > 0 && /,/.test(joint(view.tokens, i - 1)))) return undefined;
  let k = i + 1;
  while (has(view.tokens[k], 'Adverb', 'Auxiliary') && !ctx.cues.some((c) => c.verb === k)) k++;
  return ctx.cues.find((c) => c.verb === k && !c.participle && c.class !== 'according' && c.class !== 'quoteOnly');
}

/**
 * The end of what was said from token `from`: the sentence's end, or an
 * earlier `; `, a participle cue (`, adding …`) or `, according to`; carried
 * on to the close of a quotation opened inside it.
 */
function contentEnd(ctx: RuleContext, view: SentenceView, from: number, cue?: Cue): number {
  const { tokens } = view;
  let end = view.sentence.normEnd;
  // `While officials say they are watching, they made clear …`: a report inside a leading subordinate clause ends at its comma.
  const subordinate = SUBORDINATOR.test(tokens[0]?.text ?? '') && !tokens.slice(0, from).some((_, i) => /,/.test(joint(tokens, i)));
  for (let k = from; k < tokens.length - 1; k++) {
    const j = joint(tokens, k);
    const next = tokens[k + 1]!;
    // `claiming they would be …, and dismissed X as …`: a second predicate of the speaker's, not of the report.
    // (Only a verb in the cue's own tense: `is very high, and considers …` goes on with the report's subject.)
    const predicate = k > from && !!cue && /^(and|but)$/i.test(next.text) && !has(tokens[k], 'Verb') && isFinite(tokens[k + 2]) && !has(tokens[k + 2], 'Auxiliary', 'Copula') && sameTense(tokens[k + 2]!, view.tokens[cue.verb]!);
    if (/;/.test(j) || (subordinate && /,/.test(j)) || predicate || (/,/.test(j) && (opensParticiple(ctx, k + 1) || /^according$/i.test(next.text))) || (k > from && coordinatedCue(ctx, view, k + 1))) {
      // (A closing quotation mark stays with the words it closes.)
      end = tokens[k]!.end + (/^[”»]/.test(tokens[k]!.post) ? 1 : 0);
      break;
    }
  }
  const start = tokens[from]?.start ?? end;
  const running = ctx.spans.find((s) => s.open >= start - 1 && s.open < end && s.end > end);
  return running ? running.after : end;
}

/** Where the sentence's words begin, or the opening of a quotation running into it from an earlier sentence. */
function sentenceStart(ctx: RuleContext, view: SentenceView): number {
  const start = view.sentence.normStart;
  const running = ctx.spans.find((s) => s.open < start && s.end > start);
  return running ? running.open : start;
}

/** A range without the punctuation around it (a closing quotation mark and what it closes stay). */
function trimmed(text: string, start: number, end: number): Range | undefined {
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–.-]/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A reported clause has a finite verb of its own (`denied involvement` reports no statement). */
function isClause(view: SentenceView, range: Range): boolean {
  const tokens = view.tokens.filter((t) => t.start >= range.start && t.end <= range.end);
  return tokens.some((t, i) => (isFinite(t) || CONTRACTED.test(t.text)) && !/^to$/i.test(tokens[i - 1]?.text ?? ''));
}

/** Whether a quotation opens within the first characters of `range`. */
function opensWithQuote(ctx: RuleContext, range: Range): boolean {
  return ctx.spans.some((s) => s.open >= range.start - 1 && s.open <= range.start + 1);
}

/** Whether `range` holds quotation marks. */
function holdsQuote(ctx: RuleContext, range: Range): boolean {
  return ctx.spans.some((s) => s.start < range.end && s.end > range.start);
}

/** Words that may open a clause's subject though they name nothing (`there will be`, `it is`). */
const EXPLETIVE = /^(there|here)$/i;

/** Whether two verbs are in one tense (a participle cue counts as past: `…, claiming …, and dismissed …`). */
function sameTense(verb: Token, cue: Token): boolean {
  const past = (t: Token) => has(t, 'PastTense') || has(t, 'Gerund');
  // (In the present, one person too: `says such techniques are inhumane and compromise …` goes on with the report's subject.)
  const third = (t: Token) => /[^s]s$/i.test(t.text);
  // (A bare form tells nothing: `Supporters say the move will reduce poverty and help families` goes on with the move.)
  return past(verb) === past(cue) && (past(cue) || (third(verb) && third(cue)));
}

/** A verb that makes a clause finite (`is`, `would`, `said`), not a gerund or a bare participle. */
function isFinite(t: Token | undefined): boolean {
  // (A capital inside a sentence is a name, whatever compromise guessed: `said Trump, despite …`, `Patch, a director, said`.)
  if (!t || (t.index > 0 && /^\p{Lu}\p{Ll}/u.test(t.text))) return false;
  return has(t, 'Verb') && !has(t, 'Gerund') && !(has(t, 'PastParticiple') && !has(t, 'PastTense', 'Auxiliary'));
}

/** `the nation's economic system favors the wealthy`: an -s word read as a plural noun, between a subject's noun and an article, is its verb. */
function verbReadAsNoun(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && /[^s]s$/.test(t.text) && has(t, 'Noun') && has(tokens[k - 1], 'Noun') && !has(tokens[k - 1], 'Plural') && (has(tokens[k + 1], 'Determiner', 'Possessive') || /^(the|a|an|his|her|their|its|our|my)$/i.test(tokens[k + 1]?.text ?? '')) && glued(tokens, k);
}

/**
 * Whether a clause begins at token `from`: words of a subject (modifiers after
 * it allowed: `the politics surrounding the ticket would be`), then a finite
 * verb before any comma but one closing an aside right after the subject.
 */
function startsClause(view: SentenceView, from: number): boolean {
  const { tokens } = view;
  const first = tokens[from];
  // (`repairs would begin`: a first word read as a verb is the subject when a verb follows it.)
  const nounFirst = !!first && glued(tokens, from) && (isFinite(tokens[from + 1]) || has(tokens[from + 1], 'Modal', 'Auxiliary'));
  if (!first || (isFinite(first) && !EXPLETIVE.test(first.text) && !nounFirst)) return false;
  // `he’s a step closer`: a subject and its verb in one word.
  if (CONTRACTED.test(first.text)) return true;
  let asides = 0;
  let afterAside = false;
  // (Brackets inside a subject do not end it: `the <svg onload=alert(2)> code was harmless`, `the rule (section 3) says`.)
  const apart = (i: number) => /[,;:“”"—–]/.test(joint(tokens, i));
  for (let k = from + 1; k < tokens.length && k < from + 30; k++) {
    // `families - gay, straight, adoptive and foster - would qualify`: an aside between dashes.
    if (/[—–]/.test(joint(tokens, k - 1)) && !afterAside) {
      const close = tokens.findIndex((x, i) => i >= k && i < k + 15 && /[—–]/.test(joint(tokens, i)));
      if (close >= 0 && !tokens.slice(k, close + 1).some(isFinite)) {
        k = close;
        afterAside = true;
        continue;
      }
    }
    if (apart(k - 1) && !afterAside) {
      // `said the economy, which grew last year, is strong`, `his band and X, AKA Y, wrote`: one aside set off by commas.
      const close = tokens.findIndex((x, i) => i >= k && i < k + 15 && /,/.test(joint(tokens, i)));
      // (`the program, run by the Department of Homeland Security, has`: a participle and its agent.)
      const byAgent = /^by$/i.test(tokens[k + 1]?.text ?? '') && has(tokens[k], 'Verb');
      const aside = close >= 0 && (isAside(view, k, close + 1) || (close - k < 8 && !tokens.slice(k, close + 1).some(isFinite)) || byAgent);
      if (asides > 0 || !/,/.test(joint(tokens, k - 1)) || !aside) return false;
      asides++;
      k = close;
      afterAside = true;
      continue;
    }
    afterAside = false;
    if ((isFinite(tokens[k]) || CONTRACTED.test(tokens[k]!.text) || verbReadAsNoun(tokens, k)) && !/^to$/i.test(tokens[k - 1]!.text)) return true;
  }
  return false;
}

/** A pronoun and its verb written as one word: `he’s`, `they’re`, `we’ll`, `it’d`. */
const CONTRACTED = /^(he|she|it|that|there|who|what|they|we|you|i|here)['’](s|re|ll|d|ve|m)$/i;

/** Words that open an adjunct, not what was said (`demanded since the bill …`). */
const ADJUNCT_OPENER = /^(since|until|after|before|during|while|when|because|as|in|on|at|for|with|by|from|over|under|despite|amid|if|though|although|of|about|into|onto|through|without)$/i;

/** What the cue's class accepts after it (`say`: a clause or quoted words; `quoteOnly`: quoted words). */
function acceptsAfter(ctx: RuleContext, view: SentenceView, cue: Cue, range: Range, introduced: boolean): boolean {
  const text = ctx.discourse.norm.text.slice(range.start, range.end);
  if (opensWithQuote(ctx, range)) return true;
  // `75 percent of Democrats said yes`: an answer is what was said.
  if (/^(yes|no)$/i.test(text) && cue.class === 'say') return true;
  if (words(text) < 2) return false;
  const from = view.tokens.findIndex((t) => t.start >= range.start);
  const opener = view.tokens[from]?.text ?? '';
  // Where the clause begins: past an adjunct set off before it (`says despite being an alumna, she plans …`),
  // unless the adjunct opener measures (`as much as 150,000 tonnes`, `about 1,200 tractors`).
  let clause = from;
  if (!introduced && ADJUNCT_OPENER.test(opener) && !isMeasure(view.tokens[from + 1]) && !/^(much|many)$/i.test(view.tokens[from + 1]?.text ?? '')) {
    const comma = view.tokens.findIndex((t, i) => i >= from && i < from + 12 && /,/.test(joint(view.tokens, i)));
    if (comma < 0 || !startsClause(view, comma + 1)) return false;
    clause = comma + 1;
  }
  if (!introduced && /^(that|which|who)$/i.test(opener)) return false;
  switch (cue.class) {
    case 'quoteOnly':
      return introduced && /:/.test(joint(view.tokens, cue.end - 1));
    case 'epithet':
      // `called X “…”`, `dismissed X as political theatre`, `accused X of …`
      return holdsQuote(ctx, range) || isClause(view, range) || /\s(as|of)\s/.test(text);
    case 'object':
      return true;
    default:
      // `announced the agreement at Parliament House`: an object, not a report; without `that`, a clause must open it.
      return (introduced ? isClause(view, range) : startsClause(view, clause)) || (holdsQuote(ctx, range) && isClause(view, range));
  }
}

/**
 * Cues whose object is who was told, not part of what was said (`told
 * reporters that …`). An object asked or named is part of it, as news
 * annotation has it (`urged Lula to veto …`, `called the mayor “…”`,
 * `accused X of …`).
 */
function takesListener(cue: Cue): boolean | 'always' {
  // (`told` always has one; `warned the laws would …` may have none.)
  if (cue.lemma === 'tell') return 'always';
  return /^(inform|assure|remind|warn)$/.test(cue.lemma);
}

/** `called the mayor “a coward,” an insult …`: a name given in quotation marks is what was said, not the words after it. */
function epithetQuote(ctx: RuleContext, cue: Cue, range: Range): Range | undefined {
  if (cue.class !== 'epithet') return undefined;
  const span = ctx.spans.find((s) => s.open >= range.start - 1 && s.open < range.end && /^[\s,]/.test(ctx.discourse.norm.text.slice(s.after, s.after + 1)));
  return span ? { start: range.start, end: span.after } : undefined;
}

/** What a cue reports after it: past its frame, up to where the report ends, if its class accepts it. */
function reportAfter(ctx: RuleContext, view: SentenceView, cue: Cue, relative = false): Range | undefined {
  const frame = frameAfter(view, cue.end, takesListener(cue));
  const start = view.tokens[frame.content]?.start;
  if (start === undefined) return undefined;
  // (`X, who said he had held 100 town halls, doesn't …`: a report in a relative clause ends with it.)
  const clauseEnd = relative ? view.tokens.find((t, i) => i >= frame.content && /[,—–]/.test(joint(view.tokens, i)))?.end : undefined;
  const range = trimmed(ctx.discourse.norm.text, start, Math.min(clauseEnd ?? Infinity, contentEnd(ctx, view, frame.content, cue)));
  if (!range || !acceptsAfter(ctx, view, cue, range, frame.introduced)) return undefined;
  return epithetQuote(ctx, cue, range) ?? range;
}

// ─── The rules ──────────────────────────────────────────────────────────────

/** `According to X, …` / `…, according to X[, title].` */
const accordingTo: Rule['find'] = (ctx, view, cue) => {
  if (cue.class !== 'according') return undefined;
  const { tokens } = view;
  // (`according to exit polls`, `according to figures her campaign released Friday`: whatever names the source, up to a comma.)
  const source = subjectAfter(view, cue.end) ?? sourceToComma(view, cue.end);
  if (!source) return undefined;
  const text = ctx.discourse.norm.text;
  const before = cue.verb > 0 ? trimmed(text, sentenceStart(ctx, view), tokens[cue.verb - 1]!.end) : undefined;
  // What follows the source (and an appositive of it: `According to X, a pollster at Y, the race …`).
  let k = source.to;
  if (k < tokens.length && /,/.test(joint(tokens, k - 1))) {
    const next = tokens.findIndex((t, i) => i >= k && /,/.test(joint(tokens, i)));
    const appositive = next > 0 && next - k < 12 && (/^(a|an)$/i.test(tokens[k]!.text) || tokens.slice(k, k + 4).some((t) => isTitleWord(t.text))) && !tokens.slice(k, next + 1).some(isFinite);
    if (appositive) k = next + 1;
  }
  const after = k < tokens.length && /,/.test(joint(tokens, k - 1)) ? trimmed(text, tokens[k]!.start, contentEnd(ctx, view, k)) : undefined;
  const sourced = { ...source, to: Math.min(source.to, k) };
  // `According to X, …` (or after an opener: `In addition, according to X, …`): what follows.
  if (!before || isFrameOnly(ctx, view, before)) return after ? { source: sourced, content: [after] } : undefined;
  // `Fundraising, according to the campaign, has surged`, `One of the decisions they made, according to X, is to …`:
  // the clause goes on around it.
  const afterFrom = tokens.findIndex((t) => after && t.start >= after.start);
  if (after && (!isClause(view, before) || isFinite(tokens[afterFrom]))) return { source: sourced, content: [before, after] };
  // `…, according to X.` / `… 46 percent to 39 percent according to a CBS poll.`
  return { source, content: [before] };
};

/** The words from token `from` to the next comma or the sentence's end, as a source (its head: the first phrase in it). */
function sourceToComma(view: SentenceView, from: number): SourcePhrase | undefined {
  const { tokens } = view;
  let to = from;
  while (to < tokens.length && to - from < 15) {
    to++;
    if (!glued(tokens, to - 1)) break;
  }
  if (to === from) return undefined;
  let head = from + 1;
  while (head < to && glued(tokens, head - 1) && !has(tokens[head], 'Preposition', 'Verb')) head++;
  return { from, to, head: { from, to: head } };
}

/** `…, saying (that) …`: the main clause's subject says it. */
const participle: Rule['find'] = (ctx, view, cue) => {
  if (!cue.participle) return undefined;
  // `…, with its chief executive, X, saying …`: the participle's own subject.
  const own = withSubject(view.tokens, cue.verb);
  const source = own >= 0 ? withPhrase(view, own, cue.verb) : (ctx.before[ctx.before.length - 1]?.source ?? mainClauseSubject(view, cue.verb));
  if (!source) return undefined;
  const report = reportAfter(ctx, view, cue);
  return report ? { source, content: [report] } : undefined;
};

/** `X said … and warned …`: a cue joined by `and`/`but` to an earlier one has its subject. */
const coordinated: Rule['find'] = (ctx, view, cue) => {
  let k = cue.verb - 1;
  while (k >= 0 && has(view.tokens[k], 'Adverb', 'Auxiliary')) k--;
  if (k < 0 || coordinatedCue(ctx, view, k) !== cue) return undefined;
  // (`X attacked the deal and said …`: the first verb need be no cue.)
  const source = ctx.before[ctx.before.length - 1]?.source ?? mainClauseSubject(view, k);
  if (!source) return undefined;
  const report = reportAfter(ctx, view, cue);
  return report ? { source, content: [report] } : undefined;
};

/** The phrase between `with` (token `at`) and its participle: `with NDP critic Jessica Ng calling …`, `with its chief executive, X, saying …`. */
function withPhrase(view: SentenceView, at: number, participle: number): SourcePhrase | undefined {
  const subject = subjectBefore(view, participle);
  if (subject && subject.from > at) return subject;
  const from = at + 1;
  return from < participle ? { from, to: participle, head: { from, to: participle } } : undefined;
}

/**
 * The subject of the clause a participle or a second verb joins: that of
 * the nearest verb before token `before` that has one (`in a news
 * conference he used stronger language, saying …` → he).
 */
function mainClauseSubject(view: SentenceView, before: number): SourcePhrase | undefined {
  for (let k = before - 1; k >= 1; k--) {
    const t = view.tokens[k]!;
    // (`Party secretary X accused …`: a word of a name or title read as a verb is none.)
    // (`… to push the budget through`: an infinitive is no clause's verb.)
    if (!isFinite(t) || located(view, t) || isTitleWord(t.text) || /^to$/i.test(view.tokens[k - 1]?.text ?? '')) continue;
    // (An auxiliary counts when a verb follows it: `X is defending his tweets, saying …`, `X has spent …, saying …`.)
    if (has(t, 'Auxiliary') && !has(view.tokens[k + 1], 'Verb') && !(has(view.tokens[k + 1], 'Adverb') && has(view.tokens[k + 2], 'Verb'))) continue;
    const subject = subjectBefore(view, k);
    if (subject) return subject;
  }
  // `He’s comparing … and says …`: a subject contracted with its verb.
  const opener = view.tokens.findIndex((t, i) => i < before && CONTRACTED.test(t.text) && /^(he|she|they|we|i)/i.test(t.text));
  return opener >= 0 && opener < 3 ? { from: opener, to: opener + 1, head: { from: opener, to: opener + 1 } } : undefined;
}

/** Whether the cue at `cue` ends what the sentence says: only frames follow it, or a second piece of the quote. */
function closesSentence(ctx: RuleContext, view: SentenceView, cue: Cue): { rest?: Range } | undefined {
  const frame = frameAfter(view, cue.end, takesListener(cue));
  const { tokens } = view;
  if (frame.content >= tokens.length) return {};
  const k = frame.content;
  if (frame.introduced) return undefined;
  // `,” X told reporters after a caucus that lasted four hours.`: what follows without a comma is no clause of its own;
  // nor quoted words without one (`said on the podcast “Here’s the Thing.”`, `said after a brief “I'm sorry”`: a title, a phrase).
  if (!/,/.test(joint(tokens, k - 1))) {
    const rest = { start: tokens[k]!.start, end: view.sentence.normEnd };
    if (opensWithQuote(ctx, rest) || /^(that|who|which|where|when|whose)$/i.test(tokens[k]!.text)) return {};
    // (`Trump called for a special prosecutor …`, `he vows to impose …`: what an object cue takes follows it.)
    if (cue.class === 'object' || cue.class === 'epithet') return acceptsAfter(ctx, view, cue, rest, false) ? undefined : {};
    return startsClause(view, k) ? undefined : {};
  }
  if (opensParticiple(ctx, k)) return {};
  // `“…,” she said, “…”` and `The plan, he said, would fail`: the quote or clause goes on after the attribution.
  const range = trimmed(ctx.discourse.norm.text, tokens[k]!.start, contentEnd(ctx, view, k));
  if (!range) return {};
  return opensWithQuote(ctx, range) || (isClause(view, range) && !/^(before|after|while|when|as|in|at|on|during|because|since)$/i.test(tokens[k]!.text)) ? { rest: range } : {};
}

/** `“…,” said X` / `…, says X, a pollster.` */
const inverted: Rule['find'] = (ctx, view, cue) => {
  const { tokens } = view;
  // (`told` is followed by who was told, never by who spoke; `X, who chairs Y, said …` has its subject before.)
  if (cue.lemma === 'tell' || cue.verb === 0 || glued(tokens, cue.verb - 1) || !/[,”]/.test(joint(tokens, cue.verb - 1)) || subjectBefore(view, cue.verb)) return undefined;
  const source = subjectAfter(view, cue.end);
  if (!source) return undefined;
  // What follows the source describes it, frames it or ends the sentence: `…, says X of the non-partisan Y Report.`,
  // `…, said X, a pollster.`, `…, said X in a statement.` (no verb of its own).
  let describes = source.to;
  while (describes < tokens.length && glued(tokens, describes - 1) && !isFinite(tokens[describes])) describes++;
  if (describes < tokens.length && glued(tokens, describes - 1)) return undefined;
  const text = ctx.discourse.norm.text;
  const range = trimmed(text, sentenceStart(ctx, view), tokens[cue.verb - 1]!.end);
  // `The deal, said the minister, was fair`, `And now, say experts, some judges are eager …`: the attribution
  // interrupts the report, which goes on after it (its verb, or a clause of its own; not an appositive: `, a pollster.`).
  const opening = (r: Range) => ctx.spans.find((q) => q.open >= r.start - 1 && q.open <= r.start + 1);
  const rest = describes < tokens.length && /,/.test(joint(tokens, describes - 1)) ? trimmed(text, tokens[describes]!.start, contentEnd(ctx, view, describes)) : undefined;
  // It resumes when the subject before it gets its verb after it, or, after a frame (`And now`), a clause of its own
  // begins (not an appositive holding a relative clause: `, a lawyer who has worked …`); a quotation going on is
  // joined by its marks (below).
  const firstVerb = tokens.findIndex((t, i) => i >= describes && isFinite(t));
  const relative = tokens.slice(describes, firstVerb < 0 ? describes : firstVerb).some((t) => /^(who|whose|which|that)$/i.test(t.text));
  const resumes =
    rest &&
    range &&
    !opening(range) &&
    !holdsQuote(ctx, rest) &&
    (isFrameOnly(ctx, view, range) ? startsClause(view, describes) && !relative && !/^(and|but|adding|saying)$/i.test(tokens[describes]!.text) : isFinite(tokens[describes]) && !isClause(view, range));
  // `“A,” said X, “B.”`: the quotation goes on after its attribution, one quote in pieces.
  // (Past an appositive of the source: `“A,” said X, the party's leader, “B.”`.)
  const after = describes < tokens.length ? ctx.spans.find((q) => q.open >= tokens[describes - 1]!.end && q.open < view.sentence.normEnd) : undefined;
  const between = after ? tokens.slice(describes).filter((t) => t.end <= after.open) : [];
  const appositive = after && between.length <= 12 && (!between.some(isFinite) || /^(who|whose)$/i.test(between[0]?.text ?? '')) && /,\s*$/.test(ctx.discourse.norm.text.slice(tokens[describes - 1]!.end, after.open));
  const [said, goesOn] = [range && opening(range), appositive ? after : rest && opening(rest)];
  if (said && goesOn) return { source, content: [said, goesOn].map((q) => ({ start: q.start, end: q.end })) };
  if (rest && range && resumes) return isFrameOnly(ctx, view, range) ? { source, content: [rest] } : { source, content: [range, rest] };
  return range ? { source, content: [range] } : undefined;
};

/** `“…,” X said.` / `…, X told reporters.` / `The plan, he said, would fail.` */
const contentThenCue: Rule['find'] = (ctx, view, cue) => {
  const source = subjectBefore(view, cue.verb);
  if (!source || source.from === 0 || source.relative) return undefined;
  const { tokens } = view;
  // `…, as David Dayen noted in The Intercept.`: an `as` clause attributes what comes before it.
  const as = /^as$/i.test(tokens[source.from - 1]!.text) && source.from > 1 && /,/.test(joint(tokens, source.from - 2));
  if (as) source.from -= 1;
  if (!/[,”—–:]/.test(joint(tokens, source.from - 1))) return undefined;
  const closing = closesSentence(ctx, view, cue);
  if (!closing) return undefined;
  const range = trimmed(ctx.discourse.norm.text, sentenceStart(ctx, view), tokens[source.from - 1]!.end);
  if (!range) return undefined;
  // `On Saturday, X told CNN, “…”`: words before the source that are only a time or a frame say nothing.
  if (isFrameOnly(ctx, view, range)) return closing.rest ? { source, content: [closing.rest] } : undefined;
  return { source, content: closing.rest ? [range, closing.rest] : [range] };
};

/** A range that is only an adverbial (`On Saturday`, `Earlier Tuesday`, `Then, last week`, `So`): no clause, no quoted words, no subject. */
function isFrameOnly(ctx: RuleContext, view: SentenceView, range: Range): boolean {
  if (holdsQuote(ctx, range) || isClause(view, range)) return false;
  const first = view.tokens.find((t) => t.start >= range.start);
  return !first || has(first, 'Preposition', 'Adverb', 'Conjunction', 'Date') || SUBORDINATOR.test(first.text) || /^(so|now|then|or|and|but|yet|still)$/i.test(first.text);
}

/** `“…?” X asked.`: a sentence that is only an attribution points back to the quote ending the sentence before it. */
const quoteThenSentence: Rule['find'] = (ctx, view, cue) => {
  // `X asked.` or `asked X, a pollster.`
  const before = subjectBefore(view, cue.verb);
  const source = before ?? (cue.verb === 0 && cue.lemma !== 'tell' ? subjectAfter(view, cue.end) : undefined);
  if (!source || (before && (before.from !== 0 || !closesSentence(ctx, view, cue)))) return undefined;
  const previous = ctx.discourse.views[view.sentence.index - 1];
  if (!previous || previous.sentence.paragraph !== view.sentence.paragraph) return undefined;
  const span = ctx.spans.find((s) => s.after >= previous.sentence.normEnd - 1 && s.after <= view.sentence.normStart && s.end > previous.sentence.normStart - 1);
  return span ? { source, content: [{ start: span.start, end: span.end }] } : undefined;
};

/**
 * `what she said is growing demand`, `which officials said will go into
 * effect`, `a dynamic Greenberg said could drive moderates`: a report whose
 * subject is the relative clause's gap; what was said runs from the verb
 * after the cue to the clause's end.
 */
const gapped: Rule['find'] = (ctx, view, cue) => {
  const { tokens } = view;
  const source = subjectBefore(view, cue.verb);
  if (!source || source.from === 0 || cue.class !== 'say') return undefined;
  const before = tokens[source.from - 1]!;
  const relative = /^(what|which|that|whom)$/i.test(before.text);
  let k = cue.end;
  while (k < tokens.length && has(tokens[k], 'Adverb') && !has(tokens[k], 'Noun')) k++;
  if (!relative || !glued(tokens, cue.end - 1) || !(isFinite(tokens[k]) || has(tokens[k], 'Modal', 'Auxiliary'))) return undefined;
  const comma = tokens.findIndex((t, i) => i >= k && /[,;—–]/.test(joint(tokens, i)));
  const end = comma >= 0 ? tokens[comma]!.end : contentEnd(ctx, view, k, cue);
  const range = trimmed(ctx.discourse.norm.text, tokens[k]!.start, end);
  return range ? { source, content: [range] } : undefined;
};

/**
 * `The merger was first reported by the Tribune`, `The plan, first reported
 * by X on Tuesday, would …`, `…, as reported by X`, `It was announced by X
 * that …`: the agent of a passive cue speaks; what was said is the clause
 * after the agent, else the clause an `as` attaches to, else the subject
 * phrase the cue is passive of (a pronoun alone names nothing said).
 */
const passiveAgent: Rule['find'] = (ctx, view, cue) => {
  const { tokens } = view;
  const agent = subjectAfter(view, cue.end + 1);
  if (!agent) return undefined;
  const text = ctx.discourse.norm.text;
  let k = cue.verb - 1;
  while (k >= 0 && glued(tokens, k) && (adverbial(tokens[k]!) || has(tokens[k], 'Auxiliary') || /^(is|was|were|are|be|been|being|has|have|had)$/i.test(tokens[k]!.text)) && !/^as$/i.test(tokens[k]!.text)) k--;
  // `It was announced by X that …`: the clause after the agent (which `subjectAfter` took for a relative clause).
  if (/^it$/i.test(tokens[k]?.text ?? '')) {
    const source = { from: agent.from, to: agent.head.to, head: agent.head };
    const frame = frameAfter(view, source.to, false);
    const said = frame.introduced && frame.content < tokens.length ? trimmed(text, tokens[frame.content]!.start, contentEnd(ctx, view, frame.content, cue)) : undefined;
    return said ? { source, content: [said] } : undefined;
  }
  if (/^as$/i.test(tokens[k]?.text ?? '')) {
    // `As first reported by X, the deal …` / `The deal …, as reported by X.`
    const next = tokens.findIndex((t, i) => i >= agent.to - 1 && /,/.test(joint(tokens, i))) + 1;
    const around = k === 0 ? (next > 0 && next < tokens.length ? trimmed(text, tokens[next]!.start, contentEnd(ctx, view, next)) : undefined) : trimmed(text, sentenceStart(ctx, view), tokens[k - 1]!.end);
    return around && isClause(view, around) ? { source: agent, content: [around] } : undefined;
  }
  // `The merger was first reported by X`, `The plan, first reported by X, …`: the phrase it is passive of.
  if (k < 0) return undefined;
  const first = phraseEndingAt(view, k);
  if (first < 0 || !opensPhrase(view, first) || (first === k && has(tokens[k], 'Pronoun'))) return undefined;
  return { source: agent, content: [{ start: tokens[first]!.start, end: tokens[k]!.end }] };
};

/** `X said (that) …` / `X told Y …` / `X said: “…”` / `X called Y “…”` */
const cueThenContent: Rule['find'] = (ctx, view, cue) => {
  const source = subjectBefore(view, cue.verb);
  if (!source) return undefined;
  const frame = frameAfter(view, cue.end, takesListener(cue));
  const { tokens } = view;
  if (frame.content >= tokens.length) {
    // `X said:` ending the sentence: the quotation that opens next.
    if (!frame.introduced) return undefined;
    const span = ctx.spans.find((s) => s.open >= view.sentence.normEnd && s.open - view.sentence.normEnd < 3);
    return span ? { source, content: [{ start: span.start, end: span.end }] } : undefined;
  }
  const report = reportAfter(ctx, view, cue, !!source.relative);
  return report ? { source, content: [report] } : undefined;
};

export const RULES: readonly Rule[] = [
  { name: 'passive-agent', find: passiveAgent },
  { name: 'according-to', find: accordingTo },
  { name: 'participle', find: participle },
  { name: 'coordinated', find: coordinated },
  { name: 'content-then-cue', find: contentThenCue },
  { name: 'inverted', find: inverted },
  { name: 'quote-then-sentence', find: quoteThenSentence },
  { name: 'gapped', find: gapped },
  { name: 'cue-then-content', find: cueThenContent },
];

/** The candidates of one sentence: each cue read by the first rule that reads it. */
export function candidatesOf(discourse: Discourse, view: SentenceView, cues: Cue[], spans: QuoteSpan[]): Candidate[] {
  const found: Candidate[] = [];
  for (const cue of cues) {
    const ctx: RuleContext = { discourse, spans, before: found, cues };
    for (const rule of RULES) {
      // (A passive cue's subject is what was said, never who said it: only its own rule reads it.)
      if (!!cue.byAgent !== (rule.name === 'passive-agent')) continue;
      const hit = rule.find(ctx, view, cue);
      if (hit) {
        found.push({ rule: rule.name, view, cue, ...hit });
        break;
      }
    }
  }
  return found;
}
