/**
 * Loading a NewsGraph into Neo4j: schema first, then one write transaction
 * per document, each a handful of `UNWIND $rows … MERGE` statements. MERGE on
 * stable keys makes a second load change nothing; the transaction makes a
 * failed load leave nothing of that document behind.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { NewsGraph } from '../types.js';
import { checkConnection, openDriver, userError, sessionConfig } from './connect.js';
import { documentBatches, type DocumentBatch } from './rows.js';
import { applySchema } from './schema.js';
import type { Neo4jSettings } from './settings.js';
import { mergeEdges, mergeEntities, mergeNodes, PRUNE_FACTS, PRUNE_MENTIONS, PRUNE_QUOTES, updateMentions } from './statements.js';
import { graphRecords } from '../identify/index.js';
import { identityStatements, placeBatch, planIdentities, readRecords } from './identity.js';

export interface LoadOptions {
  /** Rows per UNWIND statement (default 1000); 1 sends one statement per fact. */
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
  /** Reuse this driver (the caller closes it) instead of opening one from `settings`. */
  driver?: Driver;
  /** How long the driver retries a failed transaction (ms, default 30 s); only for a driver opened here. */
  maxRetryTimeMs?: number;
  /**
   * Called after each statement of a document's transaction, before it
   * commits; the load waits for a returned promise.
   */
  onStatement?: (progress: { doc?: string; done: number; total: number }) => void | Promise<void>;
  /** Called after each document's transaction commits. */
  onDocument?: (report: DocumentLoadReport) => void;
}

/** What one load sent and changed: for a document, or summed over a load. */
export interface LoadCounts {
  /** Nodes and relationships sent (merged). */
  nodes: number;
  relationships: number;
  /** Of those, how many the database did not have yet. */
  nodesCreated: number;
  relationshipsCreated: number;
  /** Removed by `replace` (left from an earlier load of the document). */
  nodesDeleted: number;
  relationshipsDeleted: number;
  statements: number;
}

export interface DocumentLoadReport extends LoadCounts {
  /** Document id; undefined for graph parts tied to no document. */
  doc?: string;
}

export interface LoadReport extends LoadCounts {
  documents: DocumentLoadReport[];
  ms: number;
}

interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Load every document of `graph`, each in its own transaction. */
export async function loadGraph(graph: NewsGraph, settings: Neo4jSettings, options: LoadOptions = {}): Promise<LoadReport> {
  const started = Date.now();
  const batches = documentBatches(graph);
  const records = graphRecords(graph);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  const driver = options.driver ?? openDriver(settings, { maxRetryTimeMs: options.maxRetryTimeMs ?? 30_000 });
  const report: LoadReport = {
    documents: [],
    nodes: 0,
    relationships: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    statements: 0,
    ms: 0,
  };
  try {
    // Fail fast, and before writing anything, on a wrong URI, password or database.
    await checkConnection(driver, settings);
    if (options.schema !== false) await applySchema(driver, settings);
    for (const batch of batches) {
      // Entities go on the nodes their identity records are placed on, among those already loaded (neo4j/identity.ts).
      const incoming = batch.doc === undefined ? [] : (records.get(batch.doc) ?? []);
      const statements = async (tx: ManagedTransaction): Promise<Statement[]> => {
        if (batch.doc === undefined) return batchStatements(batch, batchSize, options.replace === true);
        const plan = planIdentities(batch.doc, incoming, await readRecords(tx, batch.doc, incoming.map((i) => i.record)));
        return [...batchStatements(placeBatch(batch, plan), batchSize, options.replace === true), ...identityStatements(plan)];
      };
      const documentReport = await loadBatch(driver, settings, batch, statements, options);
      report.documents.push(documentReport);
      report.nodes += documentReport.nodes;
      report.relationships += documentReport.relationships;
      report.nodesCreated += documentReport.nodesCreated;
      report.relationshipsCreated += documentReport.relationshipsCreated;
      report.nodesDeleted += documentReport.nodesDeleted;
      report.relationshipsDeleted += documentReport.relationshipsDeleted;
      report.statements += documentReport.statements;
      options.onDocument?.(documentReport);
    }
  } catch (error) {
    throw userError(error, settings);
  } finally {
    if (!options.driver) await driver.close().catch(() => undefined);
  }
  report.ms = Date.now() - started;
  return report;
}

