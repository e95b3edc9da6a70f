/**
 * Neo4j load throughput, four ways on the same rows, side by side in one
 * run, each into an emptied database:
 *
 *   (1) per article: `load --batch-size 1`, one transaction per article
 *       (what `load` did before it batched), identity placed per article;
 *   (2) batched: `load` as it ships, whole articles gathered into
 *       transactions of 50,000 rows, identity locked, read and placed once
 *       per transaction, rows grouped by label and type;
 *   (2') batched without identity (`identity: false`): entities merged by
 *       their article key alone, so (2') against (2) is what identity costs;
 *   (3) the ceiling: a raw `UNWIND $rows MERGE … SET` of the same rows,
 *       10,000 per auto-committed statement, with no article grouping,
 *       identity, alias folding or mention counts: as fast as this server
 *       takes them.
 *
 * (2), (2') and (3) run once untimed first (JIT), then in five
 * alternating rounds, the best of each kept, each run planning its own
 * statements afresh (query caches cleared first, as a new database's
 * changing statistics make Neo4j replan them anyway); (1), slow, runs once. Each is
 * reported in rows per CPU second (the server's and this process's CPU
 * time: steady on a shared, busy machine) and in rows per wall-clock second.
 *
 * Then `load`'s memory as the number of articles grows: the real CLI
 * streaming graph lines of a quarter of the corpus and of all of it.
 *
 *   npx tsx scripts/bench-neo4j.ts [--count N]     (default: 2,000 articles)
 *
 * The server: a private embedded Neo4j configured for throughput (full JIT,
 * parallel GC, 2 GB heap, 1 GB page cache; the tests' server is sized for
 * quick starts instead), started and stopped here, so no one's data is
 * touched. scripts/bench.ts calls benchNeo4j() for `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { startServer } from './neo4j-server/server.js';
import { buildDist, fromDist } from './bench-dist.js';
import { benchCorpus } from './corpus/corpus.js';
import type { DocumentBatch } from '../src/neo4j/rows.js';
import type { Neo4jSettings } from '../src/neo4j/settings.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Rows per statement of the ceiling. */
const BATCH_ROWS = 10_000;
/** Timed rounds of the ceiling and the batched load, alternating; the fastest of each counts. */
const ROUNDS = 5;

export interface Neo4jBenchResult {
  articles: number;
  nodes: number;
  relationships: number;
  /**
   * Wall-clock seconds, and CPU seconds of the server and this process
   * together: on a shared machine the CPU figure is the steadier one.
   */
  runs: Record<'perArticle' | 'batched' | 'batchedNoIdentity' | 'ceiling', { seconds: number; rowsPerSecond: number; cpuSeconds: number; rowsPerCpuSecond: number }>;
  /** batched / ceiling and per article / ceiling, in rows per CPU second (and per wall-clock second). */
  batchedVsCeiling: number;
  /** batched without identity / ceiling, and batched / batched without identity (what identity leaves of the speed). */
  noIdentityVsCeiling: number;
  batchedVsNoIdentity: number;
  batchedVsNoIdentityWall: number;
  /** Of the batched run's wall-clock time, the share spent locking, reading and planning identities (before the writes). */
  identityShare: number;
  perArticleVsCeiling: number;
  batchedVsCeilingWall: number;
  perArticleVsCeilingWall: number;
  /** Peak RSS (MiB) of `newsgraph load` on graph lines of a quarter of the articles, and of all of them. */
  memory: { articles: number; peakRssMiB: number }[];
}

export interface Neo4jBenchOptions {
  /** Articles (default 2,000). */
  count?: number;
  log?: (line: string) => void;
}

type Library = typeof import('../src/neo4j/index.js') & typeof import('../src/io/graph.js') & typeof import('../src/corpus/index.js');

