/**
 * Loading an archive, on a Neo4j server of this file's own (a new, empty
 * database, which it kills and restarts): two loads started together on the
 * new database, a server killed mid-load and `--resume`, and the CSV export
 * imported with the real neo4j-admin, all through the real bin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, SERVER_SCRIPTS, type RunningServer } from '../scripts/neo4j-server/server.js';
import { mergeGraphs } from '../src/corpus/merge.js';
import { graphFromJson } from '../src/io/graph.js';
import { ExitCode, type NewsGraph } from '../src/types.js';
import { newsgraph, ROOT } from './helpers/bin.js';
import { DOCUMENT_COUNTS, graphCounts } from './helpers/graph-counts.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-archive-'));
const data = join(scratch, 'data');
const state = join(scratch, 'state');
const ALL = join(scratch, 'all.jsonl');

interface Article {
  id: string;
  line: string;
  graph: NewsGraph;
}
let articles: Article[] = [];
let server: RunningServer;
let driver: Driver;

async function start(): Promise<void> {
  server = await startServer({ stateDir: state, env: { NEO4J_DATA_DIR: data } });
  driver = neo4j.driver(server.uri, neo4j.auth.basic(server.username, server.password), { disableLosslessIntegers: true });
}

const env = () => ({ NEO4J_URI: server.uri, NEO4J_USERNAME: server.username, NEO4J_PASSWORD: server.password, NEO4J_DATABASE: undefined });

async function cypher(text: string, params: Record<string, unknown> = {}, on: Driver = driver): Promise<Array<Record<string, unknown>>> {
  const { records } = await on.executeQuery(text, params);
  return records.map((record) => record.toObject());
}

/**
 * What the database holds once the articles are loaded: their corpus graph's
 * nodes and relationships. Each line is an article keyed on its own; the
 * corpus folds short names into fuller ones across articles (a bare surname,
 * an acronym), and so does `load`, whatever the order or the batches.
 */
function expectedTotals(of: Article[]): { nodes: number; relationships: number } {
  const corpus = mergeGraphs(of.map((article) => article.graph));
  return { nodes: corpus.order, relationships: corpus.size };
}

/** Every node where the articles' corpus graph has it: the same keys, entities folded alike. */
async function expectCorpusKeys(): Promise<void> {
  const corpus = mergeGraphs(articles.map((article) => article.graph));
  const keys = (await cypher('MATCH (n) RETURN n.key AS key')).map((row) => row.key as string);
  expect(keys.sort()).toEqual(corpus.nodes().sort());
}

async function totals(): Promise<{ nodes: number; relationships: number; nodeKeys: number; relationshipKeys: number }> {
  const [row] = await cypher(
    `CALL () { MATCH (n) RETURN count(n) AS nodes, count(DISTINCT n.key) AS nodeKeys }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, count(DISTINCT r.key) AS relationshipKeys }
     RETURN nodes, relationships, nodeKeys, relationshipKeys`,
  );
  return row as { nodes: number; relationships: number; nodeKeys: number; relationshipKeys: number };
}

/** The ids of the articles whose Document is in the database, each checked to be there whole. */
async function wholeArticles(): Promise<string[]> {
  const loaded = (await cypher('MATCH (d:Document) RETURN d.id AS id')).map((row) => row.id as string);
  for (const id of loaded) {
    const article = articles.find((candidate) => candidate.id === id)!;
    const [counts] = await cypher(DOCUMENT_COUNTS, { doc: id });
    expect(counts, id).toEqual(graphCounts(article.graph));
  }
  // Nothing of an article whose Document is not there: no quote, no fact.
  const [stray] = await cypher(
    `RETURN count { MATCH (q:Quote) WHERE NOT q.doc IN $loaded } AS quotes,
            count { MATCH ()-[r]->() WHERE r.doc IS NOT NULL AND NOT r.doc IN $loaded } AS facts`,
    { loaded },
  );
  expect(stray).toEqual({ quotes: 0, facts: 0 });
  // Every entity's mentions is the sum of its per-article counts, however the loads interleaved.
  const [wrong] = await cypher(
    `MATCH (e)-[m:MENTIONED_IN]->() WITH e, sum(m.count) AS total WHERE e.mentions <> total RETURN count(e) AS entities`,
  );
  expect(wrong).toEqual({ entities: 0 });
  return loaded;
}

beforeAll(async () => {
  // One graph per article, as a batch engine would write them.
  const extracted = await newsgraph(['extract', '--jsonl', join(ROOT, 'test', 'fixtures', 'articles'), '-o', ALL]);
  expect(extracted.code, extracted.stderr).toBe(0);
  articles = readFileSync(ALL, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const graph = graphFromJson(line);
      return { id: graph.getAttribute('documents')![0]!, line, graph };
    });
  await start();
}, 600_000);

