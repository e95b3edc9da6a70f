/**
 * Corpus extraction on real articles through extract(): the worker pool
 * gives the same graph for any --jobs and any input order, and articles that
 * name the same person build one node holding both documents' facts.
 * (Under vitest the workers load the TypeScript sources through tsx; the
 * CLI test in corpus-cli.test.ts covers the compiled dist/ workers.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticles, extractCorpus, type Article } from '../src/corpus/index.js';
import { extract } from '../src/extract.js';
import { graphToJson } from '../src/io/graph.js';
import { readGraph } from '../src/cli/graph-input.js';
import type { NewsGraph } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SEED = join(FIXTURES, 'seed', 'canada-election-interference.txt');
const BRIEF = join(FIXTURES, 'corpus', 'musk-afd-rally-brief.txt');
const ARTICLES = ['germany-afd-surveillance-vote', 'britain-haddon-vale-byelection', 'us-senate-disaster-aid', 'kenya-finance-bill-protests'];

function article(id: string, path: string): Article {
  return { id, text: readFileSync(path, 'utf8'), source: path };
}

const corpus: Article[] = [
  ...ARTICLES.map((name) => article(name, join(FIXTURES, 'articles', `${name}.txt`))),
  article('seed', SEED),
  article('brief', BRIEF),
];

/** Graph JSON with nodes and edges sorted by key: what "the same graph" means. */
function sortedJson(graph: NewsGraph): string {
  const data = graph.export();
  const byKey = (a: { key?: string }, b: { key?: string }) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0);
  return JSON.stringify({ ...data, nodes: [...data.nodes].sort(byKey), edges: [...data.edges].sort(byKey) });
}

const edgesOf = (graph: NewsGraph, node: string, type: string) =>
  graph.edges(node).filter((edge) => graph.getEdgeAttribute(edge, 'type') === type);

describe('extractCorpus on real articles', () => {
  let one: NewsGraph;
  beforeAll(async () => {
    one = await extractCorpus(corpus, { jobs: 1 });
  });

  it('gives identical graph JSON with --jobs 1 and --jobs 2, in any input order', async () => {
    const two = await extractCorpus([...corpus].reverse(), { jobs: 2 });
    const shuffled = await extractCorpus([corpus[3]!, corpus[5]!, corpus[0]!, corpus[4]!, corpus[2]!, corpus[1]!], { jobs: 2 });
    expect(one.getAttribute('documents')).toHaveLength(6);
    expect(one.order).toBeGreaterThan(150);
    expect(sortedJson(two)).toBe(sortedJson(one));
    expect(sortedJson(shuffled)).toBe(sortedJson(one));
    // Not only the same set: the same bytes, since the merge fixes the order.
    expect(graphToJson(two)).toBe(graphToJson(one));
  });

  it('is the union of the article graphs: every article node and quote is there, in its document', () => {
    for (const { id, text, source } of corpus) {
      const single = extract(text, { id, source });
      single.forEachNode((key, attrs) => {
        if (attrs.kind === 'Quote' || attrs.kind === 'Document') expect(one.getNodeAttributes(key)).toEqual(attrs);
      });
      const quotes = single.filterNodes((_key, attrs) => attrs.kind === 'Quote').length;
      expect(one.filterNodes((_key, attrs) => attrs.kind === 'Quote' && attrs.doc === id)).toHaveLength(quotes);
    }
  });

  it('makes one node of a person named in two articles, holding both documents\' facts', () => {
    // The brief only ever says "Musk"; the seed says "Elon Musk".
    expect(extract(readFileSync(BRIEF, 'utf8'), { id: 'brief' }).hasNode('Person:Musk')).toBe(true);
    expect(one.hasNode('Person:Musk')).toBe(false);
    const musk = one.getNodeAttributes('Person:Elon Musk');
    expect(musk).toMatchObject({ kind: 'Person', name: 'Elon Musk' });
    const documents = edgesOf(one, 'Person:Elon Musk', 'MENTIONED_IN').map((edge) => one.target(edge)).sort();
    expect(documents).toEqual(['Document:brief', 'Document:seed']);
    const saidIn = new Set(edgesOf(one, 'Person:Elon Musk', 'SAID').map((edge) => one.getEdgeAttribute(edge, 'doc')));
    expect([...saidIn].sort()).toEqual(['brief', 'seed']);
    const quote = one.findNode((_key, attrs) => attrs.kind === 'Quote' && attrs.text.includes('proud of German culture'));
    expect(quote).toBeDefined();
    expect(one.inNeighbors(quote!)).toEqual(['Person:Elon Musk']);
    // The seed's own Musk quote is on the same node.
    const tool = one.findNode((_key, attrs) => attrs.kind === 'Quote' && attrs.text.includes('insufferable tool'));
    expect(tool).toBeDefined();
    expect(one.inNeighbors(tool!)).toContain('Person:Elon Musk');
  });

  it('keeps every fact\'s document in its edge key and attributes', () => {
    one.forEachEdge((edge, attrs) => {
      if (attrs.type === 'MENTIONED_IN') return;
      expect(typeof attrs.doc).toBe('string');
      expect(edge).toContain(`:${attrs.doc}:`);
    });
  });
});

describe('extractArticles', () => {
  it('hands graphs back in input order whatever finishes first', async () => {
    // A long article first and short ones after: with 2 workers the short ones finish first.
    const order: string[] = [];
    for await (const { graph, words } of extractArticles([corpus[4]!, corpus[5]!, corpus[1]!], { jobs: 2 })) {
      order.push(graph.attributes.documents[0]!);
      expect(words).toBeGreaterThan(50);
    }
    expect(order).toEqual(['seed', 'brief', 'britain-haddon-vale-byelection']);
  });

  it('stops with a one-line error naming the article that failed', async () => {
    const bad: Article = { id: 'bad', text: ' \n ', source: 'feed.jsonl:7' };
    const run = async () => {
      for await (const _ of extractArticles([corpus[5]!, bad, corpus[5]!], { jobs: 2 })) void _;
    };
    await expect(run()).rejects.toThrow(/^feed\.jsonl:7: input has no sentences/);
  });
});

describe('readGraph', () => {
  it('reads a JSONL stream on stdin into the same graph as the files', async () => {
    const lines = corpus.slice(4).map(({ id, text }) => JSON.stringify({ id, text, title: `Title of ${id}` })).join('\n');
    const fromStdin = await readGraph(['-'], { jobs: 2, progress: false, stdin: Readable.from([Buffer.from(lines)]) });
    const fromMemory = await extractCorpus(corpus.slice(4), { jobs: 1 });
    expect(fromStdin.getAttribute('documents')).toEqual(['brief', 'seed']);
    expect(fromStdin.getNodeAttribute('Document:seed', 'title')).toBe('Title of seed');
    expect(fromStdin.order).toBe(fromMemory.order);
    expect(fromStdin.size).toBe(fromMemory.size);
  });

  it('reads graph JSON on stdin as a graph, and merges it with articles', async () => {
    const brief = await extractCorpus(corpus.slice(5), { jobs: 1 });
    const json = graphToJson(brief);
    const again = await readGraph(['-'], { progress: false, stdin: Readable.from([Buffer.from(json)]) });
    expect(graphToJson(again)).toBe(json);
    const both = await readGraph(['-', SEED], { jobs: 1, progress: false, stdin: Readable.from([Buffer.from(json)]) });
    expect(both.getAttribute('documents')).toEqual(['brief', 'canada-election-interference']);
    expect(edgesOf(both, 'Person:Elon Musk', 'MENTIONED_IN')).toHaveLength(2);
  });
});
