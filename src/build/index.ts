/**
 * Stage 6: an Analysis becomes a graphology MultiDirectedGraph with the
 * shape DESIGN.md fixes. Keys are stable (derived from names and offsets), so
 * the same article always gives the same graph and Neo4j MERGEs are idempotent.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Analysis, EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from '../types.js';

export const documentKey = (doc: string) => `Document:${doc}`;
export const quoteKey = (doc: string, start: number) => `Quote:${doc}:${start}`;
export const edgeKey = (type: string, source: string, target: string, start?: number) =>
  start === undefined ? `${type}:${source}->${target}` : `${type}:${source}->${target}:${start}`;

export function createGraph(): NewsGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
}

function addEdge(graph: NewsGraph, source: string, target: string, attributes: EdgeAttributes): void {
  const key = edgeKey(attributes.type, source, target, attributes.type === 'MENTIONED_IN' ? undefined : attributes.start);
  if (!graph.hasNode(source) || !graph.hasNode(target) || graph.hasEdge(key) || source === target) return;
  graph.addDirectedEdgeWithKey(key, source, target, attributes);
}

export function buildGraph(analysis: Analysis): NewsGraph {
  const graph = createGraph();
  const { doc } = analysis;
  const docKey = documentKey(doc.id);
  graph.replaceAttributes({
    documents: [doc.id],
    sentences: {
      [doc.id]: analysis.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: s.text, paragraph: s.paragraph })),
    },
  });

  graph.addNode(docKey, {
    kind: 'Document',
    id: doc.id,
    name: doc.title ?? doc.source ?? doc.id,
    words: analysis.words,
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.published ? { published: doc.published } : {}),
    ...(doc.source ? { source: doc.source } : {}),
    ...(analysis.normalized.instruction ? { instruction: analysis.normalized.instruction } : {}),
  });

  const titles = new Map<string, Set<string>>();
  for (const role of analysis.roles) {
    const set = titles.get(role.person) ?? new Set<string>();
    set.add(role.title);
    titles.set(role.person, set);
  }
  for (const entity of analysis.entities) {
    const held = titles.get(entity.id);
    graph.addNode(entity.id, {
      kind: entity.kind,
      name: entity.name,
      aliases: entity.aliases,
      mentions: entity.mentions.length,
      ...(held ? { titles: [...held] } : {}),
    });
    addEdge(graph, entity.id, docKey, { type: 'MENTIONED_IN', count: entity.mentions.length });
  }

  for (const quote of analysis.quotes) {
    const key = quoteKey(doc.id, quote.start);
    const provenance = { doc: doc.id, sentence: quote.sentence, start: quote.start, end: quote.end };
    graph.addNode(key, {
      kind: 'Quote',
      text: quote.text,
      direct: quote.direct,
      ...provenance,
      context: analysis.sentences[quote.sentence]?.text ?? '',
      ...(!quote.speaker && quote.speakerMention
        ? { speakerText: quote.speakerMention.text, speakerStart: quote.speakerMention.start, speakerEnd: quote.speakerMention.end }
        : {}),
    });
    if (quote.speaker) {
      const mention = quote.speakerMention ? { mentionStart: quote.speakerMention.start, mentionEnd: quote.speakerMention.end } : {};
      addEdge(graph, quote.speaker, key, { type: 'SAID', verb: quote.verb ?? 'said', ...mention, ...provenance });
    }
    for (const target of quote.about) addEdge(graph, key, target, { type: 'ABOUT', ...provenance });
  }

  for (const role of analysis.roles) {
    if (!role.organization) continue;
    addEdge(graph, role.person, role.organization, {
      type: 'HOLDS_ROLE',
      title: role.title,
      doc: doc.id,
      sentence: role.sentence,
      start: role.start,
      end: role.end,
    });
  }
  for (const r of analysis.relations) {
    addEdge(graph, r.source, r.target, {
      type: r.type,
      ...(r.verb ? { verb: r.verb } : {}),
      doc: doc.id,
      sentence: r.sentence,
      start: r.start,
      end: r.end,
    });
  }
  return graph;
}
