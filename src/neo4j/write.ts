/**
 * One load transaction: whole articles written together.
 *
 * Inside the transaction, identity first: lock and read the records of the
 * fold groups and nodes the articles touch (stored.ts), once for the whole
 * batch, and place them with the articles' own (identity.ts: the same as
 * placing the articles one after another). Then every write goes out at once,
 * pipelined (Bolt sends them together, the server runs them in order): with
 * `replace`, each article's leftovers pruned; the other articles' records
 * (and facts) the plan moves; the articles' rows, combined by label and type
 * into one `UNWIND … MERGE` each, entities taking the name, aliases, titles
 * and jurisdiction of the records placed on them; the same for the other
 * nodes the plan touched, and the nodes it left empty removed. A failure fails the rest and the transaction rolls back
 * whole, so no article is ever half-loaded.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { append, type NodeIdentity } from '../identify/index.js';
import type { EntityKind } from '../types.js';
import { identityScope, placeArticle, planBatch, type IdentityPlan, type Move } from './identity.js';
import { combineBatches, type DocumentBatch, type EntityRow } from './rows.js';
import {
  deleteEmptied,
  EDGE_TYPES,
  mergeEdges,
  mergeEntities,
  mergeIdentified,
  mergeMentions,
  mergeMoveTargets,
  mergeNodes,
  moveFacts,
  moveMentions,
  PRUNE_FACTS,
  PRUNE_MENTIONS,
  PRUNE_QUOTES,
  setIdentity,
  type Statement,
} from './statements.js';
import { readStoredRecords } from './stored.js';
import { nodeTitles } from './values.js';

/** No UNWIND carries more rows than this (a transaction may hold several). */
const STATEMENT_ROWS = 20_000;

/** What one load sent and changed. */
export interface LoadCounts {
  /** Nodes and relationships sent (merged). */
  nodes: number;
  relationships: number;
  /** Of those, how many the database did not have yet. */
  nodesCreated: number;
  relationshipsCreated: number;
  /** Removed by `replace` (left from an earlier load of the document), or left empty by a fold. */
  nodesDeleted: number;
  relationshipsDeleted: number;
  /** Write statements sent (identity's locks and reads not counted). */
  statements: number;
}

export interface WriteOptions {
  /** Prune what each article's earlier load has that this one no longer does. */
  replace?: boolean;
  /** Place entities by their identity records (default true; false merges them by graph key alone: the bench's measure of what identity costs). */
  identity?: boolean;
  /** Called after each write statement, before the commit; awaited. */
  onStatement?: (progress: { docs: string[]; done: number; total: number }) => void | Promise<void>;
}

export interface WriteResult extends LoadCounts {
  /** Wall-clock ms spent locking, reading and planning identities. */
  identityMs: number;
}

/** Write the articles in `tx` (run it in executeWrite: a retry runs all of it again, reads included). */
export async function writeBatch(tx: ManagedTransaction, articles: DocumentBatch[], options: WriteOptions = {}): Promise<WriteResult> {
  const started = performance.now();
  const batch = lastOfEachDocument(articles);
  const docs = batch.flatMap((article) => (article.doc !== undefined ? [article.doc] : []));
  const withRecords = batch.flatMap((article) => (article.doc !== undefined && options.identity !== false ? [{ doc: article.doc, records: article.records }] : []));
  let placed = batch;
  let plan: IdentityPlan | undefined;
  if (withRecords.length > 0) {
    plan = planBatch(withRecords, await readStoredRecords(tx, identityScope(withRecords)));
    placed = batch.map((article) => placeArticle(article, plan!));
  }
  const identityMs = performance.now() - started;

  const combined = combineBatches(placed);
  const statements = [
    ...(options.replace ? placed.flatMap(pruneStatements) : []),
    ...(plan ? moveStatements(plan) : []),
    ...batchStatements(combined, plan),
    ...(plan ? identityStatements(plan, combined) : []),
  ];
  const result: WriteResult = {
    nodes: combined.nodeCount,
    relationships: combined.edgeCount,
    nodesCreated: 0,
    relationshipsCreated: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    statements: statements.length,
    identityMs,
  };
  const running = statements.map((statement) => tx.run(statement.cypher, statement.params));
  for (const pending of running) pending.then(undefined, () => undefined); // the first failure is awaited below
  let finished = 0;
  for (const pending of running) {
    const updates = (await pending).summary.counters.updates();
    result.nodesCreated += updates.nodesCreated;
    result.relationshipsCreated += updates.relationshipsCreated;
    result.nodesDeleted += updates.nodesDeleted;
    result.relationshipsDeleted += updates.relationshipsDeleted;
    finished += 1;
    await options.onStatement?.({ docs, done: finished, total: statements.length });
  }
  return result;
}

/** The same article twice in a batch is written once, as it comes last (its plan must not see itself twice). */
function lastOfEachDocument(articles: DocumentBatch[]): DocumentBatch[] {
  const last = new Map<string, DocumentBatch>();
  for (const article of articles) if (article.doc !== undefined) last.set(article.doc, article);
  return articles.filter((article) => article.doc === undefined || last.get(article.doc) === article);
}

