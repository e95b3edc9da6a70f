/**
 * The typed values that flow through the pipeline, in pipeline order:
 *
 *   text ─normalize─▶ NormalizedText ─segment─▶ Sentence[]
 *        ─recognize─▶ Mention[] ─resolve─▶ Entity[]
 *        ─facts─▶ Quote[] + Role[] + Relation[] ─build─▶ NewsGraph
 *
 * Every span keeps `start`/`end`: UTF-16 offsets into the ORIGINAL input
 * (the string the user gave us, instruction line included), so any fact can
 * be traced back to the exact characters it came from.
 */
import type { MultiDirectedGraph } from 'graphology';
import type { IdentityRule, JurisdictionCue } from './identify/types.js';

// ─── Spans and messages ─────────────────────────────────────────────────────

/** A half-open character range [start, end) into the original input. */
export interface Span {
  start: number;
  end: number;
}

/** A problem found in the input, with its position (unified-style message). */
export interface Message {
  /** Short machine-readable reason, e.g. `empty-input`, `binary-input`. */
  reason: string;
  text: string;
  start?: number;
  end?: number;
}

// ─── Stage 1: normalize ─────────────────────────────────────────────────────

/** An instruction line: `Summarize this content to N words in M paragraphs`. */
export interface Instruction {
  words?: number;
  paragraphs?: number;
}

/**
 * Cleaned text plus a map back to the original. `text` is what later stages
 * read; `offsets[i]` is the original offset of `text[i]` (length text+1, so
 * an exclusive end maps too).
 */
export interface NormalizedText {
  original: string;
  text: string;
  offsets: number[];
  instruction?: Instruction;
  /** Original spans dropped as page furniture (newsletter pitches, "More videos"…). */
  furniture: Span[];
  messages: Message[];
}

// ─── Stage 2: segment ───────────────────────────────────────────────────────

export interface Sentence extends Span {
  /** 0-based index within the document. */
  index: number;
  /** Paragraph index (a line of the normalized text). */
  paragraph: number;
  /** The sentence text exactly as in the normalized text. */
  text: string;
  /** Offsets of `text` in the normalized text (for slicing it). */
  normStart: number;
  normEnd: number;
}

// ─── Stage 3: recognize ─────────────────────────────────────────────────────

