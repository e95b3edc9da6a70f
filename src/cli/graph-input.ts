/**
 * What every command reads: articles (files, folders, JSONL, `-`) to extract,
 * or graph JSON written by `newsgraph extract`. Several inputs make one merged graph.
 */
import { extname } from 'node:path';
import { extractCorpus, mergeGraphs } from '../corpus/index.js';
import { readInput } from '../io/input.js';
import { graphFromJson } from '../io/graph.js';
import type { NewsGraph } from '../types.js';

export interface GraphInputOptions {
  jobs?: number;
  /** Draw a progress bar on a terminal (default true). */
  progress?: boolean;
}

export const isGraphJson = (input: string) => input !== '-' && extname(input).toLowerCase() === '.json';

export async function readGraph(inputs: string[], options: GraphInputOptions = {}): Promise<NewsGraph> {
  const graphs: NewsGraph[] = [];
  const articles: string[] = [];
  for (const input of inputs) {
    if (isGraphJson(input)) graphs.push(graphFromJson((await readInput(input)).text, input));
    else articles.push(input);
  }
  if (articles.length > 0) {
    graphs.push(await extractCorpus(articles, { progress: options.progress ?? true, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}) }));
  }
  const [only] = graphs;
  return graphs.length === 1 && only ? only : mergeGraphs(graphs);
}
