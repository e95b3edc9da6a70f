/**
 * Entity identity in the database: the fold a corpus graph makes
 * (src/identify/fold.ts) made again as articles load, so the database ends
 * with the same nodes and keys whatever order its articles come in, one at a
 * time, many to a transaction, or as one corpus graph.
 *
 * Each MENTIONED_IN relationship keeps its article's identity record (article
 * key, name, forms, fold group). A load transaction reads the records of the
 * fold groups and nodes its articles touch (stored.ts), and `planBatch`
 * places them together with the articles' own, with `placeRecords`: a
 * function of the set of records, not of their order. So planning a batch of
 * articles at once leaves the database exactly as loading them one by one
 * would (test/identity-corpus.test.ts checks it on the fixtures, in any order
 * and any split into transactions): each article's entities go on the nodes
 * their records are placed on (`placeArticle`), other articles' records that
 * now sit elsewhere move with their facts (`Musk`, loaded alone, joins `Elon
 * Musk` when an article names him in full, and leaves again when a second
 * Musk makes the surname ambiguous), and every touched node takes its name,
 * aliases, titles and jurisdiction from the records on it. Pure: no driver.
 */
import { append, mentionAttributes, nodeAttributes, placeRecords, type IdentityRecord, type NodeIdentity } from '../identify/index.js';
import { isEntityKind, NewsgraphError, type EntityKind } from '../types.js';
import type { ArticleRecord, DocumentBatch, EdgeGroup, EntityRow } from './rows.js';
import { recordTitleProperties, toProperties, type Properties } from './values.js';

/** A record as the database holds it: on which node. */
export interface StoredRecord {
  node: string;
  record: IdentityRecord;
}

/** An article's records, as a batch brings them. */
export interface ArticleRecords {
  doc: string;
  records: readonly ArticleRecord[];
}

/** What a batch's identity reads and locks (stored.ts). */
export interface IdentityScope {
  /** The batch's documents: their earlier load is read, to be replaced. */
  docs: string[];
  /** Fold groups of the batch's records. */
  groups: string[];
  /** Article keys of the batch's records: the nodes they sit on unless folded. */
  keys: string[];
}

/** A stored record that moves to another node (an acronym typed by guess may change kind with it). */
export interface Move {
  kind: EntityKind;
  toKind: EntityKind;
  doc: string;
  articleKey: string;
  from: string;
  to: string;
}

export interface IdentityPlan {
  /** Per document: its graph's node key → the database's node key. */
  nodeOf: Map<string, Map<string, string>>;
  /** Per document: its graph's node key → its record (written on its MENTIONED_IN). */
  recordOf: Map<string, Map<string, IdentityRecord>>;
  moves: Move[];
  /** Every node the batch touches, by key, with the attributes its records give it (none: it may go). */
  nodes: Map<string, { kind: EntityKind; attributes?: NodeIdentity }>;
}

/** The kind of an entity node or article key, from the key (`Agency:…`): an acronym read as a firm may sit on an agency. */
export function kindOfKey(key: string): EntityKind {
  const kind = key.slice(0, key.indexOf(':'));
  if (!isEntityKind(kind)) throw new NewsgraphError(`not an entity key: ${JSON.stringify(key)}`);
  return kind;
}

/** The documents, fold groups and article keys of a batch's records, each sorted. */
export function identityScope(articles: readonly ArticleRecords[]): IdentityScope {
  const records = articles.flatMap((article) => article.records.map(({ record }) => record));
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    docs: sorted(articles.map((article) => article.doc)),
    groups: sorted(records.flatMap((record) => (record.group === undefined ? [] : [record.group]))),
    keys: sorted(records.map((record) => record.articleKey)),
  };
}

/**
 * Place a batch's records among the stored ones. The batch's documents'
 * earlier load is replaced (a record of it that now goes elsewhere moves, so
 * its relationships keep their keys); records of fold groups the batch does
 * not touch stay where they are (their groups did not change). Each
 * document appears once (the caller keeps the last of duplicates).
 */
