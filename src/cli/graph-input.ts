/**
 * What every command reads: articles (files, folders, JSONL, `-`) to extract,
 * or graph JSON written by `newsgraph extract` (`.json` files, or on stdin).
 * Several inputs make one merged graph, the same whatever their order.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { extractCorpus, mergeGraphs, sniffStdin } from '../corpus/index.js';
import { decodeText } from '../io/input.js';
import { graphFromJson } from '../io/graph.js';
import { NewsgraphError, type NewsGraph } from '../types.js';

export interface GraphInputOptions {
  /** Extraction worker threads (default: one per core). */
  jobs?: number;
  /** Draw a progress bar on a terminal (default true; never when stderr is piped). */
  progress?: boolean;
  /** Where `-` reads from (default: process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** A corpus graph can be far larger than one article (about 36 KiB of JSON per article). */
export const MAX_GRAPH_JSON_BYTES = 512 * 1024 * 1024;

export const isGraphJson = (input: string) => input !== '-' && extname(input).toLowerCase() === '.json';

/** Read graph JSON from a file, with one-line errors naming it. */
export async function readGraphJson(path: string): Promise<NewsGraph> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new NewsgraphError(`${path}: cannot read graph JSON (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`);
  }
  return graphFromJson(decodeText(bytes, path, MAX_GRAPH_JSON_BYTES), path);
}

/** One graph from every input: graph JSON as it is, articles extracted in parallel, all merged. */
export async function readGraph(inputs: string[], options: GraphInputOptions = {}): Promise<NewsGraph> {
  if (inputs.length === 0) throw new NewsgraphError('no input given: name files, folders, or - for stdin', 2);
  const graphs: NewsGraph[] = [];
  const articles: string[] = [];
  let stdin = options.stdin;
  for (const input of inputs) {
    if (isGraphJson(input)) {
      graphs.push(await readGraphJson(input));
    } else if (input === '-') {
      const content = await sniffStdin(stdin ?? process.stdin);
      if (content.kind === 'graph') graphs.push(graphFromJson(decodeText(content.bytes, '-', MAX_GRAPH_JSON_BYTES), '-'));
      else {
        stdin = content.stream;
        articles.push(input);
      }
    } else {
      articles.push(input);
    }
  }
  if (articles.length > 0) {
    graphs.push(
      await extractCorpus(articles, {
        progress: options.progress ?? true,
        ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
        ...(stdin !== undefined ? { stdin } : {}),
      }),
    );
  }
  const [only] = graphs;
  return graphs.length === 1 && only ? only : mergeGraphs(graphs);
}
