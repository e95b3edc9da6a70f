/**
 * What the database already holds of a batch's identities, read inside the
 * batch's write transaction and locked against concurrent loads first, so
 * the plan (identity.ts) sees every record it must and no other load changes
 * them before this one commits.
 *
 * Two round trips, each pipelined:
 *
 * 1. lock the batch's fold groups, documents and article keys; find the
 *    nodes that hold a record of those groups or documents;
 * 2. lock the nodes found, then read their records in full, and the records
 *    of the other nodes the batch's article keys name summed up by the
 *    database (a hub such as a country may have thousands).
 *
 * Why that suffices: a load that adds a record to a node, or moves one off
 * it, has locked the node (its article key or a node it found) or, for a new
 * node in a fold group, the group; a load holding a group lock is the only
 * one that can place that group's records. Locks are keys of a uniquely
 * constrained label, merged and deleted (statements.ts: LOCK_IDENTITIES):
 * nothing is stored. Two loads may each hold what the other asks for in
 * step 2; Neo4j then fails one with a transient deadlock error, and the
 * driver runs its transaction again.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { IdentityRecord } from '../identify/index.js';
import { kindOfKey, type IdentityScope, type StoredRecord } from './identity.js';
import { FIND_IDENTITY_NODES, LOCK_IDENTITIES, readRecords, summarizeRecords } from './statements.js';

const asNumber = (value: unknown) => (typeof value === 'number' ? value : Number((value as { toString(): string } | null) ?? 0));

/** The lock keys of a scope, sorted. */
function lockKeys(scope: IdentityScope): string[] {
  return [...scope.groups.map((g) => `group:${g}`), ...scope.docs.map((d) => `doc:${d}`), ...scope.keys.map((k) => `node:${k}`)].sort();
}

/**
 * The stored records the batch's plan must see: every record on the nodes
 * of its fold groups and documents, and, for the other nodes its article
 * keys name, stand-ins that sum theirs up (a name each, one with every form
 * and title). Stand-ins belong to no document and no fold group, so they
 * stay where they are and only give their nodes' attributes.
 */
export async function readStoredRecords(tx: ManagedTransaction, scope: IdentityScope): Promise<StoredRecord[]> {
  const documents = scope.docs.map((doc) => `Document:${doc}`);
  const [, found] = await Promise.all([
    tx.run(LOCK_IDENTITIES, { keys: lockKeys(scope) }),
    tx.run(FIND_IDENTITY_NODES, { groups: scope.groups, documents }),
  ]);
  const nodes = [...new Set((found.records[0]?.get('keys') as string[] | undefined) ?? [])].sort();
  const locked = new Set(scope.keys);
  const unlocked = nodes.filter((node) => !locked.has(node)).map((node) => `node:${node}`);
  const inFull = new Set(nodes);
  const summed = scope.keys.filter((key) => !inFull.has(key));

  const [, full, sums] = await Promise.all([
    unlocked.length > 0 ? tx.run(LOCK_IDENTITIES, { keys: unlocked }) : undefined,
    nodes.length > 0 ? tx.run(readRecords(), { keys: nodes }) : undefined,
    summed.length > 0 ? tx.run(summarizeRecords(), { keys: summed, docs: scope.docs }) : undefined,
  ]);

  const stored: StoredRecord[] = (full?.records ?? []).map((row) => {
    const articleKey = row.get('articleKey') as string;
    const record: IdentityRecord = {
      doc: row.get('doc') as string,
      // The record's own kind, from its article key: an acronym read as a firm keeps it on an agency's node.
      kind: kindOfKey(articleKey),
      articleKey,
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
  for (const row of sums?.records ?? []) {
    const node = row.get('node') as string;
    const names = row.get('names') as string[];
    if (names.length === 0) continue; // a node of no stored record: nothing to sum
    const standIn = (name: string): IdentityRecord => ({ doc: '', kind: kindOfKey(node), articleKey: node, name, forms: [], count: 0 });
    const all: IdentityRecord = { ...standIn(names[0]!), forms: row.get('forms') as string[] };
    const titles = row.get('titles') as string[];
    if (titles.length > 0) all.titles = titles;
    const jurisdiction = row.get('jurisdiction') as string | null;
    if (jurisdiction) all.jurisdiction = jurisdiction;
    stored.push({ node, record: all }, ...names.slice(1).map((name) => ({ node, record: standIn(name) })));
  }
  return stored;
}
