/**
 * What every command reads: articles (files, folders, JSONL, `-`) to extract,
 * graph JSON written by `newsgraph extract` (`.json` files, or on stdin), or
 * graph lines written by `newsgraph extract --jsonl` (`.jsonl` files whose
 * lines are graphs, or on stdin).
 *
 * inputGraphs() streams them in input order, one article's graph at a time
 * where the input is per article (for `load`, which never holds a corpus);
 * readGraph() merges them into one graph, the same whatever their order.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { articles, countArticles, isGraphLine, sniffStdin, type Article } from '../corpus/inputs.js';
import { corpusGraphs } from '../corpus/extract-corpus.js';
import { CorpusMerger, mergeGraphs, mergeSerialized } from '../corpus/merge.js';
import { decodeText, standardInput } from '../io/input.js';
import { graphFromJson, graphLines, MAX_GRAPH_JSON_BYTES } from '../io/graph.js';
import { NewsgraphError, type NewsGraph, type SerializedNewsGraph } from '../types.js';

export interface GraphInputOptions {
  /** Extraction worker threads (default: one per core). */
  jobs?: number;
  /** Draw a progress bar of the extraction on a terminal (default true; never when stderr is piped). */
  progress?: boolean;
  /** Where `-` reads from (default: standard input). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /**
   * Leave out articles before they are extracted: given a run of article ids,
   * the ones not to extract (`load --resume`: those already loaded).
   */
  skip?: (ids: string[]) => Promise<Set<string>>;
}

/** One item of the stream: one article's graph, or a graph JSON file of any number of articles. */
export type InputGraph = { kind: 'article'; graph: SerializedNewsGraph } | { kind: 'graph'; graph: NewsGraph };

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
  const merger = new CorpusMerger();
  const graphs: NewsGraph[] = [];
  let articles = 0;
  for await (const item of inputGraphs(inputs, options)) {
    if (item.kind === 'graph') graphs.push(item.graph);
    else {
      merger.add(item.graph);
      articles += 1;
    }
  }
  if (articles > 0) graphs.push(merger.finish());
  const [only] = graphs;
  return graphs.length === 1 && only ? only : mergeGraphs(graphs);
}

/** How many articles the inputs hold when known up front (plain-text files and folders only). */
export async function countInputArticles(inputs: string[]): Promise<number | undefined> {
  return inputs.some(isGraphJson) ? undefined : countArticles(inputs);
}

/**
 * Every input's graphs in input order. Runs of article inputs are extracted
 * together on one worker pool; graph lines are parsed a line at a time.
 */
export async function* inputGraphs(inputs: string[], options: GraphInputOptions = {}): AsyncGenerator<InputGraph> {
  if (inputs.length === 0) throw new NewsgraphError('no input given: name files, folders, or - for stdin', 2);
  let run: string[] = [];
  let stdin = options.stdin;
  const extractRun = async function* (): AsyncGenerator<InputGraph> {
    if (run.length === 0) return;
    const paths = run;
    run = [];
    yield* extracted(paths, { ...options, ...(stdin !== undefined ? { stdin } : {}) });
  };
  for (const input of inputs) {
    if (isGraphJson(input)) {
      yield* extractRun();
      yield { kind: 'graph', graph: await readGraphJson(input) };
    } else if (input === '-') {
      const content = await sniffStdin(stdin ?? standardInput());
      if (content.kind === 'articles') {
        stdin = content.stream;
        run.push(input);
        continue;
      }
      yield* extractRun();
      if (content.kind === 'graph') yield { kind: 'graph', graph: graphFromJson(decodeText(content.bytes, '-', MAX_GRAPH_JSON_BYTES), '-') };
      else for await (const graph of graphLines(content.stream, '-')) yield { kind: 'article', graph: graph.export() };
    } else if (await holdsGraphLines(input)) {
      yield* extractRun();
      for await (const graph of graphLines(createReadStream(input), input)) yield { kind: 'article', graph: graph.export() };
    } else {
      run.push(input);
    }
  }
  yield* extractRun();
}

/** Article inputs, extracted (and without the ones `skip` leaves out). */
async function* extracted(paths: string[], options: GraphInputOptions): AsyncGenerator<InputGraph> {
  const source = options.skip ? withoutSkipped(articles(paths, options), options.skip) : paths;
  for await (const { graph } of corpusGraphs(source, {
    progress: options.progress ?? true,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  })) {
    // In the form `newsgraph extract ARTICLE` writes: edge keys carry their document (offsets
    // repeat across articles), so an article has the same keys in Neo4j however it arrives.
    yield { kind: 'article', graph: mergeSerialized([graph]).export() };
  }
}

/** How many articles withoutSkipped() asks about at once. */
const SKIP_CHUNK = 500;

async function* withoutSkipped(source: AsyncIterable<Article>, skip: (ids: string[]) => Promise<Set<string>>): AsyncGenerator<Article> {
  let chunk: Article[] = [];
  const flush = async function* () {
    const skipped = await skip(chunk.map((article) => article.id!));
    const keep = chunk.filter((article) => !skipped.has(article.id!));
    chunk = [];
    yield* keep;
  };
  for await (const article of source) {
    chunk.push(article);
    if (chunk.length >= SKIP_CHUNK) yield* flush();
  }
  yield* flush();
}

/** A `.jsonl` / `.ndjson` file whose first non-blank line is a graph (from `extract --jsonl`), not an article. */
async function holdsGraphLines(path: string): Promise<boolean> {
  if (!['.jsonl', '.ndjson'].includes(extname(path).toLowerCase())) return false;
  let handle;
  try {
    handle = await open(path);
  } catch {
    return false; // the article reader reports the missing file in its own words
  }
  try {
    // The first line's opening is enough to tell: a graph line starts with its attributes or nodes.
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').trimStart();
    const first = head.split('\n')[0] ?? '';
    return /^\{\s*"(attributes|nodes|options)"/.test(first) || isGraphLine(first);
  } finally {
    await handle.close();
  }
}
