/**
 * Identity over the fixture corpus (test/fixtures/articles and the seed).
 *
 * The expected clusters below were written from reading the articles, not
 * from the output: which country each article is about, which bodies,
 * parties and people two articles of one country share, and which bodies an
 * article of one country rightly names from another (the seed's AfD is
 * Germany's). Then fast-check proves the corpus does not depend on the order
 * or the split of its articles, merged at once or loaded one at a time by
 * the database's rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeGraphs } from '../src/corpus/index.js';
import { extract } from '../src/extract.js';
import { graphRecords } from '../src/identify/index.js';
import { graphToJson } from '../src/io/graph.js';
import { planBatch, type ArticleRecords, type StoredRecord } from '../src/neo4j/identity.js';
import { isEntityNode, type EntityKind, type NewsGraph } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The country each article is about, from reading it; `EU` for the two about the Union's own institutions. */
const COUNTRY: Record<string, string> = {
  'australia-nature-laws-deal': 'Australia',
  'australia-senate-housing-bill': 'Australia',
  'brazil-licensing-bill-amazon': 'Brazil',
  'britain-haddon-vale-byelection': 'United Kingdom',
  'canada-ontario-transit-funding-dispute': 'Canada',
  'canada-election-interference': 'Canada',
  'chile-pension-reform-vote': 'Chile',
  'county-cricket-and-club-finances': 'United Kingdom',
  'eu-farm-subsidy-protest-brussels': 'EU',
  'eu-parliament-hungary-funds': 'EU',
  'france-no-confidence-budget': 'France',
  'germany-afd-surveillance-vote': 'Germany',
  'ghana-cocoa-board-strike': 'Ghana',
  'india-karnataka-poll-notices': 'India',
  'japan-ldp-leadership-race': 'Japan',
  'kenya-finance-bill-protests': 'Kenya',
  'mexico-judicial-election-reform': 'Mexico',
  'nigeria-kogi-governorship': 'Nigeria',
  'philippines-rice-tariff-senate-hearing': 'Philippines',
  'philippines-senate-impeachment-trial': 'Philippines',
  'poland-president-veto-judiciary': 'Poland',
  'south-africa-eskom-tariff-hearing': 'South Africa',
  'south-africa-gnu-budget-vat': 'South Africa',
  'south-korea-martial-law-impeachment': 'South Korea',
  'turkey-istanbul-mayor-court-ruling': 'Turkey',
  'us-new-mexico-governor-fema-wildfire': 'United States',
  'us-senate-disaster-aid': 'United States',
};

/**
 * Bodies, parties and organisations that articles of different countries
 * rightly share: the Union's institutions, the wire services, and the German
 * AfD that the Canadian seed reports Musk backing. Each by a form it goes by.
 */
const ACROSS_COUNTRIES: Array<[EntityKind, string]> = [
  ['Agency', 'European Commission'],
  ['Organization', 'EU'],
  ['Organization', 'Reuters'],
  ['Organization', 'Associated Press'],
  ['Party', 'Alternative for Germany'],
];

/** What two articles of one country both name, each one real entity: kind, a form it goes by, the articles. */
const SAME_COUNTRY: Array<[EntityKind, string, string[]]> = [
  ['Person', 'Anthony Albanese', ['australia-nature-laws-deal', 'australia-senate-housing-bill']],
  ['Agency', 'Senate', ['australia-nature-laws-deal', 'australia-senate-housing-bill']],
  ['Agency', 'House of Representatives', ['australia-nature-laws-deal', 'australia-senate-housing-bill']],
  ['Party', 'Greens', ['australia-nature-laws-deal', 'australia-senate-housing-bill']],
  ['Party', 'Labor', ['australia-nature-laws-deal', 'australia-senate-housing-bill']],
  ['Agency', 'Senate', ['philippines-rice-tariff-senate-hearing', 'philippines-senate-impeachment-trial']],
  ['Agency', 'Congress', ['philippines-rice-tariff-senate-hearing', 'philippines-senate-impeachment-trial']],
  ['Party', 'ANC', ['south-africa-eskom-tariff-hearing', 'south-africa-gnu-budget-vat']],
  ['Party', 'Economic Freedom Fighters', ['south-africa-eskom-tariff-hearing', 'south-africa-gnu-budget-vat']],
  ['Agency', 'National Treasury', ['south-africa-eskom-tariff-hearing', 'south-africa-gnu-budget-vat']],
  ['Agency', 'FEMA', ['us-new-mexico-governor-fema-wildfire', 'us-senate-disaster-aid']],
  ['Agency', 'White House', ['us-new-mexico-governor-fema-wildfire', 'us-senate-disaster-aid']],
  ['Organization', 'American Red Cross', ['us-new-mexico-governor-fema-wildfire', 'us-senate-disaster-aid']],
  ['Party', 'Democrats', ['us-new-mexico-governor-fema-wildfire', 'us-senate-disaster-aid']],
  ['Party', 'Republicans', ['us-new-mexico-governor-fema-wildfire', 'us-senate-disaster-aid']],
  ['Agency', 'European Parliament', ['eu-farm-subsidy-protest-brussels', 'eu-parliament-hungary-funds']],
];

function fixturePath(slug: string): string {
  return slug === 'canada-election-interference' ? join(FIXTURES, 'seed', `${slug}.txt`) : join(FIXTURES, 'articles', `${slug}.txt`);
}

