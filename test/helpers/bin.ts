/**
 * The real `newsgraph` bin (compiled dist/, built by the test setup) run as
 * a child process, asynchronously, so a test can run several at once or
 * serve a socket to one while it runs.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'newsgraph.js');

export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time until the process ended. */
  ms: number;
}

export interface BinOptions {
  /** Environment on top of this process's own; undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Standard input: text; 'closed' (`0<&-`), or 'write-only' (`0>/dev/null`: open, but not for reading). */
  input?: string | 'closed' | 'write-only';
  cwd?: string;
}

export function newsgraph(args: string[], options: BinOptions = {}): Promise<BinRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const started = Date.now();
  // These need a shell: Node cannot start a child with such a descriptor 0.
  const redirect = options.input === 'closed' ? '0<&-' : options.input === 'write-only' ? '0>/dev/null' : undefined;
  const child =
    redirect !== undefined
      ? spawn('sh', ['-c', `exec "$0" "$@" ${redirect}`, process.execPath, BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  if (child.stdin) {
    child.stdin.on('error', () => undefined); // a child that exits before reading stdin
    child.stdin.end(redirect === undefined ? (options.input ?? '') : '');
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}
