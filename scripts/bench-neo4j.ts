/**
 * Neo4j load throughput: nodes + relationships written per second when a
 * corpus graph loads with batched `UNWIND` statements (1000 rows each) versus
 * one statement per fact (batch size 1), same transactions, same Cypher, on
 * an empty database each time.
 *
 *   npx tsx scripts/bench-neo4j.ts [--count N]     (default: 300 articles)
 *
 * scripts/bench.ts calls benchNeo4j(graph) with its own corpus graph.
 *
 * The server: a private embedded Neo4j started (and stopped) through
 * scripts/neo4j-server, so no one's data is touched. To measure another
 * server instead, set NEWSGRAPH_BENCH_NEO4J_URI (plus NEO4J_USERNAME,
 * NEO4J_PASSWORD, NEO4J_DATABASE): its database is EMPTIED between runs.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { checkConnection, openDriver, sessionConfig } from '../src/neo4j/connect.js';
import { loadGraph } from '../src/neo4j/load.js';
import { applySchema } from '../src/neo4j/schema.js';
import { settingsFromEnv, type Neo4jSettings } from '../src/neo4j/settings.js';
import type { NewsGraph } from '../src/types.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));

export interface Neo4jBenchResult {
  articles: number;
  nodes: number;
  relationships: number;
  /** Batched: UNWIND statements of up to 1000 rows. */
  batchedSeconds: number;
  batchedPerSecond: number;
  /** One statement per node, relationship and mention count. */
  perFactSeconds: number;
  perFactPerSecond: number;
  /** batchedPerSecond / perFactPerSecond. */
  speedup: number;
}

export interface Neo4jBenchOptions {
  /** Rows per statement in the batched run (default 1000). */
  batchSize?: number;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

/** Measure both load modes on `graph`; `{skipped}` when no server can be had. */
export async function benchNeo4j(graph: NewsGraph, options: Neo4jBenchOptions = {}): Promise<Neo4jBenchResult | { skipped: string }> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`bench-neo4j: ${line}\n`));
  const server = await benchServer(log);
  if ('skipped' in server) return server;
  const { settings, stop } = server;
  const driver = openDriver(settings);
  try {
    await checkConnection(driver, settings);
    const articles = graph.getAttribute('documents')?.length ?? 0;
    log(`${articles} articles, ${graph.order} nodes, ${graph.size} edges`);

    const timed = async (batchSize: number) => {
      await emptyDatabase(driver, settings);
      await applySchema(driver, settings);
      const started = performance.now();
      await loadGraph(graph, settings, { driver, schema: false, batchSize });
      const seconds = (performance.now() - started) / 1000;
      const counts = await countAll(driver, settings);
      log(`batch size ${batchSize}: ${counts.nodes} nodes + ${counts.relationships} relationships in ${seconds.toFixed(2)} s`);
      return { seconds, ...counts };
    };
    // A first, untimed load warms the server up (JIT, query plans), so neither timed run pays for it.
    log('warm-up load…');
    await timed(options.batchSize ?? 1000);
    const batched = await timed(options.batchSize ?? 1000);
    const perFact = await timed(1);
    const written = batched.nodes + batched.relationships;
    const result: Neo4jBenchResult = {
      articles,
      nodes: batched.nodes,
      relationships: batched.relationships,
      batchedSeconds: batched.seconds,
      batchedPerSecond: written / batched.seconds,
      perFactSeconds: perFact.seconds,
      perFactPerSecond: (perFact.nodes + perFact.relationships) / perFact.seconds,
      speedup: 0,
    };
    result.speedup = result.batchedPerSecond / result.perFactPerSecond;
    return result;
  } finally {
    await driver.close().catch(() => undefined);
    await stop();
  }
}

type BenchServer = { settings: Neo4jSettings; stop: () => Promise<void> } | { skipped: string };

/** NEWSGRAPH_BENCH_NEO4J_URI's server, or a private one from scripts/neo4j-server. */
async function benchServer(log: (line: string) => void): Promise<BenchServer> {
  const given = process.env.NEWSGRAPH_BENCH_NEO4J_URI;
  if (given) return { settings: { ...settingsFromEnv(), uri: given }, stop: async () => undefined };
  const state = join(root, '.neo4j', `bench-${process.pid}`);
  // The server watches this process: a bench killed midway leaves no Java behind.
  // A full JIT (not the tests' quick-start C1): the benchmark measures a warmed-up server.
  const env = { ...process.env, NEO4J_STATE_DIR: state, NEO4J_PASSWORD: 'newsgraph-test', NEO4J_WATCH_PID: String(process.pid), NEO4J_JAVA_OPTS: process.env.NEO4J_JAVA_OPTS ?? '-XX:+UseParallelGC' };
  const scripts = join(root, 'scripts', 'neo4j-server');
  log('starting a private Neo4j (scripts/neo4j-server/start.sh)…');
  try {
    const { stdout } = await run('bash', [join(scripts, 'start.sh')], { env });
    const uri = stdout.trim().split('\n').pop()!;
    return {
      settings: { uri, username: 'neo4j', password: 'newsgraph-test' },
      stop: async () => {
        await run('bash', [join(scripts, 'stop.sh')], { env }).catch(() => undefined);
        await rm(state, { recursive: true, force: true });
      },
    };
  } catch (error) {
    return { skipped: `no Neo4j server: ${(error as Error).message.split('\n')[0]}` };
  }
}

async function emptyDatabase(driver: Driver, settings: Neo4jSettings): Promise<void> {
  const session = driver.session(sessionConfig(settings, 'WRITE'));
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

async function countAll(driver: Driver, settings: Neo4jSettings): Promise<{ nodes: number; relationships: number }> {
  const result = await driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    settings.database ? { database: settings.database } : {},
  );
  const record = result.records[0]!;
  return { nodes: Number(record.get('nodes')), relationships: Number(record.get('relationships')) };
}

// Standalone: build the shared bench corpus, extract it, measure.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '300' } } });
  const { benchCorpus } = await import('./corpus/corpus.js');
  const { extractCorpus } = await import('../src/corpus/index.js');
  const graph = await extractCorpus(benchCorpus(Number(values.count)), { jobs: availableParallelism() });
  const result = await benchNeo4j(graph);
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if ('skipped' in result) process.exitCode = 1;
}
