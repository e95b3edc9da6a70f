/**
 * Stage 5b: entities → identities. Decides, from the article alone, the node
 * key and canonical name of every entity, so the same article gives the same
 * keys whether it is extracted alone, in a corpus, or loaded into Neo4j in
 * any order:
 *
 * - a person by their name (accents folded in the key); two names in one
 *   article that can be one person (`Donald Trump`, `Donald J. Trump`) are one
 * - a country by its canonical name
 * - a body, party or place whose name many countries share (shared-names.ts)
 *   by name and jurisdiction: `Senate (Australia)`; where the article does not
 *   tell the country, a key of this article's own (`Agency:Senate#<doc>`)
 * - anything else by its name; a party named only by ideology words by its
 *   canonical party name (`Democrats` → `Democratic Party`)
 *
 * Folding articles together (a bare `Albanese` joining `Anthony Albanese` of
 * another article) is fold.ts's, over the records these identities leave.
 */
import type { Analysis, Entity } from '../types.js';
import { articleSetting, jurisdictionOf } from './jurisdiction.js';
import { personNodes } from './fold.js';
import { compareStrings } from '../names.js';
import { foldGroup, keyText } from './names.js';
import { nameShape } from './shared-names.js';
import type { Identity } from './types.js';

export type { Identity, IdentityRecord, IdentityRule, JurisdictionCue, MergeReason } from './types.js';
export { append, placeRecords, nodeAttributes, type NodeIdentity, type Placement } from './fold.js';
export { graphRecords, mentionAttributes, recordOf } from './records.js';
export { keyText } from './names.js';

/** The key of a node that only this document may use. */
export const articleLocalKey = (kind: string, name: string, doc: string) => `${kind}:${keyText(name)}#${doc}`;

/** Persons of one article whose names can be one person, each mapped to the fullest name of its set (fold.ts's rule). */
function samePersons(names: string[]): Map<string, string> {
  const unique = [...new Set(names)];
  const nodeOf = personNodes(unique, new Map(unique.map((n) => [n, n])), new Map());
  return new Map(unique.map((n) => [n, nodeOf.get(n) ?? n]));
}

/** The article shows it is a person: a mention with evidence (`Mr`, a title), a quote it speaks, an office or party it holds. */
function showsPerson(entity: Entity, analysis: Analysis): boolean {
  return (
    entity.mentions.some((m) => !m.guess) ||
    analysis.quotes.some((q) => q.speaker === entity.id) ||
    analysis.roles.some((r) => r.person === entity.id) ||
    analysis.relations.some((r) => r.type === 'MEMBER_OF' && r.source === entity.id)
  );
}

function identifyEntity(entity: Entity, analysis: Analysis, setting: ReturnType<typeof articleSetting>): Identity {
  const forms = [...entity.aliases].sort(compareStrings);
  const { kind } = entity;
  if (kind === 'Person' || kind === 'State') {
    const identity: Identity = { key: `${kind}:${keyText(entity.name)}`, kind, name: entity.name, rule: 'name', forms };
    const group = foldGroup(kind, entity.name, forms);
    if (group) identity.group = group;
    if (kind === 'Person' && showsPerson(entity, analysis)) identity.certain = true;
    return identity;
  }
  const shape = nameShape(kind, entity.name);
  // Acronyms spell the name as written (`CSIS`, `ALP`), a party named by ideology words its canonical name.
  const group = foldGroup(kind, entity.name.includes(' ') ? entity.name : shape.base, forms);
  const withGroup = (identity: Identity): Identity => (group ? { ...identity, group } : identity);
  if (!shape.shared) return withGroup({ key: `${kind}:${keyText(shape.base)}`, kind, name: shape.base, rule: 'name', forms });
  const where = shape.country ? { country: shape.country.name, cue: 'name' as const } : jurisdictionOf(entity, analysis, setting);
  if (!where) return withGroup({ key: articleLocalKey(kind, shape.base, analysis.doc.id), kind, name: shape.base, rule: 'article-local', forms });
  // The key is the shared name and its country; a name that says its country itself (`Canadian Security
  // Intelligence Service`, `Australian Labor Party`) stays the canonical name, the others carry it: `Senate (Australia)`.
  const qualified = `${shape.base} (${where.country})`;
  const name = where.cue === 'name' ? entity.name : qualified;
  return withGroup({ key: `${kind}:${keyText(qualified)}`, kind, name, rule: 'jurisdiction', jurisdiction: where.country, cue: where.cue, forms });
}

/** Every entity's identity, by entity id. Entities that are one (same key) share it. */
export function identify(analysis: Analysis): Map<string, Identity> {
  const setting = articleSetting(analysis);
  const identities = new Map<string, Identity>();
  for (const entity of analysis.entities) identities.set(entity.id, identifyEntity(entity, analysis, setting));

  // Two full names of one person in one article share the fullest one's key.
  const persons = analysis.entities.filter((e) => e.kind === 'Person');
  const canonical = samePersons(persons.map((e) => e.name));
  const byName = new Map(persons.map((e) => [e.name, identities.get(e.id)!]));
  for (const person of persons) {
    const fullest = canonical.get(person.name)!;
    if (fullest === person.name) continue;
    const own = identities.get(person.id)!;
    const into = byName.get(fullest)!;
    identities.set(person.id, { ...into, forms: own.forms });
  }
  return identities;
}
