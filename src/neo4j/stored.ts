/**
 * What the database already holds of a batch's identities, read inside the
 * batch's write transaction and locked against concurrent loads first, so
 * the plan (identity.ts) sees every record it must and no other load changes
 * them before this one commits.
 *
 * Two round trips, each pipelined:
 *
 * 1. lock the batch's fold groups and article keys, then read every record
 *    on the nodes that hold a record of those groups or of the batch's
 *    documents (their earlier load);
 * 2. lock the nodes read that no article key of the batch named, and read
 *    their records again (another load may have added one of a group this
 *    batch does not lock before this one locked the node); and read the
 *    identity of the other nodes the batch's article keys name as the nodes
 *    hold it (name, aliases, titles, jurisdiction: what their records last
 *    made of them), one read a node however many articles mention it (a hub
 *    such as a country may have thousands).
 *
 * Why that suffices: a load that adds a record to a node, or moves one off
 * it, has locked the node (its article key, or a node it read) or, for a
 * new node in a fold group, the group; only a load holding a group's lock
 * can place that group's records. Locks are keys of a uniquely constrained
 * label, merged and deleted (statements.ts: LOCK_IDENTITIES): nothing is
 * stored. Two loads may each hold what the other asks for in step 2; Neo4j
 * then fails one with a transient deadlock error, and the driver runs its
 * transaction again. Two loads of one article lock the same keys.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { IdentityRecord } from '../identify/index.js';
import { ENTITY_KINDS, type EntityKind } from '../types.js';
import { kindOfKey, type IdentityScope, type StoredRecord } from './identity.js';
import type { Record as Row } from 'neo4j-driver';
import { LOCK_IDENTITIES, READ_GROUP_RECORDS, readNodeIdentities, readRecords } from './statements.js';
import { titlesFromRecord } from './values.js';

/** The lock keys of a scope, sorted. */
function lockKeys(scope: IdentityScope): string[] {
  return [...scope.groups.map((g) => `group:${g}`), ...scope.keys.map((k) => `node:${k}`)].sort();
}

/** Entity keys by the label their `Kind:` prefix names, every label present (statements.ts's entitiesByKey). */
function keysByLabel(keys: readonly string[]): Record<EntityKind, string[]> {
  const byLabel = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, [] as string[]])) as Record<EntityKind, string[]>;
  for (const key of keys) byLabel[kindOfKey(key)].push(key);
  return byLabel;
}

/** A record as READ_GROUP_RECORDS and readRecords return it. */
function storedRecord(row: Row): StoredRecord {
  const articleKey = row.get('articleKey') as string;
  const record: IdentityRecord = {
    doc: row.get('doc') as string,
    // The record's own kind, from its article key: an acronym read as a firm keeps it on an agency's node.
    kind: kindOfKey(articleKey),
    articleKey,
    name: row.get('name') as string,
    forms: (row.get('forms') as string[] | null) ?? [],
    // Counts are not needed: mentions are counted as MENTIONED_IN changes (statements.ts).
    count: 0,
  };
  const titles = titlesFromRecord(record.doc, row.get('titles'), row.get('titleSentences'), row.get('titleStarts'), row.get('titleEnds'));
  if (titles.length > 0) record.titles = titles;
  for (const field of ['group', 'jurisdiction', 'certain'] as const) {
    const value = row.get(field) as never;
    if (value !== null && value !== undefined) record[field] = value;
  }
  return { node: row.get('node') as string, record };
}

/**
 * The stored records the batch's plan must see: every record on the nodes
 * of its fold groups and documents, and, for the other nodes its article
 * keys name, one stand-in each made of the node's identity (its fullest
 * name, every form and title of its records). A stand-in belongs to no
 * document and no fold group, so it stays where it is and only gives its
 * node's attributes (fullestName is a maximum, so the fullest of the node's
 * name and the batch's names is the fullest of all its records' names).
 */
export async function readStoredRecords(tx: ManagedTransaction, scope: IdentityScope): Promise<StoredRecord[]> {
  const [, grouped] = await Promise.all([
    tx.run(LOCK_IDENTITIES, { keys: lockKeys(scope) }),
    tx.run(READ_GROUP_RECORDS, { groups: scope.groups, documents: scope.docs.map((doc) => `Document:${doc}`) }),
  ]);
  let stored = grouped.records.map(storedRecord);
  const read = new Set(stored.map((s) => s.node));
  const locked = new Set(scope.keys);
  const unlocked = [...read].filter((node) => !locked.has(node)).sort();
  const summed = scope.keys.filter((key) => !read.has(key));
  if (unlocked.length === 0 && summed.length === 0) return stored;

  const [, again, identities] = await Promise.all([
    unlocked.length > 0 ? tx.run(LOCK_IDENTITIES, { keys: unlocked.map((node) => `node:${node}`) }) : undefined,
    unlocked.length > 0 ? tx.run(readRecords(), { keys: keysByLabel(unlocked) }) : undefined,
    summed.length > 0 ? tx.run(readNodeIdentities(), { keys: keysByLabel(summed) }) : undefined,
  ]);
  if (again) {
    const reread = new Set(unlocked);
    stored = [...stored.filter((s) => !reread.has(s.node)), ...again.records.map(storedRecord)];
  }
  for (const row of identities?.records ?? []) {
    const node = row.get('node') as string;
    // One record stands in for all of the node's: its name the fullest of theirs, every form and title of theirs.
    const standIn: IdentityRecord = { doc: '', kind: kindOfKey(node), articleKey: node, name: row.get('name') as string, forms: row.get('forms') as string[], count: 0 };
    // Only the node's title strings: no provenance (Neo4j keeps no spans on nodes).
    const titles = titlesFromRecord('', row.get('titles') as string[], null, null, null);
    if (titles.length > 0) standIn.titles = titles;
    const jurisdiction = row.get('jurisdiction') as string | null;
    if (jurisdiction) standIn.jurisdiction = jurisdiction;
    stored.push({ node, record: standIn });
  }
  return stored;
}