export function planBatch(articles: readonly ArticleRecords[], stored: readonly StoredRecord[]): IdentityPlan {
  const docs = new Set(articles.map((article) => article.doc));
  const others = stored.filter((s) => !docs.has(s.record.doc));
  const at = (doc: string, articleKey: string) => `${doc}\u0000${articleKey}`;
  const earlier = new Map(stored.filter((s) => docs.has(s.record.doc)).map((s) => [at(s.record.doc, s.record.articleKey), s.node]));
  const incoming = articles.flatMap((article) => article.records);
  const groups = new Set(incoming.flatMap(({ record }) => (record.group === undefined ? [] : [record.group])));
  const placements = placeRecords([...others.map((s) => s.record), ...incoming.map((i) => i.record)]);

  const finalNode = new Map<IdentityRecord, string>();
  const moves: Move[] = [];
  const move = (record: IdentityRecord, from: string, to: string) =>
    moves.push({ kind: kindOfKey(from), toKind: kindOfKey(to), doc: record.doc, articleKey: record.articleKey, from, to });
  for (const { node, record } of others) {
    const stays = record.group !== undefined && !groups.has(record.group);
    const to = stays ? node : placements.get(record)!.node;
    finalNode.set(record, to);
    if (to !== node) move(record, node, to);
  }
  const nodeOf = new Map<string, Map<string, string>>();
  const recordOf = new Map<string, Map<string, IdentityRecord>>();
  for (const { doc, records } of articles) {
    const nodes = new Map<string, string>();
    const byNode = new Map<string, IdentityRecord>();
    for (const { node, record } of records) {
      const placed = placements.get(record)!.node;
      finalNode.set(record, placed);
      nodes.set(node, placed);
      byNode.set(node, record);
      const before = earlier.get(at(doc, record.articleKey));
      if (before !== undefined && before !== placed) move(record, before, placed);
    }
    nodeOf.set(doc, nodes);
    recordOf.set(doc, byNode);
  }

  const onNode = new Map<string, IdentityRecord[]>();
  for (const [record, node] of finalNode) append(onNode, node, record);
  const nodes: IdentityPlan['nodes'] = new Map();
  for (const key of [...stored.map((s) => s.node), ...finalNode.values()]) {
    if (nodes.has(key)) continue;
    const records = onNode.get(key);
    nodes.set(key, records ? { kind: kindOfKey(key), attributes: nodeAttributes(key, records) } : { kind: kindOfKey(key) });
  }
  return { nodeOf, recordOf, moves, nodes };
}

/** A record as its MENTIONED_IN's properties (titles as parallel lists: values.ts). */
export function recordProperties(record: IdentityRecord): Properties {
  return { ...toProperties(mentionAttributes(record), ['type', 'titles']), ...(record.titles ? recordTitleProperties(record.titles) : {}) };
}

/**
 * An article's rows with its entities on the nodes the plan gives them, each
 * under its node's kind, named as the node's records name it; its
 * MENTIONED_IN relationships carry its records in full (graphs made before
 * records get one made from the node).
 */
export function placeArticle(article: DocumentBatch, plan: IdentityPlan): DocumentBatch {
  const nodeOf = (article.doc !== undefined ? plan.nodeOf.get(article.doc) : undefined) ?? new Map<string, string>();
  const recordOf = (article.doc !== undefined ? plan.recordOf.get(article.doc) : undefined) ?? new Map<string, IdentityRecord>();
  const to = (key: string) => nodeOf.get(key) ?? key;
  const entities = new Map<EntityKind, EntityRow[]>();
  for (const row of [...article.entities.values()].flat()) {
    const key = to(row.key);
    const kind = key === row.key ? row.kind : kindOfKey(key);
    const attributes = plan.nodes.get(key)?.attributes;
    append(entities, kind, attributes ? { ...row, key, kind, name: attributes.name, aliases: attributes.aliases } : { ...row, key, kind });
  }
  const groups = new Map<string, EdgeGroup>();
  for (const group of article.edges) {
    for (const row of group.rows) {
      const source = to(row.source);
      const target = to(row.target);
      const sourceKind = source === row.source ? group.sourceKind : kindOfKey(source);
      const targetKind = target === row.target ? group.targetKind : kindOfKey(target);
      const record = group.type === 'MENTIONED_IN' ? recordOf.get(row.source) : undefined;
      const props = record ? { ...recordProperties(record), key: row.key } : row.props;
      const id = `${group.type} ${sourceKind} ${targetKind}`;
      const placed = groups.get(id) ?? { type: group.type, sourceKind, targetKind, rows: [] };
      // Most rows stay as they are: no copy of those (an archive's batch holds tens of thousands).
      placed.rows.push(source === row.source && target === row.target && props === row.props ? row : { ...row, source, target, props });
      groups.set(id, placed);
    }
  }
  return { ...article, entities, edges: [...groups.values()] };
}
