/**
 * One benchmark row, run in its own process so its peak memory (maxRSS,
 * worker threads included) is its own. scripts/bench.ts starts one of these
 * per row and reads the JSON line it prints last.
 *
 *   node --import tsx --expose-gc scripts/bench-row.ts ROW --count N [--jobs J]
 *
 * newsgraph is measured as users run it: the compiled dist/ (scripts/bench.ts
 * builds it first), so worker threads start from plain JavaScript.
 */
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import type { NewsGraph } from '../src/types.js';
import { benchCorpus, countWords, generatedArticles } from './corpus/corpus.js';
import { fromDist } from './bench-dist.js';

export interface RowResult {
  row: string;
  articles: number;
  words: number;
  /** Wall-clock seconds of the measured work. */
  seconds: number;
  /** CPU seconds (user + system, every thread of the process) of the same work. */
  cpuSeconds: number;
  /** Peak resident memory of the process, in MiB. */
  peakRssMiB: number;
  /** Row-specific figures (summarize time, memory samples…). */
  extra?: Record<string, unknown>;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { count: { type: 'string', default: '300' }, jobs: { type: 'string', default: '1' } },
});
const row = positionals[0] ?? '';
const count = Number(values.count);
const jobs = Number(values.jobs);

function peakRssMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10; // maxRSS is in KiB
}

function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
}

interface Clock {
  seconds: number;
  cpuSeconds: number;
}

/** Wall and CPU time from now: on a shared machine CPU time is the steadier of the two. */
function clock(): () => Clock {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

async function timed(run: () => unknown): Promise<Clock> {
  const stop = clock();
  await run();
  return stop();
}

/** Summaries come from the summary module when it is there (optional import: another team's module). */
async function summarizer(): Promise<((graph: NewsGraph, doc: string) => string) | string> {
  try {
    const module = await fromDist<Record<string, unknown>>('summarize/index.js');
    const summarize = module.summarize;
    if (typeof summarize !== 'function') return 'src/summarize exports no summarize()';
    return (graph, doc) => {
      const result = (summarize as (g: NewsGraph, o: object) => unknown)(graph, { doc });
      return typeof result === 'string' ? result : JSON.stringify(result);
    };
  } catch (error) {
    return `src/summarize not loadable (${(error as Error).message.split('\n')[0]})`;
  }
}

async function main(): Promise<RowResult> {
  const { CorpusMerger, extractArticles, extractCorpus } = await fromDist<typeof import('../src/corpus/index.js')>('corpus/index.js');
  const corpus = benchCorpus(count);
  const words = corpus.reduce((sum, article) => sum + countWords(article.text), 0);
  const result = (time: Clock, extra?: Record<string, unknown>): RowResult => ({
    row,
    articles: corpus.length,
    words,
    ...time,
    peakRssMiB: peakRssMiB(),
    ...(extra ? { extra } : {}),
  });

  switch (row) {
    // (a) compromise alone: parse + tag (nlp()) and read the tags out (.json()).
    case 'compromise': {
      nlp('Warm the tagger up.').json();
      return result(await timed(() => corpus.forEach((article) => nlp(article.text).json())));
    }
    // (b) newsgraph's extract pass, one thread, one article at a time.
    case 'extract': {
      const { extract } = await fromDist<typeof import('../src/extract.js')>('extract.js');
      extract('Jane Doe, the minister, said the plan works.');
      return result(await timed(() => corpus.forEach((article) => extract(article.text, { id: article.id }))));
    }
    // extract + merge into one corpus graph, with `jobs` worker threads.
    case 'corpus': {
      let nodes = 0;
      const time = await timed(async () => {
        const graph = await extractCorpus(corpus, { jobs });
        nodes = graph.order;
      });
      return result(time, { jobs, nodes });
    }
    // (c) the whole pipeline: extract, merge, a summary per article, graph JSON export.
    case 'pipeline': {
      const summarize = await summarizer();
      let extractSeconds = 0;
      let summarizeSeconds = 0;
      let exportSeconds = 0;
      let summaries = 0;
      const stop = clock();
      const merger = new CorpusMerger();
      let last = performance.now();
      for await (const { graph } of extractArticles(corpus, { jobs })) {
        const now = performance.now();
        extractSeconds += (now - last) / 1000;
        merger.add(graph);
        if (typeof summarize === 'function') {
          const { MultiDirectedGraph } = await import('graphology');
          const article = MultiDirectedGraph.from(graph) as NewsGraph;
          const t = performance.now();
          summarize(article, graph.attributes.documents[0]!);
          summaries += 1;
          summarizeSeconds += (performance.now() - t) / 1000;
        }
        last = performance.now();
      }
      const t = performance.now();
      const merged = merger.finish();
      const json = JSON.stringify(merged.export());
      exportSeconds = (performance.now() - t) / 1000;
      return result(stop(), {
        jobs,
        extractSeconds,
        summarizeSeconds,
        mergeExportSeconds: exportSeconds,
        summaries,
        summarizeSkipped: typeof summarize === 'string' ? summarize : undefined,
        graphJsonMiB: Math.round((json.length / 1024 / 1024) * 10) / 10,
        nodes: merged.order,
        edges: merged.size,
      });
    }
    // A long generated stream: per-article graphs streamed, or merged into one graph.
    case 'stream':
    case 'stream-merge': {
      const samples: Array<{ articles: number; rssMiB: number }> = [{ articles: 0, rssMiB: rssMiB() }];
      const every = Math.max(1, Math.floor(count / 10));
      const merger = row === 'stream-merge' ? new CorpusMerger() : undefined;
      let done = 0;
      let streamWords = 0;
      function* counted() {
        for (const article of generatedArticles(count)) {
          streamWords += countWords(article.text);
          yield article;
        }
      }
      const time = await timed(async () => {
        for await (const extracted of extractArticles(counted(), { jobs })) {
          merger?.add(extracted.graph);
          done += 1;
          if (done % every === 0) samples.push({ articles: done, rssMiB: rssMiB() });
        }
        merger?.finish();
      });
      return { row, articles: done, words: streamWords, ...time, peakRssMiB: peakRssMiB(), extra: { jobs, samples } };
    }
    default:
      throw new Error(`unknown bench row "${row}"`);
  }
}

const outcome = await main();
process.stdout.write(`${JSON.stringify(outcome)}\n`);
