/**
 * vitest globalSetup: a real Neo4j for the tests. Unless NEO4J_URI is set
 * (then that server is used as it is), it builds scripts/neo4j-server if
 * needed, starts it on a free loopback port with its own state folder and
 * temporary data, hands the URI and credentials to the test workers through
 * process.env, and stops it (removing its data) after the run.
 *
 * A run that selects no Neo4j test file (`vitest run test/viz.test.ts`)
 * starts nothing.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

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
  const env = { ...process.env, NEO4J_STATE_DIR: state, NEO4J_PASSWORD: PASSWORD };
  // start.sh builds first when the build is missing or stale (mvn, Maven Central).
  const { stdout } = await run('bash', [join(scripts, 'start.sh')], { env, maxBuffer: 16 * 1024 * 1024 });
  const uri = stdout.trim().split('\n').pop()!;
  if (!uri.startsWith('bolt://')) throw new Error(`neo4j-server start.sh printed no bolt URI: ${stdout}`);

  process.env.NEO4J_URI = uri;
  process.env.NEO4J_USERNAME = 'neo4j';
  process.env.NEO4J_PASSWORD = PASSWORD;
  delete process.env.NEO4J_DATABASE;

  return async () => {
    await run('bash', [join(scripts, 'stop.sh')], { env });
    await rm(state, { recursive: true, force: true });
    delete process.env.NEO4J_URI;
  };
}
