/**
 * One identity in Neo4j whatever the loading order (src/neo4j/identity.ts),
 * on the real server test/setup/neo4j.ts starts: a corpus extracted at once,
 * the same articles loaded one at a time in two orders, and the corpus's
 * graph JSON loaded whole give the same entity nodes, keys, names, aliases
 * and mentions. The articles are written for this test so their people and
 * bodies are nobody else's: a minister named in full, then by surname alone
 * (a fold), then a second person of that surname (the fold undone); an
 * acronym in one article, spelled out in another; one Parliament in two
 * countries; a name spelled with and without its accent.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCorpus, type Article } from '../src/corpus/index.js';
import { graphFromJson, graphToJson } from '../src/io/graph.js';
import { loadArticles, loadGraph } from '../src/neo4j/load.js';
import { documentBatches, rowCount, type DocumentBatch } from '../src/neo4j/rows.js';
import { rowObjects, runQuery } from '../src/neo4j/query.js';
import { settingsFromEnv } from '../src/neo4j/settings.js';
import { isEntityNode, type NewsGraph } from '../src/types.js';

const settings = settingsFromEnv();
const RUN = `idt${Date.now().toString(36)}`;

const TEXTS: Record<string, string> = {
  budget: `WELLINGTON — New Zealand’s Parliament passed the government’s budget on Thursday after a late-night debate.

Finance Minister Harriet Quennell-Voss said the budget would "hold the line on spending while protecting the regions." Quennell-Voss told reporters outside Parliament that the government had kept its promises.

The Waitangi Fisheries Tribunal (WFT) warned that cuts to coastal monitoring would hurt iwi fisheries. Aroha Ngātai, who chairs the tribunal, said the WFT had not been consulted.`,
  reaction: `WELLINGTON — Quennell-Voss defended her budget on Friday against criticism from farmers and unions.

"We made hard choices and we stand by them," Quennell-Voss said at a press conference in Wellington.

The WFT said it would ask Parliament to review the cuts. Its chair, Aroha Ngatai, said coastal communities had been ignored.`,
  farmers: `NEW PLYMOUTH, New Zealand — Dairy farmers in Taranaki staged a protest on Saturday against the new budget.

Dominic Quennell-Voss, a dairy farmer near Stratford and the brother of the finance minister, said the budget ignored rural families. "My sister knows what this will cost us," Dominic Quennell-Voss said.`,
  commons: `LONDON — Britain’s Parliament debated new fisheries quotas on Tuesday, with ministers under pressure from coastal constituencies.

Fisheries Minister Alastair Penhaligon-Rowe said the quotas would protect fish stocks. "Our coastal towns deserve certainty," Penhaligon-Rowe told the House of Commons.`,
};
const articles: Article[] = Object.entries(TEXTS).map(([slug, text]) => ({ id: `${RUN}-${slug}`, text, source: `${slug}.txt` }));
const docs = articles.map((a) => a.id);
const byName = (slug: string) => articles.find((a) => a.id === `${RUN}-${slug}`)!;

async function cypher(text: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  return rowObjects(await runQuery(text, settings, { params, write: true }));
}

interface EntityState {
  key: string;
  name: string;
  aliases: string[];
  mentions: number;
}

/** Entity keys, and the attributes of the entities only this test's documents mention (other test files may load a London too). */
interface Entities {
  keys: string[];
  own: EntityState[];
}

/** The entities of this test's corpus graph. */
function graphEntities(graph: NewsGraph, shared: Set<string>): Entities {
  const keys = graph.filterNodes((_key, attributes) => isEntityNode(attributes)).sort();
  const own = keys
    .filter((key) => !shared.has(key))
    .map((key) => {
      const a = graph.getNodeAttributes(key) as EntityState;
      return { key, name: a.name, aliases: [...a.aliases].sort(), mentions: a.mentions };
    });
  return { keys, own };
}

/** The entities documents `docs` mention, as Neo4j has them; `shared`: those another document mentions too. */
async function databaseEntities(docs: string[]): Promise<Entities & { shared: Set<string> }> {
  const rows = await cypher(
    `MATCH (e)-[:MENTIONED_IN]->(d:Document) WHERE d.id IN $docs
     WITH DISTINCT e
     RETURN e.key AS key, e.name AS name, e.aliases AS aliases, e.mentions AS mentions,
            EXISTS { MATCH (e)-[:MENTIONED_IN]->(other:Document) WHERE NOT other.id IN $docs } AS shared
     ORDER BY key`,
    { docs },
  );
  const shared = new Set(rows.filter((r) => r.shared === true).map((r) => r.key as string));
  const own = rows
    .filter((r) => r.shared !== true)
    .map((r) => ({ key: r.key as string, name: r.name as string, aliases: [...(r.aliases as string[])].sort(), mentions: Number(r.mentions) }));
  return { keys: rows.map((r) => r.key as string), own, shared };
}

