/**
 * Integration tests against a real Neo4j server (test/setup/neo4j.ts starts
 * the embedded one unless NEO4J_URI names another; that one should hold an
 * empty scratch database). No mock driver anywhere. One file, so its loads
 * run one after another and whole-database counts mean something.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { extract } from '../src/extract.js';
import { graphToJson } from '../src/io/graph.js';
import { openDriver } from '../src/neo4j/connect.js';
import { loadGraph, type LoadOptions, type LoadReport } from '../src/neo4j/load.js';
import { bindParams, resolveQuery, rowObjects, runQuery, shippedQueries } from '../src/neo4j/query.js';
import { settingsFromEnv, type Neo4jSettings } from '../src/neo4j/settings.js';
import { newsgraph } from './helpers/bin.js';
import { DOCUMENT_COUNTS, graphCounts } from './helpers/graph-counts.js';
import { ExitCode, NewsgraphError, type EdgeAttributes, type GraphAttributes, type NewsGraph, type NodeAttributes } from '../src/types.js';

const settings: Neo4jSettings = settingsFromEnv();
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED = join(ROOT, 'test', 'fixtures', 'seed', 'canada-election-interference.txt');
const ARTICLES = join(ROOT, 'test', 'fixtures', 'articles');

type Row = Record<string, unknown>;

// ─── Helpers ────────────────────────────────────────────────────────────────

/** Every graph this file loads successfully, for answers computed without Neo4j. */
const loadedGraphs: NewsGraph[] = [];

async function load(graph: NewsGraph, options: LoadOptions = {}): Promise<LoadReport> {
  const report = await loadGraph(graph, settings, options);
  loadedGraphs.push(graph);
  return report;
}

/** Run a shipped query by name, rows as objects. */
async function ask(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const query = await resolveQuery(name);
  return rowObjects(await runQuery(query.cypher, settings, { params: bindParams(query, params) }));
}

async function cypher(text: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  return rowObjects(await runQuery(text, settings, { params }));
}

async function counts(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await cypher(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

/** What Neo4j holds of one article: its Document, quotes, facts (provenance `doc`) and mentions. */
async function documentCounts(doc: string): Promise<Row> {
  const [row] = await cypher(DOCUMENT_COUNTS, { doc });
  return row!;
}

/** A fixture article extracted under the id `newsgraph load FILE` gives it (the file's name). */
function article(path: string, id = basename(path, '.txt')): { id: string; path: string; graph: NewsGraph } {
  return { id, path, graph: extract(readFileSync(path, 'utf8'), { id }) };
}

const fixture = (name: string) => join(ARTICLES, `${name}.txt`);

/** Entity keys (graph node keys) of a graph, skipping quotes and documents. */
function entityKeys(graph: NewsGraph): string[] {
  return graph.filterNodes((_key, attributes) => attributes.kind !== 'Quote' && attributes.kind !== 'Document');
}

const name = (graph: NewsGraph, key: string): string => {
  const attributes = graph.getNodeAttributes(key);
  return 'name' in attributes && typeof attributes.name === 'string' ? attributes.name : key;
};

/** Plain code-unit order, as Cypher orders strings here. */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

/** Another speaker and quote in a hand-built article. */
function addQuote(g: NewsGraph, doc: string, speaker: string, start: number, mentions: number): void {
  const person = `Person:${speaker}`;
  const quote = `Quote:${doc}:${start}`;
  g.mergeNode(person, { kind: 'Person', name: speaker, aliases: [], mentions });
  g.addNode(quote, { kind: 'Quote', text: `${speaker} spoke at ${start}`, direct: true, doc, sentence: 2, start, end: start + 20 });
  g.addEdgeWithKey(`SAID:${person}->${quote}:${start}`, person, quote, { type: 'SAID', verb: 'said', doc, sentence: 2, start, end: start + 20 });
  g.addEdgeWithKey(`MENTIONED_IN:${person}->Document:${doc}`, person, `Document:${doc}`, { type: 'MENTIONED_IN', count: mentions });
}

/**
 * A TCP proxy in front of the Bolt port, so a test can kill the loader's
 * connection mid-transaction: `cut()` destroys every open connection and,
 * with `refuse`, turns away new ones.
 */
class BoltProxy {
  private readonly sockets = new Set<Socket>();
  private refusing = false;
  private server: Server | undefined;
  port = 0;

  static async start(target: { host: string; port: number }): Promise<BoltProxy> {
    const proxy = new BoltProxy();
    const server = createServer((client) => proxy.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.server = server;
    proxy.port = (server.address() as { port: number }).port;
    return proxy;
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  get settings(): Neo4jSettings {
    // bolt://, not neo4j://: a routing table would send the driver around the proxy.
    return { ...settings, uri: `bolt://127.0.0.1:${this.port}` };
  }

  cut(refuse: boolean): void {
    this.refusing = refuse;
    for (const socket of this.sockets) socket.destroy();
  }

  /** Accept connections again after `cut(true)`. */
  reopen(): void {
    this.refusing = false;
  }

  async close(): Promise<void> {
    this.cut(true);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function boltTarget(uri: string): { host: string; port: number } {
  const url = new URL(uri);
  return { host: url.hostname, port: url.port ? Number(url.port) : 7687 };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Run the CLI in this process: exit code and everything written to stdout and stderr. */
async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    stdout += String(chunk);
    return true;
  }) as never);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown) => {
    stderr += String(chunk);
    return true;
  }) as never);
  setEnv(env);
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    setEnv(saved);
    out.mockRestore();
    err.mockRestore();
  }
}

