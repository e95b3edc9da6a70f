/**
 * The corpus entry point: many articles in, one merged graph out.
 *
 *   articles ─extractArticles (worker pool)─▶ article graphs ─CorpusMerger─▶ NewsGraph
 */
import type { NewsGraph } from '../types.js';
import { articles, countArticles, type Article, type ArticlesOptions } from './inputs.js';
import { CorpusMerger } from './merge.js';
import { extractArticles, parseJobs } from './pool.js';
import { progressBar, type CorpusProgress } from './progress.js';

export interface CorpusOptions extends ArticlesOptions {
  /** Worker threads (`--jobs`); default: the number of cores. */
  jobs?: number;
  /** Called after each article; see `progressBar()` for a terminal bar. */
  onProgress?: (progress: CorpusProgress) => void;
  /** Articles expected, if known (shown as the bar's total). */
  total?: number;
  /** Draw a progress bar on stderr when it is a terminal (default: false). */
  progress?: boolean;
}

/** Corpus input: paths (files, folders, `-`) or articles already in memory. */
export type CorpusInput = string[] | AsyncIterable<Article> | Iterable<Article>;

/**
 * Extract every article and merge them into one graph. The result is the
 * same for any `jobs` and any input order (see mergeGraphs).
 */
export async function extractCorpus(inputs: CorpusInput, options: CorpusOptions = {}): Promise<NewsGraph> {
  const merger = new CorpusMerger();
  for await (const graph of corpusGraphs(inputs, options)) merger.add(graph.graph);
  return merger.finish();
}

/**
 * Each article's own graph (serialized), in input order, with progress.
 * For commands that work per article (one summary each, one Neo4j
 * transaction each) without holding the whole corpus.
 */
export async function* corpusGraphs(inputs: CorpusInput, options: CorpusOptions = {}) {
  const source = isPathList(inputs) ? articles(inputs, options) : inputs;
  const bar = options.progress ? progressBar() : undefined;
  const total = options.total ?? (isPathList(inputs) ? await countArticles(inputs) : Array.isArray(inputs) ? inputs.length : undefined);
  // No more threads than articles: one article never pays for a second worker.
  const jobs = total !== undefined ? Math.max(1, Math.min(parseJobs(options.jobs), total)) : options.jobs;
  const started = Date.now();
  let done = 0;
  let words = 0;
  try {
    for await (const extracted of extractArticles(source, { jobs })) {
      done += 1;
      words += extracted.words;
      const progress: CorpusProgress = { done, words, elapsedMs: Date.now() - started };
      if (total !== undefined) progress.total = total;
      bar?.update(progress);
      options.onProgress?.(progress);
      yield extracted;
    }
  } finally {
    bar?.stop();
  }
}

function isPathList(inputs: CorpusInput): inputs is string[] {
  return Array.isArray(inputs) && inputs.every((input) => typeof input === 'string');
}
