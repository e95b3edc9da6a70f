/**
 * Folding articles together: which node each article's entity sits on in a
 * corpus. An article keys what it can tell on its own (index.ts); what only a
 * corpus can tell is a short name meeting a fuller one of another article:
 *
 * - a bare surname (`Albanese`) joins the one person of the corpus it can be
 *   (`Anthony Albanese`), when its article shows it to be a person (a title,
 *   a quote, an office); with two candidates (`Bill`, `Hillary Clinton`) it
 *   stays on its own
 * - full names that can be one person (`Donald Trump`, `Donald J. Trump`)
 *   are one, unless a third name agrees with each but they not with each other
 * - an acronym (`FBI`) joins the one fuller name it abbreviates among bodies,
 *   parties and organisations (`Federal Bureau of Investigation (United
 *   States)`): of its own kind, or any kind when it was read as an
 *   Organization, the kind an acronym written alone gets by guess
 *
 * A record never joins a node that holds another record of its own document:
 * that article told them apart. The rule reads only the set of records of a
 * fold group, never their order, so a corpus merged at once and a database
 * that gets the same articles one at a time agree (src/neo4j/identity.ts
 * applies the same function there).
 */
import type { EntityKind, TitleMention } from '../types.js';
import { compareStrings, fullestName } from '../names.js';
import { compatiblePersons } from './names.js';
import type { IdentityRecord, MergeReason } from './types.js';

/** Add `item` to the list under `key` (lists of a record per node or group grow one at a time, never copied). */
export function append<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export interface Placement {
  /** The node key the record sits on. */
  node: string;
  reason: MergeReason;
}

/** A record's name without the jurisdiction a shared name carries: `Senate (Australia)` → `Senate`. */
const baseName = (record: IdentityRecord) =>
  record.jurisdiction && record.name.endsWith(` (${record.jurisdiction})`) ? record.name.slice(0, -record.jurisdiction.length - 3) : record.name;
const wordCount = (name: string) => name.split(/\s+/).length;

/** The name each article key goes by in the group (its records' fullest). */
function namesByKey(records: IdentityRecord[]): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const r of records) append(names, r.articleKey, r.name);
  return new Map([...names].map(([key, list]) => [key, fullestName(list)]));
}

/** Documents that name each key. */
function docsByKey(records: IdentityRecord[]): Map<string, Set<string>> {
  const docs = new Map<string, Set<string>>();
  for (const r of records) docs.set(r.articleKey, (docs.get(r.articleKey) ?? new Set()).add(r.doc));
  return docs;
}

const shareDoc = (a: Set<string> | undefined, b: Set<string> | undefined) => !!a && !!b && [...a].some((doc) => b.has(doc));

/**
 * Full person names of one surname, as nodes: names that can be one person
 * (and that no article tells apart) are linked; a linked set where every two
 * agree is one person, on the fullest name's key. A set where some do not
 * (`George Bush` agrees with `George W.` and `George H. W. Bush`, they not
 * with each other) is no one person: each name stays its own.
 */
export function personNodes(full: string[], names: Map<string, string>, docs: Map<string, Set<string>>): Map<string, string> {
  const agree = (a: string, b: string) => a === b || (compatiblePersons(names.get(a)!, names.get(b)!) && !shareDoc(docs.get(a), docs.get(b)));
  const nodeOf = new Map<string, string>();
  for (const start of full) {
    if (nodeOf.has(start)) continue;
    // The linked set around `start`: every name reached through agreeing pairs.
    const linked = [start];
    for (let i = 0; i < linked.length; i++) {
      for (const other of full) if (!linked.includes(other) && agree(linked[i]!, other)) linked.push(other);
    }
    const onePerson = linked.every((a) => linked.every((b) => agree(a, b)));
    if (!onePerson) {
      for (const key of linked) nodeOf.set(key, key);
      continue;
    }
    const fullest = fullestName(linked.map((k) => names.get(k)!));
    const node = linked.filter((k) => names.get(k) === fullest).sort(compareStrings)[0]!;
    for (const key of linked) nodeOf.set(key, node);
  }
  return nodeOf;
}

