/**
 * `newsgraph extract` and `newsgraph mentions` through the real bin (dist/,
 * built by CI's `npm ci`): output shapes, and bad input or usage as one line
 * on stderr with its exit code and no file left half-written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const SEED = join(ROOT, 'test', 'fixtures', 'seed', 'canada-election-interference.txt');
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-extract-cli-'));

function newsgraph(args: string[], input: string | Buffer = '') {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run `npm run build` first (CI does it in `npm ci`)');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsgraph extract', () => {
  it('writes graphology JSON of the seed with entities, quotes and a document', () => {
    const out = join(dir, 'seed.json');
    const run = newsgraph(['extract', SEED, '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as { nodes: Array<{ key: string; attributes: { kind: string } }>; edges: Array<{ attributes: { type: string } }> };
    const kinds = new Set(graph.nodes.map((n) => n.attributes.kind));
    for (const kind of ['Document', 'Person', 'Agency', 'State', 'Party', 'Quote']) expect(kinds.has(kind), kind).toBe(true);
    expect(graph.nodes.map((n) => n.key)).toContain('Person:Elon Musk');
    for (const type of ['SAID', 'ABOUT', 'HOLDS_ROLE', 'SUPPORTS', 'OPPOSES', 'MENTIONED_IN']) expect(graph.edges.some((e) => e.attributes.type === type), type).toBe(true);
    expect(run.stderr).toMatch(/seed\.json: \d+ nodes, \d+ edges/);
  });

  it('reads stdin and prints to stdout', () => {
    const run = newsgraph(['extract', '-'], 'Prime Minister Jane Roe said the budget would pass. “It will,” she said.');
    expect(run.status, run.stderr).toBe(0);
    const graph = JSON.parse(run.stdout) as { nodes: Array<{ key: string }> };
    expect(graph.nodes.map((n) => n.key)).toContain('Person:Jane Roe');
  });

  it.each([
    ['empty input', [] as string[], '', 1, /empty/],
    ['binary input', [] as string[], Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]), 1, /binary/],
    ['a missing file', ['no-such-file.txt'], '', 1, /no-such-file\.txt/],
  ])('refuses %s with one line, its exit code and no file written', (_what, args, input, code, message) => {
    const out = join(dir, `bad-${code}-${args.length}.json`);
    const run = newsgraph(['extract', ...(args.length ? args : ['-']), '-o', out], input);
    expect(run.status).toBe(code);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps an existing output file intact when the new input is bad', () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, '{"kept":true}');
    expect(newsgraph(['extract', '-', '-o', out], '\u0000\u0001').status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('{"kept":true}');
  });

  it('answers a usage error with exit 2', () => {
    const run = newsgraph(['extract', SEED, '--no-such-flag']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown option/);
  });
});

describe('newsgraph mentions', () => {
  it('prints one JSON line per mention, with offsets into the input', () => {
    const text = 'WASHINGTON (AP) — Sen. Maria Delgado met officials of the Federal Emergency Management Agency (FEMA) in Reno.';
    const run = newsgraph(['mentions', '-'], text);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { start: number; end: number; text: string; kind: string });
    for (const m of lines) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(lines).toContainEqual(expect.objectContaining({ text: 'Maria Delgado', kind: 'Person' }));
    expect(lines).toContainEqual(expect.objectContaining({ text: 'Federal Emergency Management Agency', kind: 'Agency' }));
    expect(lines).toContainEqual(expect.objectContaining({ text: 'FEMA', kind: 'Agency' }));
    expect(lines).toContainEqual(expect.objectContaining({ text: 'Reno', kind: 'Place' }));
    expect(lines.map((l) => l.text)).not.toContain('Sen');
  });

  it('keeps the 2,000,000-character limit of one article, as extract does', () => {
    const file = join(dir, 'huge.txt');
    writeFileSync(file, 'Jane Doe said it works. '.repeat(85_000)); // 2,040,000 characters on one line
    for (const command of ['mentions', 'extract']) {
      const run = newsgraph([command, file]);
      expect(run.status, command).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/huge\.txt: input has 2040000 characters, more than the 2000000 one article may have/);
    }
  });
});
