/**
 * Progress of a corpus run: a cli-progress bar with rate and time left when
 * stderr is a terminal, nothing at all when it is piped or redirected (so
 * logs and pipelines stay clean).
 */
import { SingleBar } from 'cli-progress';

export interface CorpusProgress {
  /** Articles extracted so far. */
  done: number;
  /** Articles in the corpus, when known up front (files and folders; not streams). */
  total?: number;
  /** Words extracted so far. */
  words: number;
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
}

/** A progress bar for a corpus run, silent unless the stream is a terminal. */
export function progressBar(options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? stream.isTTY === true;
  if (!enabled) return { update: () => undefined, stop: () => undefined };

  let bar: SingleBar | undefined;
  return {
    update(progress) {
      const rate = progress.elapsedMs > 0 ? (progress.words * 1000) / progress.elapsedMs : 0;
      const payload = { rate: Math.round(rate).toLocaleString('en-US') };
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
            ? 'articles {bar} {percentage}% | {value}/{total} | {rate} words/s | ETA {eta_formatted}'
            : 'articles {value} | {rate} words/s | {duration_formatted}',
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
