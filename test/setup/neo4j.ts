/**
 * vitest globalSetup: a real Neo4j for the tests. Unless NEO4J_URI is set
 * (then that server is used as it is), it builds scripts/neo4j-server if
 * needed, starts it on a free loopback port with its own state folder and
 * temporary data, hands the URI and credentials to the test workers through
 * process.env, and stops it (removing its data) after the run.
 *
 * The server watches this process: if the run is killed before teardown,
 * it shuts itself down and deletes its data, so no Java process is left.
 * A run that selects no Neo4j test file (`vitest run test/viz.test.ts`)
 * starts nothing.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import neo4j from 'neo4j-driver';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const scripts = join(root, 'scripts', 'neo4j-server');
const PASSWORD = 'newsgraph-test';

/** True unless the run is filtered to files none of which is a Neo4j test. */
async function runsNeo4jTests(project: TestProject): Promise<boolean> {
  // `filenamePattern` holds the CLI's file filters (internal to vitest, so read defensively).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters || filters.length === 0) return true;
  const specs = await project.vitest.globTestSpecifications(filters);
  return specs.some((spec) => basename(spec.moduleId).startsWith('neo4j'));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.NEO4J_URI) return undefined;
  if (!(await runsNeo4jTests(project))) return undefined;

  const state = join(root, '.neo4j', `vitest-${process.pid}`);
  const env = { ...process.env, NEO4J_STATE_DIR: state, NEO4J_PASSWORD: PASSWORD, NEO4J_WATCH_PID: String(process.pid) };
  const stop = async () => {
    await run('bash', [join(scripts, 'stop.sh')], { env }).catch(() => undefined);
    await rm(state, { recursive: true, force: true });
  };
  // start.sh builds first when the build is missing or stale (mvn, Maven Central).
  const { stdout } = await run('bash', [join(scripts, 'start.sh')], { env, maxBuffer: 16 * 1024 * 1024 });
  const uri = stdout.trim().split('\n').pop()!;
  if (!uri.startsWith('bolt://')) {
    await stop();
    throw new Error(`neo4j-server start.sh printed no bolt URI: ${stdout}`);
  }
  try {
    await waitForBolt(uri);
  } catch (error) {
    await stop();
    throw error;
  }

  process.env.NEO4J_URI = uri;
  process.env.NEO4J_USERNAME = 'neo4j';
  process.env.NEO4J_PASSWORD = PASSWORD;
  delete process.env.NEO4J_DATABASE;

  return async () => {
    await stop();
    delete process.env.NEO4J_URI;
  };
}

/** start.sh saw the port open; wait until Bolt itself answers a query as our user. */
async function waitForBolt(uri: string, timeoutMs = 60_000): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), { connectionTimeout: 5_000 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`Neo4j at ${uri} did not answer within ${timeoutMs / 1000}s: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  } finally {
    await driver.close();
  }
}