export async function benchNeo4j(options: Neo4jBenchOptions = {}): Promise<Neo4jBenchResult> {
  const count = options.count ?? 2000;
  const log = options.log ?? ((line: string) => void process.stderr.write(`bench-neo4j: ${line}\n`));
  // The compiled library, as users run it (and `load` below runs the real bin on it).
  buildDist(log);
  const lib = { ...(await fromDist<object>('neo4j/index.js')), ...(await fromDist<object>('io/graph.js')), ...(await fromDist<object>('corpus/index.js')) } as Library;

  const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-bench-neo4j-'));
  try {
    log(`extracting ${count} articles…`);
    const lines: string[] = [];
    // Each article's graph as `extract --jsonl` writes it (edge keys carrying their document).
    for await (const { graph } of lib.corpusGraphs(benchCorpus(count), { jobs: availableParallelism() })) lines.push(lib.graphToLine(lib.mergeSerialized([graph]).export()));
    const all = join(scratch, 'all.jsonl');
    const quarter = join(scratch, 'quarter.jsonl');
    writeFileSync(all, lines.join(''));
    writeFileSync(quarter, lines.slice(0, Math.ceil(count / 4)).join(''));
    const batches = lines.flatMap((line) => lib.documentBatches(lib.graphFromJson(line)));

    log('starting a private Neo4j configured for throughput…');
    const stateDir = join(ROOT, '.neo4j', `bench-${process.pid}`);
    const server = await startServer({
      stateDir,
      env: { NEO4J_HEAP: '2g', NEO4J_PAGECACHE_MB: '1024', NEO4J_JAVA_OPTS: '-XX:+UseParallelGC' },
    });
    const settings: Neo4jSettings = { uri: server.uri, username: server.username, password: server.password };
    const driver = lib.openDriver(settings);
    try {
      await lib.applySchema(driver, settings);
      const serverPid = Number(readFileSync(join(stateDir, 'pid'), 'utf8'));
      const cpuNow = () => processCpuSeconds(serverPid) + process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
      const timed = async (name: string, load: () => Promise<unknown>) => {
        await emptyDatabase(driver);
        // Every way plans its own statements inside its timing. Emptying the database
        // changes its statistics, so Neo4j plans every statement again anyway (about 10 ms
        // of CPU each) unless it planned it less than 10 s ago: without this, the load
        // without identity ran just after the batched load and reused the plans of the
        // statements they share, paying for none of them (it measured 1.5× the ceiling).
        await driver.executeQuery('CALL db.clearQueryCaches()');
        const cpuBefore = cpuNow();
        const started = performance.now();
        const report = await load();
        const seconds = (performance.now() - started) / 1000;
        const cpuSeconds = cpuNow() - cpuBefore;
        const counts = await countAll(driver);
        const rows = counts.nodes + counts.relationships;
        const rowsPerSecond = rows / seconds;
        const rowsPerCpuSecond = rows / cpuSeconds;
        log(`${name}: ${counts.nodes} nodes + ${counts.relationships} relationships in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} CPU s), ${Math.round(rowsPerSecond)} rows/s, ${Math.round(rowsPerCpuSecond)} rows per CPU second`);
        const identityMs = (report as { identityMs?: number } | undefined)?.identityMs ?? 0;
        if (identityMs > 0) log(`${name}: identity (locks, reads, plans) ${(identityMs / 1000).toFixed(1)} s of ${seconds.toFixed(1)} s`);
        return { seconds, rowsPerSecond, cpuSeconds, rowsPerCpuSecond, identityMs, ...counts };
      };
      const raw = rawRows(batches);
      const ceiling = () => rawUnwind(driver, raw);
      const batched = () => lib.loadArticles(batches, settings, { driver, schema: false });
      const batchedNoIdentity = () => lib.loadArticles(batches, settings, { driver, schema: false, identity: false });
      // Untimed first runs of each warm up the JIT and compile their query plans; then
      // rounds alternate them, so drift in the machine's load hits all alike; the best round counts.
      log('warm-up (JIT, query plans): the ceiling and the batched loads once each, untimed…');
      await timed('warm-up ceiling', ceiling);
      await timed('warm-up batched', batched);
      await timed('warm-up batched without identity', batchedNoIdentity);
      const rounds: Record<'ceiling' | 'batched' | 'batchedNoIdentity', Array<Awaited<ReturnType<typeof timed>>>> = { ceiling: [], batched: [], batchedNoIdentity: [] };
      for (let round = 0; round < ROUNDS; round += 1) {
        rounds.ceiling.push(await timed('ceiling, raw UNWIND', ceiling));
        rounds.batched.push(await timed('batched load', batched));
        rounds.batchedNoIdentity.push(await timed('batched load without identity', batchedNoIdentity));
      }
      const best = (runs: Array<Awaited<ReturnType<typeof timed>>>) => runs.reduce((a, b) => (b.cpuSeconds < a.cpuSeconds ? b : a));
      const ceilingRun = best(rounds.ceiling);
      const batchedRun = best(rounds.batched);
      const noIdentityRun = best(rounds.batchedNoIdentity);
      const perArticle = await timed('per-article load', () => lib.loadArticles(batches, settings, { driver, schema: false, batchSize: 1 }));

      log('memory of `newsgraph load` on a quarter of the articles and on all of them…');
      const memory = [];
      for (const [file, articles] of [[quarter, Math.ceil(count / 4)], [all, count]] as const) {
        await emptyDatabase(driver);
        memory.push({ articles, peakRssMiB: await peakRssOfLoad(file, settings) });
      }
      return {
        articles: count,
        nodes: batchedRun.nodes,
        relationships: batchedRun.relationships,
        runs: { perArticle: figures(perArticle), batched: figures(batchedRun), batchedNoIdentity: figures(noIdentityRun), ceiling: figures(ceilingRun) },
        batchedVsCeiling: batchedRun.rowsPerCpuSecond / ceilingRun.rowsPerCpuSecond,
        noIdentityVsCeiling: noIdentityRun.rowsPerCpuSecond / ceilingRun.rowsPerCpuSecond,
        batchedVsNoIdentity: batchedRun.rowsPerCpuSecond / noIdentityRun.rowsPerCpuSecond,
        batchedVsNoIdentityWall: batchedRun.rowsPerSecond / noIdentityRun.rowsPerSecond,
        identityShare: batchedRun.identityMs / 1000 / batchedRun.seconds,
        perArticleVsCeiling: perArticle.rowsPerCpuSecond / ceilingRun.rowsPerCpuSecond,
        batchedVsCeilingWall: batchedRun.rowsPerSecond / ceilingRun.rowsPerSecond,
        perArticleVsCeilingWall: perArticle.rowsPerSecond / ceilingRun.rowsPerSecond,
        memory,
      };
    } finally {
      await driver.close();
      await server.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface RawRows {
  nodes: Map<string, unknown[]>;
  relationships: Map<string, { type: string; from: string; to: string; rows: unknown[] }>;
}

/** The ceiling's input: every article's rows of a label or type together (prepared before the clock starts). */
export function rawRows(batches: DocumentBatch[]): RawRows {
  const raw: RawRows = { nodes: new Map(), relationships: new Map() };
  const nodes = (label: string) => raw.nodes.get(label) ?? raw.nodes.set(label, []).get(label)!;
  for (const batch of batches) {
    for (const [kind, rows] of batch.entities) nodes(kind).push(...rows.map((row) => ({ key: row.key, props: { ...row.props, name: row.name, aliases: row.aliases } })));
    for (const row of [...batch.documents, ...batch.quotes]) nodes(row.kind).push({ key: row.key, props: row.props });
    for (const group of batch.edges) {
      const id = `${group.type} ${group.sourceKind} ${group.targetKind}`;
      const known = raw.relationships.get(id) ?? raw.relationships.set(id, { type: group.type, from: group.sourceKind, to: group.targetKind, rows: [] }).get(id)!;
      known.rows.push(...group.rows);
    }
  }
  return raw;
}

/**
 * The ceiling: the rows in 10,000-row statements that commit on their own;
 * nodes first, then relationships. Nothing is checked, folded or counted.
 */
async function rawUnwind(driver: Driver, raw: RawRows): Promise<void> {
  const session = driver.session();
  try {
    const send = async (cypher: string, rows: unknown[]) => {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) await session.run(cypher, { rows: rows.slice(i, i + BATCH_ROWS) });
    };
    // Labels and types come from the loader's closed lists (rows.ts checked them), never from data.
    for (const [label, rows] of raw.nodes) await send(`UNWIND $rows AS row MERGE (n:${label} {key: row.key}) SET n += row.props`, rows);
    for (const { type, from, to, rows } of raw.relationships.values()) {
      await send(`UNWIND $rows AS row MATCH (a:${from} {key: row.source}) MATCH (b:${to} {key: row.target}) MERGE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props`, rows);
    }
  } finally {
    await session.close();
  }
}

async function emptyDatabase(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

async function countAll(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
}

const figures = ({ seconds, rowsPerSecond, cpuSeconds, rowsPerCpuSecond }: Neo4jBenchResult['runs']['batched']) => ({ seconds, rowsPerSecond, cpuSeconds, rowsPerCpuSecond });

/** CPU seconds (user + system) a process has used so far, from Linux's /proc. */
function processCpuSeconds(pid: number): number {
  // Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name; in clock ticks (100 a second on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Run `newsgraph load FILE` and follow its peak resident memory (Linux /proc VmHWM). */
async function peakRssOfLoad(file: string, settings: Neo4jSettings): Promise<number> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsgraph.js'), 'load', file], {
    env: { ...process.env, NEO4J_URI: settings.uri, NEO4J_USERNAME: settings.username, NEO4J_PASSWORD: settings.password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peakKiB = 0;
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
    } catch {
      // the process has just ended
    }
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`newsgraph load ${file} exited with code ${code}`);
  return Math.round(peakKiB / 1024);
}

/** One line per figure, for bench.ts's report and the README. */
export function describeNeo4jBench(result: Neo4jBenchResult): string[] {
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const { perArticle, batched, batchedNoIdentity, ceiling } = result.runs;
  const way = (name: string, run: typeof ceiling) =>
    `${name} ${fmt(run.rowsPerCpuSecond)} rows per CPU second, ${fmt(run.rowsPerSecond)} rows/s (${fmt(run.seconds, 1)} s)`;
  return [
    `${fmt(result.articles)} articles, ${fmt(result.nodes)} nodes + ${fmt(result.relationships)} relationships, each way into an emptied database:`,
    `${way('raw UNWIND ceiling', ceiling)}; ${way('batched `load`', batched)}: ${fmt(result.batchedVsCeiling, 2)}× the ceiling ` +
      `(${fmt(result.batchedVsCeilingWall, 2)}× wall); ${way('one transaction per article', perArticle)}: ${fmt(result.perArticleVsCeiling, 2)}× ` +
      `(${fmt(result.perArticleVsCeilingWall, 2)}× wall)`,
    `identity's cost: ${way('batched `load` without identity', batchedNoIdentity)}: ${fmt(result.noIdentityVsCeiling, 2)}× the ceiling; ` +
      `with identity ${fmt(result.batchedVsNoIdentity, 2)}× that (${fmt(result.batchedVsNoIdentityWall, 2)}× wall), ` +
      `locks, reads and plans ${fmt(result.identityShare * 100, 1)}% of the batched load's wall-clock time`,
    `peak RSS of \`newsgraph load\` streaming graph lines: ${result.memory.map((m) => `${fmt(m.articles)} articles ${fmt(m.peakRssMiB)} MiB`).join(', ')}`,
  ];
}

// Standalone: measure and print.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' } } });
  const result = await benchNeo4j({ count: Number(values.count) });
  process.stdout.write(describeNeo4jBench(result).join('\n') + '\n' + JSON.stringify(result, null, 2) + '\n');
}