/** The database's entities of the corpus's documents equal the corpus graph's: keys, and names, aliases, mentions of its own. */
async function expectCorpusEntities(graph: NewsGraph): Promise<void> {
  const stored = await databaseEntities(graph.getAttribute('documents') ?? []);
  const expected = graphEntities(graph, stored.shared);
  expect(stored.keys).toEqual(expected.keys);
  expect(stored.own).toEqual(expected.own);
}

/**
 * Remove documents `docs`, their quotes and facts, and the entities left with
 * nothing; the entities other documents share keep their other mentions (the
 * loader counts `mentions` as MENTIONED_IN comes and goes, and so must this).
 */
async function unload(docs: string[]): Promise<void> {
  const [row] = await cypher('MATCH (e)-[:MENTIONED_IN]->(d:Document) WHERE d.id IN $docs RETURN collect(DISTINCT e.key) AS keys', { docs });
  await cypher(
    `MATCH (e)-[m:MENTIONED_IN]->(d:Document) WHERE d.id IN $docs
     WITH e, m, coalesce(m.count, 0) AS count DELETE m SET e.mentions = e.mentions - count`,
    { docs },
  );
  await cypher('MATCH ()-[r]->() WHERE r.doc IN $docs DELETE r', { docs });
  await cypher('MATCH (q:Quote) WHERE q.doc IN $docs DETACH DELETE q', { docs });
  await cypher('MATCH (d:Document) WHERE d.id IN $docs DETACH DELETE d', { docs });
  await cypher('UNWIND $keys AS key MATCH (n {key: key}) WHERE NOT EXISTS { (n)--() } DELETE n', { keys: row?.keys ?? [] });
}

/** Load articles one at a time, each extracted alone, as `newsgraph load FILE` does. */
async function loadOneByOne(order: Article[], after?: (loaded: string[]) => Promise<void>): Promise<void> {
  const loaded: string[] = [];
  for (const article of order) {
    await loadGraph(await extractCorpus([article], { jobs: 1 }), settings);
    loaded.push(article.id);
    await after?.(loaded);
  }
}

/** Where the reaction article's bare `Quennell-Voss` sits in the database. */
async function bareSurnameNode(): Promise<string | undefined> {
  const [row] = await cypher(
    'MATCH (e)-[m:MENTIONED_IN {articleKey: $key}]->(:Document {id: $doc}) RETURN e.key AS key',
    { key: 'Person:Quennell-Voss', doc: byName('reaction').id },
  );
  return row?.key as string | undefined;
}

