/**
 * The loader's Cypher. Labels and relationship types cannot be parameters,
 * so each statement is chosen from a fixed table keyed by node kind and edge
 * type, checked against the closed lists below: nothing from the graph's data
 * ever becomes Cypher text; all data travels as parameters (`$rows`).
 *
 * An entity's `mentions` is kept as the sum of the `count` of its
 * MENTIONED_IN relationships by every statement that adds, changes, moves or
 * removes one: each adds the difference it makes (mergeMentions,
 * moveMentions, PRUNE_MENTIONS), reading `n.mentions` inside its SET, which
 * makes Neo4j lock the node before reading it. So no count is lost to a
 * concurrent load, a reload adds nothing, and the cost does not grow with how
 * many articles mention the entity (a recount would).
 */
import { ENTITY_KINDS, NewsgraphError, type EdgeType, type EntityKind, type NodeKind } from '../types.js';

/** One statement of a load transaction. */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

export const NODE_KINDS: readonly NodeKind[] = [...ENTITY_KINDS, 'Quote', 'Document'];

const EDGE_TYPE_SET: Record<EdgeType, true> = {
  SAID: true,
  ABOUT: true,
  HOLDS_ROLE: true,
  MEMBER_OF: true,
  SUPPORTS: true,
  OPPOSES: true,
  TARGETED: true,
  PART_OF: true,
  RELATED: true,
  MENTIONED_IN: true,
};
export const EDGE_TYPES = Object.keys(EDGE_TYPE_SET) as EdgeType[];

export function isNodeKind(kind: unknown): kind is NodeKind {
  return typeof kind === 'string' && (NODE_KINDS as readonly string[]).includes(kind);
}

export function isEdgeType(type: unknown): type is EdgeType {
  return typeof type === 'string' && Object.hasOwn(EDGE_TYPE_SET, type);
}

function label(kind: NodeKind): string {
  if (!isNodeKind(kind)) throw new NewsgraphError(`not a node kind: ${JSON.stringify(kind)}`);
  return kind;
}

function relationshipType(type: EdgeType): string {
  if (!isEdgeType(type)) throw new NewsgraphError(`not an edge type: ${JSON.stringify(type)}`);
  return type;
}

/**
 * Entities: one node per key; aliases accumulate across articles as a sorted
 * set, so loading again adds nothing. A new entity starts at `row.mentions`
 * (0 when its article mentions it through MENTIONED_IN, which adds the
 * counts: see mergeMentions; else the graph's own count).
 * `row`: {key, kind, name, aliases, mentions, props}.
 */
export function mergeEntities(kind: EntityKind): string {
  return `UNWIND $rows AS row
MERGE (n:${label(kind)} {key: row.key})
ON CREATE SET n.mentions = row.mentions
SET n += row.props, n.kind = row.kind, n.name = row.name
SET n.aliases = COLLECT { UNWIND coalesce(n.aliases, []) + row.aliases AS alias RETURN DISTINCT alias ORDER BY alias }`;
}

/**
 * MENTIONED_IN, one row per entity with all its mentions in the batch: each
 * relationship merged by key, and the entity's `mentions` moved by what its
 * counts changed (a new relationship adds its count, one loaded before adds
 * nothing), so `mentions` stays the sum over articles at a cost that does not
 * grow with how many articles mention it. Reading `n.mentions` inside the SET
 * makes Neo4j lock the entity first, so concurrent loads do not lose counts.
 * `row`: {key, mentions: [{key, target, props}]}.
 */
export function mergeMentions(kind: EntityKind): string {
  return `UNWIND $rows AS row
MATCH (n:${label(kind)} {key: row.key})
CALL (n, row) {
  UNWIND row.mentions AS mention
  MATCH (d:Document {key: mention.target})
  MERGE (n)-[r:MENTIONED_IN {key: mention.key}]->(d)
  WITH r, mention, coalesce(r.count, 0) AS before
  SET r = mention.props
  RETURN sum(coalesce(r.count, 0) - before) AS added
}
SET n.mentions = coalesce(n.mentions, 0) + added`;
}

/**
 * Quotes and documents belong to one article: one node per key, properties
 * exactly the graph's (a reload drops ones the graph no longer has).
 * `row`: {key, kind, props}, props holding key and kind too: setting the
 * indexed key to the value it has costs nothing, leaving it out of the map
 * would remove it from the index and add it again.
 */
export function mergeNodes(kind: 'Quote' | 'Document'): string {
  return `UNWIND $rows AS row
MERGE (n:${label(kind)} {key: row.key})
SET n = row.props`;
}

