/**
 * How much of a human-written reference a summary recovers, against the two
 * plain baselines a summary must beat at the same word budget:
 *
 *   lead-sentences  the article's first sentences, as many as fit N words
 *   lead-words      the article's first N words, cut mid-sentence if need be
 *
 *   npx tsx scripts/rouge-summary.ts [--words 50] [--limit 300] [--json]
 *
 * References: PolNeAR (../shared/data/polnear/, 2016 US election news from
 * seven publishers) ships no summaries, so the one human-written summary each
 * article has is used: its headline (metadata.tsv `title`), taken out of the
 * text before summarizing. A headline is short (about 12 words), so read the
 * recall columns: how many of the headline's words and word pairs the
 * 50-word text contains. `--reference abstract` uses the one human-written
 * summary PolNeAR holds instead: the abstract that opens each of its 104 New
 * York Times articles (`ABSTRACT. … FULL TEXT.`, one sentence of about 25
 * words), taken out of the text. Scores are ROUGE-1, ROUGE-2 and ROUGE-L (LCS) on
 * lower-cased word tokens, no stemming, no stop-word removal, macro-averaged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { normalize } from '../src/normalize/index.js';
import { segment } from '../src/segment/index.js';
import { summarize } from '../src/summarize/index.js';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '50' },
    limit: { type: 'string', default: '300' },
    json: { type: 'boolean', default: false },
    /** Print the N articles where the summary trails the first-sentences baseline most (ROUGE-1 F), to study why. */
    worst: { type: 'string', default: '0' },
    data: { type: 'string', default: new URL('../../shared/data/polnear/', import.meta.url).pathname },
    /** `headline` (every article), or `abstract`: the 104 New York Times articles' own abstracts, taken out of their text. */
    reference: { type: 'string', default: 'headline' },
  },
});
const budget = Number(values.words);
const limit = Number(values.limit);

export function rougeTokens(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

interface Score {
  r: number;
  p: number;
  f: number;
}

function prf(overlap: number, reference: number, candidate: number): Score {
  const r = reference === 0 ? 0 : overlap / reference;
  const p = candidate === 0 ? 0 : overlap / candidate;
  return { r, p, f: r + p === 0 ? 0 : (2 * r * p) / (r + p) };
}

export function rougeN(candidate: string[], reference: string[], n: number): Score {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [k, count] of r) overlap += Math.min(count, c.get(k) ?? 0);
  return prf(overlap, Math.max(0, reference.length - n + 1), Math.max(0, candidate.length - n + 1));
}