// Every fixture article is in the table, and the table names no other.
const slugs = readdirSync(join(FIXTURES, 'articles'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));
const graphs: NewsGraph[] = [...slugs, 'canada-election-interference'].map((slug) => extract(readFileSync(fixturePath(slug), 'utf8'), { id: slug, source: slug }));
const corpus = mergeGraphs(graphs);

const documentsOf = (graph: NewsGraph, key: string) =>
  graph.filterOutNeighbors(key, (neighbor) => graph.getNodeAttribute(neighbor, 'kind') === 'Document').map((d) => d.slice('Document:'.length));

describe('the fixture corpus, as written from reading its articles', () => {
  it('knows the country of every article', () => {
    expect(Object.keys(COUNTRY).sort()).toEqual([...slugs, 'canada-election-interference'].sort());
  });

  it('joins articles of different countries only for the bodies they rightly share', () => {
    const joined = corpus.filterNodes((key, attrs) => {
      if (!isEntityNode(attrs) || !['Agency', 'Party', 'Organization'].includes(attrs.kind)) return false;
      return new Set(documentsOf(corpus, key).map((doc) => COUNTRY[doc])).size > 1;
    });
    const expected = ACROSS_COUNTRIES.map(([kind, form]) => {
      const nodes = corpus.filterNodes((_k, a) => isEntityNode(a) && a.kind === kind && a.aliases.includes(form));
      expect(nodes, form).toHaveLength(1);
      return nodes[0]!;
    });
    expect(joined.sort()).toEqual(expected.sort());
  });

  it('makes every body, party and person two articles of one country name one node', () => {
    for (const [kind, form, docs] of SAME_COUNTRY) {
      const nodes = corpus.filterNodes(
        (key, a) => isEntityNode(a) && a.kind === kind && a.aliases.includes(form) && documentsOf(corpus, key).some((doc) => docs.includes(doc)),
      );
      expect(nodes, `${kind} ${form} in ${docs.join(', ')}`).toHaveLength(1);
      expect(documentsOf(corpus, nodes[0]!), form).toEqual(expect.arrayContaining(docs));
    }
  });

  it('keeps the Senates, Congresses and National Assemblies of different countries apart', () => {
    for (const form of ['Senate', 'Congress', 'National Assembly', 'Supreme Court', 'Interior Ministry', 'Labour']) {
      const nodes = corpus.filterNodes((_k, a) => isEntityNode(a) && a.aliases.includes(form));
      const countries = nodes.map((key) => new Set(documentsOf(corpus, key).map((doc) => COUNTRY[doc])));
      // As many nodes as countries whose articles use the name, none shared.
      expect(countries.every((c) => c.size === 1), form).toBe(true);
      expect(new Set(countries.map((c) => [...c][0])).size, form).toBe(nodes.length);
    }
  });
});

describe('order and split independence (fast-check)', () => {
  const expected = graphToJson(corpus);

  it('merges any split of the articles, in any order, to the same bytes', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(graphs, { minLength: graphs.length }), fc.integer({ min: 1, max: graphs.length - 1 }), (order, cut) => {
        const parts = [mergeGraphs(order.slice(0, cut)), mergeGraphs(order.slice(cut))];
        expect(graphToJson(mergeGraphs(parts))).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });

  it('places every record as the corpus does when articles load in any order, one at a time or many to a transaction, by the database’s rule', () => {
    // Where the corpus puts each record: its MENTIONED_IN's node.
    const corpusNode = new Map<string, string>();
    for (const list of graphRecords(corpus).values()) for (const { node, record } of list) corpusNode.set(`${record.doc} ${record.articleKey}`, node);
    const articles: ArticleRecords[] = graphs.flatMap((graph) => [...graphRecords(graph)].map(([doc, records]) => ({ doc, records })));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(articles, { minLength: articles.length }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: articles.length, maxLength: articles.length }),
        fc.integer({ min: 0, max: articles.length - 1 }),
        (order, sizes, again) => {
          // The order cut into transactions of 1 to 8 articles (src/neo4j/write.ts plans each batch at once).
          const batches: ArticleRecords[][] = [];
          for (let i = 0, b = 0; i < order.length; i += sizes[b]!, b += 1) batches.push(order.slice(i, i + sizes[b]!));
          // The database: each loaded record on its node, moved as later batches decide.
          const stored = new Map<string, StoredRecord>();
          const apply = (batch: ArticleRecords[]) => {
            const plan = planBatch(batch, [...stored.values()]);
            for (const move of plan.moves) stored.get(`${move.doc} ${move.articleKey}`)!.node = move.to;
            for (const { doc, records } of batch) {
              for (const { node, record } of records) stored.set(`${doc} ${record.articleKey}`, { node: plan.nodeOf.get(doc)!.get(node)!, record });
            }
            return plan;
          };
          for (const batch of batches) apply(batch);
          for (const [at, { node }] of stored) expect(node, at).toBe(corpusNode.get(at));
          // Loading an article again moves nothing.
          expect(apply([order[again]!]).moves).toEqual([]);
          for (const [at, { node }] of stored) expect(node, at).toBe(corpusNode.get(at));
        },
      ),
      { numRuns: 40 },
    );
  });
});