// ─── Hand-built graphs: types, merging, idempotence ────────────────────────

describe('loader on hand-built graphs', () => {
  const run = `hand-${Date.now()}`;
  const speaker = `Ada Quill ${run}`;
  const a = handGraph(`${run}-a`, { speaker, aliases: [speaker, 'Quill'], mentions: 3 });
  const b = handGraph(`${run}-b`, { speaker, aliases: [speaker, 'Ms. Quill', 'Quill'], mentions: 2 });

  it('merges an entity across articles: aliases accumulate once, mentions add up per article', async () => {
    const first = await load(a);
    expect(first).toMatchObject({ articles: 1, lastDoc: `${run}-a`, transactions: 1 });
    expect(first.nodesCreated).toBeGreaterThan(0);
    await load(b);
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
    const again = await load(a);
    await load(b);
    expect(again.nodesCreated).toBe(0);
    expect(again.relationshipsCreated).toBe(0);
    expect(await counts()).toEqual(before);
    expect(await cypher('MATCH (p:Person {name: $name}) RETURN p.aliases AS aliases, p.mentions AS mentions', { name: speaker })).toEqual(snapshot);
  });

  it('loads a graph of several documents: --batch-size 1 is one transaction per document, in order', async () => {
    const g = handGraph(`${run}-c`, { speaker: `Bo Rill ${run}`, aliases: [], mentions: 1 });
    const h = handGraph(`${run}-d`, { speaker: `Cy Vane ${run}`, aliases: [], mentions: 1 });
    g.setAttribute('documents', [`${run}-c`, `${run}-d`]);
    h.forEachNode((key, attributes) => g.mergeNode(key, attributes));
    h.forEachEdge((key, attributes, source, target) => g.addEdgeWithKey(key, source, target, attributes));
    const committed: string[][] = [];
    const report = await load(g, { batchSize: 1, onBatch: ({ docs }) => committed.push(docs) });
    expect(committed).toEqual([[`${run}-c`], [`${run}-d`]]);
    expect(report).toMatchObject({ articles: 2, transactions: 2 });
    const rows = await ask('quotes-by-person', { name: `Cy Vane ${run}` });
    expect(rows).toEqual([{ speaker: `Cy Vane ${run}`, verb: 'said', quote: `the scales in ${run}-d are honest`, direct: true, document: `Article ${run}-d` }]);
  });

  it('replace: a reload after extraction changed removes what the article no longer has, and nothing else', async () => {
    const doc = `${run}-r`;
    const other = `${run}-o`;
    const lone = `Lone Voice ${run}`;
    const shared = `Both Sides ${run}`;
    const earlier = handGraph(doc, { speaker: `Rae Lind ${run}`, aliases: [], mentions: 1, agency: `Office ${doc}` });
    addQuote(earlier, doc, lone, 100, 2);
    addQuote(earlier, doc, shared, 200, 3);
    const elsewhere = handGraph(other, { speaker: `Eli Sand ${run}`, aliases: [], mentions: 1, agency: `Office ${other}` });
    addQuote(elsewhere, other, shared, 100, 4);
    await loadGraph(earlier, settings);
    await load(elsewhere);
    const mentionsOf = async (person: string) => (await cypher('MATCH (p:Person {name: $person}) RETURN p.mentions AS mentions', { person })).map((row) => row.mentions);
    expect(await mentionsOf(shared)).toEqual([7]);

    const before = await counts();
    const later = handGraph(doc, { speaker: `Rae Lind ${run}`, aliases: [], mentions: 1, agency: `Office ${doc}` });
    const report = await load(later, { replace: true });
    // Two quotes and the speaker no other article mentions; two SAID and two MENTIONED_IN.
    expect(report).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 3, relationshipsDeleted: 4 });
    expect(await counts()).toEqual({ nodes: before.nodes - 3, relationships: before.relationships - 4 });
    expect(await documentCounts(doc)).toEqual(graphCounts(later));
    expect(await mentionsOf(lone)).toEqual([]);
    expect(await mentionsOf(shared)).toEqual([4]);
    expect(await documentCounts(other)).toEqual(graphCounts(elsewhere));
    const again = await load(later, { replace: true });
    expect(again).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 });
  });

  it('applies the schema: a uniqueness constraint per label and relationship key, full-text index on quote text', async () => {
    const constraints = await cypher("SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS'] RETURN labelsOrTypes[0] AS on, properties");
    const keyed = constraints.filter((row) => JSON.stringify(row.properties) === '["key"]').map((row) => row.on);
    for (const label of ['Person', 'Agency', 'State', 'Party', 'Organization', 'Place', 'Quote', 'Document', 'SAID', 'ABOUT', 'HOLDS_ROLE', 'MENTIONED_IN']) {
      expect(keyed).toContain(label);
    }
    const [fulltext] = await cypher("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, state WHERE name = 'quote_text' RETURN labelsOrTypes, properties, state");
    expect(fulltext).toEqual({ labelsOrTypes: ['Quote'], properties: ['text'], state: 'ONLINE' });
    // The constraint holds: a second Person with the same key is refused.
    await expect(cypher('CREATE (:Person {key: $key})', { key: `Person:${speaker}` })).rejects.toThrow();
  });
});

