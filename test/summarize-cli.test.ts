/**
 * `newsgraph summarize` through the real bin, compiled to dist/ (CI's
 * `npm ci` builds it before `npm test`): one article, flags over the
 * instruction line, --json provenance, one summary per article of a corpus,
 * --entity, byte-for-byte determinism, and bad input or usage as one line
 * with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';
import { countWords } from '../src/summarize/budget.js';
import { summarize } from '../src/summarize/index.js';
import type { Summary } from '../src/summarize/types.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const SEED = join(ROOT, 'test', 'fixtures', 'seed', 'canada-election-interference.txt');
const ARTICLES = join(ROOT, 'test', 'fixtures', 'articles');
const KENYA = join(ARTICLES, 'kenya-finance-bill-protests.txt');
const SENATE = join(ARTICLES, 'us-senate-disaster-aid.txt');
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-summarize-cli-'));

function newsgraph(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [BIN, 'summarize', ...args], {
    cwd: dir, input: input ?? '', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const paragraphsOf = (text: string): string[] => text.trimEnd().split('\n\n');

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run `npm run build` first (CI does it in `npm ci`)');
  mkdirSync(join(dir, 'folder'));
  copyFileSync(KENYA, join(dir, 'folder', 'kenya.txt'));
  copyFileSync(SENATE, join(dir, 'folder', 'senate.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsgraph summarize: one article', () => {
  const seed = readFileSync(SEED, 'utf8');

  it('answers the instruction line (6 paragraphs, at most 2000 words) exactly as the library does, every run the same', () => {
    const run = newsgraph([SEED]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(paragraphsOf(run.stdout)).toHaveLength(6);
    expect(countWords(run.stdout)).toBeLessThanOrEqual(2000);
    expect(run.stdout).toBe(`${summarize(seed).text}\n`);
    expect(newsgraph([SEED]).stdout).toBe(run.stdout);
  });

  it('reads the article from stdin and lets flags override the instruction line', () => {
    const run = newsgraph(['-', '--paragraphs', '2', '--words', '120'], seed);
    expect(run.status, run.stderr).toBe(0);
    expect(paragraphsOf(run.stdout)).toHaveLength(2);
    expect(countWords(run.stdout)).toBeLessThanOrEqual(120);
  });

  it('--json gives every sentence its source sentences (offsets) and the graph nodes and edges it states', () => {
    const run = newsgraph([SEED, '--json', '-p', '3', '-w', '300']);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.requested).toEqual({ paragraphs: 3, words: 300 });
    expect(summary.paragraphs).toHaveLength(3);
    const graph = extract(seed);
    const sentences = graph.getAttribute('sentences')![summary.doc]!;
    let quotes = 0;
    for (const s of summary.paragraphs.flatMap((p) => p.sentences)) {
      expect(s.sources.length).toBeGreaterThan(0);
      for (const src of s.sources) {
        const source = sentences.find((x) => x.index === src.sentence)!;
        expect([src.start, src.end]).toEqual([source.start, source.end]);
        // The offsets point into the original text (where glued sentences had no space yet).
        expect(seed.slice(src.start, src.end)).toContain(source.text.trim().slice(0, 40));
      }
      for (const n of s.nodes) expect(graph.hasNode(n), n).toBe(true);
      for (const e of s.edges) expect(graph.hasEdge(e), e).toBe(true);
      quotes += s.nodes.filter((n) => n.startsWith('Quote:')).length;
    }
    expect(quotes).toBeGreaterThan(0);
  });
});

describe('newsgraph summarize: a corpus', () => {
  it('writes one summary per article, each under its heading, in the shape asked', () => {
    const run = newsgraph([join(dir, 'folder'), '-p', '2', '-w', '150']);
    expect(run.status, run.stderr).toBe(0);
    const parts = run.stdout.split(/^# .*\n\n/m).slice(1);
    expect(run.stdout.match(/^# /gm)).toHaveLength(2);
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(paragraphsOf(part)).toHaveLength(2);
      expect(countWords(part)).toBeLessThanOrEqual(150);
    }
    const json = newsgraph([KENYA, SENATE, '--json', '-p', '2', '-w', '150']);
    const summaries = JSON.parse(json.stdout) as Summary[];
    expect(summaries).toHaveLength(2);
    expect(new Set(summaries.map((s) => s.doc)).size).toBe(2);
  });

  it('--entity summarizes what the corpus says by and about one entity, with sources in its own documents', () => {
    const run = newsgraph([SEED, KENYA, '--entity', 'Elon Musk', '--json', '-p', '2', '-w', '200']);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.doc).toBe('Person:Elon Musk');
    expect(summary.paragraphs.length).toBeGreaterThanOrEqual(1);
    expect(summary.words).toBeLessThanOrEqual(200);
    expect(summary.text).toMatch(/Musk/);
    // Only the seed names Musk: every source is one of its sentences, cited by its own offsets.
    const seed = readFileSync(SEED, 'utf8');
    for (const s of summary.paragraphs.flatMap((p) => p.sentences)) {
      for (const src of s.sources) {
        expect(src.doc).toMatch(/canada-election-interference/);
        expect(seed.slice(src.start, src.end).length).toBeGreaterThan(0);
      }
    }
    const text = summary.paragraphs.flatMap((p) => p.sentences.map((s) => s.text)).join(' ');
    expect(text).toBe(summary.text.replace(/\n\n/g, ' '));
  });
});

describe('newsgraph summarize: bad input and usage', () => {
  it.each([
    [['missing-file.txt'], 1, /missing-file\.txt: cannot read input/],
    [[SEED, '--paragraphs', '0'], 2, /--paragraphs must be a whole number from 1 to 20/],
    [[SEED, '--words', 'many'], 2, /--words must be a whole number/],
    [[SEED, KENYA, '--entity', 'Nobody Atall'], 1, /no entity named "Nobody Atall"/],
    [[SEED, '--entity', 'Elon Musk', '--doc', 'x'], 2, /--entity and --doc/],
  ])('%j exits %i with one line', (args, code, message) => {
    const run = newsgraph(args as string[]);
    expect(run.status).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses empty stdin', () => {
    const run = newsgraph(['-'], '   \n');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/input is empty/);
  });
});
