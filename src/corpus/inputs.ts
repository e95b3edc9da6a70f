/**
 * Finding the articles of a corpus: files, folders (walked, sorted), and JSONL
 * streams (`{"id","title","text","url","published"}` per line) from a file or
 * stdin. Articles come out one at a time, so a stream of any length is read
 * only as fast as extraction consumes it.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { decodeText, readInput, standardInput } from '../io/input.js';
import { isBlank, lines, MAX_LINE_BYTES, toBytes } from '../io/lines.js';
import { NewsgraphError, type DocumentInfo } from '../types.js';
import { compareStrings } from '../names.js';

/** One article to extract: its text and what becomes its Document node. */
export interface Article extends DocumentInfo {
  text: string;
  /** Where it came from: a path, `path:line` for JSONL, `-:line` for stdin. */
  source: string;
}

/** File name endings read as articles when a folder is given. */
export const TEXT_EXTENSIONS = ['.txt', '.text', '.md'];
export const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];

export interface ArticlesOptions {
  /** Where `-` reads from (default: process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/**
 * Every article named by `inputs`: file paths, folders, or `-` for stdin.
 * Stdin holds either one plain-text article or a JSONL stream (its first
 * non-blank character is `{`). Ids must be unique across the corpus.
 */
export async function* articles(inputs: string[], options: ArticlesOptions = {}): AsyncGenerator<Article> {
  if (inputs.length === 0) throw new NewsgraphError('no input given: name files, folders, or - for stdin', 2);
  const seen = new Map<string, string>();
  for (const input of inputs) {
    for await (const article of articlesOf(input, options)) {
      const id = article.id!;
      const first = seen.get(id);
      if (first !== undefined) {
        throw new NewsgraphError(`${article.source}: article id "${id}" was already used by ${first}`);
      }
      seen.set(id, article.source);
      yield article;
    }
  }
}

/**
 * How many articles `inputs` hold, when that is known without reading them:
 * files and folders of plain text. Undefined as soon as a stream is involved.
 */
export async function countArticles(inputs: string[]): Promise<number | undefined> {
  let count = 0;
  for (const input of inputs) {
    if (input === '-') return undefined;
    const info = await stat(input).catch(() => undefined);
    if (!info) return undefined;
    const files = info.isDirectory() ? await walk(input) : [input];
    if (files.some((file) => JSONL_EXTENSIONS.includes(extname(file).toLowerCase()))) return undefined;
    count += files.length;
  }
  return count;
}

async function* articlesOf(input: string, options: ArticlesOptions): AsyncGenerator<Article> {
  if (input === '-') {
    yield* stdinArticles(options.stdin ?? standardInput());
    return;
  }
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new NewsgraphError(`${input}: cannot read input (no such file or folder)`);
  }
  if (info.isDirectory()) {
    const files = await walk(input);
    if (files.length === 0) {
      throw new NewsgraphError(
        `${input}: folder holds no articles (${[...TEXT_EXTENSIONS, ...JSONL_EXTENSIONS].join(', ')} files)`,
      );
    }
    for (const file of files) yield* fileArticles(file, withoutExtension(relative(input, file)));
    return;
  }
  yield* fileArticles(input, withoutExtension(basename(input)));
}

async function* fileArticles(path: string, id: string): AsyncGenerator<Article> {
  if (JSONL_EXTENSIONS.includes(extname(path).toLowerCase())) {
    yield* jsonlArticles(createReadStream(path), path);
    return;
  }
  const { text, source } = await readInput(path);
  yield { id, text, source };
}

/**
 * What stdin holds: graph JSON (as `newsgraph extract` writes it), graph
 * lines (`newsgraph extract --jsonl`: one article's graph a line), or articles.
 */
export type StdinContent =
  | { kind: 'graph'; bytes: Uint8Array }
  | { kind: 'graph-lines'; stream: AsyncIterable<Uint8Array | string> }
  | { kind: 'articles'; stream: AsyncIterable<Uint8Array | string> };

/** How far to look for the first line's end: as far as one JSONL line may run. */
const PEEK_LIMIT = MAX_LINE_BYTES;

/**
 * Tell graphs on stdin from articles without consuming the articles: graph
 * JSON is an object whose first line is a lone `{` (pretty-printed); graph
 * lines start with a line holding a `nodes` array and no `text`. Anything
 * else, and graph lines, are handed back unread as a stream (articles for
 * `articles(['-'], {stdin})`).
 */