// ─── Real articles: the seed and other fixtures ─────────────────────────────

describe('the seed and other articles, loaded one graph per article', () => {
  const articles = [
    SEED,
    fixture('germany-afd-surveillance-vote'),
    fixture('britain-haddon-vale-byelection'),
    fixture('us-senate-disaster-aid'),
    fixture('japan-ldp-leadership-race'),
  ].map((path) => article(path));
  const seed = articles[0]!;
  const tested = new Set<string>();
  const shipped = (query: string) => {
    tested.add(query);
    return query;
  };

  beforeAll(async () => {
    // replace: a rerun against a kept server replaces what an older extraction loaded.
    for (const { graph } of articles) await load(graph, { replace: true });
  }, 300_000);

  it('each article lands whole: its document, quotes, facts and mentions', async () => {
    for (const { id, graph } of articles) {
      expect(await documentCounts(id), id).toEqual(graphCounts(graph));
      // Every entity it mentions is one node with a MENTIONED_IN to it.
      const [row] = await cypher('MATCH (e)-[:MENTIONED_IN]->(:Document {id: $id}) RETURN collect(e.key) AS keys', { id });
      const expected = graph.filterNodes((key) => graph.someOutEdge(key, (_e, attributes) => attributes.type === 'MENTIONED_IN'));
      expect((row!.keys as string[]).sort(byString), id).toEqual(expected.sort(byString));
    }
  });

  it('loading the same articles twice leaves node and relationship counts unchanged', async () => {
    const before = await counts();
    const mentionsBefore = await cypher("MATCH (s:State {name: 'United States'}) RETURN s.mentions AS mentions, s.aliases AS aliases");
    for (const { graph } of articles) {
      const again = await load(graph);
      expect(again.nodesCreated).toBe(0);
      expect(again.relationshipsCreated).toBe(0);
      const replaced = await load(graph, { replace: true });
      expect(replaced).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 });
    }
    expect(await counts()).toEqual(before);
    expect(await cypher("MATCH (s:State {name: 'United States'}) RETURN s.mentions AS mentions, s.aliases AS aliases")).toEqual(mentionsBefore);
  });

  it('merges entities across articles by canonical name and kind', async () => {
    // Every entity key that several articles share is one node, mentioned in each of them.
    const docsOf = new Map<string, string[]>();
    for (const { id, graph } of articles) for (const key of entityKeys(graph)) docsOf.set(key, [...(docsOf.get(key) ?? []), id]);
    const shared = [...docsOf].filter(([, docs]) => docs.length > 1);
    expect(shared.map(([key]) => key)).toEqual(expect.arrayContaining(['Party:Alternative for Germany', 'State:United States']));
    for (const [key, docs] of shared) {
      const rows = await cypher('MATCH (e {key: $key}) RETURN e.mentions AS mentions, [(e)-[m:MENTIONED_IN]->(d:Document) | [d.id, m.count]] AS mentionedIn', { key });
      expect(rows, key).toHaveLength(1);
      const counted = new Map(rows[0]!.mentionedIn as Array<[string, number]>);
      expect([...counted.keys()].filter((doc) => docs.includes(doc)).sort(byString), key).toEqual([...docs].sort(byString));
      // mentions is the sum of the per-article counts.
      expect(rows[0]!.mentions, key).toBe([...counted.values()].reduce((sum, count) => sum + count, 0));
    }
    // The same name as another kind stays a separate node.
    const [kinds] = await cypher("MATCH (n {name: 'United States'}) RETURN collect(DISTINCT n.kind) AS kinds, count(n) AS nodes");
    expect(kinds!.nodes).toBe((kinds!.kinds as string[]).length);
  });

  it('quotes-by-person: the speaker of “an insufferable tool” is Elon Musk', async () => {
    const rows = await ask(shipped('quotes-by-person'), { name: 'Musk' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.speaker === 'Elon Musk')).toBe(true);
    expect(rows.some((row) => /an insufferable tool/.test(String(row.quote)))).toBe(true);
    // Exactly the quotes the graph gives him, in reading order.
    const g = seed.graph;
    const expected = g
      .outEdges('Person:Elon Musk')
      .filter((edge) => g.getEdgeAttribute(edge, 'type') === 'SAID')
      .map((edge) => g.getNodeAttributes(g.target(edge)) as { text: string; start: number })
      .sort((x, y) => x.start - y.start)
      .map((quote) => quote.text);
    expect(rows.map((row) => row.quote)).toEqual(expected);
    // The full-text index finds the quote by a word of it.
    const found = await cypher(
      "CALL db.index.fulltext.queryNodes('quote_text', 'insufferable') YIELD node MATCH (speaker)-[:SAID]->(node) RETURN speaker.name AS speaker, node.text AS text",
    );
    expect(found.map((row) => row.speaker)).toContain('Elon Musk');
  });

  it('roles: Vanessa Lloyd is deputy director of operations at the Canadian Security Intelligence Service', async () => {
    const rows = await ask(shipped('roles'), { name: 'Vanessa Lloyd' });
    expect(rows).toContainEqual({
      person: 'Vanessa Lloyd',
      title: 'deputy director of operations',
      organization: 'Canadian Security Intelligence Service',
      kind: 'Agency',
    });
    // Without a name: every HOLDS_ROLE of every loaded article.
    const all = await ask('roles');
    for (const { graph } of articles) {
      graph.forEachEdge((_edge, attributes, source, target) => {
        if (attributes.type !== 'HOLDS_ROLE') return;
        expect(all).toContainEqual({ person: name(graph, source), title: attributes.title, organization: name(graph, target), kind: graph.getNodeAttribute(target, 'kind') });
      });
    }
  });

  it('roles: titles held without a named institution come with no organization, and keep their spans on the record', async () => {
    const rows = await ask(shipped('roles'), { name: 'Stephanie Perrault' });
    expect(rows).toContainEqual({ person: 'Stephanie Perrault', title: 'chief electoral officer', organization: null, kind: null });
    // Every title of every loaded graph is on its person, with sentence and span on the article's MENTIONED_IN.
    const all = await ask('roles');
    for (const { graph } of articles) {
      graph.forEachNode((key, attributes) => {
        if (attributes.kind !== 'Person') return;
        for (const t of attributes.titles ?? []) expect(all).toContainEqual({ person: name(graph, key), title: t.title, organization: null, kind: null });
      });
    }
    const [record] = await cypher(
      "MATCH (p:Person)-[m:MENTIONED_IN]->(d:Document) WHERE 'chief electoral officer' IN m.titles RETURN m.titles AS titles, m.titleStarts AS starts, m.titleEnds AS ends",
    );
    const i = (record!.titles as string[]).indexOf('chief electoral officer');
    expect(i).toBeGreaterThanOrEqual(0);
    const seed = readFileSync(SEED, 'utf8');
    expect(seed.slice((record!.starts as number[])[i], (record!.ends as number[])[i])).toBe('chief electoral officer');
  });

  it('most-quoted: speakers ranked by quotes, as counted from the graphs', async () => {
    const quotes = new Map<string, { speaker: string; kind: string; quotes: Set<string>; docs: Set<string> }>();
    for (const graph of loadedGraphs) {
      graph.forEachEdge((_edge, attributes, source, target) => {
        if (attributes.type !== 'SAID') return;
        const entry = quotes.get(source) ?? { speaker: name(graph, source), kind: graph.getNodeAttribute(source, 'kind'), quotes: new Set(), docs: new Set() };
        entry.quotes.add(target);
        entry.docs.add(String(attributes.doc));
        quotes.set(source, entry);
      });
    }
    const expected = [...quotes.values()]
      .map((entry) => ({ speaker: entry.speaker, kind: entry.kind, quotes: entry.quotes.size, articles: entry.docs.size }))
      .sort((x, y) => y.quotes - x.quotes || byString(x.speaker, y.speaker) || byString(x.kind, y.kind))
      .slice(0, 5);
    expect(await ask(shipped('most-quoted'), { limit: 5 })).toEqual(expected);
    // The most quoted speakers have several quotes each (four: the attribution branch reads some as one mixed quote now).
    expect(expected[0]!.quotes).toBeGreaterThanOrEqual(4);
    // The seed's officials are among the most quoted.
    expect((await ask('most-quoted')).map((row) => row.speaker)).toEqual(expect.arrayContaining(['Vanessa Lloyd', 'Allen Sutherland', 'Laurie-Anne Kempton']));
  });

  it('supports-opposes: whom Elon Musk supports and opposes, with the verbs', async () => {
    const rows = await ask(shipped('supports-opposes'), { name: 'Elon Musk' });
    expect(rows).toContainEqual(expect.objectContaining({ source: 'Elon Musk', relation: 'SUPPORTS', target: 'Donald Trump' }));
    expect(rows).toContainEqual(expect.objectContaining({ source: 'Elon Musk', relation: 'OPPOSES', target: 'Justin Trudeau' }));
    const expected: Row[] = [];
    for (const { graph } of articles) {
      graph.forEachEdge((_edge, attributes, source, target) => {
        if (!['SUPPORTS', 'OPPOSES', 'TARGETED'].includes(attributes.type)) return;
        if (source !== 'Person:Elon Musk' && target !== 'Person:Elon Musk') return;
        expected.push({ source: name(graph, source), relation: attributes.type, verb: attributes.verb ?? null, target: name(graph, target) });
      });
    }
    const order = (list: Row[]) => list.map((row) => JSON.stringify(row)).sort(byString);
    expect(order(rows)).toEqual(order(expected));
  });

  it('said-about-entity: what was said about Elon Musk, and by whom', async () => {
    const rows = await ask(shipped('said-about-entity'), { name: 'elon musk' });
    expect(rows).toContainEqual(
      expect.objectContaining({ about: 'Elon Musk', speaker: 'Laurie-Anne Kempton', quote: expect.stringContaining('does not fall into the category of foreign interference') }),
    );
    const g = seed.graph;
    const expected = g
      .inEdges('Person:Elon Musk')
      .filter((edge) => g.getEdgeAttribute(edge, 'type') === 'ABOUT')
      .map((edge) => g.source(edge))
      .map((quote) => ({ quote: g.getNodeAttribute(quote, 'text'), speakers: g.inNeighbors(quote).map((speaker) => name(g, speaker)) }));
    expect(rows.map((row) => row.quote).sort(byString)).toEqual(expected.map((entry) => entry.quote).sort(byString));
    for (const row of rows) {
      const { speakers } = expected.find((entry) => entry.quote === row.quote)!;
      expect(speakers.length > 0 ? speakers : [null]).toContain(row.speaker);
    }
  });

  it('shortest-path: the chain of facts from Elon Musk into another article, as long as a breadth-first search finds', async () => {
    // Undirected adjacency over every fact of the loaded articles (not MENTIONED_IN).
    const adjacent = new Map<string, Set<string>>();
    const link = (a: string, b: string) => adjacent.set(a, (adjacent.get(a) ?? new Set()).add(b));
    const names = new Map<string, string>();
    for (const { graph } of articles) {
      for (const key of entityKeys(graph)) names.set(key, name(graph, key));
      graph.forEachEdge((_edge, attributes, source, target) => {
        if (attributes.type === 'MENTIONED_IN') return;
        link(source, target);
        link(target, source);
      });
    }
    const distance = new Map<string, number>([['Person:Elon Musk', 0]]);
    const queue = ['Person:Elon Musk'];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of adjacent.get(node) ?? []) {
        if (!distance.has(next)) {
          distance.set(next, distance.get(node)! + 1);
          queue.push(next);
        }
      }
    }
    // The farthest entity of another article that Musk reaches (ties: first key).
    const seedKeys = new Set(entityKeys(seed.graph));
    const [target] = [...distance]
      .filter(([key, hops]) => names.has(key) && !seedKeys.has(key) && hops <= 12)
      .sort((x, y) => y[1] - x[1] || byString(x[0], y[0]));
    expect(target, 'an entity of another article reachable from Elon Musk').toBeDefined();
    const [key, hops] = target!;
    // Unique names only, so the query's name lookup means the same node.
    expect([...names.values()].filter((value) => value === names.get(key))).toHaveLength(1);
    const [row] = await ask(shipped('shortest-path'), { from: 'Elon Musk', to: names.get(key) });
    expect(row).toMatchObject({ from: 'Elon Musk', to: names.get(key), hops });
    expect((row!.nodes as string[])[0]).toBe('Elon Musk');
    expect((row!.nodes as string[]).at(-1)).toBe(names.get(key));
    expect(row!.relationships).toHaveLength(hops);
    expect(row!.relationships).not.toContain('MENTIONED_IN');
    // A direct relation is one hop.
    const [direct] = await ask('shortest-path', { from: 'Musk', to: 'Donald Trump' });
    expect(direct).toMatchObject({ from: 'Elon Musk', to: 'Donald Trump', hops: 1 });
  });

  afterAll(async () => {
    // Every shipped query was run and checked above.
    expect([...(await shippedQueries()).keys()].sort()).toEqual([...tested].sort());
  });
});

