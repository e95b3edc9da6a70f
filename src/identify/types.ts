/**
 * The identity stage's values: how one article identifies each entity it
 * names (Identity), and the record of that decision a graph keeps on each
 * MENTIONED_IN edge, from which a corpus (or Neo4j) folds articles together.
 */
import type { EntityKind, TitleMention } from '../types.js';

/** How an article identified an entity. */
export type IdentityRule =
  /** By its name alone: a person, a country, a body or party with a name of its own. */
  | 'name'
  /** A name many countries share (`Senate`), with the country the article ties it to: `Senate (Australia)`. */
  | 'jurisdiction'
  /** A shared name whose country the article does not tell: a node of this article's own. */
  | 'article-local';

/** What told the country, strongest first (see jurisdiction.ts). */
export type JurisdictionCue = 'name' | 'qualifier' | 'officials' | 'dateline' | 'article';

/** One entity as its article alone identifies it. */
export interface Identity {
  /** Node key: `Kind:Name`, the name's accents folded (`Person:Marie-Josee Hogue`, `Agency:Senate (Australia)`). */
  key: string;
  kind: EntityKind;
  /** Canonical name: `Marie-Josée Hogue`, `Senate (Australia)`. */
  name: string;
  rule: IdentityRule;
  /** The country, for rule `jurisdiction`. */
  jurisdiction?: string;
  cue?: JurisdictionCue;
  /** Every surface form the article used. */
  forms: string[];
  /** Names in one fold group may be one entity across articles (a surname, an acronym; see fold.ts). */
  group?: string;
  /** A person the article shows to be one: a mention with evidence (a title, `Mr`), a quote they speak, an office or party they hold. */
  certain?: boolean;
}

/** Why a record sits on its node: its own key, or a fold into a fuller name. */
export type MergeReason = 'same-key' | 'surname' | 'full-name' | 'acronym';

/**
 * One entity in one document, as the document identified it: what a graph
 * keeps on each MENTIONED_IN edge, so a corpus can be folded again, in any
 * order, to the same nodes.
 */
export interface IdentityRecord {
  doc: string;
  kind: EntityKind;
  /** The node key the document alone gave it. */
  articleKey: string;
  name: string;
  forms: string[];
  count: number;
  group?: string;
  rule?: IdentityRule;
  jurisdiction?: string;
  cue?: JurisdictionCue;
  /** Titles the document gives a person without naming their institution. */
  titles?: TitleMention[];
  /** See Identity.certain; a bare surname joins another article's person only when certain. */
  certain?: boolean;
}