/**
 * One relationship per edge key between the two keyed nodes, properties
 * exactly the graph's. `row`: {key, source, target, props}, props holding
 * the key too (see mergeNodes).
 */
export function mergeEdges(type: EdgeType, sourceKind: NodeKind, targetKind: NodeKind): string {
  return `UNWIND $rows AS row
MATCH (a:${label(sourceKind)} {key: row.source})
MATCH (b:${label(targetKind)} {key: row.target})
MERGE (a)-[r:${relationshipType(type)} {key: row.key}]->(b)
SET r = row.props`;
}

/**
 * `--replace`: before an article loads again, remove what its earlier load
 * has that this one no longer does (extraction changed), in the same
 * transaction. Quotes of the document not in `$quotes` go with their
 * relationships.
 */
export const PRUNE_QUOTES = `MATCH (q:Quote {doc: $doc})
WHERE NOT q.key IN $quotes
DETACH DELETE q`;

/**
 * Facts with this document's provenance that are not in `$relationships`,
 * found from the entities the document mentions (no scan of every
 * relationship in the database).
 */
export const PRUNE_FACTS = `MATCH (:Document {key: $document})<-[:MENTIONED_IN]-(e)
MATCH (e)-[r]-()
WHERE r.doc = $doc AND NOT r.key IN $relationships
WITH DISTINCT r
DELETE r`;

/**
 * Mentions of the document not in `$relationships`: each removed one takes
 * its count off its entity, which goes when nothing links to it any more.
 */
export const PRUNE_MENTIONS = `MATCH (e)-[m:MENTIONED_IN]->(:Document {key: $document})
WHERE NOT m.key IN $relationships
WITH e, m, coalesce(m.count, 0) AS count
DELETE m
SET e.mentions = coalesce(e.mentions, 0) - count
WITH DISTINCT e
WHERE NOT EXISTS { (e)--() }
DELETE e`;

// ─── Identity (src/neo4j/stored.ts reads, identity.ts plans, these write) ───

/**
 * A lock per key (`group:…`, `node:…`, `doc:…`: what a batch's identity
 * reads and writes), held until the transaction ends. Creating a node of a
 * uniquely constrained key makes Neo4j lock that key in the constraint's
 * index until commit or rollback; deleting the node again in the same
 * statement leaves nothing behind. A concurrent load merging the same key
 * waits for this transaction to end, then reads what it committed. Keys go
 * in sorted, so two loads take their first locks in one order.
 */
export const LOCK_IDENTITIES = `UNWIND $keys AS key
MERGE (lock:IdentityLock {key: key})
DELETE lock`;

/** The columns of an identity record, from its MENTIONED_IN `m` to its document `d` (the fields placing and naming use). */
const RECORD_COLUMNS = `e.key AS node, d.id AS doc, m.articleKey AS articleKey, m.name AS name, m.forms AS forms,
       m.group AS group, m.jurisdiction AS jurisdiction, m.titles AS titles, m.titleSentences AS titleSentences, m.titleStarts AS titleStarts,
       m.titleEnds AS titleEnds, m.certain AS certain`;

/**
 * Every identity record on the entities that hold a record of the fold
 * groups (an index seek on MENTIONED_IN.group: the hint keeps the planner
 * from scanning the whole index, which it chose on some statistics) or of
 * the documents (their earlier load; found as one lookup of the list, where
 * an UNWIND of it was planned as a scan of every Document per document):
 * one row per MENTIONED_IN.
 */
export const READ_GROUP_RECORDS = `CALL () {
  MATCH (e)-[m:MENTIONED_IN]->(:Document) USING INDEX m:MENTIONED_IN(group) WHERE m.group IN $groups RETURN e
  UNION
  MATCH (d:Document) WHERE d.key IN $documents
  MATCH (e)-[:MENTIONED_IN]->(d) RETURN e
}
MATCH (e)-[m:MENTIONED_IN]->(d:Document)
WHERE m.articleKey IS NOT NULL
RETURN ${RECORD_COLUMNS}`;

/**
 * The entities of `$keys`, a map from label to the keys of that label (an
 * entity node's label is the kind its key starts with: identity.ts's
 * kindOfKey), so each key is sought in its own label's index only, not in
 * all six.
 */
function entitiesByKey(): string {
  return ENTITY_KINDS.map((kind) => `  MATCH (e:${label(kind)}) WHERE e.key IN $keys.${label(kind)} RETURN e`).join('\n  UNION\n');
}

/** Every identity record on the entities of `$keys` (by label, see entitiesByKey; loaded before records existed: no articleKey, no record). */
export function readRecords(): string {
  return `CALL () {
${entitiesByKey()}
}
MATCH (e)-[m:MENTIONED_IN]->(d:Document)
WHERE m.articleKey IS NOT NULL
RETURN ${RECORD_COLUMNS}`;
}

