/**
 * Stage 5: facts. From sentences, tokens and resolved entities to quotes
 * (with speakers), roles and relations, each with provenance.
 */
import type { Entity, Mention, NormalizedText, Quote, Relation, Role, Sentence } from '../types.js';
import type { Token } from '../recognize/index.js';
import { buildViews, mainSubject, type Discourse, type Located } from './discourse.js';
import { extractQuotes } from './quotes.js';
import { extractRoles } from './roles.js';
import { extractRelations } from './relations.js';

export interface Facts {
  quotes: Quote[];
  roles: Role[];
  relations: Relation[];
}

/** Who a he/she at the start of each sentence most likely means: the last person subject or speaker. */
function trackFocus(discourse: Discourse): void {
  let focus: Entity | undefined;
  for (const view of discourse.views) {
    discourse.focusBefore[view.sentence.index] = focus;
    const subject = mainSubject(view, discourse);
    if (subject && subject.entity.kind === 'Person') focus = subject.entity;
  }
}

export function extractFacts(
  norm: NormalizedText,
  sentences: Sentence[],
  tokens: Token[][],
  entities: Entity[],
  entityOf: Map<Mention, Entity>,
  doc: string,
): Facts {
  const located: Located[] = [...entityOf.entries()].map(([mention, entity]) => ({ mention, entity }));
  const discourse: Discourse = { norm, views: buildViews(sentences, tokens, located), focusBefore: [] };
  trackFocus(discourse);
  const quotes = extractQuotes(discourse, doc);
  const roles = extractRoles(discourse, doc);
  const relations = extractRelations(discourse, entities, roles, doc);
  return { quotes, roles, relations };
}
