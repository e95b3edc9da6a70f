/**
 * Identity records in a graph: each MENTIONED_IN edge carries how its
 * document identified the entity (build/ writes it). Reading them back is
 * what lets a corpus, or a database, fold articles again in any order.
 */
import type { EdgeAttributes, EntityNodeAttributes, NewsGraph } from '../types.js';
import { isEntityNode } from '../types.js';
import { foldGroup } from './names.js';
import type { IdentityRecord } from './types.js';

/** The record a MENTIONED_IN edge carries; for graphs written before records, made from the entity node. */
export function recordOf(doc: string, key: string, entity: EntityNodeAttributes, edge: EdgeAttributes): IdentityRecord {
  const record: IdentityRecord = {
    doc,
    kind: entity.kind,
    articleKey: edge.articleKey ?? key,
    name: edge.name ?? entity.name,
    forms: edge.forms ?? entity.aliases,
    count: edge.count ?? entity.mentions,
  };
  const group = edge.articleKey !== undefined ? edge.group : foldGroup(entity.kind, entity.name, entity.aliases);
  if (group !== undefined) record.group = group;
  if (edge.rule) record.rule = edge.rule;
  if (edge.jurisdiction) record.jurisdiction = edge.jurisdiction;
  if (edge.cue) record.cue = edge.cue;
  // A record keeps its own document's titles; a graph written before records has them on the node only.
  const titles = edge.articleKey !== undefined ? edge.titles : entity.titles?.filter((t) => t.doc === doc);
  if (titles && titles.length > 0) record.titles = titles;
  // Graphs written before records said nothing of it: their people count as shown.
  if (edge.articleKey === undefined || edge.certain === true) record.certain = true;
  return record;
}

/** A MENTIONED_IN edge's attributes: the record it stands for. */
export function mentionAttributes(record: IdentityRecord): EdgeAttributes {
  const attributes: EdgeAttributes = { type: 'MENTIONED_IN', count: record.count, articleKey: record.articleKey, name: record.name, forms: record.forms };
  if (record.rule) attributes.rule = record.rule;
  if (record.jurisdiction) attributes.jurisdiction = record.jurisdiction;
  if (record.cue) attributes.cue = record.cue;
  if (record.group !== undefined) attributes.group = record.group;
  if (record.titles) attributes.titles = record.titles;
  if (record.certain) attributes.certain = true;
  return attributes;
}

/** Every record of a graph with the node it sits on, by document. */
export function graphRecords(graph: NewsGraph): Map<string, Array<{ node: string; record: IdentityRecord }>> {
  const byDoc = new Map<string, Array<{ node: string; record: IdentityRecord }>>();
  graph.forEachEdge((_edge, attributes, source, _target, sourceAttributes, targetAttributes) => {
    if (attributes.type !== 'MENTIONED_IN' || targetAttributes.kind !== 'Document' || !isEntityNode(sourceAttributes)) return;
    const doc = targetAttributes.id;
    const list = byDoc.get(doc) ?? [];
    list.push({ node: source, record: recordOf(doc, source, sourceAttributes, attributes) });
    byDoc.set(doc, list);
  });
  return byDoc;
}
