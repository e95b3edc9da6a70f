/**
 * Line-by-line reading of byte streams (JSONL articles, graph lines): a
 * stream of any length is read one line at a time, never held whole.
 */
import { NewsgraphError } from '../types.js';
import { MAX_INPUT_BYTES } from './input.js';

/** The longest line a JSONL stream may hold: one article (or its graph) with room to spare. */
export const MAX_LINE_BYTES = MAX_INPUT_BYTES * 2;

/** Split a byte stream at `\n` (dropping `\r`), never holding more than one line. */
export async function* lines(
  stream: AsyncIterable<Uint8Array | string>,
  source: string,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let number = 0;
  const take = (tail: Uint8Array): Uint8Array => {
    const line = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    number += 1;
    return line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
  };
  for await (const value of stream) {
    let chunk = toBytes(value);
    let newline = chunk.indexOf(0x0a);
    while (newline !== -1) {
      yield take(chunk.subarray(0, newline));
      chunk = chunk.subarray(newline + 1);
      newline = chunk.indexOf(0x0a);
    }
    if (chunk.length > 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > maxBytes) {
        throw new NewsgraphError(`${source}:${number + 1}: line is longer than ${maxBytes} bytes`);
      }
    }
  }
  if (pending.length > 0) yield take(new Uint8Array());
}

export function toBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

/** Space, tab, line feed or carriage return. */
export function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
