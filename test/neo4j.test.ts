/**
 * Integration tests against a real Neo4j server (test/setup/neo4j.ts starts
 * the embedded one unless NEO4J_URI names another). No mock driver anywhere.
 * One file, so its loads run one after another and whole-database counts
 * mean something.
 */
import { spawn } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDriver } from '../src/neo4j/connect.js';
import { loadGraph } from '../src/neo4j/load.js';
import { bindParams, resolveQuery, rowObjects, runQuery, shippedQueries } from '../src/neo4j/query.js';
import { settingsFromEnv, type Neo4jSettings } from '../src/neo4j/settings.js';
import { ExitCode, NewsgraphError, type EdgeAttributes, type GraphAttributes, type NewsGraph, type NodeAttributes } from '../src/types.js';

const settings: Neo4jSettings = settingsFromEnv();
const root = new URL('../', import.meta.url).pathname;

/** Run a shipped query by name, rows as objects. */
async function ask(name: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const query = await resolveQuery(name);
  return rowObjects(await runQuery(query.cypher, settings, { params: bindParams(query, params) }));
}

async function cypher(text: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  return rowObjects(await runQuery(text, settings, { params }));
}

async function counts(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await cypher(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

/** A small article graph built by hand, shaped as extract() builds them. */
function handGraph(doc: string, options: { speaker: string; aliases: string[]; mentions: number; agency?: string }): NewsGraph {
  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.setAttribute('documents', [doc]);
  const person = `Person:${options.speaker}`;
  const agency = `Agency:${options.agency ?? 'Bureau of Weights'}`;
  const quote = `Quote:${doc}:10`;
  g.addNode(`Document:${doc}`, { kind: 'Document', id: doc, name: doc, title: `Article ${doc}`, words: 40, instruction: { words: 100, paragraphs: 2 } });
  g.addNode(person, { kind: 'Person', name: options.speaker, aliases: options.aliases, mentions: options.mentions });
  g.addNode(agency, { kind: 'Agency', name: options.agency ?? 'Bureau of Weights', aliases: ['BW'], mentions: 1 });
  g.addNode(quote, { kind: 'Quote', text: `the scales in ${doc} are honest`, direct: true, doc, sentence: 0, start: 10, end: 40 });
  g.addEdgeWithKey(`SAID:${person}->${quote}:10`, person, quote, { type: 'SAID', verb: 'said', doc, sentence: 0, start: 10, end: 40 });
  g.addEdgeWithKey(`ABOUT:${quote}->${agency}:10`, quote, agency, { type: 'ABOUT', doc, sentence: 0, start: 10, end: 40 });
  g.addEdgeWithKey(`HOLDS_ROLE:${person}->${agency}:50`, person, agency, { type: 'HOLDS_ROLE', title: 'chief inspector', doc, sentence: 1, start: 50, end: 80 });
  g.addEdgeWithKey(`MENTIONED_IN:${person}->Document:${doc}`, person, `Document:${doc}`, { type: 'MENTIONED_IN', count: options.mentions });
  g.addEdgeWithKey(`MENTIONED_IN:${agency}->Document:${doc}`, agency, `Document:${doc}`, { type: 'MENTIONED_IN', count: 1 });
  return g;
}

describe('loader on hand-built graphs', () => {
  const run = `hand-${Date.now()}`;
  const speaker = `Ada Quill ${run}`;
  const a = handGraph(`${run}-a`, { speaker, aliases: [speaker, 'Quill'], mentions: 3 });
  const b = handGraph(`${run}-b`, { speaker, aliases: [speaker, 'Ms. Quill', 'Quill'], mentions: 2 });

  it('merges an entity across articles: aliases accumulate once, mentions add up per article', async () => {
    const first = await loadGraph(a, settings);
    expect(first.documents.map((d) => d.doc)).toEqual([`${run}-a`]);
    expect(first.nodesCreated).toBeGreaterThan(0);
    await loadGraph(b, settings);
    const [person] = await cypher('MATCH (p:Person {name: $name}) RETURN p.aliases AS aliases, p.mentions AS mentions, count { (p)--() } AS degree', { name: speaker });
    expect(person!.aliases).toEqual(['Ms. Quill', 'Quill', speaker].sort());
    expect(person!.mentions).toBe(5);
    // Types survive: offsets are integers, flags booleans, the instruction flattened.
    const [quote] = await cypher('MATCH (q:Quote {doc: $doc}) RETURN q.start AS start, q.direct AS direct, valueType(q.start) AS type', { doc: `${run}-a` });
    expect(quote).toEqual({ start: 10, direct: true, type: 'INTEGER NOT NULL' });
    const [document] = await cypher('MATCH (d:Document {id: $doc}) RETURN d.instructionWords AS words, d.title AS title', { doc: `${run}-a` });
    expect(document).toEqual({ words: 100, title: `Article ${run}-a` });
  });

  it('a second load of the same articles changes nothing, mentions included', async () => {
    const before = await counts();
    const snapshot = await cypher('MATCH (p:Person {name: $name}) RETURN p.aliases AS aliases, p.mentions AS mentions', { name: speaker });
    const again = await loadGraph(a, settings);
    await loadGraph(b, settings);
    expect(again.nodesCreated).toBe(0);
    expect(again.relationshipsCreated).toBe(0);
    expect(await counts()).toEqual(before);
    expect(await cypher('MATCH (p:Person {name: $name}) RETURN p.aliases AS aliases, p.mentions AS mentions', { name: speaker })).toEqual(snapshot);
  });

  it('loads a graph of several documents one transaction per document', async () => {
    const g = handGraph(`${run}-c`, { speaker: `Bo Rill ${run}`, aliases: [], mentions: 1 });
    const h = handGraph(`${run}-d`, { speaker: `Cy Vane ${run}`, aliases: [], mentions: 1 });
    g.setAttribute('documents', [`${run}-c`, `${run}-d`]);
    h.forEachNode((key, attributes) => g.mergeNode(key, attributes));
    h.forEachEdge((key, attributes, source, target) => g.addEdgeWithKey(key, source, target, attributes));
    const report = await loadGraph(g, settings, { batchSize: 2 });
    expect(report.documents.map((d) => d.doc)).toEqual([`${run}-c`, `${run}-d`]);
    const rows = await ask('quotes-by-person', { name: `Cy Vane ${run}` });
    expect(rows).toEqual([{ speaker: `Cy Vane ${run}`, verb: 'said', quote: `the scales in ${run}-d are honest`, direct: true, document: `Article ${run}-d` }]);
  });
});