afterAll(async () => {
  await driver?.close();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('loading an archive', () => {
  it('two loads of overlapping articles started together on a new database: no deadlock, no duplicate, every article whole', async () => {
    const first = join(scratch, 'first.jsonl');
    const second = join(scratch, 'second.jsonl');
    writeFileSync(first, articles.slice(0, 18).map((a) => a.line).join('\n') + '\n');
    writeFileSync(second, articles.slice(8).map((a) => a.line).join('\n') + '\n');
    // Small transactions, so the two interleave on the same entities.
    const runs = await Promise.all([first, second].map((file) => newsgraph(['load', '--batch-size', '150', file], { env: env() })));
    for (const result of runs) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^loaded 18 article\(s\) into /);
    }
    const expected = expectedTotals(articles);
    expect(await totals()).toEqual({ ...expected, nodeKeys: expected.nodes, relationshipKeys: expected.relationships });
    expect((await wholeArticles()).sort()).toEqual(articles.map((a) => a.id).sort());
    await expectCorpusKeys();
    // The schema was created once, whole, by whichever load got there first.
    const [schema] = await cypher("SHOW CONSTRAINTS YIELD name WHERE name ENDS WITH '_key' RETURN count(*) AS constraints");
    expect(schema!.constraints).toBe(18);
  }, 300_000);

  it('a server killed mid-load leaves whole articles; the load says where it stopped, and --resume completes it', async () => {
    const session = driver.session();
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS').finally(() => session.close());
    // One article per transaction, so the kill lands between commits of one load.
    const loading = newsgraph(['load', '--batch-size', '1', ALL], { env: env() });
    for (;;) {
      const [row] = await cypher('MATCH (d:Document) RETURN count(d) AS documents');
      if ((row!.documents as number) >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pid = readFileSync(join(state, 'pid'), 'utf8').trim();
    await run('kill', ['-9', pid]);
    const killed = await loading;
    expect(killed.code).toBe(ExitCode.neo4j);
    expect(killed.stderr.trimEnd().split('\n')).toHaveLength(1);
    const stopped = /(\d+) article\(s\) loaded whole \(the last "([^"]+)"\); stopped at "([^"]+)": run the same command with --resume/.exec(killed.stderr);
    expect(stopped, killed.stderr).not.toBeNull();
    const [, count, last, next] = stopped!;

    // Restarted on its own data folder (password kept): whole articles only, exactly those it reported.
    await driver.close();
    await server.stop();
    await start();
    const ids = articles.map((a) => a.id);
    const loaded = (await wholeArticles()).sort();
    const reported = ids.slice(0, Number(count));
    // The server may commit the transaction it was killed in without the load ever hearing so (no
    // client can tell): then the article it stopped at is whole too, and --resume skips it.
    expect([[...reported].sort(), [...reported, next].sort()]).toContainEqual(loaded);
    expect(last).toBe(ids[Number(count) - 1]);
    expect(next).toBe(ids[Number(count)]);

    const resumed = await newsgraph(['load', '--resume', ALL], { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`loaded ${articles.length - loaded.length} article(s)`);
    expect(resumed.stdout).toContain(`${loaded.length} article(s) already loaded, skipped`);
    expect((await wholeArticles()).sort()).toEqual([...ids].sort());
    const expected = expectedTotals(articles);
    expect(await totals()).toEqual({ ...expected, nodeKeys: expected.nodes, relationshipKeys: expected.relationships });
    await expectCorpusKeys();
  }, 300_000);

  it('load --csv, imported by neo4j-admin into a new database, holds the same graph as load built', async () => {
    const csv = join(scratch, 'csv');
    const written = await newsgraph(['load', '--csv', csv, ALL]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(new RegExp(`^wrote ${articles.length} article\\(s\\) as CSV to `));
    const home = join(scratch, 'imported');
    await run('sh', [join(csv, 'import.sh')], {
      env: { ...process.env, NEO4J_HOME: home, NEO4J_ADMIN: `bash ${join(SERVER_SCRIPTS, 'neo4j-admin.sh')}` },
      maxBuffer: 64 * 1024 * 1024,
    });
    const imported = await startServer({ stateDir: join(scratch, 'imported-state'), env: { NEO4J_DATA_DIR: home } });
    const other = neo4j.driver(imported.uri, neo4j.auth.basic(imported.username, imported.password), { disableLosslessIntegers: true });
    try {
      const nodes = 'MATCH (n) RETURN n.key AS key, labels(n) AS labels, properties(n) AS properties ORDER BY key';
      const relationships =
        'MATCH (a)-[r]->(b) RETURN r.key AS key, type(r) AS type, a.key AS source, b.key AS target, properties(r) AS properties ORDER BY key';
      const loadedNodes = await cypher(nodes);
      expect(loadedNodes.length).toBe(expectedTotals(articles).nodes);
      expect(await cypher(nodes, {}, other)).toEqual(loadedNodes);
      expect(await cypher(relationships, {}, other)).toEqual(await cypher(relationships));
    } finally {
      await other.close();
      await imported.stop();
    }
  }, 600_000);
});
