/**
 * Scores quote attribution on PolNeAR (real US political news, every
 * attribution hand-annotated as BRAT standoff) the way the standard
 * news-quote benchmark does:
 *
 *   npx tsx scripts/eval-attribution.ts [dev|train|DIR] [--errors N] [--json] [--limit N] [--only SUBSTR]
 *
 * - A predicted quote (a Quote of `analyze()`, direct or reported) matches a
 *   gold `Content` when it covers more than 0.3 of the gold span's
 *   characters (0.8 reported beside it); matching is one-to-one, greedy by
 *   coverage, and pooled over articles.
 * - The headline figure is for SPEECH attributions: the cue is a verb or
 *   phrase of saying (the list is printed), or the content holds quotation
 *   marks. PolNeAR also marks beliefs, intentions and findings (`believes`,
 *   `wants`, `a poll shows`); a prediction that matches one of those is
 *   neither right nor wrong in the speech figure, and the `all` row scores
 *   every attribution.
 * - Split by form of the gold content: direct (wholly in quotation marks),
 *   mixed (a paraphrase holding quoted words) and indirect (no marks);
 *   a prediction's own form decides which row its false positive counts in.
 * - Speaker accuracy over matched speech quotes: by span (the quote's
 *   speaker mention overlaps the gold `Source`), over golds with a source;
 *   and by name (the speaker entity's name or an alias holds the gold
 *   source's name), over golds whose source is a name.
 *
 * `dev` is for measuring and `train` for reading errors; nothing here learns
 * from the data, and the data is never copied into the project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../src/types.js';
import { isHonorific, isTitleHead, isTitleWord, lexKey } from '../src/lexicons/index.js';

export const POLNEAR = join(import.meta.dirname, '..', '..', 'shared', 'data', 'polnear');

// ─── Gold ───────────────────────────────────────────────────────────────────

export interface Piece {
  start: number;
  end: number;
}

export type Form = 'direct' | 'mixed' | 'indirect';

export interface GoldAttribution {
  content: Piece[];
  contentText: string;
  cue?: { pieces: Piece[]; text: string };
  source?: { pieces: Piece[]; text: string };
  form: Form;
  speech: boolean;
}

export interface GoldArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

/**
 * Lemmas of verbs and nouns of saying: verbs whose complement is what was
 * communicated (`said that …`, `told X …`, `warned that …`, `called for …`,
 * `called X “…”`), and the nouns that frame a statement. Verbs that evaluate
 * someone or something (`attacked`, `praised`, `criticized`, `mocked`,
 * `cited`) take the target as their object, not what was said, and are no
 * speech cues here; nor are verbs of belief and finding (`believes`,
 * `shows`, `estimates`). A cue is speech when its head word (the last word
 * that is no auxiliary, adverb or particle) inflects one of these, or it
 * holds one of the phrases.
 */
export const SPEECH_LEMMAS = [
  'say', 'tell', 'add', 'note', 'write', 'tweet', 'post', 'argue', 'claim', 'warn', 'insist', 'explain', 'announce',
  'acknowledge', 'admit', 'deny', 'ask', 'answer', 'reply', 'respond', 'state', 'declare', 'comment', 'suggest', 'recall',
  'describe', 'report', 'call', 'urge', 'continue', 'repeat', 'emphasize', 'emphasise', 'stress', 'observe', 'mention',
  'remark', 'predict', 'promise', 'pledge', 'vow', 'complain', 'concede', 'confirm', 'contend', 'assert', 'maintain',
  'allege', 'joke', 'quip', 'exclaim', 'shout', 'chant', 'testify', 'boast', 'brag', 'lament', 'caution', 'threaten',
  'charge', 'counter', 'retort', 'echo', 'demand', 'propose', 'recount', 'reiterate', 'disclose', 'reveal', 'inform',
  'assure', 'remind', 'agree', 'pronounce', 'proclaim', 'speak', 'talk', 'whisper', 'yell', 'scream', 'cry',
  'statement', 'remarks', 'interview', 'speech', 'letter', 'email', 'memo',
];
export const SPEECH_PHRASES = ['according to', 'in a statement', 'told reporters', 'said in', 'asked about', 'pointed out', 'went on'];
const CUE_FILLER = /^(has|have|had|is|was|were|are|be|been|also|later|then|again|often|once|repeatedly|publicly|privately|recently|previously|just|not|never|to|would|will|could|may|might|did|does|do|on|in|at|a|an|the|this|that|he|she|it|they|thursday|monday|tuesday|wednesday|friday|saturday|sunday|morning|night|evening|afternoon|last|week|earlier|up|out|off|back|for|of|about|on|with|:|―|—)$/i;

