/**
 * Why each node of a corpus graph is what it is: the documents whose
 * entities it joins, the forms each used, and the rule that put them
 * together, read from the identity records on MENTIONED_IN edges and placed
 * again with the corpus's own rule (fold.ts). What `newsgraph entities` prints.
 */
import type { EntityKind, NewsGraph } from '../types.js';
import { append, placeRecords } from './fold.js';
import { compareStrings } from '../names.js';
import { graphRecords } from './records.js';
import type { IdentityRecord, MergeReason } from './types.js';

export interface RecordExplanation {
  doc: string;
  /** The key the document alone gave the entity. */
  articleKey: string;
  forms: string[];
  reason: MergeReason;
  /** One line for a reader: `same name`, `Senate in Australia (dateline)`, `surname of Anthony Albanese`. */
  why: string;
}

export interface EntityExplanation {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  jurisdiction?: string;
  documents: RecordExplanation[];
}

function why(record: IdentityRecord, reason: MergeReason, nodeName: string): string {
  switch (reason) {
    case 'surname':
      return `surname of ${nodeName}, the one person of that name in the corpus`;
    case 'full-name':
      return `${record.name} can be ${nodeName}: same first name and surname, middle names agree`;
    case 'acronym':
      return `acronym of ${nodeName}, the one name of its kind it spells`;
    case 'same-key':
      if (record.rule === 'jurisdiction') return `same name in ${record.jurisdiction} (country from the ${cueText(record.cue)})`;
      if (record.rule === 'article-local') return 'a name many countries share, country not told: this article only';
      return 'same name';
  }
}

function cueText(cue: IdentityRecord['cue']): string {
  switch (cue) {
    case 'name':
      return 'name itself';
    case 'qualifier':
      return 'words beside it';
    case 'officials':
      return 'offices its members hold';
    case 'dateline':
      return 'dateline';
    case 'article':
      return "article's main country";
    default:
      return 'article';
  }
}

/**
 * Every entity node with the records on it. `all: false` (the default) keeps
 * only nodes that join something: two or more documents, or forms their
 * documents keyed differently.
 */
export function explainEntities(graph: NewsGraph, options: { all?: boolean } = {}): EntityExplanation[] {
  const stored = [...graphRecords(graph).values()].flat();
  const placements = placeRecords(stored.map((s) => s.record));
  const byNode = new Map<string, Array<{ record: IdentityRecord; reason: MergeReason }>>();
  for (const { node, record } of stored) {
    append(byNode, node, { record, reason: placements.get(record)!.reason });
  }
  const explanations: EntityExplanation[] = [];
  for (const [key, records] of byNode) {
    const attributes = graph.getNodeAttributes(key);
    if (!('aliases' in attributes)) continue;
    const joins = new Set(records.map((r) => r.record.doc)).size > 1 || new Set(records.map((r) => r.record.articleKey)).size > 1;
    if (!joins && !options.all) continue;
    const documents = records
      .map(({ record, reason }) => ({ doc: record.doc, articleKey: record.articleKey, forms: record.forms, reason, why: why(record, reason, attributes.name) }))
      .sort((a, b) => compareStrings(a.doc, b.doc));
    const explanation: EntityExplanation = { key, kind: attributes.kind, name: attributes.name, aliases: attributes.aliases, documents };
    if (attributes.jurisdiction) explanation.jurisdiction = attributes.jurisdiction;
    explanations.push(explanation);
  }
  return explanations.sort((a, b) => b.documents.length - a.documents.length || compareStrings(a.key, b.key));
}
