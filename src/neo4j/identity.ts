/**
 * Entity identity in the database: the fold a corpus graph makes
 * (src/identify/fold.ts) made again as each document loads, in its own
 * transaction, so the database ends with the same nodes and keys whatever
 * order its documents come in, one at a time or as one corpus.
 *
 * Each MENTIONED_IN relationship keeps its document's identity record
 * (article key, name, forms, fold group). Before a document writes, its load
 * reads the records of every fold group and node it touches, places them all
 * with `placeRecords` (a function of the set of records), writes the document
 * onto the nodes its records are placed on, moves the facts of other
 * documents whose records now sit elsewhere (`Musk`, loaded alone, joins
 * `Elon Musk` when an article names him in full; it leaves again when a
 * second Musk makes the surname ambiguous), and sets each touched node's
 * name, aliases and mentions from its records.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { append, mentionAttributes, nodeAttributes, placeRecords, type IdentityRecord, type NodeIdentity } from '../identify/index.js';
import { ENTITY_KINDS, isEntityKind, NewsgraphError, type EntityKind } from '../types.js';
import type { DocumentBatch, EdgeGroup, EntityRow } from './rows.js';
import { EDGE_TYPES, isEdgeType } from './statements.js';
import { toParam, toProperties } from './values.js';

/** A record as the database holds it: on which node. */
export interface StoredRecord {
  node: string;
  record: IdentityRecord;
}

/** A record of another document that moves to another node (an acronym typed by guess may change kind). */
export interface Move {
  kind: EntityKind;
  toKind: EntityKind;
  doc: string;
  articleKey: string;
  from: string;
  to: string;
}

export interface IdentityPlan {
  /** Where this document's entities go: its graph's node key → the database's node key. */
  nodeOf: Map<string, string>;
  /** This document's records, by its graph's node key (written on its MENTIONED_IN relationships). */
  recordOf: Map<string, IdentityRecord>;
  moves: Move[];
  /** Every node the load touches, with the attributes its records give it (none: it may go). */
  nodes: Array<{ key: string; kind: EntityKind; attributes?: NodeIdentity }>;
}

interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

function label(kind: string): EntityKind {
  if (!isEntityKind(kind)) throw new NewsgraphError(`not an entity kind: ${JSON.stringify(kind)}`);
  return kind;
}

/** Every record of the nodes in the fold groups this document touches, or holding its records of an earlier load. */
const READ_GROUPS = `CALL () {
  MATCH (e)-[m:MENTIONED_IN]->(:Document) WHERE m.group IN $groups RETURN e
  UNION
  MATCH (e)-[:MENTIONED_IN]->(:Document {key: $document}) RETURN e
}
MATCH (e)-[m:MENTIONED_IN]->(d:Document)
WHERE m.articleKey IS NOT NULL
RETURN e.key AS node, e.kind AS kind, d.id AS doc, m.articleKey AS articleKey, m.name AS name, m.forms AS forms,
       m.count AS count, m.group AS group, m.rule AS rule, m.jurisdiction AS jurisdiction, m.cue AS cue, m.titles AS titles, m.certain AS certain`;

/**
 * The other nodes this document's entities go on, summed up in the database
 * rather than record by record (a country may have thousands): the names of
 * the records keyed as the node, every form and title, the mentions.
 */
function readNodesCypher(): string {
  const byKey = ENTITY_KINDS.map((kind) => `  MATCH (e:${label(kind)}) WHERE e.key IN $keys RETURN e`).join('\n  UNION\n');
  return `CALL () {
${byKey}
}
WITH e, COLLECT { MATCH (e)-[m:MENTIONED_IN]->(d:Document) WHERE d.id <> $doc AND m.articleKey IS NOT NULL RETURN m } AS ms
RETURN e.key AS node, e.kind AS kind,
       COLLECT { UNWIND ms AS m WITH m WHERE m.articleKey = e.key RETURN DISTINCT m.name } AS names,
       COLLECT { UNWIND ms AS m UNWIND coalesce(m.forms, []) AS form RETURN DISTINCT form } AS forms,
       COLLECT { UNWIND ms AS m UNWIND coalesce(m.titles, []) AS title RETURN DISTINCT title } AS titles,
       reduce(total = 0, m IN ms | total + coalesce(m.count, 0)) AS count,
       [m IN ms WHERE m.jurisdiction IS NOT NULL | m.jurisdiction][0] AS jurisdiction`;
}

const asNumber = (value: unknown) => (typeof value === 'number' ? value : Number((value as { toString(): string } | null) ?? 0));

