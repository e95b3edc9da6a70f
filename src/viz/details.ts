/**
 * What the side panel shows for a node, read off the graph: kind, aliases,
 * roles, quotes with their speaker and source sentence, relations. Computed
 * in Node so the browser only renders text.
 */
import type { DocumentNodeAttributes, EdgeAttributes, NewsGraph, NodeAttributes, QuoteNodeAttributes } from '../types.js';
import { isEntityNode } from '../types.js';
import type { NodeDetails, QuoteDetail, RelationDetail, SourceSentence } from './payload.js';

/** Edge types listed under "relations" (quotes and mentions have their own sections). */
const RELATION_TYPES = new Set(['HOLDS_ROLE', 'MEMBER_OF', 'SUPPORTS', 'OPPOSES', 'TARGETED', 'PART_OF', 'RELATED']);

/** A document's display name: its title, else its name without folders (a document's name defaults to its file path). */
export function documentName(attrs: DocumentNodeAttributes): string {
  return attrs.title ?? (attrs.name.replace(/^.*[\\/]/, '') || attrs.name);
}

/** A node's display name: entity or document name, or the quote's words. */
export function nodeName(attrs: NodeAttributes): string {
  if (attrs.kind === 'Quote') return attrs.text;
  if (attrs.kind === 'Document') return documentName(attrs);
  return attrs.name;
}

/** The sentence `index` of document `doc`, from the graph's `sentences` attribute. */
export function sourceSentence(graph: NewsGraph, doc: string | undefined, index: number | undefined): SourceSentence | undefined {
  if (doc === undefined || index === undefined) return undefined;
  const sentences = graph.getAttribute('sentences')?.[doc];
  const found = sentences?.[index]?.index === index ? sentences[index] : sentences?.find((s) => s.index === index);
  return found ? { doc, index, text: found.text } : undefined;
}

function ref(graph: NewsGraph, key: string): { key: string; name: string } {
  return { key, name: nodeName(graph.getNodeAttributes(key)) };
}

/** Everything known about one quote node: speaker (SAID source), topics (ABOUT targets), sentence. */
export function quoteDetail(graph: NewsGraph, key: string): QuoteDetail {
  const attrs = graph.getNodeAttributes(key) as QuoteNodeAttributes;
  const detail: QuoteDetail = { key, text: attrs.text, direct: attrs.direct, about: [] };
  graph.forEachInEdge(key, (_edge, edgeAttrs: EdgeAttributes, source) => {
    if (edgeAttrs.type !== 'SAID' || detail.speaker) return;
    detail.speaker = ref(graph, source);
    if (edgeAttrs.verb) detail.verb = edgeAttrs.verb;
  });
  graph.forEachOutEdge(key, (_edge, edgeAttrs: EdgeAttributes, _source, target) => {
    if (edgeAttrs.type === 'ABOUT') detail.about.push(ref(graph, target));
  });
  const sentence =
    sourceSentence(graph, attrs.doc, attrs.sentence) ??
    (attrs.context ? { doc: attrs.doc, index: attrs.sentence, text: attrs.context } : undefined);
  if (sentence) detail.sentence = sentence;
  return detail;
}

function relationDetail(graph: NewsGraph, attrs: EdgeAttributes, direction: 'out' | 'in', otherKey: string): RelationDetail {
  const other = graph.getNodeAttributes(otherKey);
  const detail: RelationDetail = {
    type: attrs.type,
    direction,
    other: { key: otherKey, name: nodeName(other), kind: other.kind },
  };
  if (attrs.verb) detail.verb = attrs.verb;
  if (attrs.title) detail.title = attrs.title;
  const sentence = sourceSentence(graph, attrs.doc, attrs.sentence);
  if (sentence) detail.sentence = sentence;
  return detail;
}

/** Sort by where the fact sits in the article, so the panel reads in story order. */
function byPosition<T extends { sentence?: SourceSentence }>(a: T, b: T): number {
  return (a.sentence?.index ?? Infinity) - (b.sentence?.index ?? Infinity);
}

export function nodeDetails(graph: NewsGraph, key: string): NodeDetails {
  const attrs = graph.getNodeAttributes(key);
  const details: NodeDetails = {
    key,
    kind: attrs.kind,
    name: nodeName(attrs),
    aliases: [],
    roles: [],
    quotes: [],
    quotedAbout: [],
    relations: [],
    facts: [],
  };
  if (isEntityNode(attrs)) {
    details.aliases = attrs.aliases.filter((alias) => alias !== attrs.name);
    details.mentions = attrs.mentions;
  }
  if (attrs.kind === 'Quote') details.quotes.push(quoteDetail(graph, key));
  if (attrs.kind === 'Document') {
    if (attrs.title) details.facts.push({ label: 'Title', value: attrs.title });
    if (attrs.url) details.facts.push({ label: 'URL', value: attrs.url });
    if (attrs.published) details.facts.push({ label: 'Published', value: attrs.published });
    if (attrs.source) details.facts.push({ label: 'Source', value: attrs.source });
    details.facts.push({ label: 'Words', value: String(attrs.words) });
  }

  graph.forEachOutEdge(key, (_edge, edgeAttrs: EdgeAttributes, _source, target) => {
    if (edgeAttrs.type === 'SAID' && graph.getNodeAttribute(target, 'kind') === 'Quote') {
      details.quotes.push(quoteDetail(graph, target));
    } else if (edgeAttrs.type === 'HOLDS_ROLE') {
      const role: NodeDetails['roles'][number] = { title: edgeAttrs.title ?? 'role' };
      if (graph.getNodeAttribute(target, 'kind') !== 'Document') role.organization = ref(graph, target);
      const sentence = sourceSentence(graph, edgeAttrs.doc, edgeAttrs.sentence);
      if (sentence) role.sentence = sentence;
      details.roles.push(role);
      details.relations.push(relationDetail(graph, edgeAttrs, 'out', target));
    } else if (RELATION_TYPES.has(edgeAttrs.type)) {
      details.relations.push(relationDetail(graph, edgeAttrs, 'out', target));
    }
  });
  graph.forEachInEdge(key, (_edge, edgeAttrs: EdgeAttributes, source) => {
    if (edgeAttrs.type === 'ABOUT' && attrs.kind !== 'Quote') {
      details.quotedAbout.push(quoteDetail(graph, source));
    } else if (RELATION_TYPES.has(edgeAttrs.type)) {
      details.relations.push(relationDetail(graph, edgeAttrs, 'in', source));
    }
  });
  details.quotes.sort(byPosition);
  details.quotedAbout.sort(byPosition);
  // Titles the text gives without naming an organisation have no HOLDS_ROLE edge; list them too.
  if (isEntityNode(attrs)) {
    for (const { title, doc, sentence: index } of attrs.titles ?? []) {
      const role: NodeDetails['roles'][number] = { title };
      const sentence = sourceSentence(graph, doc, index);
      if (sentence) role.sentence = sentence;
      details.roles.push(role);
    }
  }
  details.roles.sort(byPosition);
  details.relations.sort(byPosition);
  return details;
}
