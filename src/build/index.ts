/**
 * Stage 6: an Analysis becomes a graphology MultiDirectedGraph with the
 * shape DESIGN.md fixes. Node keys are the article's identities (identify/);
 * edge keys are built from them, the document and the offsets. Both are
 * decided by the article alone, so the same article gives the same keys
 * alone or in any corpus, and Neo4j MERGEs are idempotent.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Analysis, EdgeAttributes, EntityNodeAttributes, GraphAttributes, NewsGraph, NodeAttributes, Role, TitleMention } from '../types.js';
import { identify, type Identity } from '../identify/index.js';
import { compareStrings, fullestName } from '../names.js';

export const documentKey = (doc: string) => `Document:${doc}`;
export const quoteKey = (doc: string, start: number) => `Quote:${doc}:${start}`;
/** `TYPE:source->target:doc:start`; a MENTIONED_IN, one per entity and document, needs neither. */
export const edgeKey = (type: string, source: string, target: string, doc?: string, start?: number) =>
  start === undefined || doc === undefined ? `${type}:${source}->${target}` : `${type}:${source}->${target}:${doc}:${start}`;

export function createGraph(): NewsGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
}

function addEdge(graph: NewsGraph, source: string, target: string, attributes: EdgeAttributes): void {
  const key = edgeKey(attributes.type, source, target, attributes.doc, attributes.type === 'MENTIONED_IN' ? undefined : attributes.start);
  if (!graph.hasNode(source) || !graph.hasNode(target) || graph.hasEdge(key) || source === target) return;
  graph.addDirectedEdgeWithKey(key, source, target, attributes);
}

/** One node's attributes and MENTIONED_IN record, from the entities of the article that share its key. */
interface NodeDraft {
  identities: Identity[];
  forms: Set<string>;
  mentions: number;
  titles: TitleMention[];
}

/**
 * A title held without a named institution, spanning its own words inside
 * the role's span (`chief electoral officer` in `chief electoral officer
 * Danuta Wiśniewska`); the role's span where the text words it otherwise.
 */
function titleMention(role: Role, original: string): TitleMention {
  const at = original.slice(role.start, role.end).toLowerCase().indexOf(role.title.toLowerCase());
  const start = at < 0 ? role.start : role.start + at;
  const end = at < 0 ? role.end : start + role.title.length;
  return { title: role.title, doc: role.doc, sentence: role.sentence, start, end };
}

/** Each title once per person, at its first mention. */
function addTitle(titles: TitleMention[], title: TitleMention): void {
  const same = titles.findIndex((t) => t.title.toLowerCase() === title.title.toLowerCase());
  if (same < 0) titles.push(title);
  else if (title.start < titles[same]!.start) titles[same] = title;
}

/** `identities`: each entity's identity (default: the article's own, from identify()). */
export function buildGraph(analysis: Analysis, identities: Map<string, Identity> = identify(analysis)): NewsGraph {
  const graph = createGraph();
  const keyOf = (entity: string) => identities.get(entity)?.key ?? entity;
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

  // Entities that share a key (two spellings of one name) are one node.
  const drafts = new Map<string, NodeDraft>();
  for (const entity of analysis.entities) {
    const identity = identities.get(entity.id) ?? { key: entity.id, kind: entity.kind, name: entity.name, rule: 'name', forms: entity.aliases };
    const draft = drafts.get(identity.key) ?? { identities: [], forms: new Set<string>(), mentions: 0, titles: [] };
    draft.identities.push(identity);
    for (const form of identity.forms) draft.forms.add(form);
    draft.mentions += entity.mentions.length;
    drafts.set(identity.key, draft);
  }
  // A title whose institution is named is a HOLDS_ROLE edge (below); one without stays on the person.
  for (const role of analysis.roles) {
    if (role.organization === undefined) {
      const draft = drafts.get(keyOf(role.person));
      if (draft) addTitle(draft.titles, titleMention(role, analysis.normalized.original));
    }
  }
  for (const [key, { identities: same, forms, mentions, titles }] of drafts) {
    const aliases = [...forms].sort(compareStrings);
    const name = fullestName(same.map((i) => i.name));
    const identity = same.find((i) => i.name === name)!;
    const node: EntityNodeAttributes = { kind: identity.kind, name, aliases, mentions };
    if (titles.length > 0) node.titles = titles.sort((a, b) => a.start - b.start);
    if (identity.jurisdiction) node.jurisdiction = identity.jurisdiction;
    graph.addNode(key, node);
    // The article's identity of the entity, kept for folding corpora (identify/fold.ts) and for `newsgraph entities`.
    const record: EdgeAttributes = { type: 'MENTIONED_IN', count: mentions, articleKey: key, name, forms: aliases, rule: identity.rule };
    if (identity.jurisdiction) record.jurisdiction = identity.jurisdiction;
    if (identity.cue) record.cue = identity.cue;
    if (identity.group) record.group = identity.group;
    if (node.titles) record.titles = node.titles;
    if (same.some((i) => i.certain)) record.certain = true;
    addEdge(graph, key, docKey, record);
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
      ...(quote.pieces ? { pieces: quote.pieces.map(({ start, end }) => ({ start, end })) } : {}),
      ...(!quote.speaker && quote.speakerMention
        ? { speakerText: quote.speakerMention.text, speakerStart: quote.speakerMention.start, speakerEnd: quote.speakerMention.end }
        : {}),
    });
    if (quote.speaker) {
      const mention = quote.speakerMention ? { mentionStart: quote.speakerMention.start, mentionEnd: quote.speakerMention.end } : {};
      addEdge(graph, keyOf(quote.speaker), key, { type: 'SAID', verb: quote.verb ?? 'said', ...mention, ...provenance });
    }
    for (const target of quote.about) addEdge(graph, key, keyOf(target), { type: 'ABOUT', ...provenance });
  }

  for (const role of analysis.roles) {
    if (!role.organization) continue;
    addEdge(graph, keyOf(role.person), keyOf(role.organization), {
      type: 'HOLDS_ROLE',
      title: role.title,
      doc: doc.id,
      sentence: role.sentence,
      start: role.start,
      end: role.end,
    });
  }
  for (const r of analysis.relations) {
    addEdge(graph, keyOf(r.source), keyOf(r.target), {
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
