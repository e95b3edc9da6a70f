/**
 * Cues of attribution: the verbs and phrases that say someone said
 * something (`said`, `told reporters`, `pointed out`, `according to`).
 * Which words are cues is the speech lexicon's (verbs.json `speech`); here
 * is where they stand in a sentence and what form they take.
 */
import { isTitleHead, speechCue, type CueClass, type SpeechCue } from '../../lexicons/index.js';
import { has } from '../../recognize/tokens.js';
import type { Token } from '../../recognize/index.js';
import type { SentenceView } from '../discourse.js';
import { glued } from './phrases.js';

export interface Cue {
  /** Token index of the cue's first word. */
  verb: number;
  /** Token index just past the cue's words. */
  end: number;
  lemma: string;
  class: CueClass | 'according';
  /** A participle after a comma (`…, saying …`): its subject is the main clause's. */
  participle: boolean;
  /** A passive with its agent (`was first reported by X`, `, as reported by X`): `by` stands at `end`, the agent speaks. */
  byAgent?: boolean;
}

const BE = /^(is|was|were|are|be|been|being|am|'s|’s)$/i;

/** `not`, `widely`, `first` (`was first reported`): words between a form of `be` and its participle. */
export const adverbial = (t: Token) => has(t, 'Adverb', 'Negative') || /^(first|originally|initially)$/i.test(t.text);

/** `is said to be`, `was told by aides`: the subject is not who spoke (but `is calling for` is). */
function passive(tokens: Token[], i: number): boolean {
  if (/ing$/i.test(tokens[i]!.text)) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3 && glued(tokens, k); k--) {
    const t = tokens[k]!;
    if (BE.test(t.text)) return true;
    if (!adverbial(t)) return false;
  }
  return false;
}

/**
 * Verbs whose infinitive or `as` complement is a speech act that happened,
 * done by their subject: `went on to say`, `continued to insist`, `was quick
 * to deny`, `took to Twitter to say`, `used her speech to call for`, `was
 * quoted as saying`. (Not `refused to say`, `is expected to argue`,
 * `declined to comment`: those report nothing said.)
 */
const LEAD_IN_TO = /^(continue[sd]?|continuing|proceed(s|ed|ing)?|hasten(s|ed|ing)?|quick)$/i;
const GO_ON = /^(go|goes|went|going|gone)$/i;
const TAKE_OR_USE = /^(took|takes|take|taking|taken|used|uses|use|using)$/i;

/**
 * The first word of a lead-in whose complement is the cue at token `i`
 * (`went` of `went on to say`, `quoted` of `was quoted as saying`), or -1.
 */
function leadIn(tokens: Token[], i: number): number {
  const to = tokens[i - 1];
  if (!to || !glued(tokens, i - 1)) return -1;
  const word = (k: number) => tokens[k]?.text ?? '';
  if (/^as$/i.test(to.text)) return /^quoted$/i.test(word(i - 2)) && BE.test(word(i - 3)) && glued(tokens, i - 2) ? i - 2 : -1;
  if (!/^to$/i.test(to.text) || !glued(tokens, i - 2)) return -1;
  if (LEAD_IN_TO.test(word(i - 2))) return i - 2;
  if (/^on$/i.test(word(i - 2)) && GO_ON.test(word(i - 3)) && glued(tokens, i - 3)) return i - 3;
  // `took to Twitter to say`, `used the hearing to call for`: the verb, a short phrase (its `to`), then `to`.
  for (let k = i - 3; k >= 0 && k >= i - 7 && glued(tokens, k); k--) {
    if (TAKE_OR_USE.test(word(k))) {
      const first = tokens[k + 1];
      const fits = /^t/i.test(word(k)) ? /^to$/i.test(first?.text ?? '') : has(first, 'Determiner', 'Possessive');
      return fits && !tokens.slice(k + 1, i - 1).some((t) => has(t, 'Verb') && !has(t, 'Noun')) ? k : -1;
    }
  }
  return -1;
}

