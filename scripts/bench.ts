/**
 * newsgraph's benchmark: one command, one corpus, every row side by side.
 *
 *   npx tsx scripts/bench.ts [--quick] [--count N] [--repeat R] [--stream N] [--stream-merge N] [--neo4j-count N] [--no-spacy] [--no-neo4j]
 *
 * Rows: (a) compromise's own tagging, (b) newsgraph's extract pass, (c) the
 * whole pipeline (extract + merge + a summary per article + graph JSON),
 * (d) spaCy en_core_web_sm on the same texts when PyPI has it; each with
 * words/second (wall clock and per CPU second) and peak memory, each run in
 * its own process, R rounds interleaved, the fastest round kept. Then the
 * speed-up of --jobs 2 over --jobs 1, summarize time against extract time,
 * memory over a long generated stream, and Neo4j load throughput on 2,000
 * articles (one transaction per article, batched `load`, and the raw UNWIND
 * ceiling of the same rows, from scripts/bench-neo4j.ts).
 * Results go to stdout and to out/bench/last.json and out/bench/last.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildDist } from './bench-dist.js';
import type { RowResult } from './bench-row.js';
import { benchNeo4j, describeNeo4jBench, type Neo4jBenchResult } from './bench-neo4j.js';
import { benchSpacy } from './bench-spacy.js';
import { benchCorpus, countWords } from './corpus/corpus.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    count: { type: 'string' },
    stream: { type: 'string' },
    'stream-merge': { type: 'string' },
    repeat: { type: 'string' },
    'no-spacy': { type: 'boolean', default: false },
    'no-neo4j': { type: 'boolean', default: false },
    'neo4j-count': { type: 'string' },
  },
});
const count = Number(values.count ?? (values.quick ? 100 : 300));
const streamCount = Number(values.stream ?? (values.quick ? 1000 : 10000));
// The merged stream holds the whole graph by design; a fifth of the stream shows its growth per article.
const streamMergeCount = Number(values['stream-merge'] ?? Math.round(streamCount / 5));
const repeat = Number(values.repeat ?? (values.quick ? 1 : 2));
const neo4jCount = Number(values['neo4j-count'] ?? (values.quick ? 300 : 2000));
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/** Run one row in a fresh process (its own peak RSS), return what it printed. */
function runRow(row: string, options: { count: number; jobs?: number }): Promise<RowResult> {
  const args = ['--import', 'tsx', '--expose-gc', 'scripts/bench-row.ts', row, '--count', String(options.count), '--jobs', String(options.jobs ?? 1)];
  log(`${row}${options.jobs ? ` --jobs ${options.jobs}` : ''} on ${options.count} articles…`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench row ${row} exited with code ${code}`));
      const result = JSON.parse(out.trim().split('\n').at(-1)!) as RowResult;
      result.extra = { ...result.extra, load: loadavg()[0] };
      resolve(result);
    });
  });
}

const rate = (r: RowResult): number => r.words / r.seconds;
const cpuRate = (r: RowResult): number => r.words / r.cpuSeconds;
const fastest = (runs: RowResult[]): RowResult => runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Neo4jOutcome {
  ok: boolean;
  text: string;
  result?: Neo4jBenchResult;
}

/** Neo4j load throughput (scripts/bench-neo4j.ts) on its own private server. */
async function neo4jRow(): Promise<Neo4jOutcome> {
  try {
    log(`Neo4j: ${neo4jCount} articles, loaded three ways on a private server…`);
    const result = await benchNeo4j({ count: neo4jCount, log: (line) => log(`Neo4j: ${line}`) });
    return { ok: true, text: describeNeo4jBench(result).join(' '), result };
  } catch (error) {
    return { ok: false, text: `not measured: ${(error as Error).message.split('\n')[0]}` };
  }
}

async function main(): Promise<void> {
  const corpus = benchCorpus(count);
  const words = corpus.reduce((sum, article) => sum + countWords(article.text), 0);
  const cores = availableParallelism();
  buildDist(log);
  const loadBefore = loadavg()[0]!;
  log(`corpus: ${corpus.length} articles, ${fmt(words)} words; ${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'}); load average ${fmt(loadBefore, 1)}`);

  // Rounds interleave the rows, so a burst of load elsewhere hits all of them alike.
  const plan: Array<[string, number]> = [['compromise', 1], ['extract', 1], ['pipeline', 1], ['corpus', 1], ['corpus', 2]];
  const runs = new Map<string, RowResult[]>();
  for (let round = 1; round <= repeat; round += 1) {
    if (repeat > 1) log(`round ${round} of ${repeat}`);
    for (const [row, jobs] of plan) {
      const key = `${row}:${jobs}`;
      runs.set(key, [...(runs.get(key) ?? []), await runRow(row, { count, jobs })]);
    }
  }
  const best = (row: string, jobs = 1): RowResult => fastest(runs.get(`${row}:${jobs}`)!);
  const compromise = best('compromise');
  const extract = best('extract');
  const pipeline = best('pipeline');
  const jobs1 = best('corpus', 1);
  const jobs2 = best('corpus', 2);
  const spacy = values['no-spacy'] ? ({ ok: false, reason: 'skipped (--no-spacy)' } as const) : benchSpacy(corpus, log);
  const stream = await runRow('stream', { count: streamCount, jobs: 2 });
  const streamMerge = await runRow('stream-merge', { count: streamMergeCount, jobs: 2 });
  const neo4j = values['no-neo4j'] ? { ok: false, text: 'skipped (--no-neo4j)' } : await neo4jRow();
  const loadAfter = loadavg()[0]!;

  const base = rate(compromise);
  const cpuBase = cpuRate(compromise);
  const lines: string[] = [];
  const say = (line = ''): void => void lines.push(line);
  say(
    `newsgraph benchmark, ${new Date().toISOString().slice(0, 10)}: ${corpus.length} articles, ${fmt(words)} words ` +
      `(CoNLL-2003 eng.testa rebuilt as text + test fixtures, repeated); node ${process.version}, ${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ` +
      `1-minute load average ${fmt(loadBefore, 1)} at the start, ${fmt(loadAfter, 1)} at the end; rows (a)-(c) and --jobs: fastest of ${repeat} interleaved round(s)`,
  );
  say();
  say('| row | words/s (wall) | words per CPU-second | vs compromise (CPU) | wall s | CPU s | peak RSS |');
  say('|---|---:|---:|---:|---:|---:|---:|');
  const row = (name: string, r: RowResult): void =>
    say(
      `| ${name} | ${fmt(rate(r))} | ${fmt(cpuRate(r))} | ${fmt(cpuRate(r) / cpuBase, 2)}× | ${fmt(r.seconds, 1)} | ${fmt(r.cpuSeconds, 1)} | ${fmt(r.peakRssMiB)} MiB |`,
    );
  row('(a) compromise `nlp(text).json()`, 1 thread', compromise);
  row('(b) newsgraph extract, 1 thread', extract);
  row('(c) whole pipeline, 1 thread (extract + merge + a summary per article + graph JSON)', pipeline);
  if (spacy.ok) row(`(d) spaCy ${spacy.version} ${spacy.model} (tagger, parser, NER), 1 thread`, spacy.result);
  else say(`| (d) spaCy en_core_web_sm | skipped: ${spacy.reason} | | | | | |`);
  row('corpus extract + merge, `--jobs 1`', jobs1);
  row('corpus extract + merge, `--jobs 2`', jobs2);
  say();
  say(
    `- speed-up of \`--jobs 2\` over \`--jobs 1\`: ${fmt(jobs1.seconds / jobs2.seconds, 2)}× wall clock (${fmt(jobs1.seconds, 1)} s → ${fmt(jobs2.seconds, 1)} s); ` +
      `CPU spent ${fmt(jobs1.cpuSeconds, 1)} s → ${fmt(jobs2.cpuSeconds, 1)} s (each worker thread loads its own compromise and lexicons)`,
  );
  say(`- newsgraph extract vs compromise tagging alone: ${fmt(cpuRate(extract) / cpuBase, 2)}× the words per CPU-second (${fmt(rate(extract) / base, 2)}× wall)`);
  if (spacy.ok) {
    say(
      `- newsgraph extract vs spaCy en_core_web_sm: ${fmt(cpuRate(extract) / cpuRate(spacy.result), 2)}× the words per CPU-second (${fmt(rate(extract) / rate(spacy.result), 2)}× wall); ` +
        `spaCy's model from PyPI package \`${spacy.pkg}\``,
    );
  }
  const p = pipeline.extra ?? {};
  if (typeof p.summarizeSkipped === 'string') say(`- summarize: not measured (${p.summarizeSkipped})`);
  else {
    const ratio = Number(p.summarizeSeconds) / Number(p.extractSeconds);
    say(
      `- time to summarize vs time to extract (in row c): ${fmt(Number(p.summarizeSeconds), 1)} s for ${String(p.summaries)} summaries vs ` +
        `${fmt(Number(p.extractSeconds), 1)} s of extraction: summarizing costs ${fmt(ratio * 100, 0)}% of extracting`,
    );
  }
  say(`- merge + graph JSON export (in row c): ${fmt(Number(p.mergeExportSeconds), 2)} s for ${fmt(Number(p.nodes))} nodes, ${fmt(Number(p.edges))} edges, ${String(p.graphJsonMiB)} MiB of JSON`);
  const samples = (r: RowResult): string =>
    ((r.extra?.samples ?? []) as Array<{ articles: number; rssMiB: number }>).map((s) => `${fmt(s.articles)}: ${fmt(s.rssMiB)}`).join(', ');
  say(
    `- stream of ${fmt(stream.articles)} generated articles (${fmt(stream.words)} words), \`--jobs 2\`, one graph per article as \`load\`/\`mentions\` use it: ` +
      `${fmt(rate(stream))} words/s; RSS in MiB after N articles: ${samples(stream)}; peak ${fmt(stream.peakRssMiB)} MiB`,
  );
  say(
    `- ${fmt(streamMerge.articles)} generated articles merged into one graph (what \`extract\`/\`viz\` hold): ${fmt(rate(streamMerge))} words/s; ` +
      `RSS in MiB: ${samples(streamMerge)}; peak ${fmt(streamMerge.peakRssMiB)} MiB (grows with the graph, by design)`,
  );
  say(`- Neo4j load: ${neo4j.text}`);
  say();
  say(`command: \`npx tsx scripts/bench.ts${process.argv.slice(2).map((arg) => ` ${arg}`).join('')}\``);

  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  mkdirSync('out/bench', { recursive: true });
  writeFileSync('out/bench/last.md', `${report}\n`);
  writeFileSync(
    'out/bench/last.json',
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores, load: [loadBefore, loadAfter], corpus: { articles: corpus.length, words }, runs: Object.fromEntries(runs), spacy, stream, streamMerge, neo4j }, null, 2)}\n`,
  );
}

await main();