// ─── A killed connection or transaction mid-load ────────────────────────────

describe('a load cut off mid-article leaves nothing of it', () => {
  // Under an id of this run for the failed loads, so a rerun against the same server finds none of it.
  const failing = article(fixture('kenya-finance-bill-protests'), `kenya-finance-bill-protests-${Date.now()}`);
  const kenya = article(fixture('kenya-finance-bill-protests'));
  let proxy: BoltProxy;

  beforeAll(async () => {
    proxy = await BoltProxy.start(boltTarget(settings.uri));
  });
  afterAll(async () => {
    await proxy.close();
  });

  async function existingEntities(graph: NewsGraph): Promise<string[]> {
    const [row] = await cypher('UNWIND $keys AS key MATCH (e {key: key}) RETURN collect(key) AS keys', { keys: entityKeys(graph) });
    return (row!.keys as string[]).sort(byString);
  }

  it('a connection killed mid-transaction: the load fails (exit code 3) and the article is not there at all', async () => {
    const before = await counts();
    const entitiesBefore = await existingEntities(failing.graph);
    let statements = 0;
    let total = 0;
    const attempt = loadGraph(failing.graph, proxy.settings, {
      maxRetryTimeMs: 0,
      onStatement: (progress) => {
        statements = progress.done;
        total = progress.total;
        if (progress.done === 4) proxy.cut(true);
      },
    });
    const error = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(NewsgraphError);
    expect((error as NewsgraphError).exitCode).toBe(ExitCode.neo4j);
    expect((error as NewsgraphError).message).toContain(proxy.settings.uri);
    // Statements are pipelined: those already sent may all be answered after the cut, but the transaction never commits.
    expect(statements).toBeGreaterThanOrEqual(4);
    expect(statements).toBeLessThanOrEqual(total);
    expect(await documentCounts(failing.id)).toEqual({ documents: 0, quotes: 0, facts: 0, mentioned: 0 });
    expect(await existingEntities(failing.graph)).toEqual(entitiesBefore);
    expect(await counts()).toEqual(before);
  });

  it('a transaction terminated from another session: the load fails and the article is not there at all', async () => {
    const before = await counts();
    const admin = openDriver(settings);
    let terminated: string[] = [];
    try {
      const error = await loadGraph(failing.graph, settings, {
        onStatement: async ({ done, docs: [doc] }) => {
          if (done !== 3) return;
          const { records } = await admin.executeQuery(
            'SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.doc = $doc RETURN transactionId',
            { doc },
            settings.database ? { database: settings.database } : {},
          );
          terminated = records.map((record) => String(record.get('transactionId')));
          await admin.executeQuery('TERMINATE TRANSACTIONS $ids', { ids: terminated }, settings.database ? { database: settings.database } : {});
        },
      }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(terminated).toHaveLength(1);
      expect(error).toBeInstanceOf(NewsgraphError);
      expect((error as NewsgraphError).message).toMatch(/terminated/i);
    } finally {
      await admin.close();
    }
    expect(await documentCounts(failing.id)).toEqual({ documents: 0, quotes: 0, facts: 0, mentioned: 0 });
    expect(await counts()).toEqual(before);
  });

  it('with retries, a connection killed mid-transaction is retried and the article lands exactly once', async () => {
    let cuts = 0;
    proxy.reopen();
    const report = await loadGraph(kenya.graph, proxy.settings, {
      schema: false,
      replace: true,
      onStatement: ({ done }) => {
        if (done === 4 && cuts === 0) {
          cuts += 1;
          proxy.cut(false);
        }
      },
    });
    loadedGraphs.push(kenya.graph);
    expect(cuts).toBe(1);
    expect(report).toMatchObject({ articles: 1, lastDoc: kenya.id });
    expect(await documentCounts(kenya.id)).toEqual(graphCounts(kenya.graph));
  });
});

// ─── The command line ───────────────────────────────────────────────────────

describe('newsgraph load and query', () => {
  const france = fixture('france-no-confidence-budget');
  const franceId = basename(france, '.txt');
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'newsgraph-neo4j-test-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  const refusals: Array<[string, () => Promise<Record<string, string>>, RegExp]> = [
    ['an unreachable server', async () => ({ NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}` }), /cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+/],
    ['a wrong password', async () => ({ NEO4J_PASSWORD: 'wrong-secret-4217' }), /refused the credentials at bolt:/],
    ['a wrong database', async () => ({ NEO4J_DATABASE: 'nosuchdb' }), /no such database at bolt:.*\(database "nosuchdb"\)/],
  ];
  for (const [what, env, message] of refusals) {
    it(`load with ${what}: one line naming the URI, never the password, exit code 3, nothing written`, async () => {
      const before = await counts();
      const given = await env();
      const { code, stdout, stderr } = await cli(['load', '--jobs', '1', france], given);
      expect(code).toBe(ExitCode.neo4j);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(stderr).toContain(given.NEO4J_URI ?? settings.uri);
      expect(stderr).not.toContain(given.NEO4J_PASSWORD ?? settings.password);
      expect(await counts()).toEqual(before);
    });
  }

  it('query with a wrong password, as a real process: exit code 3 and one line on stderr', async () => {
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'cli', 'main.ts')).href)}); process.exitCode = await main(process.argv.slice(1));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'query', 'RETURN 1 AS one'], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_PASSWORD: 'not-the-password-93' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(ExitCode.neo4j);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^newsgraph: Neo4j refused the credentials at bolt:\/\/\S+: /)]);
    expect(stderr).not.toContain('not-the-password-93');
  });

  it('load FILE extracts and loads an article; loading it again adds nothing', async () => {
    const first = await cli(['load', '--jobs', '1', '--replace', france]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(ExitCode.ok);
    expect(first.stdout).toMatch(/^loaded 1 article\(s\) into bolt:\/\/\S+: \d+ nodes, \d+ relationships .* rows\/s, 1 transaction\(s\)$/m);
    const expected = graphCounts(article(france).graph);
    expect(await documentCounts(franceId)).toEqual(expected);
    const before = await counts();
    const second = await cli(['load', '--jobs', '1', '--json', france]);
    expect(second.code).toBe(ExitCode.ok);
    const report = JSON.parse(second.stdout) as LoadReport;
    expect(report).toMatchObject({ articles: 1, lastDoc: franceId });
    expect(report.nodesCreated).toBe(0);
    expect(report.relationshipsCreated).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('load - reads graph lines (extract --jsonl) from stdin; the article loaded before changes nothing', async () => {
    const lines = await newsgraph(['extract', '--jsonl', france]);
    expect(lines.code, lines.stderr).toBe(0);
    const before = await counts();
    const loaded = await newsgraph(['load', '-', '--json'], { input: lines.stdout });
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout)).toMatchObject({ articles: 1, lastDoc: franceId, nodesCreated: 0, relationshipsCreated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('load reads graph JSON files as well', async () => {
    const doc = `json-${Date.now()}`;
    const file = join(scratch, 'graph.json');
    await writeFile(file, graphToJson(handGraph(doc, { speaker: `Di Moss ${doc}`, aliases: ['Moss'], mentions: 2, agency: `Office ${doc}` })));
    const { code, stdout } = await cli(['load', file]);
    expect(code).toBe(ExitCode.ok);
    expect(stdout).toContain(': 4 nodes, 5 relationships (4 nodes and 5 relationships new)');
    expect(await ask('quotes-by-person', { name: `Di Moss ${doc}` })).toEqual([
      { speaker: `Di Moss ${doc}`, verb: 'said', quote: `the scales in ${doc} are honest`, direct: true, document: `Article ${doc}` },
    ]);
  });

  it('query NAME --param prints a table; --json prints the rows', async () => {
    const table = await cli(['query', 'roles', '--param', 'name=Vanessa Lloyd']);
    expect(table.code).toBe(ExitCode.ok);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^person\s+│ title\s+│ organization\s+│ kind$/);
    expect(lines[1]).toMatch(/^─+─┼─/);
    expect(lines.some((line) => /^Vanessa Lloyd\s+│ deputy director of operations\s+│ Canadian Security Intelligence Service\s+│ Agency$/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\(\d+ rows?\)$/);

    const json = await cli(['query', 'quotes-by-person', '--param', 'name=Elon Musk', '--json']);
    expect(json.code).toBe(ExitCode.ok);
    const rows = JSON.parse(json.stdout) as Row[];
    // `called Trudeau “an insufferable tool”`: an accusation holding quoted words is one mixed quote of the accuser, not direct speech.
    expect(rows.find((row) => /insufferable tool/.test(String(row.quote)))).toMatchObject({ speaker: 'Elon Musk', direct: false });
  });

  it('query CYPHER and query FILE, with typed parameters', async () => {
    const inline = await cli(['query', 'MATCH (d:Document {id: $id}) RETURN d.id AS id, $n + 1 AS next', '--param', `id=${franceId}`, '--param', 'n=41', '--json']);
    expect(inline.code).toBe(ExitCode.ok);
    expect(JSON.parse(inline.stdout)).toEqual([{ id: franceId, next: 42 }]);

    const file = join(scratch, 'speakers.cypher');
    await writeFile(file, '// Speakers of one article.\n// Parameters:\n//   $doc  the document id\nMATCH (s)-[:SAID]->(q:Quote {doc: $doc}) RETURN DISTINCT s.name AS speaker ORDER BY speaker;\n');
    const fromFile = await cli(['query', file, '--param', `doc=${franceId}`, '--json']);
    expect(fromFile.code).toBe(ExitCode.ok);
    const g = article(france).graph;
    const speakers = [...new Set(g.filterEdges((_e, attributes) => attributes.type === 'SAID').map((edge) => name(g, g.source(edge))))].sort(byString);
    expect((JSON.parse(fromFile.stdout) as Row[]).map((row) => row.speaker)).toEqual(speakers);

    // A declared parameter left out is a usage error, before any server work.
    const missing = await cli(['query', file]);
    expect(missing.code).toBe(ExitCode.badUsage);
    expect(missing.stderr).toContain('--param doc=');
  });

  it('query runs read-only unless --write; a Cypher error is exit code 1 with one line', async () => {
    const before = await counts();
    const refused = await cli(['query', 'CREATE (:Scratch {at: 1})']);
    expect(refused.code).toBe(ExitCode.badInput);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await counts()).toEqual(before);
    const broken = await cli(['query', 'MATCH (n RETURN n']);
    expect(broken.code).toBe(ExitCode.badInput);
    expect(broken.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a neo4j:// routing URI works as well as bolt://', async () => {
    const routed = settings.uri.replace(/^bolt:/, 'neo4j:');
    const { code, stdout } = await cli(['query', 'MATCH (d:Document {id: $id}) RETURN d.id AS id', '--param', `id=${franceId}`, '--json'], { NEO4J_URI: routed });
    expect(code).toBe(ExitCode.ok);
    expect(JSON.parse(stdout)).toEqual([{ id: franceId }]);
  });
});