/**
 * `spoke highly of`, `talked openly about`, `spoke out against`: a verb and
 * its particle with a manner adverb between them; the cue's end, or -1.
 */
function particleAfterAdverbs(tokens: Token[], i: number): { cue: SpeechCue; end: number } | undefined {
  for (let k = i + 1; k <= i + 3 && k < tokens.length && glued(tokens, k - 1); k++) {
    const t = tokens[k]!;
    const cue = speechCue(`${tokens[i]!.text} ${t.text}`);
    if (k > i + 1 && cue && /^(of|about|against)$/i.test(t.text)) return { cue, end: k + 1 };
    if (!((has(t, 'Adverb') && /ly$/i.test(t.text)) || /^(out|up|often|more|at|length|again)$/i.test(t.text))) return undefined;
  }
  return undefined;
}

/**
 * Cues whose object, made the subject of a passive, is the news or claim
 * itself (`the merger was reported by X`), not who was addressed (`was told
 * by`, `was pressed by`), named (`was dismissed by X as`) or a cause (`is
 * explained by`).
 */
const PASSIVE_OF_WHAT_WAS_SAID = /^(report|announce|confirm|reveal|disclose|claim|deny|propose)$/;

/**
 * `was first reported by`, `, first reported by`, `as reported by`: a
 * passive participle of such a cue with its agent after it (`by` at `end`).
 */
function byAgent(tokens: Token[], i: number, end: number): boolean {
  if (!/^by$/i.test(tokens[end]?.text ?? '') || !glued(tokens, end - 1) || !/ed$/i.test(tokens[i]!.text) || !PASSIVE_OF_WHAT_WAS_SAID.test(speechCue(tokens[i]!.text)?.lemma ?? '')) return false;
  // (`might be claimed by`: a passive that may happen reports nothing.)
  if (passive(tokens, i)) return !tokens.slice(Math.max(0, i - 4), i).some((t) => has(t, 'Modal'));
  let k = i - 1;
  while (k >= 0 && glued(tokens, k) && adverbial(tokens[k]!) && !/^as$/i.test(tokens[k]!.text)) k--;
  return k < 0 || !glued(tokens, k) || /^as$/i.test(tokens[k]!.text);
}

/** `…, with its chief executive Amara Nwosu saying …`: the index of `with` before the participle's own subject, or -1. */
export function withSubject(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    // (`…, with X saying`, not `planned with Trump, adding`: the `with` opens a phrase of its own after a comma.)
    if (/^with$/i.test(tokens[k]!.text)) return k < i - 1 && (k === 0 || !glued(tokens, k - 1)) ? k : -1;
    if (has(tokens[k], 'Verb') && !has(tokens[k], 'Noun') && !/^\p{Lu}/u.test(tokens[k]!.text)) return -1;
  }
  return -1;
}

