/**
 * Loading article graphs into Neo4j at archive speed: articles stream in
 * (one DocumentBatch of rows each) and go out many to a transaction
 * (write.ts: identity placed for the whole batch, then the rows of each label
 * and relationship type in one `UNWIND $rows … MERGE`).
 *
 * What users rely on holds: MERGE on stable keys makes a second load change
 * nothing; an article is never split across transactions, so a failure
 * leaves whole articles only; the entities end on the same nodes whatever
 * order or batches the articles come in (identity.ts). A transaction that
 * fails for its data is retried article by article, to load the good ones
 * and name the bad one; a server that goes away stops the load with how far
 * it got, and `resume` later skips the articles whose Document node is
 * already there (the Document commits with the rest of its article, so it is
 * the checkpoint).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { NewsgraphError, type NewsGraph } from '../types.js';
import { checkConnection, isConnectionError, openDriver, sessionConfig, userError } from './connect.js';
import { documentBatches, rowCount, type DocumentBatch } from './rows.js';
import { applySchema } from './schema.js';
import { DEFAULT_BATCH_ROWS, type Neo4jSettings } from './settings.js';
import { writeBatch, type LoadCounts, type WriteResult } from './write.js';

export type { LoadCounts } from './write.js';

export interface LoadOptions {
  /**
   * Rows per transaction (default 50,000): whole articles are added until a
   * transaction holds at least this many. 1 loads one article per transaction.
   */
  batchSize?: number;
  /** Apply schema/ constraints and indexes first (default true). */
  schema?: boolean;
  /**
   * Replace each article's earlier load: quotes, facts and mentions of a
   * loaded document that this graph no longer has are removed in the same
   * transaction (for re-loading after extraction changed). Only for whole
   * articles: a partial graph (an entity slice) would prune the rest.
   */
  replace?: boolean;
  /** Skip articles whose Document is already in the database (after an interrupted load). */
  resume?: boolean;
  /**
   * Place entities by their identity records, folding across articles as a
   * corpus does (default true). false merges them by graph key alone: for
   * measuring what identity costs (scripts/bench-neo4j.ts), not for use.
   */
  identity?: boolean;
  /** Reuse this driver (the caller closes it) instead of opening one from `settings`. */
  driver?: Driver;
  /** How long the driver retries a failed transaction (ms, default 30 s); only for a driver opened here. */
  maxRetryTimeMs?: number;
  /**
   * Called after each statement of a transaction, before it commits; the
   * load waits for a returned promise (tests cut connections here).
   */
  onStatement?: (progress: { docs: string[]; done: number; total: number }) => void | Promise<void>;
  /** Called after each transaction commits. */
  onBatch?: (progress: LoadProgress) => void;
}

export interface LoadReport extends LoadCounts {
  /** Articles (documents) loaded. */
  articles: number;
  /** Articles skipped by `resume`: already loaded. */
  skipped: number;
  transactions: number;
  /** The last article loaded, in input order. */
  lastDoc?: string;
  /** Wall-clock ms of the transactions spent locking, reading and planning identities (part of `ms`). */
  identityMs: number;
  ms: number;
}

export interface LoadProgress {
  /** The articles this transaction committed. */
  docs: string[];
  report: LoadReport;
}

/** A load stopped by the server: how far it got, and where to resume. */
export class LoadInterrupted extends NewsgraphError {
  constructor(
    message: string,
    exitCode: number,
    readonly report: LoadReport,
    /** The first article not loaded. */
    readonly resumeFrom: string | undefined,
  ) {
    super(message, exitCode);
  }
}

/** Load every document of one graph (a merged graph is split into its articles). */
export async function loadGraph(graph: NewsGraph, settings: Neo4jSettings, options: LoadOptions = {}): Promise<LoadReport> {
  return loadArticles(documentBatches(graph), settings, options);
}

/** Load a stream of articles' rows, many articles to a transaction, in input order. */
export async function loadArticles(
  articles: AsyncIterable<DocumentBatch> | Iterable<DocumentBatch>,
  settings: Neo4jSettings,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const started = Date.now();
  const batchRows = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_ROWS));
  const driver = options.driver ?? openDriver(settings, { maxRetryTimeMs: options.maxRetryTimeMs ?? 30_000 });
  const report: LoadReport = {
    articles: 0,
    skipped: 0,
    transactions: 0,
    nodes: 0,
    relationships: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    statements: 0,
    identityMs: 0,
    ms: 0,
  };
  let pending: DocumentBatch[] = [];
  let pendingRows = 0;
  const flush = async () => {
    const todo = options.resume ? await notLoaded(driver, settings, pending, report) : pending;
    if (todo.length > 0) await writeArticles(driver, settings, todo, options, report);
    pending = [];
    pendingRows = 0;
  };
  try {
    // Fail fast, and before writing anything, on a wrong URI, password or database.
    await checkConnection(driver, settings);
    if (options.schema !== false) await applySchema(driver, settings);
    for await (const article of articles) {
      pending.push(article);
      pendingRows += rowCount(article);
      if (pendingRows >= batchRows) await flush();
    }
    if (pending.length > 0) await flush();
  } catch (error) {
    throw interrupted(error, settings, report, pending);
  } finally {
    if (!options.driver) await driver.close().catch(() => undefined);
  }
  report.ms = Date.now() - started;
  return report;
}

