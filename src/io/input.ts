/**
 * Reading articles from files or stdin. This is one of the pipeline's two
 * ends (the other is output.ts): everything between is pure.
 */
import { fstatSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { NewsgraphError } from '../types.js';

/** Articles larger than this are refused: far beyond any news story, and a sign of a wrong file. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export interface InputText {
  text: string;
  /** File path, or `-` for stdin. */
  source: string;
}

/** Decode bytes as UTF-8 text, refusing binary and oversized input with a one-line reason. */
export function decodeText(bytes: Uint8Array, source: string, maxBytes = MAX_INPUT_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new NewsgraphError(
      `${source}: input is ${bytes.length} bytes, more than the limit of ${maxBytes} bytes for one article`,
    );
  }
  // NUL bytes never occur in text; a few of them mean an image, PDF or archive.
  if (bytes.includes(0)) throw new NewsgraphError(`${source}: input looks binary, not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NewsgraphError(`${source}: input is not valid UTF-8 text`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets: BOM becomes a space
  if (text.trim() === '') throw new NewsgraphError(`${source}: input is empty`);
  return text;
}

/**
 * Standard input, or a one-line error when it cannot be read (closed, or
 * open for writing only: `0>&-`, `0>/dev/null`): without this check Node
 * fails later, far from here, with a bare `EBADF`. (Node itself gives a
 * closed descriptor 0 `/dev/null`, which reads as empty input.)
 */
export function standardInput(): AsyncIterable<Uint8Array | string> {
  if (!stdinReadable()) {
    throw new NewsgraphError('-: standard input is closed or not readable: nothing to read (name a file, or pipe the input in)');
  }
  return process.stdin;
}

/** Descriptor 0 exists and (where Linux's /proc says how it was opened) is open for reading. */
function stdinReadable(): boolean {
  try {
    fstatSync(0);
  } catch {
    return false;
  }
  let info: string;
  try {
    info = readFileSync('/proc/self/fdinfo/0', 'utf8');
  } catch {
    return true; // no /proc here: reading will tell
  }
  const flags = /^flags:\s*([0-7]+)/m.exec(info)?.[1];
  // O_ACCMODE: 0 read-only, 1 write-only, 2 read-write.
  return flags === undefined || (parseInt(flags, 8) & 3) !== 1;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of standardInput()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Read one article from a path or `-` (stdin). */
export async function readInput(path: string): Promise<InputText> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (error) {
    if (error instanceof NewsgraphError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new NewsgraphError(`${path}: cannot read input (${why})`);
  }
  return { text: decodeText(bytes, path), source: path };
}
