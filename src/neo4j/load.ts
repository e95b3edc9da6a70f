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
import { mergeEdges, mergeEntities, mergeNodes, updateMentions } from './statements.js';

export interface LoadOptions {
  /** Rows per UNWIND statement (default 1000); 1 sends one statement per fact. */
  batchSize?: number;
  /** Apply schema/ constraints and indexes first (default true). */
  schema?: boolean;
  /** Reuse this driver (the caller closes it) instead of opening one from `settings`. */
  driver?: Driver;
  /** How long the driver retries a failed transaction (ms, default 30 s); only for a driver opened here. */
  maxRetryTimeMs?: number;
  /** Called after each statement of a document's transaction (before it commits). */
  onStatement?: (progress: { doc?: string; done: number; total: number }) => void;
  /** Called after each document's transaction commits. */
  onDocument?: (report: DocumentLoadReport) => void;
}

export interface DocumentLoadReport {
  /** Document id; undefined for graph parts tied to no document. */
  doc?: string;
  /** Nodes and relationships sent (merged) for this document. */
  nodes: number;
  relationships: number;
  /** Of those, how many the database did not have yet. */
  nodesCreated: number;
  relationshipsCreated: number;
  statements: number;
}

export interface LoadReport {
  documents: DocumentLoadReport[];
  nodes: number;
  relationships: number;
  nodesCreated: number;
  relationshipsCreated: number;
  statements: number;
  ms: number;
}

interface Statement {
  cypher: string;
  rows: unknown[];
}

/** Load every document of `graph`, each in its own transaction. */
export async function loadGraph(graph: NewsGraph, settings: Neo4jSettings, options: LoadOptions = {}): Promise<LoadReport> {
  const started = Date.now();
  const batches = documentBatches(graph);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  const driver = options.driver ?? openDriver(settings, { maxRetryTimeMs: options.maxRetryTimeMs ?? 30_000 });
  const report: LoadReport = { documents: [], nodes: 0, relationships: 0, nodesCreated: 0, relationshipsCreated: 0, statements: 0, ms: 0 };
  try {
    // Fail fast, and before writing anything, on a wrong URI, password or database.
    await checkConnection(driver, settings);
    if (options.schema !== false) await applySchema(driver, settings);
    for (const batch of batches) {
      const documentReport = await loadBatch(driver, settings, batch, batchSize, options);
      report.documents.push(documentReport);
      report.nodes += documentReport.nodes;
      report.relationships += documentReport.relationships;
      report.nodesCreated += documentReport.nodesCreated;
      report.relationshipsCreated += documentReport.relationshipsCreated;
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

/** The statements that load one document, in dependency order: nodes, then relationships, then counts. */
export function batchStatements(batch: DocumentBatch, batchSize: number): Statement[] {
  const statements: Statement[] = [];
  const add = (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += batchSize) statements.push({ cypher, rows: rows.slice(i, i + batchSize) });
  };
  for (const [kind, rows] of batch.entities) add(mergeEntities(kind), rows);
  add(mergeNodes('Document'), batch.documents);
  add(mergeNodes('Quote'), batch.quotes);
  for (const group of batch.edges) add(mergeEdges(group.type, group.sourceKind, group.targetKind), group.rows);
  for (const [kind, rows] of batch.entities) {
    add(updateMentions(kind), rows.map((row) => ({ key: row.key, mentions: row.mentions })));
  }
  return statements;
}

async function loadBatch(
  driver: Driver,
  settings: Neo4jSettings,
  batch: DocumentBatch,
  batchSize: number,
  options: LoadOptions,
): Promise<DocumentLoadReport> {
  const statements = batchStatements(batch, batchSize);
  const session = driver.session(sessionConfig(settings, 'WRITE'));
  try {
    // executeWrite retries the whole function on transient failures; every
    // statement is a MERGE, so a retry converges on the same result.
    return await session.executeWrite(async (tx: ManagedTransaction) => {
      const documentReport: DocumentLoadReport = {
        nodes: batch.nodeCount,
        relationships: batch.edgeCount,
        nodesCreated: 0,
        relationshipsCreated: 0,
        statements: statements.length,
      };
      if (batch.doc !== undefined) documentReport.doc = batch.doc;
      let done = 0;
      for (const statement of statements) {
        const result = await tx.run(statement.cypher, { rows: statement.rows });
        const updates = result.summary.counters.updates();
        documentReport.nodesCreated += updates.nodesCreated;
        documentReport.relationshipsCreated += updates.relationshipsCreated;
        done += 1;
        options.onStatement?.({ ...(batch.doc !== undefined ? { doc: batch.doc } : {}), done, total: statements.length });
      }
      return documentReport;
    });
  } finally {
    await session.close().catch(() => undefined);
  }
}
