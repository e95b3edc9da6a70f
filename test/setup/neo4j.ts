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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import neo4j from 'neo4j-driver';
import { SERVER_PASSWORD, startServer } from '../../scripts/neo4j-server/server.js';
import { selectsTests } from './select.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.NEO4J_URI) return undefined;
  if (!(await selectsTests(project, (file) => file.startsWith('neo4j')))) return undefined;

  // start.sh builds first when the build is missing or stale (mvn, Maven Central).
  const server = await startServer({ stateDir: join(root, '.neo4j', `vitest-${process.pid}`) });
  try {
    await waitForBolt(server.uri);
  } catch (error) {
    await server.stop();
    throw error;
  }

  process.env.NEO4J_URI = server.uri;
  process.env.NEO4J_USERNAME = server.username;
  process.env.NEO4J_PASSWORD = server.password;
  delete process.env.NEO4J_DATABASE;

  return async () => {
    await server.stop();
    delete process.env.NEO4J_URI;
  };
}

/** start.sh saw the port open; wait until Bolt itself answers a query as our user. */
async function waitForBolt(uri: string, timeoutMs = 60_000): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', SERVER_PASSWORD), { connectionTimeout: 5_000 });
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