/**
 * The stored records a document's load must see: every record of its fold
 * groups (and of its earlier load), and, for the other nodes its entities go
 * on, stand-ins that sum theirs up (a name each, one with every form, title
 * and mention). Stand-ins belong to no document and no fold group, so they
 * stay where they are and only give their nodes' attributes.
 */
export async function readRecords(tx: ManagedTransaction, doc: string, records: readonly IdentityRecord[]): Promise<StoredRecord[]> {
  const groups = [...new Set(records.flatMap((r) => (r.group === undefined ? [] : [r.group])))];
  const grouped = await tx.run(READ_GROUPS, { groups, document: `Document:${doc}` });
  const stored: StoredRecord[] = grouped.records.map((row) => {
    const record: IdentityRecord = {
      doc: row.get('doc') as string,
      kind: label(row.get('kind') as string),
      articleKey: row.get('articleKey') as string,
      name: row.get('name') as string,
      forms: (row.get('forms') as string[] | null) ?? [],
      count: asNumber(row.get('count')),
    };
    for (const field of ['group', 'rule', 'jurisdiction', 'cue', 'titles', 'certain'] as const) {
      const value = row.get(field) as never;
      if (value !== null && value !== undefined) record[field] = value;
    }
    return { node: row.get('node') as string, record };
  });

  const seen = new Set(stored.map((s) => s.node));
  const keys = [...new Set(records.map((r) => r.articleKey))].filter((key) => !seen.has(key));
  const summed = keys.length > 0 ? (await tx.run(readNodesCypher(), { keys, doc })).records : [];
  for (const row of summed) {
    const node = row.get('node') as string;
    const kind = label(row.get('kind') as string);
    const names = row.get('names') as string[];
    if (names.length === 0) continue; // a node of no stored record: nothing to sum
    const standIn = (name: string): IdentityRecord => ({ doc: '', kind, articleKey: node, name, forms: [], count: 0 });
    const all: IdentityRecord = { ...standIn(names[0]!), forms: row.get('forms') as string[], count: asNumber(row.get('count')) };
    const titles = row.get('titles') as string[];
    if (titles.length > 0) all.titles = titles;
    const jurisdiction = row.get('jurisdiction') as string | null;
    if (jurisdiction) all.jurisdiction = jurisdiction;
    stored.push({ node, record: all }, ...names.slice(1).map((name) => ({ node, record: standIn(name) })));
  }
  return stored;
}

/**
 * Place this document's records among the stored ones. The document's own
 * earlier load is replaced; records of fold groups it does not touch stay
 * where they are (their groups did not change).
 */
export function planIdentities(doc: string, incoming: ReadonlyArray<{ node: string; record: IdentityRecord }>, stored: readonly StoredRecord[]): IdentityPlan {
  const others = stored.filter((s) => s.record.doc !== doc);
  const groups = new Set(incoming.flatMap(({ record }) => (record.group === undefined ? [] : [record.group])));
  const placements = placeRecords([...others.map((s) => s.record), ...incoming.map((i) => i.record)]);
  const finalNode = new Map<IdentityRecord, string>();
  for (const { node, record } of others) {
    const stays = record.group !== undefined && !groups.has(record.group);
    finalNode.set(record, stays ? node : placements.get(record)!.node);
  }
  const nodeOf = new Map<string, string>();
  const recordOf = new Map<string, IdentityRecord>();
  for (const { node, record } of incoming) {
    const placed = placements.get(record)!.node;
    finalNode.set(record, placed);
    nodeOf.set(node, placed);
    recordOf.set(node, record);
  }

  const onNode = new Map<string, IdentityRecord[]>();
  for (const [record, node] of finalNode) append(onNode, node, record);
  const moves: Move[] = [];
  for (const { node, record } of others) {
    const to = finalNode.get(record)!;
    if (to !== node) moves.push({ kind: kindOfKey(node), toKind: kindOfKey(to), doc: record.doc, articleKey: record.articleKey, from: node, to });
  }
  const touched = new Set([...stored.map((s) => s.node), ...finalNode.values()]);
  const nodes = [...touched].map((key) => {
    const records = onNode.get(key);
    return records ? { key, kind: kindOfKey(key), attributes: nodeAttributes(key, records) } : { key, kind: kindOfKey(key) };
  });
  return { nodeOf, recordOf, moves, nodes };
}

/** The kind of an entity node, from its key (`Agency:…`): an acronym read as a firm may sit on an agency. */
const kindOfKey = (key: string) => label(key.slice(0, key.indexOf(':')));

