/**
 * Scores entity recognition on CoNLL-2003 (English dev set, eng.testa) as
 * entity-level exact-span-and-type precision / recall / F1 for PER, ORG, LOC
 * and their micro average, for raw compromise and for newsgraph's
 * `mentions()`, in one run, sentence by sentence.
 *
 *   npx tsx scripts/eval-ner.ts [path.conll] [--json] [--errors N] [--limit N]
 *
 * Each sentence's text is its tokens joined by single spaces, so every token
 * keeps a known character offset. A prediction whose span is exactly a gold
 * MISC span is ignored (neither right nor wrong): the task has no MISC kind.
 * The data is read for evaluation only; nothing here learns from its answers.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import type { EntityKind, Mention } from '../src/types.js';
import { CONLL_PATH } from './corpus/corpus.js';

export type Label = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type Scored = Exclude<Label, 'MISC'>;
const SCORED: Scored[] = ['PER', 'ORG', 'LOC'];

export interface Span {
  start: number;
  end: number;
  type: Label;
}

export interface ConllSentence {
  text: string;
  gold: Span[];
  /** Which `-DOCSTART-` document (article) the sentence belongs to, from 0. */
  doc: number;
}

/** The newsgraph kind → CoNLL type mapping the issue fixes. */
const KIND_TO_LABEL: Record<EntityKind, Scored> = {
  Person: 'PER',
  Agency: 'ORG',
  Party: 'ORG',
  Organization: 'ORG',
  State: 'LOC',
  Place: 'LOC',
};

// ─── Reading CoNLL ──────────────────────────────────────────────────────────

/** Sentences with gold spans. Tags may be IOB1 (eng.testa) or IOB2: an entity starts at B-X or at I-X after another type. */
export function readConll(path: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let doc = -1;
  const flush = (): void => {
    if (words.length > 0) sentences.push(toSentence(words, tags, Math.max(doc, 0)));
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('-DOCSTART-')) {
      flush();
      if (trimmed.startsWith('-DOCSTART-')) doc++;
      continue;
    }
    const cols = trimmed.split(/\s+/);
    words.push(cols[0]!);
    tags.push(cols[cols.length - 1]!);
  }
  flush();
  return sentences;
}

function toSentence(words: string[], tags: string[], doc: number): ConllSentence {
  const starts: number[] = [];
  let offset = 0;
  for (const w of words) {
    starts.push(offset);
    offset += w.length + 1;
  }
  const text = words.join(' ');
  const gold: Span[] = [];
  let open: Span | undefined;
  tags.forEach((tag, i) => {
    const end = starts[i]! + words[i]!.length;
    if (tag === 'O') {
      open = undefined;
      return;
    }
    const [prefix, type] = tag.split('-') as [string, Label];
    if (prefix === 'I' && open && open.type === type) {
      open.end = end;
      return;
    }
    open = { start: starts[i]!, end, type };
    gold.push(open);
  });
  return { text, gold, doc };
}

/**
 * Each article as one text, its sentences one paragraph each, so a system sees
 * what it sees on a real article: the other sentences around a name.
 */
export function toDocuments(sentences: ConllSentence[]): ConllSentence[] {
  const docs: ConllSentence[] = [];
  for (const s of sentences) {
    let current = docs[docs.length - 1];
    if (!current || current.doc !== s.doc) docs.push((current = { text: '', gold: [], doc: s.doc }));
    const offset = current.text === '' ? 0 : current.text.length + 2;
    current.text = current.text === '' ? s.text : `${current.text}\n\n${s.text}`;
    for (const g of s.gold) current.gold.push({ ...g, start: g.start + offset, end: g.end + offset });
  }
  return docs;
}

// ─── Systems ────────────────────────────────────────────────────────────────

export type System = (text: string) => Span[];

interface CompromiseTerm {
  offset: { start: number; length: number };
}
interface CompromiseMatch {
  terms: CompromiseTerm[];
}

/** Raw compromise: people / organizations / places, spans from first to last term (punctuation around them excluded). */
export const compromiseSystem: System = (text) => {
  const doc = nlp(text);
  const out: Span[] = [];
  const add = (matches: CompromiseMatch[], type: Scored): void => {
    for (const m of matches) {
      const first = m.terms[0];
      const last = m.terms[m.terms.length - 1];
      if (!first || !last) continue;
      out.push({ start: first.offset.start, end: last.offset.start + last.offset.length, type });
    }
  };
  const opts = { offset: true, terms: { offset: true } };
  add(doc.people().json(opts) as CompromiseMatch[], 'PER');
  add(doc.organizations().json(opts) as CompromiseMatch[], 'ORG');
  add(doc.places().json(opts) as CompromiseMatch[], 'LOC');
  return out;
};

