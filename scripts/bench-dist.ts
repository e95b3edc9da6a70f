/**
 * The benchmark measures newsgraph as users run it: the compiled dist/, whose
 * worker threads start from plain JavaScript (from TypeScript sources each
 * worker would pay for tsx's on-the-fly compilation).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Compile src/ to dist/ (what `npm run build` does for the library). */
export function buildDist(log: (line: string) => void): void {
  log('compiling src/ to dist/ (tsc)…');
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], {
    encoding: 'utf8',
  });
  // tsc still emits on a type error elsewhere; the benchmark only needs the JavaScript.
  if (tsc.status !== 0) log(`tsc reported errors (benchmarking the emitted JavaScript anyway):\n${tsc.stdout.trim().split('\n').slice(0, 5).join('\n')}`);
  if (!existsSync(join(ROOT, 'dist', 'corpus', 'index.js'))) throw new Error('dist/corpus/index.js is missing after tsc');
}

/** A module of the compiled library, typed by its source. */
export async function fromDist<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(ROOT, 'dist', path)).href)) as T;
}