/**
 * The statements that load one document, in dependency order: (with
 * `replace`, pruning first), nodes, then relationships, then counts.
 */
export function batchStatements(batch: DocumentBatch, batchSize: number, replace = false): Statement[] {
  const statements: Statement[] = [];
  const add = (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += batchSize) statements.push({ cypher, params: { rows: rows.slice(i, i + batchSize) } });
  };
  const document = batch.documents[0];
  if (replace && batch.doc !== undefined && document) {
    const params = {
      doc: batch.doc,
      document: document.key,
      quotes: batch.quotes.map((row) => row.key),
      relationships: batch.edges.flatMap((group) => group.rows.map((row) => row.key)),
    };
    for (const cypher of [PRUNE_QUOTES, PRUNE_FACTS, PRUNE_MENTIONS]) statements.push({ cypher, params });
  }
  for (const [kind, rows] of batch.entities) add(mergeEntities(kind), rows);
  add(mergeNodes('Document'), batch.documents);
  add(mergeNodes('Quote'), batch.quotes);
  for (const group of batch.edges) add(mergeEdges(group.type, group.sourceKind, group.targetKind), group.rows);
  for (const [kind, rows] of batch.entities) {
    add(updateMentions(kind), rows.map((row) => ({ key: row.key, mentions: row.mentions })));
  }
  return statements;
}

/**
 * Tags each load transaction, so `SHOW TRANSACTIONS YIELD metaData` tells an
 * operator which article is loading (and lets them terminate that one).
 */
export function transactionMetadata(doc: string | undefined): Record<string, string> {
  return doc === undefined ? { app: 'newsgraph', work: 'load' } : { app: 'newsgraph', work: 'load', doc };
}

async function loadBatch(
  driver: Driver,
  settings: Neo4jSettings,
  batch: DocumentBatch,
  buildStatements: (tx: ManagedTransaction) => Promise<Statement[]>,
  options: LoadOptions,
): Promise<DocumentLoadReport> {
  const session = driver.session(sessionConfig(settings, 'WRITE'));
  try {
    // executeWrite retries the whole function on transient failures; every
    // statement is a MERGE, so a retry converges on the same result.
    return await session.executeWrite(async (tx: ManagedTransaction) => {
      const statements = await buildStatements(tx);
      const documentReport: DocumentLoadReport = {
        nodes: batch.nodeCount,
        relationships: batch.edgeCount,
        nodesCreated: 0,
        relationshipsCreated: 0,
        nodesDeleted: 0,
        relationshipsDeleted: 0,
        statements: statements.length,
      };
      if (batch.doc !== undefined) documentReport.doc = batch.doc;
      let done = 0;
      // All statements go out at once (Bolt pipelines them, the server runs them in order): one
      // round trip per article rather than per statement. A failure fails the rest and the transaction.
      const pending = statements.map((statement) => tx.run(statement.cypher, statement.params));
      for (const result of pending) result.then(undefined, () => undefined); // the first failure is awaited below
      for (const running of pending) {
        const result = await running;
        const updates = result.summary.counters.updates();
        documentReport.nodesCreated += updates.nodesCreated;
        documentReport.relationshipsCreated += updates.relationshipsCreated;
        documentReport.nodesDeleted += updates.nodesDeleted;
        documentReport.relationshipsDeleted += updates.relationshipsDeleted;
        done += 1;
        await options.onStatement?.({ ...(batch.doc !== undefined ? { doc: batch.doc } : {}), done, total: statements.length });
      }
      return documentReport;
    }, { metadata: transactionMetadata(batch.doc) });
  } finally {
    await session.close().catch(() => undefined);
  }
}
