/**
 * The embedded Neo4j server from TypeScript: start.sh / stop.sh with a state
 * folder of the caller's own, for the test setup (test/setup/neo4j.ts), the
 * load benchmark (scripts/bench-neo4j.ts) and the tests of the scripts
 * themselves. The server watches the calling process, so a caller killed
 * before it stops the server leaves no Java process behind.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const SERVER_SCRIPTS = fileURLToPath(new URL('./', import.meta.url));
export const SERVER_PASSWORD = 'newsgraph-test';

export interface ServerOptions {
  /** Where start.sh keeps pid, port, URI and log; removed by stop(). */
  stateDir: string;
  /** More environment for start.sh (NEO4J_HEAP, NEO4J_JAVA_OPTS, NEO4J_DATA_DIR…). */
  env?: Record<string, string>;
  /** The scripts' folder (default: this one); a test runs a copy of it. */
  scripts?: string;
}

export interface RunningServer {
  uri: string;
  username: string;
  password: string;
  /** Stop the server (clean shutdown; its temporary data removed) and remove the state folder. */
  stop(): Promise<void>;
}

/**
 * The bolt:// URI start.sh printed. Its standard output is that one line;
 * anything else there (colour codes a build tool slipped in) is ignored
 * rather than trusted, and no URI at all is undefined.
 */
export function parseBoltUri(stdout: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const plain = stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  const uris = plain.match(/bolt:\/\/[\w.-]+:\d+/g);
  return uris?.at(-1);
}

/** Build if needed, start, and return once Bolt accepts connections. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const scripts = options.scripts ?? SERVER_SCRIPTS;
  const env = {
    ...process.env,
    NEO4J_PASSWORD: SERVER_PASSWORD,
    NEO4J_WATCH_PID: String(process.pid),
    ...options.env,
    NEO4J_STATE_DIR: options.stateDir,
  };
  const stop = async () => {
    await run('bash', [join(scripts, 'stop.sh')], { env }).catch(() => undefined);
    await rm(options.stateDir, { recursive: true, force: true });
  };
  let stdout: string;
  try {
    ({ stdout } = await run('bash', [join(scripts, 'start.sh')], { env, maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    await stop();
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n').slice(-5).join('\n');
    throw new Error(`neo4j-server start.sh failed: ${stderr || (error as Error).message}`);
  }
  const uri = parseBoltUri(stdout);
  if (!uri) {
    await stop();
    throw new Error(`neo4j-server start.sh printed no bolt URI: ${JSON.stringify(stdout)}`);
  }
  return { uri, username: 'neo4j', password: SERVER_PASSWORD, stop };
}