export const ENTITY_KINDS = ['Person', 'Agency', 'State', 'Party', 'Organization', 'Place'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type NodeKind = EntityKind | 'Quote' | 'Document';

/** One occurrence of a name (or pronoun/demonym) in the text. */
export interface Mention extends Span {
  text: string;
  kind: EntityKind;
  /** Index of the sentence holding it. */
  sentence: number;
  /** How it was found: a name, a pronoun, a demonym (`Chinese` → China), an acronym, or inside a title (`U.S.` in `U.S. President`). */
  form?: 'name' | 'pronoun' | 'demonym' | 'acronym' | 'title';
  /** For demonyms and acronyms: the name they stand for, when known. */
  refersTo?: string;
  /** Offsets of the mention in the normalized text (later stages read that text). */
  normStart: number;
  normEnd: number;
  /** True when the kind is a fallback guess that resolution may correct. */
  guess?: boolean;
}

// ─── Stage 4: resolve ───────────────────────────────────────────────────────

export interface Entity {
  /** Stable key: `${kind}:${name}`. */
  id: string;
  kind: EntityKind;
  /** Canonical name: the fullest form seen (`Elon Musk`). */
  name: string;
  /** Every surface form seen, canonical name included, sorted. */
  aliases: string[];
  mentions: Mention[];
}

// ─── Stage 5: facts ─────────────────────────────────────────────────────────

export interface Provenance extends Span {
  doc: string;
  sentence: number;
}

export interface Quote extends Provenance {
  /** The quoted words (direct) or the reported clause (indirect). */
  text: string;
  direct: boolean;
  /** Entity id of the speaker, if attributed. */
  speaker?: string;
  /**
   * The mention that attributes this quote (the name, the pronoun, or the
   * description such as `the minister`), original offsets. Set whenever the
   * text attributes the quote, named speaker or not.
   */
  speakerMention?: Span & { text: string };
  /** Reporting verb as written: `said`, `told reporters`, `added`. */
  verb?: string;
  /** The quote's pieces when its attribution interrupts it (`“A,” she said, “B.”`); start/end span them all. */
  pieces?: Span[];
  /** Entity ids the quote names. */
  about: string[];
}

export interface Role extends Provenance {
  person: string;
  /** Agency / Organization / Party / State entity id, when named. */
  organization?: string;
  /** The organisation comes from the title alone (`Sen.` → the Senate the text names), not from beside the name. */
  inferred?: boolean;
  title: string;
}

export type RelationType =
  | 'SUPPORTS'
  | 'OPPOSES'
  | 'TARGETED'
  | 'PART_OF'
  | 'MEMBER_OF'
  | 'RELATED';

export interface Relation extends Provenance {
  type: RelationType;
  source: string;
  target: string;
  verb?: string;
}

/** Everything the NLP pass learned about one article. */
export interface Analysis {
  doc: DocumentInfo;
  /** Article words (instruction line and furniture excluded). */
  words: number;
  normalized: NormalizedText;
  sentences: Sentence[];
  mentions: Mention[];
  entities: Entity[];
  quotes: Quote[];
  roles: Role[];
  relations: Relation[];
}

export interface DocumentInfo {
  /** Stable id: given, or derived from the text's content hash. */
  id: string;
  title?: string;
  url?: string;
  published?: string;
  /** Where it came from (file path, `-` for stdin). */
  source?: string;
}

// ─── Stage 6: the graph ─────────────────────────────────────────────────────

/**
 * A title the article gives a person without naming the institution it is
 * held at (`chief electoral officer Danuta Wiśniewska`): where it is named,
 * the role is a HOLDS_ROLE edge instead. The span is the title's own words.
 */
export interface TitleMention extends Provenance {
  title: string;
}

export interface EntityNodeAttributes {
  kind: EntityKind;
  name: string;
  aliases: string[];
  mentions: number;
  /** Titles held without a named institution, each at its first mention in each document. */
  titles?: TitleMention[];
  /** The country of a body or party whose name many countries share (`Senate (Australia)` → `Australia`). */
  jurisdiction?: string;
}

export interface QuoteNodeAttributes {
  kind: 'Quote';
  text: string;
  direct: boolean;
  doc: string;
  sentence: number;
  start: number;
  end: number;
  /** The whole source sentence, for display and summaries. */
  context?: string;
  /**
   * The quote's pieces, original offsets, when its attribution interrupts it (`“A,” she said, “B.”`) or it
   * runs over paragraphs: `text` is their words joined by a space, and `start`/`end` span them all, the
   * attribution between them included.
   */
  pieces?: Span[];
  /**
   * Who the article says spoke when it never names them (`a spokesperson`,
   * `officials`): the description as written, with its original span. Such a
   * quote has no SAID edge.
   */
  speakerText?: string;
  speakerStart?: number;
  speakerEnd?: number;
}

export interface DocumentNodeAttributes {
  kind: 'Document';
  name: string;
  id: string;
  title?: string;
  url?: string;
  published?: string;
  source?: string;
  words: number;
  /** The instruction line's settings, if the article had one. */
  instruction?: Instruction;
}

export type NodeAttributes = EntityNodeAttributes | QuoteNodeAttributes | DocumentNodeAttributes;

export type EdgeType =
  | 'SAID'
  | 'ABOUT'
  | 'HOLDS_ROLE'
  | 'MEMBER_OF'
  | 'SUPPORTS'
  | 'OPPOSES'
  | 'TARGETED'
  | 'PART_OF'
  | 'RELATED'
  | 'MENTIONED_IN';

export interface EdgeAttributes {
  type: EdgeType;
  verb?: string;
  /** SAID only: the original span of the mention that attributes the quote (name, pronoun or description). */
  mentionStart?: number;
  mentionEnd?: number;
  title?: string;
  count?: number;
  doc?: string;
  sentence?: number;
  start?: number;
  end?: number;
  // MENTIONED_IN: how the document alone identified the entity (src/identify/), so corpora fold the same in any order.
  /** The node key the document alone gave the entity. */
  articleKey?: string;
  /** The canonical name the document gave it. */
  name?: string;
  /** The surface forms the document used. */
  forms?: string[];
  rule?: IdentityRule;
  jurisdiction?: string;
  cue?: JurisdictionCue;
  /** Fold group (surname, acronym): names in one may be one entity across documents. */
  group?: string;
  /** The titles the document gives a person without an institution (the identity record's copy of the node's). */
  titles?: TitleMention[];
  /** The document shows the person to be one (a title, a quote, an office): see src/identify/types.ts. */
  certain?: boolean;
}

export interface GraphAttributes {
  /** Ids of the documents in this graph, in input order. */
  documents: string[];
  /** Sentence texts per document with original offsets, for provenance. */
  sentences?: Record<string, Array<{ index: number; start: number; end: number; text: string; paragraph: number }>>;
}

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** graphology's serialized form, as written by `newsgraph extract`. */
export type SerializedNewsGraph = ReturnType<NewsGraph['export']>;

// ─── Errors ─────────────────────────────────────────────────────────────────

/** Exit codes of the CLI, as DESIGN.md fixes them. */
export const ExitCode = { ok: 0, badInput: 1, badUsage: 2, neo4j: 3 } as const;

/** An error the user can act on: one line, no stack trace, a fixed exit code. */
export class NewsgraphError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.badInput,
  ) {
    super(message);
    this.name = 'NewsgraphError';
  }
}

export function isEntityKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

export function isEntityNode(attrs: NodeAttributes): attrs is EntityNodeAttributes {
  return isEntityKind(attrs.kind);
}
