/**
 * Progress of a corpus run: a cli-progress bar with rate and time left when
 * stderr is a terminal; when it is piped or redirected, nothing at all (so
 * logs and pipelines stay clean), or for long loads a plain line now and then.
 */
import { SingleBar } from 'cli-progress';

export interface CorpusProgress {
  /** Articles extracted so far. */
  done: number;
  /** Articles in the corpus, when known up front (files and folders; not streams). */
  total?: number;
  /** Words extracted so far. */
  words: number;
  /** Rows (nodes + relationships) written so far, for a load. */
  rows?: number;
  elapsedMs: number;
}

export interface ProgressBar {
  update(progress: CorpusProgress): void;
  stop(): void;
}

export interface ProgressBarOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Show the bar; default: only when the stream is a terminal. */
  enabled?: boolean;
  /** What the rate counts: words extracted (default) or rows written. */
  rate?: 'words' | 'rows';
  /** When the stream is not a terminal, also print a plain line this often (ms); default: never. */
  plainEveryMs?: number;
}

/** A progress bar for a corpus run, silent unless the stream is a terminal. */
export function progressBar(options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const unit = options.rate ?? 'words';
  if (stream.isTTY !== true && options.enabled === undefined && options.plainEveryMs !== undefined) {
    return plainLines(stream, unit, options.plainEveryMs);
  }
  const enabled = options.enabled ?? stream.isTTY === true;
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  // A load shows the rows it wrote as well as their rate.
  const written = unit === 'rows' ? ' | {amount} rows' : '';

  let bar: SingleBar | undefined;
  return {
    update(progress) {
      const amount = unit === 'rows' ? (progress.rows ?? 0) : progress.words;
      const rate = progress.elapsedMs > 0 ? (amount * 1000) / progress.elapsedMs : 0;
      const payload = { rate: Math.round(rate).toLocaleString('en-US'), unit, amount: amount.toLocaleString('en-US') };
      if (!bar) {
        const known = progress.total !== undefined;
        bar = new SingleBar({
          stream,
          // A terminal that is not a TTY (forced on) still gets output.
          noTTYOutput: true,
          notTTYSchedule: 1000,
          hideCursor: null,
          clearOnComplete: false,
          format: known
            ? `articles {bar} {percentage}% | {value}/{total}${written} | {rate} {unit}/s | ETA {eta_formatted}`
            : `articles {value}${written} | {rate} {unit}/s | {duration_formatted}`,
        });
        bar.start(progress.total ?? 0, 0, payload);
      }
      bar.update(progress.done, payload);
    },
    stop() {
      bar?.stop();
    },
  };
}

/**
 * Piped or redirected: a plain line at most every `everyMs` (none for a
 * short run), so a long load in a log still shows how far it got.
 */
function plainLines(stream: NodeJS.WritableStream, unit: 'words' | 'rows', everyMs: number): ProgressBar {
  let last = Date.now();
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      const amount = unit === 'rows' ? (progress.rows ?? 0) : progress.words;
      const rate = progress.elapsedMs > 0 ? Math.round((amount * 1000) / progress.elapsedMs) : 0;
      const of = progress.total !== undefined ? `/${progress.total}` : '';
      const left = progress.total !== undefined && progress.done > 0 ? (progress.elapsedMs * (progress.total - progress.done)) / progress.done : undefined;
      const eta = left !== undefined ? ` | ETA ${Math.round(left / 1000)} s` : '';
      stream.write(`articles ${progress.done}${of} | ${amount.toLocaleString('en-US')} ${unit} | ${rate.toLocaleString('en-US')} ${unit}/s${eta}\n`);
    },
    stop: () => undefined,
  };
}
