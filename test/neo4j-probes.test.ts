/**
 * The probes of a review (issue 12), each as a user or an attacker would try
 * it, through the real bin against the tests' Neo4j server. Nothing here
 * writes to that server (test/neo4j.test.ts counts its nodes meanwhile).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/types.js';
import { newsgraph, ROOT, type BinRun } from './helpers/bin.js';

const SEED = join(ROOT, 'test', 'fixtures', 'seed', 'canada-election-interference.txt');
const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-probes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One line on stderr, with this exit code, nothing on stdout. */
function refusedWith(run: BinRun, code: number, message: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

describe('read-only query cannot reach past the graph', () => {
  it("LOAD CSV of the server's files is refused without --write, and the server refuses file URLs with it", async () => {
    const query = "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l LIMIT 2";
    refusedWith(await newsgraph(['query', query]), ExitCode.badInput, /refused: LOAD CSV reads files or URLs through the server .*--write/);
    const written = await newsgraph(['query', '--write', query]);
    refusedWith(written, ExitCode.badInput, /allow_csv_import_from_file_urls/);
    expect(written.stderr).not.toMatch(/root:/);
  });

  it('TERMINATE TRANSACTIONS, SHOW TRANSACTIONS and user administration are refused without --write', async () => {
    refusedWith(await newsgraph(['query', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"]), ExitCode.badInput, /refused: TERMINATE TRANSACTIONS/);
    refusedWith(await newsgraph(['query', 'SHOW TRANSACTIONS']), ExitCode.badInput, /refused: SHOW TRANSACTIONS/);
    refusedWith(await newsgraph(['query', "CREATE USER mallory SET PASSWORD 'secret-12345'"]), ExitCode.badInput, /refused: the query writes, changes the schema or administers/);
    refusedWith(await newsgraph(['query', 'CALL dbms.listConfig()']), ExitCode.badInput, /refused/);
  });

  it('plain reads and read procedures still run read-only', async () => {
    const labels = await newsgraph(['query', 'CALL db.labels() YIELD label RETURN count(label) >= 0 AS ok', '--json']);
    expect(labels.code, labels.stderr).toBe(0);
    expect(JSON.parse(labels.stdout)).toEqual([{ ok: true }]);
    const profiled = await newsgraph(['query', 'PROFILE RETURN 1 AS one', '--json']);
    expect(profiled.code, profiled.stderr).toBe(0);
    expect(JSON.parse(profiled.stdout)).toEqual([{ one: 1 }]);
  });
});

describe('query FILE takes Cypher text files only', () => {
  it('a file with NUL bytes is refused as binary, before any server work', async () => {
    const file = join(scratch, 'binary.cypher');
    writeFileSync(file, Buffer.from([0x52, 0x45, 0x54, 0x00, 0x00, 0xff, 0x31]));
    refusedWith(await newsgraph(['query', file], { env: { NEO4J_URI: 'bolt://127.0.0.1:1' } }), ExitCode.badInput, /binary\.cypher: input looks binary/);
  });

  it('a file over the size limit is refused, not sent', async () => {
    const file = join(scratch, 'huge.cypher');
    writeFileSync(file, `RETURN 1 // ${'x'.repeat(2 * 1024 * 1024)}\n`);
    refusedWith(await newsgraph(['query', file], { env: { NEO4J_URI: 'bolt://127.0.0.1:1' } }), ExitCode.badInput, /huge\.cypher: query file is \d+ bytes, more than the limit of 1048576/);
  });

  it('a missing query file is "no such file", not a Cypher syntax error', async () => {
    for (const path of ['missing.cypher', join(scratch, 'nowhere', 'q.cql'), './queries/roles.txt']) {
      refusedWith(await newsgraph(['query', path]), ExitCode.badInput, /cannot read query \(no such file\)/);
    }
  });
});

describe('bad settings and usage get their exit codes', () => {
  it('load --jobs abc is a usage error naming the flag', async () => {
    refusedWith(await newsgraph(['load', '--jobs', 'abc', SEED]), ExitCode.badUsage, /--jobs must be a whole number from 1 to 256, not "abc"/);
  });

  it('a malformed NEO4J_URI is exit code 3 with one line', async () => {
    for (const command of [['load', SEED], ['query', 'RETURN 1']]) {
      refusedWith(await newsgraph(command, { env: { NEO4J_URI: '::::' } }), ExitCode.neo4j, /bad Neo4j URI ::::/);
    }
  });

  it('NEO4J_DATABASE=system is exit code 3: it holds no graphs', async () => {
    for (const command of [['load', SEED], ['query', 'RETURN 1']]) {
      refusedWith(await newsgraph(command, { env: { NEO4J_DATABASE: 'system' } }), ExitCode.neo4j, /the system database holds no graphs/);
    }
  });
});

describe('a closed standard input is said to be one', () => {
  it.each([
    ['load', ['load', '-']],
    ['extract', ['extract', '-']],
    ['summarize', ['summarize', '-']],
    ['mentions', ['mentions', '-']],
  ])('%s - with stdin closed or not readable: one line about stdin, exit code 1, the server not blamed', async (_name, args) => {
    const unreadable = await newsgraph(args, { input: 'write-only' });
    refusedWith(unreadable, ExitCode.badInput, /^newsgraph: -: standard input is closed or not readable/);
    // `0<&-`: Node gives the process /dev/null for a closed descriptor 0, which reads as nothing.
    const closed = await newsgraph(args, { input: 'closed' });
    refusedWith(closed, ExitCode.badInput, /^newsgraph: -: (standard input is closed|input is empty)/);
    for (const run of [unreadable, closed]) expect(run.stderr).not.toMatch(/Neo4j|EBADF/);
  });
});

describe('a server that accepts connections and never answers', () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let port = 0;

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([
    ['query', ['query', 'RETURN 1']],
    ['load', ['load', '--jobs', '1', SEED]],
  ])('%s gives up after the connection timeout with exit code 3, and the process ends', async (_name, args) => {
    if (!server) {
      // A frozen JVM or a proxy: the socket is accepted, not a byte comes back.
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    }
    const run = await newsgraph(args, { env: { NEO4J_URI: `bolt://127.0.0.1:${port}` } });
    refusedWith(run, ExitCode.neo4j, new RegExp(`Neo4j at bolt://127\\.0\\.0\\.1:${port}`));
    // The driver's 10 s connection timeout, not its 60 s acquisition default, and no hang after it.
    expect(run.ms).toBeLessThan(45_000);
  }, 60_000);
});
