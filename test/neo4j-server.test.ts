/**
 * The project's Neo4j scripts as a new user meets them: start.sh on a clean
 * build folder (nothing built yet, so Maven runs first) prints the bolt URI
 * and nothing else on standard output, and a server restarted on its own
 * data folder comes back with its data and password.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBoltUri, SERVER_PASSWORD, SERVER_SCRIPTS } from '../scripts/neo4j-server/server.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-server-test-'));
// A copy of the scripts without target/: the clean build folder of a fresh clone.
const scripts = join(scratch, 'neo4j-server');
cpSync(SERVER_SCRIPTS, scripts, { recursive: true, filter: (source) => !source.includes('/target') });
const env = {
  ...process.env,
  NEO4J_STATE_DIR: join(scratch, 'state'),
  NEO4J_DATA_DIR: join(scratch, 'data'),
  NEO4J_PASSWORD: SERVER_PASSWORD,
  NEO4J_WATCH_PID: String(process.pid),
};
const start = () => run('bash', [join(scripts, 'start.sh')], { env, maxBuffer: 64 * 1024 * 1024 });
const stop = () => run('bash', [join(scripts, 'stop.sh')], { env });

async function cypher(uri: string, text: string): Promise<unknown[]> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', SERVER_PASSWORD), { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery(text);
    return records.map((record) => record.get(0));
  } finally {
    await driver.close();
  }
}

afterAll(async () => {
  await stop().catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
});

describe('scripts/neo4j-server', () => {
  it('start.sh on a clean build folder builds, starts, and prints only the URI on stdout', async () => {
    const { stdout } = await start();
    expect(stdout).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+\n$/);
    expect(parseBoltUri(stdout)).toBe(stdout.trim());
    expect(await cypher(stdout.trim(), "CREATE (n:Kept {at: 'first start'}) RETURN n.at")).toEqual(['first start']);
    await stop();
  }, 600_000);

  it('restarted on its own data folder: same password, data still there, stdout still one line', async () => {
    const { stdout } = await start();
    expect(stdout).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+\n$/);
    expect(await cypher(stdout.trim(), 'MATCH (n:Kept) RETURN n.at')).toEqual(['first start']);
    await stop();
  }, 300_000);

  it('parseBoltUri ignores what is not the URI, and finds none where there is none', () => {
    expect(parseBoltUri('\u001b[0m\u001b[0mbolt://127.0.0.1:36323\n')).toBe('bolt://127.0.0.1:36323');
    expect(parseBoltUri('[INFO] building\nbolt://127.0.0.1:7687\n')).toBe('bolt://127.0.0.1:7687');
    expect(parseBoltUri('neo4j-server: failed to start\n')).toBeUndefined();
  });
});
