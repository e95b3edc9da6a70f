/**
 * newsgraph's benchmark: one command, one corpus, every row side by side.
 *
 *   npx tsx scripts/bench.ts [--quick] [--count N] [--stream N]
 *
 * Rows: (a) compromise's own tagging, (b) newsgraph's extract pass, (c) the
 * whole pipeline (extract + merge + a summary per article + graph JSON),
 * (d) spaCy en_core_web_sm on the same texts when PyPI has it; each with
 * words/second and peak memory, run in its own process. Then the speed-up of
 * --jobs 2 over --jobs 1, summarize time against extract time, memory over
 * a long generated stream, and Neo4j load throughput when a server answers.
 * Results go to stdout and to out/bench/last.json and out/bench/last.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { RowResult } from './bench-row.js';
import { benchSpacy } from './bench-spacy.js';
import { benchCorpus, countWords } from './corpus/corpus.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    count: { type: 'string' },
    stream: { type: 'string' },
    'no-spacy': { type: 'boolean', default: false },
  },
});
const count = Number(values.count ?? (values.quick ? 100 : 300));
const streamCount = Number(values.stream ?? (values.quick ? 1000 : 10000));
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
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as RowResult);
    });
  });
}

const rate = (r: RowResult): number => r.words / r.seconds;
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Neo4jOutcome {
  ok: boolean;
  text: string;
}

/** Neo4j load throughput from the Neo4j helper's scripts/bench-neo4j.ts, when it and a server are there. */
async function neo4jRow(): Promise<Neo4jOutcome> {
  if (!existsSync('scripts/bench-neo4j.ts')) return { ok: false, text: 'skipped: scripts/bench-neo4j.ts is not there' };
  try {
    const module = (await import('./bench-neo4j.js')) as Record<string, unknown>;
    const bench = module.benchNeo4j;
    if (typeof bench !== 'function') return { ok: false, text: 'skipped: scripts/bench-neo4j.ts exports no benchNeo4j()' };
    const { extractCorpus } = await import('../src/corpus/index.js');
    const graph = await extractCorpus(benchCorpus(count), { jobs: availableParallelism() });
    const outcome = (await (bench as (g: unknown) => Promise<unknown>)(graph)) as Record<string, unknown>;
    if (typeof outcome.skipped === 'string') return { ok: false, text: `skipped: ${outcome.skipped}` };
    return { ok: true, text: describeNeo4j(outcome) };
  } catch (error) {
    return { ok: false, text: `skipped: ${(error as Error).message.split('\n')[0]}` };
  }
}

function describeNeo4j(outcome: Record<string, unknown>): string {
  const parts = Object.entries(outcome).map(([key, value]) => `${key} ${typeof value === 'number' ? fmt(value, value < 100 ? 2 : 0) : String(value)}`);
  return parts.join(', ');
}

async function main(): Promise<void> {
  const corpus = benchCorpus(count);
  const words = corpus.reduce((sum, article) => sum + countWords(article.text), 0);
  const cores = availableParallelism();
  log(`corpus: ${corpus.length} articles, ${fmt(words)} words; ${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'})`);

  const compromise = await runRow('compromise', { count });
  const extract = await runRow('extract', { count });
  const pipeline = await runRow('pipeline', { count, jobs: 1 });
  const spacy = values['no-spacy'] ? ({ ok: false, reason: 'skipped (--no-spacy)' } as const) : benchSpacy(corpus, log);
  const jobs1 = await runRow('corpus', { count, jobs: 1 });
  const jobs2 = await runRow('corpus', { count, jobs: 2 });
  const stream = await runRow('stream', { count: streamCount, jobs: 2 });
  const streamMerge = await runRow('stream-merge', { count: streamCount, jobs: 2 });
  const neo4j = await neo4jRow();

  const base = rate(compromise);
  const lines: string[] = [];
  const say = (line = ''): void => void lines.push(line);
  say(`newsgraph benchmark: ${corpus.length} articles, ${fmt(words)} words (CoNLL-2003 eng.testa rebuilt as text + test fixtures, repeated); node ${process.version}, ${cores} cores`);
  say();
  say('| row | words/s | vs compromise | seconds | peak RSS |');
  say('|---|---:|---:|---:|---:|');
  const row = (name: string, r: RowResult): void =>
    say(`| ${name} | ${fmt(rate(r))} | ${fmt(rate(r) / base, 2)}× | ${fmt(r.seconds, 2)} | ${fmt(r.peakRssMiB)} MiB |`);
  row('(a) compromise `nlp(text).json()`', compromise);
  row('(b) newsgraph extract, 1 thread', extract);
  row('(c) whole pipeline, 1 thread (extract + merge + summaries + JSON)', pipeline);
  if (spacy.ok) row(`(d) spaCy ${spacy.version} en_core_web_sm`, spacy.result);
  else say(`| (d) spaCy en_core_web_sm | skipped: ${spacy.reason} | | | |`);
  row('corpus extract + merge, --jobs 1', jobs1);
  row('corpus extract + merge, --jobs 2', jobs2);
  say();
  say(`- speed-up of --jobs 2 over --jobs 1: ${fmt(jobs1.seconds / jobs2.seconds, 2)}× (${fmt(jobs1.seconds, 2)} s → ${fmt(jobs2.seconds, 2)} s)`);
  const p = pipeline.extra ?? {};
  if (typeof p.summarizeSkipped === 'string') say(`- summarize: not measured (${p.summarizeSkipped})`);
  else {
    const ratio = Number(p.summarizeSeconds) / Number(p.extractSeconds);
    say(`- summarize vs extract: ${fmt(Number(p.summarizeSeconds), 2)} s for ${String(p.summaries)} summaries vs ${fmt(Number(p.extractSeconds), 2)} s of extraction (${fmt(ratio * 100, 1)}%)`);
  }
  say(`- merge + graph JSON export: ${fmt(Number(p.mergeExportSeconds), 2)} s, ${String(p.nodes)} nodes, ${String(p.edges)} edges, ${String(p.graphJsonMiB)} MiB of JSON`);
  if (spacy.ok) say(`- newsgraph extract vs spaCy en_core_web_sm: ${fmt(rate(extract) / rate(spacy.result), 2)}× the words/s`);
  const samples = (r: RowResult): string =>
    ((r.extra?.samples ?? []) as Array<{ articles: number; rssMiB: number }>).map((s) => `${fmt(s.articles)}: ${fmt(s.rssMiB)}`).join(', ');
  say(`- stream of ${fmt(stream.articles)} generated articles, --jobs 2, per-article graphs (no merge): ${fmt(rate(stream))} words/s, RSS MiB by articles done: ${samples(stream)}; peak ${fmt(stream.peakRssMiB)} MiB`);
  say(`- same stream merged into one graph: ${fmt(rate(streamMerge))} words/s, RSS MiB: ${samples(streamMerge)}; peak ${fmt(streamMerge.peakRssMiB)} MiB (the merged graph itself grows with the corpus)`);
  say(`- Neo4j load: ${neo4j.text}`);
  say();
  say(`command: \`npx tsx scripts/bench.ts${values.quick ? ' --quick' : ''}${values.count ? ` --count ${count}` : ''}${values.stream ? ` --stream ${streamCount}` : ''}\``);

  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  mkdirSync('out/bench', { recursive: true });
  writeFileSync('out/bench/last.md', `${report}\n`);
  writeFileSync(
    'out/bench/last.json',
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores, corpus: { articles: corpus.length, words }, compromise, extract, pipeline, spacy, jobs1, jobs2, stream, streamMerge, neo4j }, null, 2)}\n`,
  );
}

await main();
