/**
 * Running Cypher for users: a query string, a .cypher file, or the name of
 * a shipped query under schema/queries/. A query file's header comment says
 * what it answers and lists its parameters (`//   $name  …`, `(optional)`
 * ones default to null), so missing parameters are caught before the server.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Driver, ManagedTransaction, ResultSummary } from 'neo4j-driver';
import { decodeText } from '../io/input.js';
import { ExitCode, NewsgraphError } from '../types.js';
import { checkConnection, openDriver, sessionConfig, userError } from './connect.js';
import { QUERIES_DIR } from './schema.js';
import type { Neo4jSettings } from './settings.js';
import { toParam, toPlain } from './values.js';

export interface QueryParam {
  name: string;
  optional: boolean;
  description: string;
}

export interface CypherQuery {
  cypher: string;
  /** Shipped query name or file path; undefined for inline Cypher. */
  source?: string;
  /** The header comment's first lines: what the query answers. */
  description: string;
  params: QueryParam[];
}

export interface QueryResult {
  columns: string[];
  /** Plain JSON values (see values.ts toPlain), one array per record. */
  rows: unknown[][];
}

export interface QueryOptions {
  params?: Record<string, unknown>;
  /**
   * Run in a write transaction (default: a read transaction, in which writes,
   * `LOAD CSV` and administration commands are refused).
   */
  write?: boolean;
  /** Reuse this driver (the caller closes it). */
  driver?: Driver;
}

/** Parse a query file's leading `//` comment block. */
export function parseQueryHeader(text: string): { description: string; params: QueryParam[] } {
  const header: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) break;
    header.push(trimmed.replace(/^\/\/ ?/, ''));
  }
  const params: QueryParam[] = [];
  const description: string[] = [];
  for (const line of header) {
    const param = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*(.*)$/.exec(line);
    if (param) {
      const rest = param[2]!.trim();
      params.push({ name: param[1]!, optional: /\(optional\b/i.test(rest), description: rest });
    } else if (params.length === 0 && !/^parameters?:?\s*(none\.?)?$/i.test(line.trim())) {
      description.push(line.trim());
    }
  }
  return { description: description.join(' ').replace(/\s+/g, ' ').trim(), params };
}

/** Every shipped query, by file name without `.cypher`. */
export async function shippedQueries(): Promise<Map<string, string>> {
  const files = (await readdir(QUERIES_DIR)).filter((file) => file.endsWith('.cypher')).sort();
  return new Map(files.map((file) => [basename(file, '.cypher'), join(QUERIES_DIR, file)]));
}

/** A query file larger than this is not a query (and would only keep the server parsing). */
export const MAX_QUERY_BYTES = 1024 * 1024;

/**
 * `arg` as a file path, else as a shipped query name, else as Cypher text.
 * A file must be text (UTF-8, no NUL bytes) of at most MAX_QUERY_BYTES; an
 * argument that looks like a path (one word with a `/` or an extension) but
 * names no file is "no such file", never sent to the server as Cypher.
 */
export async function resolveQuery(arg: string): Promise<CypherQuery> {
  let path: string | undefined;
  let source: string | undefined;
  const info = await stat(arg).catch(() => undefined);
  if (info?.isDirectory()) throw new NewsgraphError(`${arg}: cannot read query (is a directory)`);
  if (info?.isFile()) {
    if (info.size > MAX_QUERY_BYTES) throw new NewsgraphError(`${arg}: query file is ${info.size} bytes, more than the limit of ${MAX_QUERY_BYTES}`);
    path = source = arg;
  } else if (/^[\w-]+$/.test(arg)) {
    const shipped = (await shippedQueries()).get(arg);
    if (shipped) {
      path = shipped;
      source = arg;
    }
  }
  if (path === undefined) {
    if (looksLikePath(arg)) throw new NewsgraphError(`${arg}: cannot read query (no such file)`);
    return { cypher: arg, description: '', params: [] };
  }
  const text = decodeText(await readFile(path), path, MAX_QUERY_BYTES);
  const query: CypherQuery = { cypher: text, ...parseQueryHeader(text) };
  if (source !== undefined) query.source = source;
  return query;
}