/**
 * One transaction for the articles; if it fails for anything but the
 * server going away, each article again in its own, so the good ones load
 * and the error names the bad one.
 */
async function writeArticles(
  driver: Driver,
  settings: Neo4jSettings,
  articles: DocumentBatch[],
  options: LoadOptions,
  report: LoadReport,
): Promise<void> {
  try {
    await commit(driver, settings, articles, options, report);
  } catch (error) {
    if (articles.length === 1 || isConnectionError(error)) throw new PendingArticles(error, articles);
    for (const article of articles) {
      try {
        await commit(driver, settings, [article], options, report);
      } catch (single) {
        throw new PendingArticles(single, articles.slice(articles.indexOf(article)));
      }
    }
  }
}

/** Write the articles in one transaction and add what it did to the report. */
async function commit(driver: Driver, settings: Neo4jSettings, articles: DocumentBatch[], options: LoadOptions, report: LoadReport): Promise<void> {
  const docs = articles.flatMap((article) => (article.doc !== undefined ? [article.doc] : []));
  const session = driver.session(sessionConfig(settings, 'WRITE'));
  let counts: WriteResult;
  try {
    // executeWrite retries the whole function on transient failures (deadlocks with another
    // loader, a leader switch): identity is read and planned again, every write is a MERGE.
    counts = await session.executeWrite(
      (tx: ManagedTransaction) =>
        writeBatch(tx, articles, {
          ...(options.replace !== undefined ? { replace: options.replace } : {}),
          ...(options.identity !== undefined ? { identity: options.identity } : {}),
          ...(options.onStatement ? { onStatement: options.onStatement } : {}),
        }),
      { metadata: transactionMetadata(docs) },
    );
  } finally {
    await session.close().catch(() => undefined);
  }
  for (const key of ['nodes', 'relationships', 'nodesCreated', 'relationshipsCreated', 'nodesDeleted', 'relationshipsDeleted', 'statements', 'identityMs'] as const) {
    report[key] += counts[key];
  }
  report.articles += docs.length;
  report.transactions += 1;
  if (docs.length > 0) report.lastDoc = docs.at(-1)!;
  options.onBatch?.({ docs, report });
}

/** Articles whose Document is not in the database yet (the others count as skipped). */
async function notLoaded(driver: Driver, settings: Neo4jSettings, articles: DocumentBatch[], report: LoadReport): Promise<DocumentBatch[]> {
  const loaded = await loadedDocuments(driver, settings, articles.flatMap((article) => (article.doc !== undefined ? [article.doc] : [])));
  const todo = articles.filter((article) => article.doc === undefined || !loaded.has(article.doc));
  report.skipped += articles.length - todo.length;
  return todo;
}

/** Which of these document ids are loaded (their Document node exists). */
export async function loadedDocuments(driver: Driver, settings: Neo4jSettings, docs: string[]): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  const session = driver.session(sessionConfig(settings, 'READ'));
  try {
    const found = await session.executeRead((tx) =>
      tx.run('UNWIND $docs AS doc MATCH (d:Document {key: "Document:" + doc}) RETURN collect(doc) AS docs', { docs }),
    );
    return new Set(found.records[0]?.get('docs') as string[]);
  } finally {
    await session.close().catch(() => undefined);
  }
}

/**
 * Tags each load transaction, so `SHOW TRANSACTIONS YIELD metaData` tells an
 * operator which articles are loading (and lets them terminate that load).
 */
export function transactionMetadata(docs: string[]): Record<string, string> {
  const metadata: Record<string, string> = { app: 'newsgraph', work: 'load' };
  if (docs.length > 0) metadata.doc = docs[0]!;
  if (docs.length > 1) metadata.lastDoc = docs.at(-1)!;
  return metadata;
}

/** A failed write, with the articles (in order) that it left unloaded. */
class PendingArticles extends Error {
  constructor(
    readonly error: unknown,
    readonly articles: DocumentBatch[],
  ) {
    super('load failed');
  }
}

/** The error to throw: the server's, plus how far the load got and where to resume. */
function interrupted(error: unknown, settings: Neo4jSettings, report: LoadReport, pending: DocumentBatch[]): unknown {
  const left = error instanceof PendingArticles ? error.articles : pending;
  const cause = userError(error instanceof PendingArticles ? error.error : error, settings);
  if (!(cause instanceof NewsgraphError)) return cause;
  const next = left.find((article) => article.doc !== undefined)?.doc;
  if (report.articles === 0 && next === undefined) return cause;
  const done = report.articles > 0 ? `${report.articles} article(s) loaded whole (the last "${report.lastDoc}")` : 'no article loaded';
  const resume = next !== undefined ? `; stopped at "${next}": run the same command with --resume to go on from there` : '';
  return new LoadInterrupted(`${cause.message} (${done}${resume})`, cause.exitCode, report, next);
}
