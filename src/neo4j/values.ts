/**
 * Values across the Bolt boundary. Going in: graph attributes become Neo4j
 * property values (whole numbers as Neo4j integers, not floats; nested
 * objects flattened, since properties cannot hold maps). Coming out: nodes,
 * relationships and paths become plain JSON.
 */
import neo4j, { isNode, isPath, isRelationship, isInt } from 'neo4j-driver';
import type { TitleMention } from '../types.js';

export type PropertyValue = string | boolean | number | ReturnType<typeof neo4j.int> | PropertyValue[];
export type Properties = Record<string, PropertyValue>;

/** One value as a Neo4j parameter: whole numbers as integers, so `LIMIT $n` and offsets stay integral. */
export function toParam(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParam);
  if (value !== null && typeof value === 'object' && !isInt(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toParam(item)]));
  }
  return value;
}

/**
 * Graph attributes as node/relationship properties. `null`/`undefined` and
 * non-finite numbers are left out; an object attribute `{words: 5}` under
 * `instruction` becomes `instructionWords: 5`; a list of objects becomes a
 * list per field (`pieces: [{start, end}]` → `piecesStart`, `piecesEnd`);
 * other lists keep only their primitive items (Neo4j lists are homogeneous
 * and flat).
 */
export function toProperties(attributes: object, omit: readonly string[] = []): Properties {
  const properties: Properties = {};
  const put = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) properties[key] = toParam(value) as PropertyValue;
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      properties[key] = value;
    } else if (Array.isArray(value) && value.length > 0 && value.every((item) => item !== null && typeof item === 'object' && !isInt(item))) {
      // A list of records (a quote's pieces [{start, end}]) becomes one list per field: piecesStart, piecesEnd.
      const fields = [...new Set(value.flatMap((item: object) => Object.keys(item)))];
      for (const field of fields) put(key + field.charAt(0).toUpperCase() + field.slice(1), value.map((item: Record<string, unknown>) => item[field] ?? null));
    } else if (Array.isArray(value)) {
      const items = value.filter((item) => ['string', 'number', 'boolean'].includes(typeof item));
      properties[key] = items.map((item) => toParam(item) as PropertyValue);
    } else if (typeof value === 'object') {
      for (const [inner, item] of Object.entries(value)) put(key + inner.charAt(0).toUpperCase() + inner.slice(1), item);
    }
  };
  for (const [key, value] of Object.entries(attributes)) if (!omit.includes(key)) put(key, value);
  return properties;
}

/**
 * Titles held without a named institution, as Neo4j can hold them (no maps
 * in properties): a node keeps the distinct title strings, which Cypher
 * reads as it is (`'chief electoral officer' IN p.titles`); its identity
 * record, the MENTIONED_IN of one article, keeps each title with its
 * sentence and span in parallel lists, so nothing of the graph's is lost.
 */
export function nodeTitles(titles: readonly TitleMention[] | undefined): string[] | null {
  return titles && titles.length > 0 ? [...new Set(titles.map((t) => t.title))] : null;
}

export function recordTitleProperties(titles: readonly TitleMention[]): Properties {
  return {
    titles: titles.map((t) => t.title),
    titleSentences: titles.map((t) => toParam(t.sentence) as PropertyValue),
    titleStarts: titles.map((t) => toParam(t.start) as PropertyValue),
    titleEnds: titles.map((t) => toParam(t.end) as PropertyValue),
  };
}

/** A record's titles back from its MENTIONED_IN's lists (recordTitleProperties); a title without spans keeps -1. */
export function titlesFromRecord(doc: string, titles: string[] | null, sentences: unknown[] | null, starts: unknown[] | null, ends: unknown[] | null): TitleMention[] {
  const at = (list: unknown[] | null, i: number) => {
    const value = list?.[i];
    return isInt(value) ? value.toNumber() : typeof value === 'number' ? value : -1;
  };
  return (titles ?? []).map((title, i) => ({ title, doc, sentence: at(sentences, i), start: at(starts, i), end: at(ends, i) }));
}

/** Plain JSON for anything a query returns. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value as object)) {
    const node = value as import('neo4j-driver').Node;
    return { labels: node.labels, properties: plainObject(node.properties) };
  }
  if (isRelationship(value as object)) {
    const relationship = value as import('neo4j-driver').Relationship;
    return { type: relationship.type, properties: plainObject(relationship.properties) };
  }
  if (isPath(value as object)) {
    const path = value as import('neo4j-driver').Path;
    return {
      start: toPlain(path.start),
      segments: path.segments.map((segment) => ({ relationship: toPlain(segment.relationship), end: toPlain(segment.end) })),
    };
  }
  if (typeof value === 'object') {
    // Temporal and spatial values print as Neo4j writes them.
    const constructorName = (value as object).constructor?.name;
    if (constructorName && constructorName !== 'Object') return String(value);
    return plainObject(value as Record<string, unknown>);
  }
  return value;
}

function plainObject(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, toPlain(item)]));
}
