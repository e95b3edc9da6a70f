/**
 * A summary of everything a corpus says by and about one entity. The
 * entity's slice of the corpus graph (`entitySubgraph`) cites sentences from
 * many documents; they are read as one virtual article (documents in graph
 * order, sentences in their order, offsets shifted so documents never
 * overlap), summarized like any article, and every source is mapped back to
 * its own document, sentence and offsets.
 */
import { MultiDirectedGraph } from 'graphology';
import { entitySubgraph, findEntity } from '../corpus/entity.js';
import type { EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from '../types.js';
import { countWords } from './budget.js';
import { summarizeGraph } from './summary.js';
import type { SourceRef, Summary, SummarizeOptions } from './types.js';

type SentenceInfo = NonNullable<GraphAttributes['sentences']>[string][number];

interface Origin {
  doc: string;
  sentence: number;
  start: number;
  end: number;
  /** Added to this document's offsets in the virtual article. */
  shift: number;
}

/** Summarize what the corpus says by and about the entity `name` (a key, name or alias). */
export function summarizeEntity(graph: NewsGraph, name: string, options: Omit<SummarizeOptions, 'doc'> = {}): Summary {
  const center = findEntity(graph, name);
  const slice = entitySubgraph(graph, center);
  const doc = `entity:${center}`;
  const sentences = slice.getAttribute('sentences') ?? {};

  // One virtual article: each document's cited sentences, after the previous document's.
  const virtual: SentenceInfo[] = [];
  const origins: Origin[] = [];
  const shiftOf = new Map<string, number>();
  const sentenceOf = new Map<string, number>();
  let base = 0;
  let paragraph = 0;
  for (const d of slice.getAttribute('documents') ?? []) {
    const list = [...(sentences[d] ?? [])].sort((a, b) => a.index - b.index);
    if (list.length === 0) continue;
    shiftOf.set(d, base);
    for (const s of list) {
      sentenceOf.set(`${d}#${s.index}`, virtual.length);
      origins.push({ doc: d, sentence: s.index, start: s.start, end: s.end, shift: base });
      virtual.push({ ...s, index: virtual.length, start: s.start + base, end: s.end + base, paragraph: paragraph + s.paragraph });
    }
    base = Math.max(...list.map((s) => s.end)) + base + 1;
    paragraph += Math.max(...list.map((s) => s.paragraph)) + 1;
  }

  const g: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.replaceAttributes({ documents: [doc], sentences: { [doc]: virtual } });
  const words = virtual.reduce((n, s) => n + countWords(s.text), 0);
  g.addNode(`Document:${doc}`, { kind: 'Document', name: doc, id: doc, words });
  type Placed = { doc?: string; sentence?: number; start?: number; end?: number; pieces?: Array<{ start: number; end: number }> };
  const move = <T extends Placed>(attrs: T): T | undefined => {
    if (attrs.doc === undefined) return attrs;
    const shift = shiftOf.get(attrs.doc);
    const sentence = sentenceOf.get(`${attrs.doc}#${attrs.sentence}`);
    if (shift === undefined || sentence === undefined) return undefined;
    return {
      ...attrs, doc, sentence,
      ...(attrs.start !== undefined ? { start: attrs.start + shift } : {}),
      ...(attrs.end !== undefined ? { end: attrs.end + shift } : {}),
      ...(attrs.pieces !== undefined ? { pieces: attrs.pieces.map((p) => ({ start: p.start + shift, end: p.end + shift })) } : {}),
    };
  };
  slice.forEachNode((key, attrs) => {
    if (attrs.kind === 'Document') return;
    const moved = attrs.kind === 'Quote' ? move(attrs) : attrs;
    if (moved) g.addNode(key, moved);
  });
  slice.forEachEdge((key, attrs, source, target) => {
    if (attrs.type === 'MENTIONED_IN' || !g.hasNode(source) || !g.hasNode(target)) return;
    const moved = move(attrs);
    if (moved) g.addEdgeWithKey(key, source, target, moved);
  });

  const summary = summarizeGraph(g, { ...options, doc });
  // Back from the virtual article to each sentence's own document and offsets.
  const back = (ref: SourceRef): SourceRef => {
    const o = origins[ref.sentence]!;
    return { doc: o.doc, sentence: o.sentence, start: o.start, end: o.end };
  };
  const paragraphs = summary.paragraphs.map((p) => ({
    ...p,
    sentences: p.sentences.map((s) => ({ ...s, sources: s.sources.map(back) })),
  }));
  return { ...summary, doc: center, paragraphs };
}
