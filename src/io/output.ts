/** Writing results: whole files or nothing, never a half-written output. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** Write via a temporary file in the same folder, then rename: readers never see a partial file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Write a stream of lines to `path` as they come (bounded memory), through a
 * temporary file renamed at the end: a failure midway leaves no file and an
 * existing one untouched. Without a path, to stdout (waiting when the reader
 * is slower). Returns how many lines were written.
 */
export async function writeLines(path: string | undefined, lines: AsyncIterable<string>): Promise<number> {
  if (path === undefined) return pipeLines(process.stdout, lines);
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const file = createWriteStream(tmp);
  try {
    const count = await pipeLines(file, lines);
    await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(tmp, path);
    return count;
  } catch (error) {
    file.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

async function pipeLines(stream: NodeJS.WritableStream, lines: AsyncIterable<string>): Promise<number> {
  let count = 0;
  for await (const line of lines) {
    if (!stream.write(line)) await once(stream, 'drain');
    count += 1;
  }
  return count;
}