export async function sniffStdin(stream: AsyncIterable<Uint8Array | string>): Promise<StdinContent> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let line: string | undefined;
  let ended = false;
  for (;;) {
    const joined = Buffer.concat(head);
    const start = joined.findIndex((byte) => !isBlank(byte));
    if (start !== -1 && joined[start] !== 0x7b /* { */) break;
    const end = start === -1 ? -1 : joined.indexOf(0x0a, start);
    if (end !== -1 || (ended && start !== -1)) {
      line = joined.subarray(start, end === -1 ? undefined : end).toString('utf8').trim();
      break;
    }
    if (ended || size > PEEK_LIMIT) break;
    const next = await iterator.next();
    if (next.done) ended = true;
    else {
      const chunk = toBytes(next.value);
      head.push(chunk);
      size += chunk.length;
    }
  }
  const rest = async function* (): AsyncGenerator<Uint8Array | string> {
    yield* head;
    if (!ended) yield* { [Symbol.asyncIterator]: () => iterator };
  };
  if (line === '{') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of rest()) chunks.push(toBytes(chunk));
    return { kind: 'graph', bytes: Buffer.concat(chunks) };
  }
  return { kind: line !== undefined && isGraphLine(line) ? 'graph-lines' : 'articles', stream: rest() };
}

/** A one-line graph (graphology's JSON of one article), as opposed to a JSONL article. */
export function isGraphLine(line: string): boolean {
  try {
    const value = JSON.parse(line) as Record<string, unknown> | null;
    return typeof value === 'object' && value !== null && Array.isArray(value.nodes) && typeof value.text !== 'string';
  } catch {
    return false;
  }
}

/** Plain text or JSONL on stdin, told apart by the first non-blank byte. */
async function* stdinArticles(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Article> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let first: number | undefined;
  while (first === undefined) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = toBytes(next.value);
    head.push(chunk);
    first = chunk.find((byte) => !isBlank(byte));
  }
  const rest: AsyncIterable<Uint8Array | string> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  async function* all(): AsyncGenerator<Uint8Array | string> {
    yield* head;
    yield* rest;
  }
  if (first === 0x7b /* { */) {
    yield* jsonlArticles(all(), '-');
    return;
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of all()) chunks.push(toBytes(chunk));
  const text = decodeText(Buffer.concat(chunks), '-');
  yield { id: 'stdin', text, source: '-' };
}

/**
 * Articles of a JSONL stream, one per non-blank line. A bad line stops the
 * run with its line number: a corpus with holes would be silently wrong.
 */
export async function* jsonlArticles(
  stream: AsyncIterable<Uint8Array | string>,
  source: string,
): AsyncGenerator<Article> {
  let number = 0;
  for await (const line of lines(stream, source)) {
    number += 1;
    const where = `${source}:${number}`;
    if (line.every(isBlank)) continue;
    const article = parseArticle(decodeLine(line, where), where);
    yield article;
  }
}

function decodeLine(bytes: Uint8Array, where: string): string {
  if (bytes.includes(0)) throw new NewsgraphError(`${where}: line looks binary, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NewsgraphError(`${where}: line is not valid UTF-8 text`);
  }
}

const STRING_FIELDS = ['title', 'url', 'published'] as const;

/** One JSONL line → an Article, or a one-line reason naming the line. */
export function parseArticle(line: string, where: string): Article {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new NewsgraphError(`${where}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewsgraphError(`${where}: expected a JSON object like {"id": …, "text": …}`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') {
    throw new NewsgraphError(`${where}: "text" is ${record.text === undefined ? 'missing' : 'not a string'}`);
  }
  if (record.text.trim() === '') throw new NewsgraphError(`${where}: "text" is empty`);
  const id = record.id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new NewsgraphError(`${where}: "id" is ${id === undefined ? 'missing' : 'not a string or number'}`);
  }
  if (String(id).trim() === '') throw new NewsgraphError(`${where}: "id" is empty`);
  const article: Article = { id: String(id), text: record.text, source: where };
  for (const field of STRING_FIELDS) {
    const field_value = record[field];
    if (field_value === undefined || field_value === null) continue;
    if (typeof field_value !== 'string') throw new NewsgraphError(`${where}: "${field}" is not a string`);
    article[field] = field_value;
  }
  return article;
}

/** Every article file under a folder, sorted by path; hidden entries skipped. */
async function walk(folder: string): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if ([...TEXT_EXTENSIONS, ...JSONL_EXTENSIONS].includes(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

function withoutExtension(path: string): string {
  const ext = extname(path);
  return (ext ? path.slice(0, -ext.length) : path).split('\\').join('/');
}