/** One word with a slash or a file extension: `queries/x.cypher`, `x.cql`. Cypher text has spaces. */
function looksLikePath(arg: string): boolean {
  return !/\s/.test(arg.trim()) && (/[\\/]/.test(arg) || /\.[A-Za-z]\w{0,9}$/.test(arg));
}

/**
 * `k=v` from the command line: v as JSON when it is JSON (numbers, booleans,
 * null, lists, quoted strings), else as the plain string.
 */
export function parseParamOption(option: string): [string, unknown] {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(option);
  if (!match) throw new NewsgraphError(`--param wants name=value, not "${option}"`, ExitCode.badUsage);
  const raw = match[2]!;
  try {
    return [match[1]!, JSON.parse(raw)];
  } catch {
    return [match[1]!, raw];
  }
}

/** The parameters to send: optional ones default to null; missing required ones are a usage error. */
export function bindParams(query: CypherQuery, given: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = { ...given };
  const missing: string[] = [];
  for (const param of query.params) {
    if (param.name in params) continue;
    if (param.optional) params[param.name] = null;
    else missing.push(param.name);
  }
  if (missing.length > 0) {
    const what = query.source ?? 'the query';
    throw new NewsgraphError(
      `${what} needs ${missing.map((name) => `--param ${name}=…`).join(', ')}`,
      ExitCode.badUsage,
    );
  }
  return params;
}

/** Run one Cypher statement; values come back as plain JSON. */
export async function runQuery(cypher: string, settings: Neo4jSettings, options: QueryOptions = {}): Promise<QueryResult> {
  const driver = options.driver ?? openDriver(settings);
  const session = driver.session(sessionConfig(settings, options.write ? 'WRITE' : 'READ'));
  try {
    if (!options.driver) await checkConnection(driver, settings);
    const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([key, value]) => [key, toParam(value)]));
    const run = async (tx: ManagedTransaction): Promise<QueryResult> => {
      const running = tx.run(cypher, params);
      const columns = (await running.keys()).map(String);
      const result = await running;
      return {
        columns,
        rows: result.records.map((record) => record.keys.map((key) => toPlain(record.get(key)))),
      };
    };
    return options.write
      ? await session.executeWrite(run)
      : await session.executeRead(async (tx) => {
          refuseInReadMode((await tx.run(planOf(cypher), params)).summary);
          return run(tx);
        });
  } catch (error) {
    throw userError(error, settings);
  } finally {
    await session.close().catch(() => undefined);
    if (!options.driver) await driver.close().catch(() => undefined);
  }
}

/** The statement that plans `cypher` without running it. */
function planOf(cypher: string): string {
  const text = cypher.trimStart();
  if (/^EXPLAIN\b/i.test(text)) return text;
  return `EXPLAIN ${text.replace(/^PROFILE\b/i, '')}`;
}

/**
 * Plan operators a read-only query may not use even in a read transaction:
 * LOAD CSV reads files and URLs through the server; the rest see or end
 * other users' work, or the server's configuration.
 */
const REFUSED_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV reads files or URLs through the server',
  TerminateTransactions: 'TERMINATE TRANSACTIONS ends other work on the server',
  ShowTransactions: "SHOW TRANSACTIONS shows other users' queries",
  ShowSettings: "SHOW SETTINGS shows the server's configuration",
};

/**
 * A read-only query must plan as a read (query type `r`: no writes, schema
 * or administration, which Neo4j types `w`, `rw` or `s`) and use none of the
 * refused operators.
 */
function refuseInReadMode(summary: ResultSummary): void {
  const hint = ' (queries run read-only unless asked to write: --write)';
  if (summary.queryType !== 'r') {
    throw new NewsgraphError(`refused: the query writes, changes the schema or administers the server${hint}`);
  }
  const operators: string[] = [];
  const walk = (plan: { operatorType: string; children: unknown[] } | false) => {
    if (!plan) return;
    operators.push(plan.operatorType.replace(/@.*$/, ''));
    for (const child of plan.children) walk(child as { operatorType: string; children: unknown[] });
  };
  walk(summary.plan);
  const refused = operators.find((operator) => operator in REFUSED_OPERATORS);
  if (refused) throw new NewsgraphError(`refused: ${REFUSED_OPERATORS[refused]}${hint}`);
}

/** Rows as objects keyed by column, for `--json` and for tests. */
export function rowObjects(result: QueryResult): Array<Record<string, unknown>> {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));
}