function newsgraphSystem(mentions: (text: string) => Mention[]): System {
  return (text) => mentions(text).map((m) => ({ start: m.start, end: m.end, type: KIND_TO_LABEL[m.kind] }));
}

// ─── Scoring ────────────────────────────────────────────────────────────────

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface SystemResult {
  name: string;
  counts: Record<Scored, Counts>;
  ignored: number;
  ms: number;
  /** Error texts with a short reason, counted. */
  fp: Record<Scored, Map<string, number>>;
  fn: Record<Scored, Map<string, number>>;
}

const key = (s: { start: number; end: number }): string => `${s.start}:${s.end}`;

function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, ...c };
}

function bump(map: Map<string, number>, k: string): void {
  map.set(k, (map.get(k) ?? 0) + 1);
}

/** Why a false positive is wrong: wrong type on a gold span, overlapping a gold span, or nothing there. */
function fpReason(p: Span, gold: Span[], text: string): string {
  const same = gold.find((g) => g.start === p.start && g.end === p.end);
  if (same) return `gold ${same.type}`;
  const overlap = gold.find((g) => g.start < p.end && p.start < g.end);
  if (overlap) return `overlaps ${overlap.type} "${text.slice(overlap.start, overlap.end)}"`;
  return 'not an entity';
}

function fnReason(g: Span, predicted: Span[], text: string): string {
  const same = predicted.find((p) => p.start === g.start && p.end === g.end);
  if (same) return `predicted ${same.type}`;
  const overlap = predicted.find((p) => p.start < g.end && g.start < p.end);
  if (overlap) return `predicted ${overlap.type} "${text.slice(overlap.start, overlap.end)}"`;
  return 'missed';
}

export function evaluate(name: string, system: System, sentences: ConllSentence[]): SystemResult {
  const result: SystemResult = {
    name,
    counts: { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } },
    ignored: 0,
    ms: 0,
    fp: { PER: new Map(), ORG: new Map(), LOC: new Map() },
    fn: { PER: new Map(), ORG: new Map(), LOC: new Map() },
  };
  const started = performance.now();
  for (const sentence of sentences) {
    // One prediction per span and type, however many times a system reports it.
    const predicted = new Map<string, Span>();
    for (const p of system(sentence.text)) predicted.set(`${key(p)}:${p.type}`, p);
    const preds = [...predicted.values()];
    const goldScored = sentence.gold.filter((g): g is Span & { type: Scored } => g.type !== 'MISC');
    const misc = new Set(sentence.gold.filter((g) => g.type === 'MISC').map(key));
    const matched = new Set<Span>();
    for (const p of preds) {
      const type = p.type as Scored;
      const hit = goldScored.find((g) => g.type === type && g.start === p.start && g.end === p.end);
      if (hit) {
        result.counts[type].tp++;
        matched.add(hit);
      } else if (misc.has(key(p))) {
        result.ignored++;
      } else {
        result.counts[type].fp++;
        bump(result.fp[type], `${sentence.text.slice(p.start, p.end)}  [${fpReason(p, sentence.gold, sentence.text)}]`);
      }
    }
    for (const g of goldScored) {
      if (matched.has(g)) continue;
      result.counts[g.type].fn++;
      bump(result.fn[g.type], `${sentence.text.slice(g.start, g.end)}  [${fnReason(g, preds, sentence.text)}]`);
    }
  }
  result.ms = performance.now() - started;
  return result;
}

export function summary(r: SystemResult): Record<Scored | 'overall', Prf> {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const t of SCORED) {
    total.tp += r.counts[t].tp;
    total.fp += r.counts[t].fp;
    total.fn += r.counts[t].fn;
  }
  return { PER: prf(r.counts.PER), ORG: prf(r.counts.ORG), LOC: prf(r.counts.LOC), overall: prf(total) };
}

// ─── Output ─────────────────────────────────────────────────────────────────

const pct = (x: number): string => x.toFixed(3);

function printTable(results: SystemResult[], sentences: number, documents: number, goldCounts: Record<Label, number>): void {
  console.log(`CoNLL-2003 sentences: ${sentences} in ${documents} documents; gold PER ${goldCounts.PER}, ORG ${goldCounts.ORG}, LOC ${goldCounts.LOC} (MISC ${goldCounts.MISC} ignored)`);
  console.log('');
  const header = ['system', 'type', 'P', 'R', 'F1', 'TP', 'FP', 'FN'];
  const rows: string[][] = [header];
  for (const r of results) {
    const s = summary(r);
    for (const t of [...SCORED, 'overall'] as const) {
      const x = s[t];
      rows.push([r.name, t, pct(x.precision), pct(x.recall), pct(x.f1), String(x.tp), String(x.fp), String(x.fn)]);
    }
  }
  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log('');
  for (const r of results) console.log(`${r.name}: ${(r.ms / 1000).toFixed(1)} s, ${r.ignored} predictions on MISC spans ignored`);
}