/** Push `rows` as statements of at most STATEMENT_ROWS rows each. */
function addRows(statements: Statement[], cypher: string, rows: unknown[], params: Record<string, unknown> = {}): void {
  for (let i = 0; i < rows.length; i += STATEMENT_ROWS) statements.push({ cypher, params: { ...params, rows: rows.slice(i, i + STATEMENT_ROWS) } });
}

/**
 * The statements that load a batch, in dependency order: nodes, then
 * relationships, MENTIONED_IN last (one row per entity, see mergeMentions).
 * Entities the plan gives an identity take it as they merge; others (no
 * record names them: hand-made graphs) accumulate aliases by key.
 */
export function batchStatements(batch: DocumentBatch, plan?: IdentityPlan): Statement[] {
  const statements: Statement[] = [];
  // Each entity's mentions in this batch, by entity key.
  const mentions = new Map<string, { key: string; target: string; props: unknown }[]>();
  for (const group of batch.edges) {
    if (group.type !== 'MENTIONED_IN') continue;
    for (const row of group.rows) append(mentions, row.source, { key: row.key, target: row.target, props: row.props });
  }
  for (const [kind, rows] of batch.entities) {
    // A new entity counts from 0 when MENTIONED_IN brings its counts, else from the graph's count.
    const start = (row: EntityRow) => (mentions.has(row.key) ? 0 : row.mentions);
    const identified = rows.flatMap((row) => {
      const a = plan?.nodes.get(row.key)?.attributes;
      return a ? [{ key: row.key, kind, mentions: start(row), name: a.name, aliases: a.aliases, titles: nodeTitles(a.titles), jurisdiction: a.jurisdiction ?? null }] : [];
    });
    const loose = rows.filter((row) => !plan?.nodes.get(row.key)?.attributes);
    addRows(statements, mergeIdentified(kind), identified);
    addRows(statements, mergeEntities(kind), loose.map((row) => ({ ...row, mentions: start(row) })));
  }
  addRows(statements, mergeNodes('Document'), batch.documents);
  addRows(statements, mergeNodes('Quote'), batch.quotes);
  for (const group of batch.edges) {
    if (group.type !== 'MENTIONED_IN') addRows(statements, mergeEdges(group.type, group.sourceKind, group.targetKind), group.rows);
  }
  for (const [kind, rows] of batch.entities) {
    addRows(statements, mergeMentions(kind), rows.filter((row) => mentions.has(row.key)).map((row) => ({ key: row.key, mentions: mentions.get(row.key) })));
  }
  return statements;
}

/** `replace`: remove what an article's earlier load has that this one no longer does. */
function pruneStatements(article: DocumentBatch): Statement[] {
  const document = article.documents[0];
  if (article.doc === undefined || !document) return [];
  const params = {
    doc: article.doc,
    document: document.key,
    quotes: article.quotes.map((row) => row.key),
    relationships: article.edges.flatMap((group) => group.rows.map((row) => row.key)),
  };
  return [PRUNE_QUOTES, PRUNE_FACTS, PRUNE_MENTIONS].map((cypher) => ({ cypher, params }));
}

/**
 * The other articles' records (and facts) the plan moves: before the
 * batch's rows, so an article loaded again finds its relationships where its
 * plan puts them.
 */
function moveStatements(plan: IdentityPlan): Statement[] {
  const statements: Statement[] = [];
  const pairs = new Map<string, Move[]>();
  for (const move of plan.moves) append(pairs, `${move.kind} ${move.toKind}`, move);
  for (const list of pairs.values()) {
    const { kind, toKind } = list[0]!;
    const rows = list.map(({ doc, articleKey, from, to }) => ({ doc, document: `Document:${doc}`, articleKey, from, to }));
    addRows(statements, mergeMoveTargets(toKind), rows, { kind: toKind });
    addRows(statements, moveMentions(kind, toKind), rows);
    for (const type of EDGE_TYPES) {
      if (type === 'MENTIONED_IN') continue;
      addRows(statements, moveFacts(kind, toKind, type, true), rows);
      addRows(statements, moveFacts(kind, toKind, type, false), rows);
    }
  }
  return statements;
}

/**
 * After the rows: the identity of every touched node the rows did not write
 * (records joined or left it), and the nodes left with no record.
 */
function identityStatements(plan: IdentityPlan, written: DocumentBatch): Statement[] {
  const statements: Statement[] = [];
  const wrote = new Set([...written.entities.values()].flat().map((row) => row.key));
  const byKind = new Map<EntityKind, Array<[string, NodeIdentity | undefined]>>();
  for (const [key, { kind, attributes }] of plan.nodes) if (!wrote.has(key)) append(byKind, kind, [key, attributes]);
  for (const [kind, nodes] of byKind) {
    const rows = nodes.flatMap(([key, a]) => (a ? [{ key, name: a.name, aliases: a.aliases, titles: nodeTitles(a.titles), jurisdiction: a.jurisdiction ?? null }] : []));
    addRows(statements, setIdentity(kind), rows);
    const emptied = nodes.filter(([, a]) => !a).map(([key]) => key);
    for (let i = 0; i < emptied.length; i += STATEMENT_ROWS) statements.push({ cypher: deleteEmptied(kind), params: { keys: emptied.slice(i, i + STATEMENT_ROWS) } });
  }
  return statements;
}
