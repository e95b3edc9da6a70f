/** The corpus progress bar: drawn on a terminal, silent when output is piped. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/corpus/index.js';

function sink(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean; columns?: number }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

const steps = [1, 2, 3, 4].map((done) => ({ done, total: 4, words: done * 500, elapsedMs: done * 100 }));

describe('progressBar', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const out = sink(false);
    const bar = progressBar({ stream: out.stream });
    for (const step of steps) bar.update(step);
    bar.stop();
    expect(out.text()).toBe('');
  });

  it('shows count, total, rate and time left on a terminal', () => {
    const out = sink(true);
    const bar = progressBar({ stream: out.stream });
    for (const step of steps) bar.update(step);
    bar.stop();
    expect(out.text()).toMatch(/4\/4/);
    expect(out.text()).toMatch(/5,000 words\/s/);
    expect(out.text()).toMatch(/ETA/);
  });

  it('counts articles without a total for a stream', () => {
    const out = sink(true);
    const bar = progressBar({ stream: out.stream });
    bar.update({ done: 7, words: 700, elapsedMs: 1000 });
    bar.stop();
    expect(out.text()).toMatch(/articles 7 \| 700 words\/s/);
  });
});