describe('entity identity in Neo4j does not depend on loading order', () => {
  let corpus: NewsGraph;

  afterAll(async () => {
    await unload(docs);
  });

  it('extracts the corpus at once: the keys every load must reach', async () => {
    corpus = await extractCorpus(articles, { jobs: 1 });
    const keys = graphEntities(corpus, new Set()).keys;
    // One Parliament per country; the acronym is its tribunal; the two spellings are one person.
    expect(keys).toEqual(expect.arrayContaining(['Agency:Parliament (New Zealand)', 'Agency:Parliament (United Kingdom)', 'Agency:Waitangi Fisheries Tribunal', 'Person:Aroha Ngatai']));
    expect(keys.filter((k) => k.includes('WFT'))).toEqual([]);
    expect(corpus.getNodeAttribute('Person:Aroha Ngatai', 'name' as never)).toBe('Aroha Ngātai');
    // With two Quennell-Voss in the corpus, the bare surname stays apart.
    expect(keys.filter((k) => k.includes('Quennell-Voss'))).toEqual([
      'Person:Dominic Quennell-Voss',
      'Person:Harriet Quennell-Voss',
      'Person:Quennell-Voss',
    ]);
  });

  it('loads the corpus graph JSON to the same entities', async () => {
    await unload(docs);
    await loadGraph(graphFromJson(graphToJson(corpus), 'corpus.json'), settings);
    await expectCorpusEntities(corpus);
  });

  it('loads one article at a time, in order: the surname joins the minister, then leaves when her brother comes', async () => {
    await unload(docs);
    const seen: Array<string | undefined> = [];
    await loadOneByOne(articles, async (loaded) => {
      if (loaded.includes(byName('reaction').id)) seen.push(await bareSurnameNode());
    });
    // After the minister's two articles the bare surname is hers; the farmer's article makes it ambiguous.
    expect(seen[0]).toBe('Person:Harriet Quennell-Voss');
    expect(seen.at(-1)).toBe('Person:Quennell-Voss');
    await expectCorpusEntities(corpus);
  });

  it('loads the articles as a stream, several to a transaction, in another order, to the same entities', async () => {
    await unload(docs);
    const order = [byName('farmers'), byName('commons'), byName('reaction'), byName('budget')];
    const batches: DocumentBatch[] = [];
    for (const article of order) batches.push(...documentBatches(await extractCorpus([article], { jobs: 1 })));
    // Two articles a transaction: the second transaction's plan sees what the first placed.
    const report = await loadArticles(batches, settings, { batchSize: rowCount(batches[0]!) + rowCount(batches[1]!) });
    expect(report.transactions).toBe(2);
    await expectCorpusEntities(corpus);
  });

  it('two loads started together, each with articles that fold into the other’s, reach the same entities', async () => {
    const graphs = new Map<string, DocumentBatch[]>();
    for (const article of articles) graphs.set(article.id, documentBatches(await extractCorpus([article], { jobs: 1 })));
    const of = (...slugs: string[]) => slugs.flatMap((slug) => graphs.get(byName(slug).id)!);
    // The minister's full name and the farmer on one side, her bare surname and the acronym's spelling on the other.
    for (const [left, right] of [
      [of('budget', 'farmers'), of('reaction', 'commons')],
      [of('reaction', 'farmers'), of('budget', 'commons')],
      [of('farmers', 'reaction'), of('commons', 'budget')],
    ] as const) {
      await unload(docs);
      await Promise.all([left, right].map((batches) => loadArticles(batches, settings, { batchSize: 1, schema: false })));
      await expectCorpusEntities(corpus);
    }
  });

  it('loads one article at a time in another order to the same entities', async () => {
    await unload(docs);
    const order = [byName('commons'), byName('reaction'), byName('farmers'), byName('budget')];
    await loadOneByOne(order);
    await expectCorpusEntities(corpus);
    // Loading an article again changes nothing.
    await loadGraph(await extractCorpus([byName('reaction')], { jobs: 1 }), settings);
    await expectCorpusEntities(corpus);
  });
});

describe('on real articles: the seed, the Musk brief, Australia and the U.S. Senate', () => {
  const FIXTURES = join(import.meta.dirname, 'fixtures');
  const files = [
    join(FIXTURES, 'seed', 'canada-election-interference.txt'),
    join(FIXTURES, 'corpus', 'musk-afd-rally-brief.txt'),
    join(FIXTURES, 'articles', 'australia-nature-laws-deal.txt'),
    join(FIXTURES, 'articles', 'australia-senate-housing-bill.txt'),
    join(FIXTURES, 'articles', 'us-senate-disaster-aid.txt'),
  ];
  // Ids of this run's own, so nothing another test file loaded from the same texts is touched.
  const real: Article[] = files.map((file) => ({ id: `${RUN}-${basename(file, '.txt')}`, text: readFileSync(file, 'utf8'), source: file }));
  const realDocs = real.map((a) => a.id);
  let corpus: NewsGraph;

  afterAll(async () => {
    await unload(realDocs);
  });

  it('gives the same entity keys from the corpus JSON and from one article at a time, in two orders', async () => {
    corpus = await extractCorpus(real, { jobs: 1 });
    // The brief's bare "Musk" is the seed's Elon Musk; Australia's Senate is not the U.S. one.
    expect(corpus.hasNode('Person:Musk')).toBe(false);
    expect(corpus.hasNode('Agency:Senate (Australia)') && corpus.hasNode('Agency:Senate (United States)')).toBe(true);

    await unload(realDocs);
    await loadGraph(graphFromJson(graphToJson(corpus), 'corpus.json'), settings);
    await expectCorpusEntities(corpus);

    await unload(realDocs);
    await loadOneByOne([...real].reverse());
    await expectCorpusEntities(corpus);

    await unload(realDocs);
    await loadOneByOne([real[1]!, real[3]!, real[0]!, real[4]!, real[2]!]);
    await expectCorpusEntities(corpus);
  });
});
