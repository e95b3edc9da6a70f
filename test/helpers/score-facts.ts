/**
 * Scores an extracted graph against a fixture's expected facts
 * (`test/fixtures/**\/<slug>.expected.json`): entities, quotes, roles and
 * relations, each as precision / recall with the misses and the mistakes
 * listed, so a failing threshold says what went wrong.
 *
 * Matching is by name: an expected entity matches a graph node of the same
 * kind when any of their names or aliases are equal after `normName`
 * (case, curly quotes, a leading "the", a trailing possessive, periods and
 * spacing ignored). Each node matches at most one expected entity.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EdgeAttributes, EntityKind, NewsGraph, NodeAttributes } from '../../src/types.js';

// ─── The fixture format ─────────────────────────────────────────────────────

export interface ExpectedEntity {
  name: string;
  kind: EntityKind;
  aliases: string[];
}
export interface ExpectedQuote {
  /** A distinctive snippet of the quote's words. */
  contains: string;
  speaker: string;
  direct: boolean;
}
export interface ExpectedRole {
  person: string;
  title: string;
  organization: string | null;
}
export type ExpectedRelationType = 'SUPPORTS' | 'OPPOSES' | 'TARGETED' | 'MEMBER_OF' | 'PART_OF';
export interface ExpectedRelation {
  type: ExpectedRelationType;
  source: string;
  target: string;
}
export interface ExpectedFacts {
  /** `written`, or the URL the article came from. */
  source: string;
  entities: ExpectedEntity[];
  quotes: ExpectedQuote[];
  roles: ExpectedRole[];
  relations: ExpectedRelation[];
  /** Strings that must never be (or name) an entity: titles, months, furniture. */
  notEntities: string[];
}

export interface Fixture {
  /** File name without `.txt`. */
  slug: string;
  path: string;
  text: string;
  expected: ExpectedFacts;
}

const FIXTURES_ROOT = new URL('../fixtures/', import.meta.url).pathname;

/** Every `*.txt` under test/fixtures that has a sibling `*.expected.json`, sorted by path. */
export function loadFixtures(root = FIXTURES_ROOT): Fixture[] {
  const found: Fixture[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt')) {
        const expectedPath = path.replace(/\.txt$/, '.expected.json');
        let expected: ExpectedFacts;
        try {
          expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedFacts;
        } catch {
          continue;
        }
        found.push({ slug: name.slice(0, -4), path, text: readFileSync(path, 'utf8'), expected });
      }
    }
  };
  walk(root);
  return found;
}

/** Problems that make a fixture's expectations unverifiable: facts the text does not literally contain. */
export function checkFixture(text: string, expected: ExpectedFacts): string[] {
  const problems: string[] = [];
  const lower = normText(text);
  const names = new Set(expected.entities.map((e) => e.name));
  for (const e of expected.entities) {
    // A country named only by its demonym (`Dutch MEP`) is still a State node under its own name.
    const demonymOnly = e.kind === 'State' && e.aliases.length > 0;
    for (const form of [e.name, ...e.aliases]) {
      if (form === e.name && demonymOnly) continue;
      if (!lower.includes(normText(form))) problems.push(`entity form not in text: ${form}`);
    }
  }
  for (const q of expected.quotes) {
    if (!lower.includes(normText(q.contains))) problems.push(`quote snippet not in text: ${q.contains}`);
    if (!names.has(q.speaker)) problems.push(`quote speaker is not an expected entity: ${q.speaker}`);
  }
  for (const r of expected.roles) {
    if (!names.has(r.person)) problems.push(`role person is not an expected entity: ${r.person}`);
    if (r.organization && !names.has(r.organization)) problems.push(`role organization is not an expected entity: ${r.organization}`);
    if (!lower.includes(normText(r.title))) problems.push(`role title not in text: ${r.title}`);
  }
  for (const r of expected.relations) {
    for (const n of [r.source, r.target]) if (!names.has(n)) problems.push(`relation end is not an expected entity: ${n}`);
  }
  return problems;
}

