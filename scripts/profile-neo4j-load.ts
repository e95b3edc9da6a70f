/**
 * Where a batched load's CPU goes (a diagnostic beside scripts/bench-neo4j.ts):
 * loads the bench corpus (graph lines cached in --cache) into a private
 * throughput-configured server, with identity and without, in rounds, and
 * prints per load: the server's and the loader's CPU by phase (identity's
 * locks and reads, the writes, the commit), each statement kind's server
 * time (resultAvailableAfter + resultConsumedAfter, summed), the CPU of the
 * loader's pure steps (planBatch, placeArticle, combineBatches) run again
 * alone, and at the end the plans (EXPLAIN) of identity's reads and lock.
 *
 *   npx tsx scripts/profile-neo4j-load.ts [--count 2000] [--rounds 2] [--cache /tmp/ngprof]
 *   CEILING=1  also a raw UNWIND load before each round, as the bench orders them
 *   CLEAR=1    clear the query caches before each load (each pays for its own plans)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ManagedTransaction } from 'neo4j-driver';
import { startServer } from './neo4j-server/server.js';
import { rawRows } from './bench-neo4j.js';
import { benchCorpus } from './corpus/corpus.js';
import { corpusGraphs } from '../src/corpus/index.js';
import { graphFromJson, graphToLine } from '../src/io/graph.js';
import { mergeSerialized } from '../src/corpus/index.js';
import { applySchema, documentBatches, openDriver } from '../src/neo4j/index.js';
import { sessionConfig } from '../src/neo4j/connect.js';
import * as identity from '../src/neo4j/identity.js';
import * as rows from '../src/neo4j/rows.js';
import { writeBatch } from '../src/neo4j/write.js';
import { DEFAULT_BATCH_ROWS } from '../src/neo4j/settings.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, cache: { type: 'string', default: '/tmp/ngprof' }, rounds: { type: 'string', default: '2' } } });
const count = Number(values.count);
mkdirSync(values.cache!, { recursive: true });
const file = join(values.cache!, `all-${count}.jsonl`);
if (!existsSync(file)) {
  const lines: string[] = [];
  for await (const { graph } of corpusGraphs(benchCorpus(count), { jobs: availableParallelism() })) lines.push(graphToLine(mergeSerialized([graph]).export()));
  writeFileSync(file, lines.join(''));
}
const batches = readFileSync(file, 'utf8').split('\n').filter(Boolean).flatMap((line) => documentBatches(graphFromJson(line)));
const transactions: (typeof batches)[] = [];
{
  let pending: typeof batches = [];
  let n = 0;
  for (const b of batches) {
    pending.push(b);
    n += rows.rowCount(b);
    if (n >= DEFAULT_BATCH_ROWS) (transactions.push(pending), (pending = []), (n = 0));
  }
  if (pending.length) transactions.push(pending);
}

const raw = rawRows(batches);
// Wrap the pure steps to time their CPU.
const cpu = new Map<string, number>();
const timeIt = <T>(name: string, f: () => T): T => {
  const before = process.cpuUsage();
  try {
    return f();
  } finally {
    const d = process.cpuUsage(before);
    cpu.set(name, (cpu.get(name) ?? 0) + (d.user + d.system) / 1000);
  }
};

const stateDir = join(ROOT, '.neo4j', `profile-${process.pid}`);
const server = await startServer({ stateDir, env: { NEO4J_HEAP: '2g', NEO4J_PAGECACHE_MB: '1024', NEO4J_JAVA_OPTS: '-XX:+UseParallelGC' } });
const serverPid = Number(readFileSync(join(stateDir, 'pid'), 'utf8'));
const serverCpu = () => {
  const f = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const loaderCpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const settings = { uri: server.uri, username: server.username, password: server.password };
const driver = openDriver(settings);
try {
  await applySchema(driver, settings);
  const kindOf = (cypher: string) => {
    const text = cypher.replace(/\s+/g, ' ');
    const m = /^UNWIND \$(?:rows|keys) AS \w+ (MERGE|MATCH) \((\w+):(\w+)/.exec(text);
    if (text.includes('IdentityLock')) return 'lock';
    if (text.includes('m.group IN $groups')) return 'readGroupRecords';
    if (text.includes('e.name AS name')) return 'readNodeIdentities';
    if (text.startsWith('CALL () {') && text.includes('RETURN e.key AS node, d.id')) return 'readRecords';
    if (text.includes('MENTIONED_IN {key: mention.key}')) return 'mergeMentions';
    if (text.includes('n.titles = row.titles') && text.includes('MERGE')) return 'mergeIdentified';
    if (text.includes('n.titles = row.titles')) return 'setIdentity';
    if (text.includes('n.aliases = COLLECT')) return 'mergeEntities';
    if (text.includes('MERGE (a)-[r:')) return (text.includes('CALL (row)') ? 'mergeEdgesOfKinds ' : 'mergeEdges ') + (/\[r:(\w+)/.exec(text)?.[1] ?? '');
    if (text.includes('SET n = row.props')) return 'mergeNodes ' + m?.[3];
    if (text.includes('CREATE (to)-[moved:MENTIONED_IN]')) return 'moveMentions';
    if (text.includes('moved')) return 'moveFacts';
    if (text.includes('ON CREATE SET n.kind = $kind')) return 'mergeMoveTargets';
    if (text.includes('NOT EXISTS { (n)--() }')) return 'deleteEmptied';
    return text.slice(0, 60);
  };
  for (let round = 0; round < Number(values.rounds); round += 1) {
    for (const withIdentity of [true, false]) {
      const session0 = driver.session();
      await session0.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
      if (process.env.CEILING && withIdentity) {
        const c0 = serverCpu() + loaderCpu();
        const w0 = performance.now();
        for (const [label, rows] of raw.nodes) for (let i = 0; i < rows.length; i += 10000) await session0.run(`UNWIND $rows AS row MERGE (n:${label} {key: row.key}) SET n += row.props`, { rows: rows.slice(i, i + 10000) });
        for (const { type, from, to, rows } of raw.relationships.values()) for (let i = 0; i < rows.length; i += 10000) await session0.run(`UNWIND $rows AS row MATCH (a:${from} {key: row.source}) MATCH (b:${to} {key: row.target}) MERGE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props`, { rows: rows.slice(i, i + 10000) });
        console.log(`\n== ceiling: wall ${(performance.now() - w0).toFixed(0)} ms, CPU ${(serverCpu() + loaderCpu() - c0).toFixed(0)} ms`);
        await session0.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
      }
      if (process.env.CLEAR) await session0.run('CALL db.clearQueryCaches()');
      await session0.close();
      const stats = new Map<string, { n: number; rows: number; ms: number }>();
      const phase = { readServer: 0, readLoader: 0, writeServer: 0, writeLoader: 0, commitServer: 0 };
      cpu.clear();
      const s0 = serverCpu();
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      for (const articles of transactions) {
        const session = driver.session(sessionConfig(settings, 'WRITE'));
        let t0 = 0, l0 = 0, t1 = 0, l1 = 0, firstWrite = true;
        await session.executeWrite(async (tx: ManagedTransaction) => {
          t0 = serverCpu(); l0 = loaderCpu(); firstWrite = true;
          const wrapped = new Proxy(tx, {
            get(target, prop) {
              if (prop !== 'run') return Reflect.get(target, prop);
              return (cypher: string, params: Record<string, unknown>) => {
                const k0 = kindOf(cypher);
                if (firstWrite && !['lock', 'readGroupRecords', 'readNodeIdentities', 'readRecords'].includes(k0)) {
                  firstWrite = false;
                  t1 = serverCpu(); l1 = loaderCpu();
                  phase.readServer += t1 - t0; phase.readLoader += l1 - l0;
                }
                const result = target.run(cypher, params);
                result.then((r) => {
                  const k = kindOf(cypher);
                  const s = stats.get(k) ?? { n: 0, rows: 0, ms: 0 };
                  s.n += 1;
                  s.rows += ((params.rows ?? params.keys ?? []) as unknown[]).length;
                  s.ms += Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter);
                  stats.set(k, s);
                }, () => undefined);
                return result;
              };
            },
          });
          const out = await writeBatch(wrapped, articles, { identity: withIdentity });
          const t2 = serverCpu();
          phase.writeServer += t2 - t1; phase.writeLoader += loaderCpu() - l1;
          t1 = t2;
          return out;
        });
        phase.commitServer += serverCpu() - t1;
        await session.close();
      }
      const wall = performance.now() - w0;
      const c = process.cpuUsage(c0);
      const s = serverCpu() - s0;
      // The pure steps again, alone, for their CPU.
      for (const articles of transactions) {
        if (!withIdentity) break;
        const withRecords = articles.map((a) => ({ doc: a.doc!, records: a.records }));
        const scope = timeIt('identityScope', () => identity.identityScope(withRecords));
        void scope;
        const plan = timeIt('planBatch (no stored)', () => identity.planBatch(withRecords, []));
        const placed = timeIt('placeArticle', () => articles.map((a) => identity.placeArticle(a, plan)));
        timeIt('combineBatches', () => rows.combineBatches(placed));
      }
      const total = (c.user + c.system) / 1000;
      console.log(`\n== ${withIdentity ? 'identity' : 'no identity'} round ${round}: ${transactions.length} tx, wall ${wall.toFixed(0)} ms, loader CPU ${total.toFixed(0)} ms, server CPU ${s.toFixed(0)} ms`);
      console.log('  phases (ms CPU):', JSON.stringify(phase));
      const sorted = [...stats].sort((a, b) => b[1].ms - a[1].ms);
      for (const [k, v] of sorted) console.log(`  ${k.padEnd(40)} ${String(v.n).padStart(4)} stmts ${String(v.rows).padStart(7)} rows ${v.ms.toFixed(0).padStart(6)} ms server`);
      for (const [k, v] of cpu) console.log(`  JS ${k.padEnd(37)} ${v.toFixed(0).padStart(6)} ms CPU`);
    }
  }
  // Plans of the identity reads, on the loaded database.
  const session = driver.session();
  const { READ_GROUP_RECORDS, readRecords, readNodeIdentities, LOCK_IDENTITIES } = await import('../src/neo4j/statements.js');
  for (const [name, q] of [['readGroup', READ_GROUP_RECORDS], ['readRecords', readRecords()], ['nodeIdentities', readNodeIdentities()], ['lock', LOCK_IDENTITIES]] as const) {
    const r = await session.run('EXPLAIN ' + q, { groups: ['x'], documents: ['Document:x'], keys: { Person: ['Person:x'], Agency: [], State: [], Party: [], Organization: [], Place: [] }, docs: ['x'], rows: [] });
    const ops: string[] = [];
    const walk = (p: { operatorType: string; children: unknown[] }) => { ops.push(p.operatorType); p.children.forEach((c) => walk(c as never)); };
    walk(r.summary.plan as never);
    console.log(name, ops.join(' < '));
  }
  await session.close();
} finally {
  await driver.close();
  await server.stop();
}
