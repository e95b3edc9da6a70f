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
 * into one `UNWIND … MERGE` each; the touched nodes' names and aliases from
 * their records. A failure fails the rest and the transaction rolls back
 * whole, so no article is ever half-loaded.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { append } from '../identify/index.js';
import type { EntityKind } from '../types.js';
import { identityScope, placeArticle, planBatch, type IdentityPlan, type Move } from './identity.js';
import { combineBatches, type DocumentBatch } from './rows.js';
import {
  deleteEmptied,
  EDGE_TYPES,
  mergeEdges,
  mergeEntities,
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
  let identity: { moves: Statement[]; attributes: Statement[] } = { moves: [], attributes: [] };
  if (withRecords.length > 0) {
    const scope = identityScope(withRecords);
    const plan = planBatch(withRecords, await readStoredRecords(tx, scope));
    placed = batch.map((article) => placeArticle(article, plan));
    identity = identityStatements(plan);
  }
  const identityMs = performance.now() - started;

  const combined = combineBatches(placed);
  const statements = [
    ...(options.replace ? placed.flatMap(pruneStatements) : []),
    ...identity.moves,
    ...batchStatements(combined),
    ...identity.attributes,
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
 */
export function batchStatements(batch: DocumentBatch): Statement[] {
  const statements: Statement[] = [];
  // Each entity's mentions in this batch, by entity key.
  const mentions = new Map<string, { key: string; target: string; props: unknown }[]>();
  for (const group of batch.edges) {
    if (group.type !== 'MENTIONED_IN') continue;
    for (const row of group.rows) append(mentions, row.source, { key: row.key, target: row.target, props: row.props });
  }
  for (const [kind, rows] of batch.entities) {
    // A new entity counts from 0 when MENTIONED_IN brings its counts, else from the graph's count.
    addRows(statements, mergeEntities(kind), rows.map((row) => ({ ...row, mentions: mentions.has(row.key) ? 0 : row.mentions })));
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
 * What a plan changes besides the batch's own rows: moves (before the rows,
 * so an article loaded again finds its relationships where its plan puts
 * them), then every touched node's identity and the nodes left empty.
 */
function identityStatements(plan: IdentityPlan): { moves: Statement[]; attributes: Statement[] } {
  const moves: Statement[] = [];
  const pairs = new Map<string, Move[]>();
  for (const move of plan.moves) append(pairs, `${move.kind} ${move.toKind}`, move);
  for (const list of pairs.values()) {
    const { kind, toKind } = list[0]!;
    const rows = list.map(({ doc, articleKey, from, to }) => ({ doc, document: `Document:${doc}`, articleKey, from, to }));
    addRows(moves, mergeMoveTargets(toKind), rows, { kind: toKind });
    addRows(moves, moveMentions(kind, toKind), rows);
    for (const type of EDGE_TYPES) {
      if (type === 'MENTIONED_IN') continue;
      addRows(moves, moveFacts(kind, toKind, type, true), rows);
      addRows(moves, moveFacts(kind, toKind, type, false), rows);
    }
  }
  const attributes: Statement[] = [];
  const byKind = new Map<EntityKind, IdentityPlan['nodes']>();
  for (const node of plan.nodes) append(byKind, node.kind, node);
  for (const [kind, nodes] of byKind) {
    const rows = nodes.flatMap(({ key, attributes: a }) =>
      a ? [{ key, name: a.name, aliases: a.aliases, titles: a.titles ?? null, jurisdiction: a.jurisdiction ?? null }] : [],
    );
    addRows(attributes, setIdentity(kind), rows);
    const emptied = nodes.filter((n) => !n.attributes).map((n) => n.key);
    for (let i = 0; i < emptied.length; i += STATEMENT_ROWS) attributes.push({ cypher: deleteEmptied(kind), params: { keys: emptied.slice(i, i + STATEMENT_ROWS) } });
  }
  return { moves, attributes };
}