function placeGroup(records: IdentityRecord[], placements: Map<IdentityRecord, Placement>): void {
  const persons = records[0]!.kind === 'Person';
  const names = namesByKey(records);
  const docs = docsByKey(records);
  const keys = [...names.keys()].sort(compareStrings);
  const kindOf = new Map(records.map((r) => [r.articleKey, r.kind]));
  const isFull = (key: string) => wordCount(persons ? names.get(key)! : baseName(records.find((r) => r.articleKey === key)!)) > 1;
  const full = keys.filter(isFull);
  const nodeOf = persons ? personNodes(full, names, docs) : new Map(full.map((key) => [key, key]));
  const targets = [...new Set(nodeOf.values())];
  const target = targets.length === 1 ? targets[0]! : undefined;

  // Short names of one document: one joins the target; of several (`CSIS` read as an agency and as a firm), the one of its kind.
  const shortsOf = new Map<string, IdentityRecord[]>();
  for (const record of records) {
    if (!nodeOf.has(record.articleKey)) append(shortsOf, record.doc, record);
  }
  const joins = (record: IdentityRecord): boolean => {
    // Kinds stay apart, but for an Organization: what an acronym written alone is typed as by guess.
    if (target === undefined || (record.kind !== kindOf.get(target) && record.kind !== 'Organization')) return false;
    // A bare surname its article never shows to be a person (a town in a list) joins no one.
    if (persons && !record.certain) return false;
    // Its own document names the target apart from it.
    if (full.some((key) => nodeOf.get(key) === target && docs.get(key)?.has(record.doc))) return false;
    const shorts = shortsOf.get(record.doc)!;
    if (shorts.length === 1) return true;
    const sameKind = shorts.filter((r) => r.kind === kindOf.get(target));
    return sameKind.length === 1 && sameKind[0] === record;
  };

  for (const record of records) {
    const own = nodeOf.get(record.articleKey);
    if (own !== undefined) placements.set(record, { node: own, reason: own === record.articleKey ? 'same-key' : 'full-name' });
    else if (joins(record)) placements.set(record, { node: target!, reason: persons ? 'surname' : 'acronym' });
    else placements.set(record, { node: record.articleKey, reason: 'same-key' });
  }
}

/** Where every record sits: a function of the set of records, not of their order. */
export function placeRecords(records: readonly IdentityRecord[]): Map<IdentityRecord, Placement> {
  const placements = new Map<IdentityRecord, Placement>();
  const groups = new Map<string, IdentityRecord[]>();
  for (const record of records) {
    if (record.group === undefined) placements.set(record, { node: record.articleKey, reason: 'same-key' });
    else append(groups, record.group, record);
  }
  for (const group of groups.values()) placeGroup(group, placements);
  return placements;
}

export interface NodeIdentity {
  kind: EntityKind;
  name: string;
  aliases: string[];
  mentions: number;
  jurisdiction?: string;
  titles?: TitleMention[];
}

/**
 * A node's attributes from the records on it: the fullest name among the
 * records keyed as the node, every surface form, the mentions summed.
 */
export function nodeAttributes(node: string, records: readonly IdentityRecord[]): NodeIdentity {
  const own = records.filter((r) => r.articleKey === node);
  const defining = own.length > 0 ? own : [...records];
  const first = defining[0]!;
  const attributes: NodeIdentity = {
    kind: first.kind,
    name: fullestName(defining.map((r) => r.name)),
    aliases: [...new Set(records.flatMap((r) => r.forms))].sort(compareStrings),
    mentions: records.reduce((sum, r) => sum + r.count, 0),
  };
  if (first.jurisdiction) attributes.jurisdiction = first.jurisdiction;
  const titles = records.flatMap((r) => r.titles ?? []).sort((a, b) => compareStrings(a.doc, b.doc) || a.start - b.start);
  if (titles.length > 0) attributes.titles = titles;
  return attributes;
}
