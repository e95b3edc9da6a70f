/**
 * The loader's Cypher. Labels and relationship types cannot be parameters,
 * so each statement is chosen from a fixed table keyed by node kind and edge
 * type, checked against the closed lists below: nothing from the graph's data
 * ever becomes Cypher text; all data travels as `$rows`.
 */
import { ENTITY_KINDS, NewsgraphError, type EdgeType, type EntityKind, type NodeKind } from '../types.js';

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
 * Mentions of the document not in `$relationships`; an entity that loses one
 * gets its `mentions` recounted, and goes when nothing links to it any more.
 */
export const PRUNE_MENTIONS = `MATCH (e)-[m:MENTIONED_IN]->(:Document {key: $document})
WHERE NOT m.key IN $relationships
DELETE m
WITH DISTINCT e
OPTIONAL MATCH (e)-[rest:MENTIONED_IN]->(:Document)
WITH e, sum(coalesce(rest.count, 0)) AS mentions, count(rest) AS documents
SET e.mentions = CASE WHEN documents > 0 THEN mentions ELSE e.mentions END
WITH e
WHERE NOT EXISTS { (e)--() }
DELETE e`;
