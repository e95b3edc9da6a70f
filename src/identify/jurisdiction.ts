/**
 * The country a shared name belongs to, read from its article alone. Cues,
 * strongest first:
 *
 *   qualifier  a country right beside a mention: `Australia’s Senate`,
 *              `the U.S. Senate`, `the National Assembly of Kenya`, or a
 *              PART_OF relation the article states
 *   officials  the country its members or officers hold office in
 *              (`Senator X …`, and X is also `Mexico's ambassador`)
 *   dateline   the place the article is filed from (`MANILA, Philippines —`)
 *   article    the country the article is about: its countries and the places
 *              that belong to one (capitals, states, provinces), counted by
 *              mention, when one clearly leads
 */
import type { Analysis, Entity } from '../types.js';
import { countryOfPlace } from '../lexicons/index.js';
import type { JurisdictionCue } from './types.js';

export interface Jurisdiction {
  country: string;
  cue: JurisdictionCue;
}

/** Where the article as a whole is: filed from, and mostly about. */
export interface ArticleSetting {
  dateline?: string;
  dominant?: string;
}

/** A country leads when it has more than this many times the runner-up's weight. */
const LEAD = 1.5;
/**
 * Between a country and the body it qualifies: nothing, a possessive, or one
 * describing word (`Australia’s Senate`, `the U.S. Senate`, `Britain’s new
 * Labour government`), never a small word that starts a phrase of its own
 * (`China’s ties with Labour`).
 */
const POSSESSOR_GAP = /^(?:['’]s)?\s+(?:(?!(?:with|and|or|of|to|for|in|on|at|by|from|as|than|that|the|a|an|but|while|after|before|over|against)\s)[\p{Ll}-]+\s+)?$/u;
/** A dateline is a short capitalised lead-in before a dash, in one of the first sentences. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\p{Ll}\d .,'’()&/-]{1,60}?\s(?:—|–|--|-)\s/u;

/** The country an entity is or belongs to: a State is itself, a capital or a province its country's. */
function countryOfEntity(entity: Entity): string | undefined {
  if (entity.kind === 'State') return entity.name;
  if (entity.kind !== 'Place') return undefined;
  for (const name of [entity.name, ...entity.aliases]) {
    const country = countryOfPlace(name);
    if (country) return country.name;
  }
  return undefined;
}

/** The one country with the most weight, when it clearly leads. */
function leader(weights: Map<string, number>): string | undefined {
  const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second] = ranked;
  if (!first || first[1] <= 0) return undefined;
  return !second || first[1] > LEAD * second[1] ? first[0] : undefined;
}

export function articleSetting(analysis: Analysis): ArticleSetting {
  const setting: ArticleSetting = {};
  const weights = new Map<string, number>();
  for (const entity of analysis.entities) {
    const country = countryOfEntity(entity);
    if (country) weights.set(country, (weights.get(country) ?? 0) + entity.mentions.length);
  }
  const dominant = leader(weights);
  if (dominant) setting.dominant = dominant;

  // The dateline: the places named in a capitalised lead-in before a dash in the first sentences (a title may come first).
  for (const sentence of analysis.sentences.slice(0, 3)) {
    const lead = DATELINE.exec(sentence.text);
    if (!lead) continue;
    const end = sentence.normStart + lead[0].length;
    const named = new Map<string, number>();
    for (const entity of analysis.entities) {
      const country = countryOfEntity(entity);
      if (country && entity.mentions.some((m) => m.normStart >= sentence.normStart && m.normEnd <= end)) named.set(country, 1);
    }
    const country = leader(named);
    if (country) setting.dateline = country;
    break;
  }
  return setting;
}

/** A country written right beside one of the entity's mentions, or a PART_OF the article states. */
function qualifier(entity: Entity, analysis: Analysis): string | undefined {
  const text = analysis.normalized.text;
  const countries = analysis.entities.filter((e) => e.kind === 'State');
  for (const m of entity.mentions) {
    for (const state of countries) {
      for (const s of state.mentions) {
        const before = s.normEnd <= m.normStart && POSSESSOR_GAP.test(text.slice(s.normEnd, m.normStart));
        const after = s.normStart >= m.normEnd && /^\s+of\s+(?:the\s+)?$/i.test(text.slice(m.normEnd, s.normStart));
        if (before || after) return state.name;
      }
    }
  }
  const states = new Map(countries.map((e) => [e.id, e.name]));
  const partOf = analysis.relations.find((r) => r.type === 'PART_OF' && r.source === entity.id && states.has(r.target));
  return partOf ? states.get(partOf.target) : undefined;
}

/** The country where the people who hold office in, or belong to, this body hold their other offices. */
function officials(entity: Entity, analysis: Analysis): string | undefined {
  const states = new Map(analysis.entities.filter((e) => e.kind === 'State').map((e) => [e.id, e.name]));
  const members = new Set<string>();
  for (const role of analysis.roles) if (role.organization === entity.id) members.add(role.person);
  for (const r of analysis.relations) if (r.type === 'MEMBER_OF' && r.target === entity.id) members.add(r.source);
  const weights = new Map<string, number>();
  for (const role of analysis.roles) {
    const country = role.organization ? states.get(role.organization) : undefined;
    if (country && members.has(role.person)) weights.set(country, (weights.get(country) ?? 0) + 1);
  }
  return leader(weights);
}

/** The entity's country by the strongest cue the article gives, if any. */
export function jurisdictionOf(entity: Entity, analysis: Analysis, setting: ArticleSetting): Jurisdiction | undefined {
  const near = qualifier(entity, analysis);
  if (near) return { country: near, cue: 'qualifier' };
  const office = officials(entity, analysis);
  if (office) return { country: office, cue: 'officials' };
  if (setting.dateline) return { country: setting.dateline, cue: 'dateline' };
  if (setting.dominant) return { country: setting.dominant, cue: 'article' };
  return undefined;
}
