/**
 * Corpus mode through the real `newsgraph` bin, compiled to dist/ (CI's
 * `npm ci` builds it before `npm test`): the worker threads run from the
 * compiled JavaScript, folders and JSONL on stdin make one graph, and
 * nothing but results reaches a pipe.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-corpus-cli-'));
const folder = join(dir, 'articles');

const SOURCES: Record<string, string> = {
  brief: join(FIXTURES, 'corpus', 'musk-afd-rally-brief.txt'),
  germany: join(FIXTURES, 'articles', 'germany-afd-surveillance-vote.txt'),
  kenya: join(FIXTURES, 'articles', 'kenya-finance-bill-protests.txt'),
};

function newsgraph(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input: input ?? '', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface GraphData {
  attributes: { documents: string[] };
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string }>;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run `npm run build` first (CI does it in `npm ci`)');
  mkdirSync(folder, { recursive: true });
  for (const [id, path] of Object.entries(SOURCES)) copyFileSync(path, join(folder, `${id}.txt`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsgraph on a corpus (compiled bin)', () => {
  let jobs1: ReturnType<typeof newsgraph>;

  it('extracts a folder with --jobs 2 to the same bytes as --jobs 1, silent on stderr when piped', () => {
    jobs1 = newsgraph(['extract', 'articles', '--jobs', '1']);
    const jobs2 = newsgraph(['extract', 'articles', '--jobs', '2']);
    expect(jobs1.stderr).toBe('');
    expect(jobs1.status).toBe(0);
    expect(jobs2.status).toBe(0);
    expect(jobs2.stderr).toBe(''); // no progress bar on a pipe
    expect(jobs2.stdout).toBe(jobs1.stdout);
    const graph = JSON.parse(jobs1.stdout) as GraphData;
    expect(graph.attributes.documents).toEqual(['brief', 'germany', 'kenya']);
    // The AfD of the brief and of the German article is one party node.
    const afd = graph.nodes.filter((node) => node.key.startsWith('Party:') && (node.attributes.aliases as string[]).includes('AfD'));
    expect(afd).toHaveLength(1);
  });

  it('reads the same articles as JSONL on stdin into the same nodes and edges', () => {
    const lines = Object.entries(SOURCES)
      .reverse()
      .map(([id, path]) => JSON.stringify({ id, title: id.toUpperCase(), text: readFileSync(path, 'utf8'), url: `https://example.org/${id}` }))
      .join('\n');
    const run = newsgraph(['extract', '-', '--jobs', '2'], `${lines}\n`);
    expect(run.stderr).toBe('');
    const fromStdin = JSON.parse(run.stdout) as GraphData;
    const fromFolder = JSON.parse(jobs1.stdout) as GraphData;
    expect(fromStdin.nodes.map((n) => n.key)).toEqual(fromFolder.nodes.map((n) => n.key));
    expect(fromStdin.edges.map((e) => e.key)).toEqual(fromFolder.edges.map((e) => e.key));
    const document = fromStdin.nodes.find((n) => n.key === 'Document:kenya')!;
    expect(document.attributes).toMatchObject({ title: 'KENYA', url: 'https://example.org/kenya' });
  });

  it('merges graph JSON with more articles, and draws or lists the corpus', () => {
    writeFileSync(join(dir, 'two.json'), newsgraph(['extract', 'articles/germany.txt', 'articles/kenya.txt']).stdout);
    const merged = newsgraph(['extract', 'two.json', 'articles/brief.txt']);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(jobs1.stdout);

    const viz = newsgraph(['viz', 'articles', '-o', 'corpus.graphml']);
    expect(viz.status).toBe(0);
    expect(readFileSync(join(dir, 'corpus.graphml'), 'utf8')).toContain('Document:kenya');

    const mentions = newsgraph(['mentions', 'articles']);
    const docs = new Set(mentions.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { doc: string }).doc));
    expect([...docs].sort()).toEqual(['brief', 'germany', 'kenya']);
  });

  it('extract --jsonl streams one graph per article in input order, the same for any --jobs, and reads back as the same graph', () => {
    const one = newsgraph(['extract', '--jsonl', 'articles', '--jobs', '1']);
    const two = newsgraph(['extract', '--jsonl', 'articles', '--jobs', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    const lines = one.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as GraphData);
    expect(lines.map((graph) => graph.attributes.documents)).toEqual([['brief'], ['germany'], ['kenya']]);
    // Each line is that article's own graph: the nodes and edges extracting it alone gives.
    const kenya = JSON.parse(newsgraph(['extract', 'articles/kenya.txt']).stdout) as GraphData;
    const keys = (items: Array<{ key: string }>) => items.map((item) => item.key).sort();
    expect(keys(lines[2]!.nodes)).toEqual(keys(kenya.nodes));
    expect(keys(lines[2]!.edges)).toEqual(keys(kenya.edges));
    // Graph lines on stdin merge into the graph the folder gives.
    const merged = newsgraph(['extract', '-'], one.stdout);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(jobs1.stdout);
  });

  it('extract --jsonl -o writes the file whole or not at all', () => {
    const written = newsgraph(['extract', '--jsonl', 'articles', '-o', 'lines.jsonl']);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stderr).toBe('lines.jsonl: 3 article graph(s)\n');
    const bad = newsgraph(['extract', '--jsonl', '-', '-o', 'bad.jsonl'], `${JSON.stringify({ id: 'a', text: 'Jane Doe said it works.' })}\n{"id": "b"}\n`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/-:2: "text" is missing/);
    expect(existsSync(join(dir, 'bad.jsonl'))).toBe(false);
  });

  it('refuses a bad JSONL line with its number and exit code 1, writing nothing', () => {
    const run = newsgraph(['extract', '-', '-o', 'out.json'], `${JSON.stringify({ id: 'a', text: 'Jane Doe said it works.' })}\n{"id": "b"}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/-:2: "text" is missing/);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });
});