export function rougeL(candidate: string[], reference: string[]): Score {
  const row = new Array<number>(reference.length + 1).fill(0);
  for (let i = 1; i <= candidate.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= reference.length; j++) {
      const up = row[j]!;
      row[j] = candidate[i - 1] === reference[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return prf(row[reference.length]!, reference.length, candidate.length);
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The first sentences that fit the budget together (the first one cut to it when even it is longer). */
function leadSentences(sentences: string[], n: number): string {
  const out: string[] = [];
  let used = 0;
  for (const s of sentences) {
    const w = words(s).length;
    if (used + w > n) break;
    out.push(s);
    used += w;
  }
  return out.length > 0 ? out.join(' ') : words(sentences[0] ?? '').slice(0, n).join(' ');
}

function leadWords(sentences: string[], n: number): string {
  return words(sentences.join(' ')).slice(0, n).join(' ');
}

interface Article {
  id: string;
  title: string;
  text: string;
}

function polnear(dir: string): Article[] {
  const rows = readFileSync(join(dir, 'metadata.tsv'), 'utf8').trim().split('\n').slice(1);
  const out: Article[] = [];
  for (const row of rows) {
    const [compartment, filename, , , , , , title] = row.split('\t');
    if (!compartment || !filename || !title) continue;
    const raw = readFileSync(join(dir, compartment, 'text', `${filename}.txt`), 'utf8');
    // The text opens with its headline, or with its parts (`Lawmaker urges retaliation on Russia; Member of
    // House panel says …` opens with the subhead alone): the reference must not be in what is summarized.
    const plain = (line: string): string => line.trim().replace(/[.;]$/, '').toLowerCase();
    const parts = new Set([title, ...title.split(';')].map(plain).filter((p) => p.length > 0));
    const lines = raw.split('\n');
    while (lines.length > 1 && (parts.has(plain(lines[0]!)) || lines[0]!.startsWith(title.slice(0, 30)))) lines.shift();
    const text = lines.join('\n');
    // The New York Times articles open with an abstract written by the paper: `ABSTRACT. … FULL TEXT.`
    const abstract = /^\s*ABSTRACT\.\s*\n([\s\S]+?)\n\s*FULL TEXT\.\s*\n/.exec(text);
    if (values.reference === 'abstract') {
      if (abstract) out.push({ id: filename, title: abstract[1]!.trim(), text: text.slice(abstract[0].length) });
    } else out.push({ id: filename, title, text });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const systems = ['newsgraph', 'lead-sentences', 'lead-words'] as const;
type System = (typeof systems)[number];

function main(): void {
  const articles = polnear(values.data!).slice(0, limit);
  const totals = new Map<System, { r1: Score; r2: Score; rl: Score; words: number }>();
  for (const s of systems) totals.set(s, { r1: { r: 0, p: 0, f: 0 }, r2: { r: 0, p: 0, f: 0 }, rl: { r: 0, p: 0, f: 0 }, words: 0 });
  let scored = 0;
  let failed = 0;
  const gaps: Array<{ gap: number; title: string; outputs: Record<System, string> }> = [];
  for (const a of articles) {
    let sentences: string[];
    let ours: string;
    try {
      sentences = segment(normalize(a.text)).map((s) => s.text);
      ours = summarize(a.text, { paragraphs: 1, words: budget }).text;
    } catch {
      failed += 1;
      continue;
    }
    const reference = rougeTokens(a.title);
    const outputs: Record<System, string> = {
      newsgraph: ours,
      'lead-sentences': leadSentences(sentences, budget),
      'lead-words': leadWords(sentences, budget),
    };
    const f1 = (s: System): number => rougeN(rougeTokens(outputs[s]), reference, 1).f;
    gaps.push({ gap: f1('lead-sentences') - f1('newsgraph'), title: a.title, outputs });
    for (const s of systems) {
      const c = rougeTokens(outputs[s]);
      const t = totals.get(s)!;
      for (const [key, score] of [['r1', rougeN(c, reference, 1)], ['r2', rougeN(c, reference, 2)], ['rl', rougeL(c, reference)]] as const) {
        t[key].r += score.r;
        t[key].p += score.p;
        t[key].f += score.f;
      }
      t.words += words(outputs[s]).length;
    }
    scored += 1;
  }
  const pct = (x: number): string => ((100 * x) / Math.max(1, scored)).toFixed(1);
  const rows = systems.map((s) => {
    const t = totals.get(s)!;
    return { system: s, words: t.words / Math.max(1, scored), r1: t.r1, r2: t.r2, rl: t.rl };
  });
  for (const g of gaps.sort((a, b) => b.gap - a.gap).slice(0, Number(values.worst))) {
    console.log(`\n[${(100 * g.gap).toFixed(1)}] ${g.title}\n  newsgraph: ${g.outputs.newsgraph}\n  lead:      ${g.outputs['lead-sentences']}`);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ budget, scored, failed, rows }, null, 2)}\n`);
    return;
  }
  console.log(`ROUGE against PolNeAR ${values.reference === 'abstract' ? 'abstracts' : 'headlines'}, ${scored} articles (${failed} unreadable), budget ${budget} words; recall (F1)`);
  console.log('| system | mean words | ROUGE-1 R (F) | ROUGE-2 R (F) | ROUGE-L R (F) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.system} | ${r.words.toFixed(1)} | ${pct(r.r1.r)} (${pct(r.r1.f)}) | ${pct(r.r2.r)} (${pct(r.r2.f)}) | ${pct(r.rl.r)} (${pct(r.rl.f)}) |`);
  }
}

main();