// ─── Normalisation ──────────────────────────────────────────────────────────

/** Text for snippet search: straight quotes, one space, lower case. */
export function normText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** A name for equality: as normText, minus a leading "the", a trailing possessive, periods and edge punctuation. */
export function normName(s: string): string {
  return normText(s)
    .replace(/^the /, '')
    .replace(/'s?$/, '')
    .replace(/\./g, '')
    .replace(/^[\s"',;:()-]+|[\s"',;:()-]+$/g, '')
    .replace(/\s+/g, ' ');
}

// ─── Scores ─────────────────────────────────────────────────────────────────

export interface Score {
  /** Expected facts found. */
  found: number;
  expected: number;
  /** Graph facts of this category that match an expectation. */
  correct: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  /** Expected facts not found, as readable strings. */
  missing: string[];
  /** Graph facts that match nothing expected. */
  wrong: string[];
}

export interface FactsScore {
  entities: Score;
  quotes: Score & {
    /** Matched quotes whose `direct` flag differs from the expectation. */
    directMismatch: string[];
    /** Direct quote nodes with no SAID edge (left out of precision). */
    unattributed: number;
  };
  roles: Score;
  relations: Score;
  /** Entity nodes named like a `notEntities` string. */
  notEntities: string[];
}

function score(found: number, expected: number, correct: number, predicted: number, missing: string[], wrong: string[]): Score {
  const precision = predicted === 0 ? (expected === 0 ? 1 : 0) : correct / predicted;
  const recall = expected === 0 ? 1 : found / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { found, expected, correct, predicted, precision, recall, f1, missing, wrong };
}

interface EntityNode {
  key: string;
  kind: EntityKind;
  name: string;
  names: Set<string>;
}

const RELATION_TYPES = new Set<string>(['SUPPORTS', 'OPPOSES', 'TARGETED', 'MEMBER_OF', 'PART_OF']);
const ENTITY_KINDS = new Set<string>(['Person', 'Agency', 'State', 'Party', 'Organization', 'Place']);

function entityNodes(graph: NewsGraph): EntityNode[] {
  const nodes: EntityNode[] = [];
  graph.forEachNode((key: string, attrs: NodeAttributes) => {
    if (!ENTITY_KINDS.has(attrs.kind)) return;
    const a = attrs as { kind: EntityKind; name: string; aliases?: string[] };
    nodes.push({ key, kind: a.kind, name: a.name, names: new Set([a.name, ...(a.aliases ?? [])].map(normName)) });
  });
  return nodes;
}

const intersects = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x));

/** Scores `graph` against `expected`. Pure: reads the graph, changes nothing. */
export function scoreFacts(graph: NewsGraph, expected: ExpectedFacts): FactsScore {
  const nodes = entityNodes(graph);
  const expectedNames = new Map<string, Set<string>>();
  for (const e of expected.entities) expectedNames.set(e.name, new Set([e.name, ...e.aliases].map(normName)));
  /** Names an expected entity goes by (its own name if it is not in the entity list). */
  const namesOf = (name: string): Set<string> => expectedNames.get(name) ?? new Set([normName(name)]);
  const nodeByKey = new Map(nodes.map((n) => [n.key, n]));
  const isNamed = (key: string, name: string): boolean => {
    const node = nodeByKey.get(key);
    return node !== undefined && intersects(node.names, namesOf(name));
  };

  // Entities: one-to-one, same kind, a shared name.
  const used = new Set<string>();
  const entityMissing: string[] = [];
  let entityFound = 0;
  for (const e of expected.entities) {
    const names = namesOf(e.name);
    const hit = nodes.find((n) => !used.has(n.key) && n.kind === e.kind && intersects(n.names, names));
    if (hit) {
      used.add(hit.key);
      entityFound++;
    } else {
      const wrongKind = nodes.find((n) => intersects(n.names, names));
      entityMissing.push(`${e.kind}:${e.name}${wrongKind ? ` (found as ${wrongKind.key})` : ''}`);
    }
  }
  // An unmatched node sharing a name with a matched one is a second node for one entity: say so.
  const matchedBy = new Map<string, string>();
  for (const e of expected.entities) {
    const node = nodes.find((n) => used.has(n.key) && n.kind === e.kind && intersects(n.names, namesOf(e.name)));
    if (node) for (const name of namesOf(e.name)) matchedBy.set(name, node.key);
  }
  const entityWrong = nodes
    .filter((n) => !used.has(n.key))
    .map((n) => {
      const twin = [...n.names].map((name) => matchedBy.get(name)).find((k) => k !== undefined);
      return twin ? `${n.key} (duplicate of ${twin})` : n.key;
    });
  const entities = score(entityFound, expected.entities.length, used.size, nodes.length, entityMissing, entityWrong);

  // Quotes: snippet in a Quote node's text, speaker via an incoming SAID edge.
  const quoteNodes: Array<{ key: string; text: string; direct: boolean; speakers: string[] }> = [];
  graph.forEachNode((key: string, attrs: NodeAttributes) => {
    if (attrs.kind !== 'Quote') return;
    const speakers: string[] = [];
    graph.forEachInEdge(key, (_e: string, ea: EdgeAttributes, source: string) => {
      if (ea.type === 'SAID') speakers.push(source);
    });
    quoteNodes.push({ key, text: normText(attrs.text), direct: attrs.direct, speakers });
  });
  const quoteMissing: string[] = [];
  const directMismatch: string[] = [];
  const rightQuotes = new Set<string>();
  let quotesFound = 0;
  for (const q of expected.quotes) {
    const snippet = normText(q.contains);
    const candidates = quoteNodes.filter((n) => n.text.includes(snippet));
    const hit = candidates.find((n) => n.speakers.some((s) => isNamed(s, q.speaker)));
    if (hit) {
      quotesFound++;
      rightQuotes.add(hit.key);
      if (hit.direct !== q.direct) directMismatch.push(`"${q.contains}" expected direct=${q.direct}`);
    } else {
      const got = candidates.flatMap((n) => n.speakers);
      quoteMissing.push(`"${q.contains}" — ${q.speaker}${candidates.length === 0 ? ' (no quote holds it)' : ` (speaker: ${got.join(', ') || 'none'})`}`);
    }
  }
  const attributed = quoteNodes.filter((n) => n.speakers.length > 0);
  const quoteWrong = attributed.filter((n) => !rightQuotes.has(n.key)).map((n) => `${n.speakers.join(', ')}: "${n.text.slice(0, 70)}"`);
  const quotes = {
    ...score(quotesFound, expected.quotes.length, attributed.length - quoteWrong.length, attributed.length, quoteMissing, quoteWrong),
    directMismatch,
    unattributed: quoteNodes.filter((n) => n.direct && n.speakers.length === 0).length,
  };

  // Roles: HOLDS_ROLE from the person, titles containing one another, the right organisation when one is expected.
  const roleEdges: Array<{ source: string; target: string; title: string }> = [];
  graph.forEachEdge((_e: string, ea: EdgeAttributes, source: string, target: string) => {
    if (ea.type === 'HOLDS_ROLE') roleEdges.push({ source, target, title: normText(ea.title ?? '') });
  });
  // `Sen.` and `Senator` are one title: an abbreviated word matches the word it abbreviates.
  const abbreviates = (x: string, y: string): boolean => x === y || (x.endsWith('.') && y.startsWith(x.slice(0, -1)));
  const sameWords = (a: string, b: string): boolean => {
    const [wa, wb] = [a.split(' '), b.split(' ')];
    return wa.length === wb.length && wa.every((x, i) => abbreviates(x, wb[i]!) || abbreviates(wb[i]!, x));
  };
  const titleMatches = (a: string, b: string): boolean => a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a) || sameWords(a, b));
  const rightRoles = new Set<number>();
  const roleMissing: string[] = [];
  let rolesFound = 0;
  for (const r of expected.roles) {
    const title = normText(r.title);
    const idx = roleEdges.findIndex(
      (edge) => isNamed(edge.source, r.person) && titleMatches(edge.title, title) && (r.organization === null || isNamed(edge.target, r.organization)),
    );
    // A role the article states with no organisation lives on the person node's `titles`.
    const onNode =
      r.organization === null &&
      graph.someNode((key: string, na: NodeAttributes) => isNamed(key, r.person) && ((na as { titles?: Array<{ title: string }> }).titles ?? []).some((t) => titleMatches(normText(t.title), title)));
    if (idx >= 0) {
      rolesFound++;
      rightRoles.add(idx);
    } else if (onNode) rolesFound++;
    else roleMissing.push(`${r.person} — ${r.title}${r.organization ? ` @ ${r.organization}` : ''}`);
  }
  const roleWrong = roleEdges.filter((_, i) => !rightRoles.has(i)).map((e) => `${e.source} — ${e.title} @ ${e.target}`);
  const roles = score(rolesFound, expected.roles.length, rightRoles.size, roleEdges.length, roleMissing, roleWrong);

  // Relations: typed edges, one per (type, source, target).
  const relationEdges = new Map<string, { type: string; source: string; target: string }>();
  graph.forEachEdge((_e: string, ea: EdgeAttributes, source: string, target: string) => {
    if (RELATION_TYPES.has(ea.type)) relationEdges.set(`${ea.type}|${source}|${target}`, { type: ea.type, source, target });
  });
  const relationList = [...relationEdges.values()];
  const rightRelations = new Set<number>();
  const relationMissing: string[] = [];
  let relationsFound = 0;
  for (const r of expected.relations) {
    const idx = relationList.findIndex((e) => e.type === r.type && isNamed(e.source, r.source) && isNamed(e.target, r.target));
    if (idx >= 0) {
      relationsFound++;
      rightRelations.add(idx);
    } else relationMissing.push(`${r.source} ${r.type} ${r.target}`);
  }
  // A MEMBER_OF edge that restates an expected role (the person → that role's party or body) is
  // implied by the role, so it is neither required nor wrong: it is left out of precision.
  const impliedByRole = (e: { type: string; source: string; target: string }): boolean =>
    e.type === 'MEMBER_OF' && expected.roles.some((r) => r.organization !== null && isNamed(e.source, r.person) && isNamed(e.target, r.organization));
  const unmatched = relationList.filter((_, i) => !rightRelations.has(i));
  const implied = unmatched.filter(impliedByRole).length;
  const relationWrong = unmatched.filter((e) => !impliedByRole(e)).map((e) => `${e.source} ${e.type} ${e.target}`);
  const relations = score(relationsFound, expected.relations.length, rightRelations.size, relationList.length - implied, relationMissing, relationWrong);

  // Not entities: a node named exactly like one, or (for several words) containing it.
  const notEntities: string[] = [];
  for (const bad of expected.notEntities) {
    const b = normName(bad);
    if (!b) continue;
    const multiword = b.includes(' ');
    for (const n of nodes) {
      if ([...n.names].some((name) => name === b || (multiword && name.includes(b)))) notEntities.push(`${n.key} (is "${bad}")`);
    }
  }

  return { entities, quotes, roles, relations, notEntities };
}

/** Sums several scores into one (micro average), for a corpus-wide figure. */
export function totalScore(scores: Score[]): Score {
  const sum = (f: (s: Score) => number): number => scores.reduce((a, s) => a + f(s), 0);
  return score(
    sum((s) => s.found),
    sum((s) => s.expected),
    sum((s) => s.correct),
    sum((s) => s.predicted),
    scores.flatMap((s) => s.missing),
    scores.flatMap((s) => s.wrong),
  );
}
