/**
 * Values across the Bolt boundary. Going in: graph attributes become Neo4j
 * property values (whole numbers as Neo4j integers, not floats; nested
 * objects flattened, since properties cannot hold maps). Coming out: nodes,
 * relationships and paths become plain JSON.
 */
import neo4j, { isNode, isPath, isRelationship, isInt } from 'neo4j-driver';

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
 * `instruction` becomes `instructionWords: 5`; lists keep only their
 * primitive items (Neo4j lists are homogeneous and flat).
 */
export function toProperties(attributes: object, omit: readonly string[] = []): Properties {
  const properties: Properties = {};
  const put = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) properties[key] = toParam(value) as PropertyValue;
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      properties[key] = value;
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