function lemmaOf(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  const irregular: Record<string, string> = { said: 'say', says: 'say', saying: 'say', told: 'tell', wrote: 'write', written: 'write', spoke: 'speak', spoken: 'speak' };
  if (irregular[w]) return irregular[w]!;
  for (const [suffix, repl] of [['ies', 'y'], ['ied', 'y'], ['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['es', ''], ['es', 'e'], ['s', ''], ['d', '']] as const) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length) + repl;
      if (SPEECH_LEMMAS.includes(stem)) return stem;
      // a doubled consonant: `admitted`, `quipped`
      if (suffix.startsWith('ed') || suffix === 'ing') {
        const undoubled = stem.replace(/(.)\1$/, '$1');
        if (SPEECH_LEMMAS.includes(undoubled)) return undoubled;
      }
    }
  }
  return w;
}

/** Whether a cue is a verb or phrase of saying. */
export function isSpeechCue(cue: string): boolean {
  const lower = cue.toLowerCase().replace(/\s+/g, ' ').trim();
  if (SPEECH_PHRASES.some((p) => lower.includes(p))) return true;
  const words = lower.split(/[\s,]+/).filter((w) => w && !CUE_FILLER.test(w));
  return words.some((w) => SPEECH_LEMMAS.includes(lemmaOf(w)));
}

/** Quotation marks as news pages write them: straight, curly, guillemets, and two apostrophes. */
const QUOTE_MARK = /''|[“”"«»„]/;

/** Share of a content's letters that stand inside quotation marks, found on the whole text. */
function formOf(text: string, pieces: Piece[]): Form {
  const inside = quotedRanges(text);
  let letters = 0;
  let quoted = 0;
  for (const p of pieces) {
    for (let i = p.start; i < p.end; i++) {
      if (!/[\p{L}\p{N}]/u.test(text[i]!)) continue;
      letters++;
      if (inside.some((r) => r.start <= i && i < r.end)) quoted++;
    }
  }
  if (quoted === 0) return 'indirect';
  return quoted / Math.max(letters, 1) >= 0.9 ? 'direct' : 'mixed';
}

/** Ranges between paired quotation marks, paragraph by paragraph (an unclosed one runs to the paragraph's end). */
export function quotedRanges(text: string): Piece[] {
  const ranges: Piece[] = [];
  let open = -1;
  for (const m of text.matchAll(new RegExp(`${QUOTE_MARK.source}|\\n`, 'g'))) {
    const mark = m[0];
    if (mark === '\n') {
      if (open >= 0) ranges.push({ start: open, end: m.index });
      open = -1;
      continue;
    }
    // Curly marks and guillemets say which side they are; straight ones and `''` alternate.
    const opens = /[“«„]/.test(mark) || (!/[”»]/.test(mark) && open < 0);
    if (opens && open < 0) open = m.index + mark.length;
    else if (open >= 0) {
      ranges.push({ start: open, end: m.index });
      open = -1;
    }
  }
  if (open >= 0) ranges.push({ start: open, end: text.length });
  return ranges;
}

interface AnnSpan {
  label: string;
  pieces: Piece[];
  text: string;
}

/** One article's gold attributions from its BRAT `.ann` file. */
export function readAnn(text: string, ann: string): GoldAttribution[] {
  const spans = new Map<string, AnnSpan>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const [id, middle, words] = line.split('\t');
    if (!id || !middle) continue;
    if (id.startsWith('T')) {
      const space = middle.indexOf(' ');
      const label = middle.slice(0, space);
      const pieces = middle
        .slice(space + 1)
        .split(';')
        .map((p) => p.trim().split(/\s+/).map(Number))
        .map(([start, end]) => ({ start: start!, end: end! }));
      spans.set(id, { label, pieces, text: words ?? '' });
    } else if (id.startsWith('E')) {
      const roles: Record<string, string> = {};
      for (const part of middle.trim().split(/\s+/)) {
        const [role, ref] = part.split(':');
        if (role && ref) roles[role.replace(/\d+$/, '')] ??= ref;
      }
      // `Content2`: a second content of the same attribution.
      for (const part of middle.trim().split(/\s+/)) {
        const [role, ref] = part.split(':');
        if (role && ref && /^Content\d+$/.test(role)) roles[`extra:${ref}`] = ref;
      }
      events.push(roles);
    }
  }
  const out: GoldAttribution[] = [];
  for (const roles of events) {
    const contentIds = [roles.Content, ...Object.entries(roles).filter(([k]) => k.startsWith('extra:')).map(([, v]) => v)].filter((x): x is string => !!x);
    const contents = contentIds.map((c) => spans.get(c)).filter((s): s is AnnSpan => !!s);
    if (contents.length === 0) continue;
    const content = contents.flatMap((c) => c.pieces).sort((a, b) => a.start - b.start);
    const cue = roles.Cue ? spans.get(roles.Cue) : undefined;
    const source = roles.Source ? spans.get(roles.Source) : undefined;
    const form = formOf(text, content);
    const speech = form === 'direct' || (cue !== undefined && isSpeechCue(cue.text));
    out.push({
      content,
      contentText: contents.map((c) => c.text).join(' … '),
      ...(cue ? { cue: { pieces: cue.pieces, text: cue.text } } : {}),
      ...(source ? { source: { pieces: source.pieces, text: source.text } } : {}),
      form,
      speech,
    });
  }
  return out;
}

/** The articles of a PolNeAR split (`dev`, `train`) or folder holding `text/` and `attributions/`; the first annotator's file in sorted order. */
export function readPolnear(dir: string): GoldArticle[] {
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const byName = new Map<string, string>();
  for (const f of anns) {
    const name = f.replace(/_[^_]+\.ann$/, '');
    if (!byName.has(name)) byName.set(name, f);
  }
  return [...byName.entries()].map(([name, file]) => {
    const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
    return { name, text, attributions: readAnn(text, readFileSync(join(dir, 'attributions', file), 'utf8')) };
  });
}

// ─── Predictions ────────────────────────────────────────────────────────────

export interface Predicted {
  start: number;
  end: number;
  text: string;
  form: Form;
  /** Speaker mention span, when the quote is attributed. */
  mention?: Piece;
  /** The speaker entity's name and aliases, or the unnamed speaker's words. */
  speakerNames: string[];
}

export function predictionsOf(analysis: Analysis): Predicted[] {
  const byId = new Map(analysis.entities.map((e) => [e.id, e]));
  return analysis.quotes.map((q) => {
    const entity = q.speaker ? byId.get(q.speaker) : undefined;
    const form: Form = q.direct ? 'direct' : QUOTE_MARK.test(analysis.normalized.original.slice(q.start, q.end)) ? 'mixed' : 'indirect';
    return {
      start: q.start,
      end: q.end,
      text: q.text,
      form,
      ...(q.speakerMention ? { mention: { start: q.speakerMention.start, end: q.speakerMention.end } } : {}),
      speakerNames: entity ? [entity.name, ...entity.aliases] : q.speakerMention ? [q.speakerMention.text] : [],
    };
  });
}

// ─── Matching and scores ────────────────────────────────────────────────────

function overlap(a: Piece, pieces: Piece[]): number {
  let n = 0;
  for (const p of pieces) n += Math.max(0, Math.min(a.end, p.end) - Math.max(a.start, p.start));
  return n;
}

/** Share of the gold content's characters the prediction covers. */
export function coverage(pred: Piece, gold: Piece[]): number {
  const total = gold.reduce((n, p) => n + p.end - p.start, 0);
  return total === 0 ? 0 : overlap(pred, gold) / total;
}

/** One-to-one matches of predictions to gold contents with coverage above `threshold`, greedy by coverage. */
export function match(preds: Piece[], golds: Piece[][], threshold: number): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  preds.forEach((p, i) =>
    golds.forEach((g, j) => {
      const c = coverage(p, g);
      if (c > threshold) pairs.push([c, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Words that open a name or qualify it without being it. */
const NOT_NAME = /^(The|A|An|One|Two|This|That|These|Those|Both|And|Or|Of|But|I|We|He|She|They|It|His|Her|Their|Its|Our|My|Some|Many|Most|Other|Others|Another|Several|Former|Then|Now|Also|Yet|About|Nearly|Only|Current|Just)$/;

interface NameRun {
  words: string[];
  /** The word governing the run, past an article (`of` in `of the Tax Policy Center`). */
  governor: string;
  /** A title or a common noun follows: the run qualifies it (`CBC Chairman`, `GOP officials`). */
  qualifies: boolean;
  possessive: boolean;
}

/** Runs of capitalised words that are no titles (initials and particles inside a run kept). */
function nameRuns(segment: string): NameRun[] {
  const words = segment.split(/\s+/).filter(Boolean);
  const runs: NameRun[] = [];
  let run: string[] = [];
  let governor = '';
  const flush = (next: string) => {
    if (run.length) {
      const bare = next.replace(/[^\p{L}.-]/gu, '');
      const qualifies = !!bare && (isTitleWord(bare) || isHonorific(bare) || (/^\p{Ll}/u.test(bare) && !/^(of|and|in|at|for|from|on|with|to|who|which|said|says|told)$/.test(bare)));
      runs.push({ words: run.map((w) => w.replace(/['’]s?$/, '')), governor, qualifies, possessive: /['’]s?$/.test(run[run.length - 1]!) });
    }
    run = [];
  };
  words.forEach((raw, i) => {
    const w = raw.replace(/^[“"(‘]+|[”"),:;’]+$/g, '').replace(/\.$/, (dot) => (/^\p{Lu}$/u.test(raw.replace(/[^\p{L}]/gu, '')) ? dot : ''));
    const initial = run.length > 0 && /^\p{Lu}\.?$/u.test(w);
    const particle = run.length > 0 && /^(de|da|del|der|van|von|in|'t|la|le|bin|al|el)$/i.test(w) && /^\p{Lu}/u.test(words[i + 1] ?? '');
    // (A title word after a given name is a surname: `Peter T. King`, `John Major`.)
    // (Title modifiers such as `European` or `Democratic` are names' words too; heads such as `Sen.` or `Chairman` are not.)
    const titled = isTitleHead(w) || isHonorific(w) || isHonorific(w.replace(/\.$/, ''));
    const name = /^\p{Lu}/u.test(w) && w.length > 1 && !NOT_NAME.test(w) && (!titled || (run.length > 0 && !isTitleHead(run[run.length - 1]!)));
    if (name || particle || initial) {
      if (run.length === 0) {
        let b = i - 1;
        while (b > 0 && /^(the|a|an)$/i.test(words[b] ?? '')) b--;
        governor = (words[b] ?? '').toLowerCase();
      }
      run.push(w);
      if (/['’]s?$/.test(raw)) flush(words[i + 1] ?? '');
    } else flush(w);
  });
  flush('');
  return runs;
}

/** A run that names the source itself, not a place or body it is of, a thing it qualifies, or its owner. */
const isHead = (r: NameRun) => !r.possessive && !r.qualifies && !/^(of|at|for|from|in|on|with|to|by)$/.test(r.governor);

/**
 * The name a gold source gives, if it is a name (its surname or last word),
 * not a pronoun or a description: `Rep. Adam Schiff, the top Democrat …` →
 * Schiff; `Mr. Burman of the Tax Policy Center` → Burman; `Mr. Trump's
 * former campaign manager, Corey Lewandowski` → Lewandowski; `Priorities
 * spokesman Justin Barasky` → Barasky.
 */
export function sourceName(source: string): string | undefined {
  // Asides and quoted titles of works say nothing of who it is.
  const plain = source.replace(/\([^)]*\)/g, ' ').replace(/(''|[“"]).*?(''|[”"])/g, ' ');
  const segments = plain.split(/,|\s[—–-]\s|\bwho\b|\bwhich\b/).map((x) => x.trim()).filter(Boolean);
  const first = nameRuns(segments[0] ?? '').find(isHead);
  if (first) return first.words[first.words.length - 1];
  // `Mr. Trump's former campaign manager, Corey Lewandowski`: a description, then the name as its appositive.
  const second = segments[1] ? nameRuns(segments[1]) : [];
  if (second.length === 1 && isHead(second[0]!) && segments[1]!.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || isTitleWord(w.replace(/[^\p{L}]/gu, '')))) {
    return second[0]!.words[second[0]!.words.length - 1];
  }
  return undefined;
}

/** Whether one of the speaker's names holds the word (accents and case folded). */
export function namesMatch(speakerNames: string[], word: string): boolean {
  // Dots and hyphens are spelling (`F.B.I.`, `Resnick-Day`); an acronym also matches the initials of a name it spells.
  const fold = (x: string) => lexKey(x).replace(/\./g, '');
  const key = fold(word);
  const initials = (n: string) => n.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!.toLowerCase()).join('');
  return speakerNames.some((n) => {
    const words = fold(n).split(/\s+/);
    return words.includes(key) || words.flatMap((w) => w.split('-')).includes(key) || fold(n) === key || (/^\p{Lu}{2,}$/u.test(word.replace(/\./g, '')) && initials(n) === key);
  });
}

export interface Tally {
  speech: Record<'all' | Form, { at03: Counts; at08: Counts }>;
  all: { at03: Counts; at08: Counts };
  speaker: { spanRight: number; spanTotal: number; nameRight: number; nameTotal: number };
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
export function emptyTally(): Tally {
  const pair = () => ({ at03: zero(), at08: zero() });
  return { speech: { all: pair(), direct: pair(), mixed: pair(), indirect: pair() }, all: pair(), speaker: { spanRight: 0, spanTotal: 0, nameRight: 0, nameTotal: 0 } };
}

export type ErrorClass =
  | 'missed direct'
  | 'missed mixed'
  | 'missed indirect'
  | 'spurious'
  | 'partial (0.3–0.8)'
  | 'speaker: none'
  | 'speaker: wrong span'
  | 'speaker: wrong name';

export interface ErrorExample {
  class: ErrorClass;
  article: string;
  text: string;
  detail: string;
}

/** Add one article's scores to `tally`; return its errors. */
export function scoreArticle(article: GoldArticle, preds: Predicted[], tally: Tally): ErrorExample[] {
  const errors: ErrorExample[] = [];
  const speech = article.attributions.filter((g) => g.speech);
  const other = article.attributions.filter((g) => !g.speech);
  const snippet = (p: Piece[]) => article.text.slice(p[0]!.start, p[p.length - 1]!.end).replace(/\s+/g, ' ').slice(0, 160);

  for (const threshold of [0.3, 0.8] as const) {
    const key = threshold === 0.3 ? 'at03' : 'at08';
    // All attributions.
    const allMatches = match(preds, article.attributions.map((g) => g.content), threshold);
    tally.all[key].tp += allMatches.length;
    tally.all[key].fp += preds.length - allMatches.length;
    tally.all[key].fn += article.attributions.length - allMatches.length;
    // Speech: a prediction matching a non-speech attribution is set aside first.
    const speechMatches = match(preds, speech.map((g) => g.content), threshold);
    const matchedP = new Set(speechMatches.map(([i]) => i));
    const matchedG = new Set(speechMatches.map(([, j]) => j));
    const rest = preds.map((p, i) => ({ p, i })).filter(({ i }) => !matchedP.has(i));
    const setAside = new Set(match(rest.map(({ p }) => p), other.map((g) => g.content), threshold).map(([k]) => rest[k]!.i));
    for (const form of ['all', 'direct', 'mixed', 'indirect'] as const) {
      const c = tally.speech[form][key];
      const inForm = (f: Form) => form === 'all' || f === form;
      c.tp += speechMatches.filter(([, j]) => inForm(speech[j]!.form)).length;
      c.fn += speech.filter((g, j) => inForm(g.form) && !matchedG.has(j)).length;
      c.fp += preds.filter((p, i) => inForm(p.form) && !matchedP.has(i) && !setAside.has(i)).length;
    }
    if (threshold === 0.3) {
      speech.forEach((g, j) => {
        if (!matchedG.has(j)) errors.push({ class: `missed ${g.form}`, article: article.name, text: snippet(g.content), detail: `cue ${JSON.stringify(g.cue?.text ?? '')}, source ${JSON.stringify(g.source?.text ?? '')}` });
      });
      preds.forEach((p, i) => {
        if (!matchedP.has(i) && !setAside.has(i)) errors.push({ class: 'spurious', article: article.name, text: p.text.slice(0, 160), detail: `${p.form}, speaker ${p.speakerNames[0] ?? '-'}` });
      });
      const strict = new Set(match(preds, speech.map((g) => g.content), 0.8).map(([, j]) => j));
      for (const [i, j] of speechMatches) {
        const p = preds[i]!;
        const g = speech[j]!;
        if (!strict.has(j)) errors.push({ class: 'partial (0.3–0.8)', article: article.name, text: snippet(g.content), detail: `predicted: ${p.text.slice(0, 120)}` });
        // Speakers, over matches at 0.3.
        if (g.source) {
          tally.speaker.spanTotal++;
          const right = !!p.mention && overlap(p.mention, g.source.pieces) > 0;
          if (right) tally.speaker.spanRight++;
          else errors.push({ class: p.mention ? 'speaker: wrong span' : 'speaker: none', article: article.name, text: snippet(g.content), detail: `gold ${JSON.stringify(g.source.text)}, predicted ${p.mention ? JSON.stringify(article.text.slice(p.mention.start, p.mention.end)) : '-'} (${p.speakerNames[0] ?? '-'})` });
          const name = sourceName(g.source.text);
          if (name) {
            tally.speaker.nameTotal++;
            if (namesMatch(p.speakerNames, name)) tally.speaker.nameRight++;
            else if (right) errors.push({ class: 'speaker: wrong name', article: article.name, text: snippet(g.content), detail: `gold ${JSON.stringify(g.source.text)} (${name}), predicted ${p.speakerNames[0] ?? '-'}` });
          }
        }
      }
    }
  }
  return errors;
}

// ─── Report ─────────────────────────────────────────────────────────────────

export interface Report {
  articles: number;
  failed: string[];
  speech: Record<'all' | Form, { at03: Prf; at08: Prf }>;
  all: { at03: Prf; at08: Prf };
  unquotedRecall: number;
  speaker: { bySpan: number; byName: number; spanTotal: number; nameTotal: number };
}

export function report(tally: Tally, articles: number, failed: string[]): Report {
  const both = (x: { at03: Counts; at08: Counts }) => ({ at03: prf(x.at03), at08: prf(x.at08) });
  const s = tally.speaker;
  return {
    articles,
    failed,
    speech: { all: both(tally.speech.all), direct: both(tally.speech.direct), mixed: both(tally.speech.mixed), indirect: both(tally.speech.indirect) },
    all: both(tally.all),
    unquotedRecall: prf(tally.speech.indirect.at03).recall,
    speaker: { bySpan: s.spanTotal ? s.spanRight / s.spanTotal : 0, byName: s.nameTotal ? s.nameRight / s.nameTotal : 0, spanTotal: s.spanTotal, nameTotal: s.nameTotal },
  };
}

function printReport(r: Report): void {
  const f = (x: number) => x.toFixed(3);
  const row = (label: string, x: { at03: Prf; at08: Prf }) =>
    `${label.padEnd(16)} ${f(x.at03.precision)}  ${f(x.at03.recall)}  ${f(x.at03.f1)}   ${f(x.at08.precision)}  ${f(x.at08.recall)}  ${f(x.at08.f1)}   ${String(x.at03.tp + x.at03.fn).padStart(5)}`;
  console.log(`${r.articles} articles${r.failed.length ? `, ${r.failed.length} failed to extract: ${r.failed.join(', ')}` : ''}\n`);
  console.log(`${''.padEnd(16)} ---- coverage > 0.3 ----   ---- coverage > 0.8 ----    gold`);
  console.log(`${''.padEnd(16)} P      R      F1      P      R      F1`);
  console.log(row('speech', r.speech.all));
  console.log(row('  direct', r.speech.direct));
  console.log(row('  mixed', r.speech.mixed));
  console.log(row('  indirect', r.speech.indirect));
  console.log(row('all attributions', r.all));
  console.log(`\nrecall of speech without quotation marks: ${f(r.unquotedRecall)}`);
  console.log(`speaker accuracy over matched speech quotes: by span ${f(r.speaker.bySpan)} (of ${r.speaker.spanTotal}), by name ${f(r.speaker.byName)} (of ${r.speaker.nameTotal})`);
}

function printErrors(errors: ErrorExample[], n: number): void {
  const byClass = new Map<ErrorClass, ErrorExample[]>();
  for (const e of errors) byClass.set(e.class, [...(byClass.get(e.class) ?? []), e]);
  for (const [cls, list] of [...byClass.entries()].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\n== ${cls}: ${list.length}`);
    // A spread of examples, not the first article's.
    const step = Math.max(1, Math.floor(list.length / n));
    for (let i = 0; i < list.length && i / step < n; i += step) {
      const e = list[i]!;
      console.log(`  [${e.article.slice(0, 40)}] ${e.text}\n      ${e.detail}`);
    }
  }
}

interface Args {
  dir: string;
  errors: number;
  json: boolean;
  limit?: number;
  only?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: join(POLNEAR, 'dev'), errors: 0, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--errors') args.errors = Number(argv[++i]);
    else if (a === '--json') args.json = true;
    else if (a === '--limit') args.limit = Number(argv[++i]);
    else if (a === '--only') args.only = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/eval-attribution.ts [dev|train|DIR] [--errors N] [--json] [--limit N] [--only SUBSTR]');
      process.exit(0);
    } else args.dir = a === 'dev' || a === 'train' ? join(POLNEAR, a) : a;
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { analyze } = await import('../src/extract.js');
  let articles = readPolnear(args.dir).filter((a) => !args.only || a.name.includes(args.only));
  if (args.limit) articles = articles.slice(0, args.limit);
  const tally = emptyTally();
  const errors: ErrorExample[] = [];
  const failed: string[] = [];
  for (const article of articles) {
    let preds: Predicted[] = [];
    try {
      preds = predictionsOf(analyze(article.text, { id: article.name }));
    } catch {
      failed.push(article.name);
    }
    errors.push(...scoreArticle(article, preds, tally));
  }
  const r = report(tally, articles.length, failed);
  if (args.json) {
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  console.log(`speech cues: verbs and nouns inflecting ${SPEECH_LEMMAS.join(', ')}; phrases ${SPEECH_PHRASES.join(', ')}; or content in quotation marks\n`);
  printReport(r);
  if (args.errors > 0) printErrors(errors, args.errors);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