/** `is calling`, `was not saying`, `’s also stressing`: an -ing form after a form of `be`. */
function progressive(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3 && glued(tokens, k); k--) {
    const t = tokens[k]!;
    if (BE.test(t.text) || /^(isn['’]t|aren['’]t|wasn['’]t|weren['’]t)$/i.test(t.text) || /['’](s|re)$/i.test(t.text)) return true;
    if (!has(t, 'Adverb', 'Negative')) return false;
  }
  return false;
}

/** Whether token `i` is a speech verb as used (a verb, not `the statement's note`). */
export function isSpeechVerb(token: Token | undefined): boolean {
  return !!token && has(token, 'Verb') && speechCue(token.text)?.class === 'say';
}

/** The cues of one sentence, in order. */
export function findCues(view: SentenceView): Cue[] {
  const { tokens } = view;
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (/^according$/i.test(t.text) && /^to$/i.test(next?.text ?? '')) {
      cues.push({ verb: i, end: i + 2, lemma: 'according to', class: 'according', participle: false });
      i++;
      continue;
    }
    // compromise may read a verb after a name as an adjective (`O'Neill said officials …`): the forms only verbs have count anyway.
    // (So do a subject's `-ed`/`-s` forms: `The Cruz campaign calls this …`, `Obama noted`.)
    const afterSubject = /(ed|[^s]s)$/i.test(t.text) && has(tokens[i - 1], 'ProperNoun', 'Pronoun', 'Noun') && !has(tokens[i - 1], 'Determiner', 'Possessive', 'Adjective', 'Value') && glued(tokens, i - 1);
    if (!has(t, 'Verb') && !/ing$/i.test(t.text) && !/^(said|says|told|tells)$/i.test(t.text) && !afterSubject) continue;
    // (A capital inside a sentence is a name's word: `the United States`, `Trump Says` read in a headline aside.)
    if (i > 0 && /^\p{Lu}/u.test(t.text)) continue;
    const two = next && glued(tokens, i) ? speechCue(`${t.text} ${next.text}`) : undefined;
    const spread = two ? undefined : particleAfterAdverbs(tokens, i);
    const one = speechCue(t.text);
    const cue = two ?? spread?.cue ?? one;
    if (!cue) continue;
    const end = two ? i + 2 : (spread?.end ?? i + 1);
    // `JD(S) state president`, `post office`: a word before a title or a noun it qualifies is no verb.
    if (isTitleHead(tokens[end]?.text ?? '') && glued(tokens, end - 1) && !/^(said|says|told|tells)$/i.test(t.text)) continue;
    // `that 2013 report`, `the statement's note`: a cue word after an article, possessive or number is a noun.
    const prev = tokens[i - 1];
    const nounUse = has(prev, 'Determiner', 'Possessive', 'Adjective') || (has(prev, 'Value') && has(tokens[i - 2], 'Determiner', 'Possessive'));
    if (!/^(said|says|told|tells|say)$/i.test(t.text) && nounUse && glued(tokens, i - 1)) continue;
    if (byAgent(tokens, i, end) && end === i + 1 && cue.class !== 'quoteOnly') {
      cues.push({ verb: i, end, lemma: cue.lemma, class: cue.class, participle: false, byAgent: true });
      continue;
    }
    // `went on to say`, `was quoted as saying`: the cue is the lead-in's, from its first word.
    const lead = leadIn(tokens, i);
    // `to say`, `declined to comment`: an infinitive reports nothing said.
    if (lead < 0 && (/^to$/i.test(tokens[i - 1]?.text ?? '') || passive(tokens, i))) continue;
    const verb = lead < 0 ? i : lead;
    // A gerund is a cue only as a participle after a comma (`…, saying`) or after `while`/`by` (`while noting`).
    const gerund = /ing$/i.test(tokens[verb]!.text);
    const participle = gerund && verb > 0 && (!glued(tokens, verb - 1) || /^(while|by|after|before|in)$/i.test(tokens[verb - 1]!.text) || withSubject(tokens, verb) >= 0);
    // `Clinton is calling for …`, `Trump isn’t saying …`: a form of `be` makes the -ing form the clause's verb.
    if (gerund && !participle && !progressive(tokens, verb)) continue;
    cues.push({ verb, end, lemma: cue.lemma, class: cue.class, participle });
    i = end - 1;
  }
  return cues;
}

/** `told reporters`, `said`, `added`: the verb as written, with its listener when that is the press. */
export function verbPhrase(view: SentenceView, cue: Cue): string {
  const words = view.tokens.slice(cue.verb, cue.end).map((t) => t.text);
  const next = view.tokens[cue.end];
  if (cue.lemma === 'tell' && next && /^(reporters|journalists|the|a|an|media|press|lawmakers|parliament|supporters)$/i.test(next.text)) {
    const third = view.tokens[cue.end + 1];
    return /^(the|a|an)$/i.test(next.text) ? `${words.join(' ')} ${next.text} ${third?.text ?? ''}`.trim() : `${words.join(' ')} ${next.text}`;
  }
  return words.join(' ');
}