/** The document's batch with its entities on the nodes the plan gives them, each under its node's kind. */
export function placeBatch(batch: DocumentBatch, plan: IdentityPlan): DocumentBatch {
  const attributesOf = new Map(plan.nodes.map((n) => [n.key, n.attributes]));
  const to = (key: string) => plan.nodeOf.get(key) ?? key;
  const entities = new Map<EntityKind, EntityRow[]>();
  for (const row of [...batch.entities.values()].flat()) {
    const key = to(row.key);
    const kind = kindOfKey(key);
    const attributes = attributesOf.get(key);
    const placed = attributes ? { ...row, key, kind, name: attributes.name, aliases: attributes.aliases } : { ...row, key, kind };
    append(entities, kind, placed);
  }
  // Every MENTIONED_IN keeps its record in full (graphs made before records get one made from the node).
  const groups = new Map<string, EdgeGroup>();
  for (const group of batch.edges) {
    for (const row of group.rows) {
      const source = to(row.source);
      const target = to(row.target);
      const sourceKind = source === row.source ? group.sourceKind : kindOfKey(source);
      const targetKind = target === row.target ? group.targetKind : kindOfKey(target);
      const record = group.type === 'MENTIONED_IN' ? plan.recordOf.get(row.source) : undefined;
      const props = record ? toProperties(mentionAttributes(record), ['type']) : row.props;
      const id = `${group.type} ${sourceKind} ${targetKind}`;
      const placed = groups.get(id) ?? { type: group.type, sourceKind, targetKind, rows: [] };
      placed.rows.push({ ...row, source, target, props });
      groups.set(id, placed);
    }
  }
  return { ...batch, entities, edges: [...groups.values()] };
}

function byKind<T extends { kind: EntityKind }>(items: readonly T[]): Map<EntityKind, T[]> {
  const groups = new Map<EntityKind, T[]>();
  for (const item of items) append(groups, item.kind, item);
  return groups;
}

/** Move one relationship type, one direction, between two kinds of node: delete and re-create (Cypher cannot re-point). */
function moveCypher(kind: EntityKind, toKind: EntityKind, type: string, outgoing: boolean): string {
  if (!isEdgeType(type)) throw new NewsgraphError(`not an edge type: ${JSON.stringify(type)}`);
  const pattern = outgoing ? `(from)-[r:${type}]->(x)` : `(x)-[r:${type}]->(from)`;
  const created = outgoing ? `(to)-[moved:${type}]->(x)` : `(x)-[moved:${type}]->(to)`;
  return `UNWIND $rows AS row
MATCH (from:${label(kind)} {key: row.from})
MATCH (to:${label(toKind)} {key: row.to})
MATCH ${pattern}
WHERE coalesce(r.doc, x.id) = row.doc AND (type(r) <> 'MENTIONED_IN' OR r.articleKey = row.articleKey)
WITH r, x, to, properties(r) AS props
DELETE r
CREATE ${created}
SET moved = props`;
}

/** The statements that carry out a plan, after the document's own: moves, node attributes, emptied nodes removed. */
export function identityStatements(plan: IdentityPlan): Statement[] {
  const statements: Statement[] = [];
  const pairs = new Map<string, Move[]>();
  for (const move of plan.moves) append(pairs, `${move.kind} ${move.toKind}`, move);
  for (const moves of pairs.values()) {
    const { kind, toKind } = moves[0]!;
    const rows = moves.map(({ doc, articleKey, from, to }) => ({ doc, articleKey, from, to }));
    statements.push({
      cypher: `UNWIND $rows AS row MERGE (n:${label(toKind)} {key: row.to}) ON CREATE SET n.kind = $kind`,
      params: { rows, kind: toKind },
    });
    for (const type of EDGE_TYPES) {
      statements.push({ cypher: moveCypher(kind, toKind, type, true), params: { rows } });
      statements.push({ cypher: moveCypher(kind, toKind, type, false), params: { rows } });
    }
  }
  for (const [kind, nodes] of byKind(plan.nodes)) {
    const rows = nodes.flatMap(({ key, attributes: a }) =>
      a ? [{ key, name: a.name, aliases: a.aliases, mentions: toParam(a.mentions), titles: a.titles ?? null, jurisdiction: a.jurisdiction ?? null }] : [],
    );
    if (rows.length > 0) {
      statements.push({
        cypher: `UNWIND $rows AS row MATCH (n:${label(kind)} {key: row.key})
SET n.name = row.name, n.aliases = row.aliases, n.mentions = row.mentions, n.titles = row.titles, n.jurisdiction = row.jurisdiction`,
        params: { rows },
      });
    }
    const emptied = nodes.filter((n) => !n.attributes).map((n) => n.key);
    if (emptied.length > 0) {
      statements.push({
        cypher: `UNWIND $keys AS key MATCH (n:${label(kind)} {key: key}) WHERE NOT EXISTS { (n)--() } DELETE n`,
        params: { keys: emptied },
      });
    }
  }
  return statements;
}
