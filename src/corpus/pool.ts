/**
 * Parallel extraction over worker_threads, with bounded work in flight.
 *
 * Articles are pulled from their source only when a slot is free (at most
 * `2 × jobs` articles are read but not yet handed back), so a stream of any
 * length is read no faster than it is extracted, and texts are dropped as
 * soon as their graph exists. Graphs are handed back in input order.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NewsgraphError, type SerializedNewsGraph } from '../types.js';
import type { Article } from './inputs.js';
import type { WorkRequest, WorkResult } from './work.js';

export interface ExtractedArticle {
  graph: SerializedNewsGraph;
  /** Words in the article (its Document node's `words`). */
  words: number;
}

export interface PoolOptions {
  /** Worker threads; 1 extracts in the calling thread. Default: the number of cores. */
  jobs?: number;
}

/** Default `--jobs`: every core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** Validate a `--jobs` value from the command line. */
export function parseJobs(value: string | number | undefined): number {
  if (value === undefined) return defaultJobs();
  const jobs = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) {
    throw new NewsgraphError(`--jobs must be a whole number from 1 to 256, not "${value}"`, 2);
  }
  return jobs;
}

/** Extract every article, `jobs` at a time, yielding graphs in input order. */
export async function* extractArticles(
  source: AsyncIterable<Article> | Iterable<Article>,
  options: PoolOptions = {},
): AsyncGenerator<ExtractedArticle> {
  const jobs = parseJobs(options.jobs);
  const run = jobs === 1 ? await inlineRunner() : new WorkerPool(jobs);
  const window = jobs === 1 ? 1 : jobs * 2;
  const pending = new Map<number, Promise<WorkResult>>();
  const iterator = toAsyncIterator(source);
  let next = 0;
  let emitted = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.size < window) {
        const item = await iterator.next();
        if (item.done) {
          exhausted = true;
          break;
        }
        const result = run.run({ seq: next, article: item.value });
        result.catch(() => undefined); // surfaced in order below, never unhandled
        pending.set(next, result);
        next += 1;
      }
      const head = pending.get(emitted);
      if (!head) break;
      const result = await head;
      pending.delete(emitted);
      emitted += 1;
      if ('error' in result) throw new NewsgraphError(result.error, result.exitCode);
      yield { graph: result.graph, words: result.words };
    }
  } finally {
    await run.close();
    await iterator.return?.();
  }
}

interface Runner {
  run(request: WorkRequest): Promise<WorkResult>;
  close(): Promise<void>;
}

/** `--jobs 1`: extract in this thread, no copying across threads. */
async function inlineRunner(): Promise<Runner> {
  const { extractArticle } = await import('./work.js');
  return {
    run: async (request) => extractArticle(request),
    close: async () => undefined,
  };
}

/** A fixed set of workers, each extracting one article at a time. */
class WorkerPool implements Runner {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Array<{ request: WorkRequest; resolve: (r: WorkResult) => void; reject: (e: Error) => void }> = [];
  private readonly busy = new Map<Worker, { resolve: (r: WorkResult) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  /** Workers start on demand, up to `size`: a short stream never pays for threads it does not use. */
  constructor(private readonly size: number) {}

  private spawn(): void {
    const worker = startWorker();
    worker.on('message', (result: WorkResult) => this.settle(worker, (job) => job.resolve(result)));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(worker, new Error(`extraction worker stopped with exit code ${code}`));
    });
    this.all.push(worker);
    this.idle.push(worker);
  }

  run(request: WorkRequest): Promise<WorkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length === 0 && this.queue.length > 0 && this.all.length < this.size) this.spawn();
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.request);
    }
  }

  private settle(worker: Worker, finish: (job: { resolve: (r: WorkResult) => void }) => void): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (job) finish(job);
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    this.failure ??= error;
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
    for (const job of this.queue.splice(0)) job.reject(error);
  }
}

/**
 * Start one worker. From compiled code (dist/) the worker is plain
 * JavaScript; from TypeScript sources (tests, tsx) it loads through tsx's
 * module hooks, registered inside the worker before the worker module.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here));
  const tsx = tsxApiUrl(here);
  const worker = new URL('./worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); })`;
  return new Worker(boot, { eval: true });
}

/** tsx's ESM API file (the `import` condition of its `./esm/api` export), found from its package.json. */
function tsxApiUrl(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

function toAsyncIterator<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const sync = source[Symbol.iterator]();
  return {
    next: async () => sync.next(),
    return: async () => sync.return?.() ?? { done: true, value: undefined },
  };
}