/**
 * The identity the entities of `$keys` hold as nodes (by label, see
 * entitiesByKey): name, aliases, titles and jurisdiction, which every load
 * that changes a node's records sets from all of them (mergeIdentified,
 * setIdentity). Reading these instead of the records keeps a batch's read of
 * a hub (a country named in every other article) one node, not a scan of
 * every article that ever mentioned it: a load's cost must not grow with the
 * archive. Only nodes that hold a record keyed as themselves count (others
 * were merged without records: hand-made graphs).
 */
export function readNodeIdentities(): string {
  return `CALL () {
${entitiesByKey()}
}
WITH e WHERE EXISTS { (e)-[m:MENTIONED_IN]->(:Document) WHERE m.articleKey = e.key }
RETURN e.key AS node, e.name AS name, coalesce(e.aliases, []) AS forms, coalesce(e.titles, []) AS titles, e.jurisdiction AS jurisdiction`;
}

/** The nodes records move to, made where missing (counting no mention yet). `row`: {to}. */
export function mergeMoveTargets(kind: EntityKind): string {
  return `UNWIND $rows AS row
MERGE (n:${label(kind)} {key: row.to})
ON CREATE SET n.kind = $kind, n.mentions = 0`;
}

/**
 * A record of another article moves: its MENTIONED_IN is re-created on the
 * node it now sits on (Cypher cannot re-point a relationship), its count
 * moving along. `row`: {from, to, document, articleKey}.
 */
export function moveMentions(kind: EntityKind, toKind: EntityKind): string {
  return `UNWIND $rows AS row
MATCH (from:${label(kind)} {key: row.from})
MATCH (to:${label(toKind)} {key: row.to})
MATCH (from)-[r:MENTIONED_IN]->(d:Document {key: row.document})
WHERE r.articleKey = row.articleKey
WITH from, to, r, d, properties(r) AS props, coalesce(r.count, 0) AS count
DELETE r
CREATE (to)-[moved:MENTIONED_IN]->(d)
SET moved = props
SET from.mentions = coalesce(from.mentions, 0) - count
SET to.mentions = coalesce(to.mentions, 0) + count`;
}

/**
 * The facts of a moving record's article follow it: relationships of one
 * type, one direction, with that article's provenance. `row`: {from, to, doc}.
 */
export function moveFacts(kind: EntityKind, toKind: EntityKind, type: EdgeType, outgoing: boolean): string {
  const t = relationshipType(type);
  const pattern = outgoing ? `(from)-[r:${t}]->(x)` : `(x)-[r:${t}]->(from)`;
  const created = outgoing ? `(to)-[moved:${t}]->(x)` : `(x)-[moved:${t}]->(to)`;
  return `UNWIND $rows AS row
MATCH (from:${label(kind)} {key: row.from})
MATCH (to:${label(toKind)} {key: row.to})
MATCH ${pattern}
WHERE r.doc = row.doc
WITH r, x, to, properties(r) AS props
DELETE r
CREATE ${created}
SET moved = props`;
}

/**
 * Entities whose identity the batch's plan decided: one node per key, its
 * name, aliases, titles and jurisdiction those of the records on it
 * (identity.ts's nodeAttributes; nothing accumulates, a record that moved
 * away takes its forms along), `mentions` counted as MENTIONED_IN comes
 * (above; a new node starts at `row.mentions`).
 * `row`: {key, kind, mentions, name, aliases, titles, jurisdiction}.
 */
export function mergeIdentified(kind: EntityKind): string {
  return `UNWIND $rows AS row
MERGE (n:${label(kind)} {key: row.key})
ON CREATE SET n.mentions = row.mentions
SET n.kind = row.kind, n.name = row.name, n.aliases = row.aliases, n.titles = row.titles, n.jurisdiction = row.jurisdiction`;
}

/**
 * The same identity for nodes the batch touches without writing rows to
 * them (their records moved, or another record joined or left them).
 * `row`: {key, name, aliases, titles, jurisdiction}.
 */
export function setIdentity(kind: EntityKind): string {
  return `UNWIND $rows AS row
MATCH (n:${label(kind)} {key: row.key})
SET n.name = row.name, n.aliases = row.aliases, n.titles = row.titles, n.jurisdiction = row.jurisdiction`;
}

/** Nodes whose records all moved away go, once nothing links to them. */
export function deleteEmptied(kind: EntityKind): string {
  return `UNWIND $keys AS key
MATCH (n:${label(kind)} {key: key})
WHERE NOT EXISTS { (n)--() }
DELETE n`;
}
