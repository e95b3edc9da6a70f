/**
 * Running Cypher for users: a query string, a .cypher file, or the name of
 * a shipped query under schema/queries/. A query file's header comment says
 * what it answers and lists its parameters (`//   $name  …`, `(optional)`
 * ones default to null), so missing parameters are caught before the server.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { ExitCode, NewsgraphError } from '../types.js';
import { checkConnection, openDriver, userError } from './connect.js';
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
  /** Run in a write transaction (default: read; writes are refused). */
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

/** `arg` as a file path, else as a shipped query name, else as Cypher text. */
export async function resolveQuery(arg: string): Promise<CypherQuery> {
  let path: string | undefined;
  let source: string | undefined;
  if (await isFile(arg)) {
    path = source = arg;
  } else if (/^[\w-]+$/.test(arg)) {
    const shipped = (await shippedQueries()).get(arg);
    if (shipped) {
      path = shipped;
      source = arg;
    }
  }
  if (path === undefined) {
    if (/\.cypher$/i.test(arg)) throw new NewsgraphError(`${arg}: cannot read query (no such file)`);
    return { cypher: arg, description: '', params: [] };
  }
  const text = await readFile(path, 'utf8');
  const query: CypherQuery = { cypher: text, ...parseQueryHeader(text) };
  if (source !== undefined) query.source = source;
  return query;
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
  try {
    if (!options.driver) await checkConnection(driver, settings);
    const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([key, value]) => [key, toParam(value)]));
    const result = await driver.executeQuery(cypher, params, {
      routing: options.write ? neo4j.routing.WRITE : neo4j.routing.READ,
      ...(settings.database ? { database: settings.database } : {}),
    });
    return {
      columns: result.keys.map(String),
      rows: result.records.map((record) => record.keys.map((key) => toPlain(record.get(key)))),
    };
  } catch (error) {
    throw userError(error, settings);
  } finally {
    if (!options.driver) await driver.close().catch(() => undefined);
  }
}

/** Rows as objects keyed by column, for `--json` and for tests. */
export function rowObjects(result: QueryResult): Array<Record<string, unknown>> {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