function printErrors(results: SystemResult[], n: number): void {
  for (const r of results) {
    for (const t of SCORED) {
      for (const [label, map] of [['false positives', r.fp[t]], ['false negatives', r.fn[t]]] as const) {
        const top = [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
        // Classes: wrong type on the right span, wrong boundaries, or nothing on the other side at all.
        const classes = new Map<string, number>();
        for (const [text, count] of map) {
          const reason = /\[(gold|predicted) [A-Z]+\]$/.test(text) ? 'wrong type' : /\[(overlaps|predicted) /.test(text) ? 'boundary' : 'no counterpart';
          classes.set(reason, (classes.get(reason) ?? 0) + count);
        }
        const total = [...map.values()].reduce((a, b) => a + b, 0);
        const breakdown = ['wrong type', 'boundary', 'no counterpart'].map((c) => `${classes.get(c) ?? 0} ${c}`).join(', ');
        console.log(`\n${r.name} ${t} ${label} (${total} total: ${breakdown}; top ${top.length}):`);
        for (const [text, count] of top) console.log(`  ${String(count).padStart(4)}  ${text}`);
      }
    }
  }
}

// ─── Main ───────────────────────────────────────────────────────────────────

type Unit = 'sentence' | 'document';

interface Args {
  path: string;
  units: Unit[];
  json: boolean;
  errors: number;
  limit: number;
  only?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { path: CONLL_PATH, units: ['sentence'], json: false, errors: 0, limit: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--errors') args.errors = Number(argv[++i] ?? 20);
    else if (a === '--limit') args.limit = Number(argv[++i]);
    else if (a === '--only') args.only = argv[++i];
    else if (a === '--by') {
      const unit = argv[++i];
      if (unit === 'both') args.units = ['sentence', 'document'];
      else if (unit === 'sentence' || unit === 'document') args.units = [unit];
      else throw new Error('--by needs sentence, document or both');
    }
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/eval-ner.ts [path.conll] [--json] [--errors N] [--limit SENTENCES] [--only compromise|newsgraph] [--by sentence|document|both]');
      process.exit(0);
    } else args.path = a;
  }
  if (!Number.isFinite(args.errors) || args.errors < 0) throw new Error('--errors needs a non-negative number');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sentences = readConll(args.path).slice(0, args.limit);
  const goldCounts: Record<Label, number> = { PER: 0, ORG: 0, LOC: 0, MISC: 0 };
  for (const s of sentences) for (const g of s.gold) goldCounts[g.type]++;

  const systems: Array<[string, System]> = [];
  if (args.only !== 'newsgraph') systems.push(['compromise', compromiseSystem]);
  if (args.only !== 'compromise') {
    try {
      const recognize = (await import('../src/recognize/index.js')) as { mentions?: (text: string) => Mention[] };
      if (typeof recognize.mentions !== 'function') throw new Error('src/recognize/index.ts exports no mentions()');
      systems.push(['newsgraph', newsgraphSystem(recognize.mentions)]);
    } catch (error) {
      console.error(`newsgraph mentions() unavailable, scoring compromise only: ${(error as Error).message}`);
    }
  }

  // By sentence is the usual CoNLL reading (and the one the figures use);
  // by document each system reads whole articles, as newsgraph does in use:
  // normalization then drops short lines without a sentence's ending (table
  // rows, datelines) as headings and furniture. Both score the same gold spans.
  const texts: Record<Unit, ConllSentence[]> = { sentence: sentences, document: toDocuments(sentences) };
  const results = args.units.flatMap((unit) => systems.map(([name, system]) => evaluate(`${name} by ${unit}`, system, texts[unit])));
  if (args.json) {
    const out = {
      path: args.path,
      sentences: sentences.length,
      documents: texts.document.length,
      gold: goldCounts,
      systems: Object.fromEntries(results.map((r) => [r.name, { ...summary(r), ignored: r.ignored, seconds: r.ms / 1000 }])),
    };
    console.log(JSON.stringify(out, null, 2));
  } else {
    printTable(results, sentences.length, texts.document.length, goldCounts);
  }
  if (args.errors > 0) printErrors(results, args.errors);
}

// Run only as a script, so tests can import the reader and the scorer.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
