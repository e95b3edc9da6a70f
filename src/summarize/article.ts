/**
 * Reads one document's slice of the graph into a per-sentence view the
 * planner and realizer walk: which entities each sentence names, which
 * quotes, roles and relations are anchored in it, and each entity's
 * centrality in the article's graph.
 */
import { UndirectedGraph } from 'graphology';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import {
  NewsgraphError,
  isEntityNode,
  type EdgeType,
  type EntityKind,
  type Instruction,
  type NewsGraph,
  type QuoteNodeAttributes,
} from '../types.js';
import { insideQuotesAt } from '../facts/attribution/marks.js';
import { countWords } from './budget.js';
import { PERSON_NOUN } from './coherence.js';
import { escapeRegExp, findWord, insideAny, quotedSpans } from './text.js';
import type { EntityNodeAttributes, Span } from '../types.js';

export interface RoleInfo {
  /** The HOLDS_ROLE edge; none for a title held without a named institution (the node's `titles`). */
  edge?: string;
  title: string;
  org?: string;
  /** How the article words the role (`deputy director of operations at the X Service`). */
  phrase: string;
  /** A capitalized title the article puts before the name (`U.S. President`), used the same way. */
  prefix?: string;
  sentence: number;
}

export interface EntityInfo {
  id: string;
  kind: EntityKind;
  name: string;
  /** Surface forms to look for in sentences (name and proper-noun aliases), longest first. */
  names: string[];
  /** For people: the surname later mentions use, when no other person shares it. */
  surname?: string;
  acronym?: string;
  role?: RoleInfo;
  /** 0..1: PageRank in the entity–statement graph mixed with mention count. */
  centrality: number;
  /** How often the article names it (the graph's count). */
  mentions: number;
  /** The article writes `the X` (`the Home Office`): so does the summary. */
  takesThe: boolean;
  /**
   * The article writes this name somewhere as this entity's (not only inside a longer name: `Republican
   * Jewish` of `Republican Jewish Coalition`, a person by misreading). Only such a name may stand for a
   * shorter form the article uses.
   */
  nameWritten?: boolean;
}

/**
 * A pronoun or description (`she`, `the minister`) the graph fixes: a SAID
 * edge whose speaker mention is exactly these words. The only place a
 * summary may put a name where the article has none.
 */
export interface Licence {
  /** Offsets in the sentence's own text. */
  start: number;
  end: number;
  /** The words as written (`she`). */
  surface: string;
  entity: string;
  /** The SAID edge that fixes the mention. */
  edge: string;
  /** Original offsets of the mention. */
  originalStart: number;
  originalEnd: number;
}

export interface QuoteInfo {
  id: string;
  text: string;
  direct: boolean;
  sentence: number;
  start: number;
  end: number;
  /** Where its words are (original offsets): one span, or its pieces around the attribution that interrupts it. */
  pieces: Span[];
  speaker?: string;
  verb?: string;
  saidEdge?: string;
  /** Original span of the words that attribute it (name, pronoun or description). */
  mention?: Span;
  /** An unnamed speaker as the article describes it (`a spokesperson`): no SAID edge. */
  speakerText?: string;
  /**
   * The article's words at the SAID mention confirm the graph's speaker (see `confirmAttribution`): only
   * then may the summary name the speaker where the article does not (`Name said: “…”`, `“…,” Name said.`).
   */
  confirmed: boolean;
  about: string[];
  aboutEdges: string[];
}

/** Does the quote hold words in [start, end) (original offsets)? Its pieces count, not the attribution between them. */
export function quoteOverlaps(q: QuoteInfo, start: number, end: number): boolean {
  return q.pieces.some((p) => p.start < end && p.end > start);
}

export interface EdgeFact {
  key: string;
  type: EdgeType;
  source: string;
  target: string;
  verb?: string;
  sentence: number;
}

export interface Occurrence extends Span {
  entity: string;
  surface: string;
  /** Inside quotation marks: the speaker's words, never rewritten. */
  quoted: boolean;
}

export interface ArticleSentence {
  index: number;
  start: number;
  end: number;
  /** Original offsets of `text` (the sentence without surrounding whitespace). */
  textStart: number;
  textEnd: number;
  text: string;
  paragraph: number;
  words: number;
  quoted: Span[];
  /**
   * The sentence begins inside quoted words opened in an earlier sentence of
   * its paragraph and not closed yet (`“… an episode of “Game Night.” But this
   * is a city budget.`): its first words are someone's, marks or not.
   */
  openAtStart: boolean;
  occurrences: Occurrence[];
  entities: string[];
  /** Quotes anchored in this sentence. */
  quotes: QuoteInfo[];
  /** Edges (other than SAID/ABOUT, which ride on quotes) with provenance in this sentence. */
  facts: EdgeFact[];
  /** Pronouns and descriptions here that a SAID edge fixes. */
  licences: Licence[];
}

export interface Article {
  doc: string;
  documentNode: string;
  sentences: ArticleSentence[];
  entities: Map<string, EntityInfo>;
  /** The entities' surface forms, indexed for scanning a sentence once. */
  names: NameIndex;
  quotes: QuoteInfo[];
  words: number;
  instruction?: Instruction;
}

const PRONOUNS = new Set(['He', 'She', 'They', 'It', 'We', 'I', 'You', 'His', 'Her', 'Hers', 'Their', 'Him', 'Them', 'Its']);
const ACRONYM = /^[A-Z][A-Z0-9&]{1,7}$/;

// graphology-metrics is CommonJS; under NodeNext its default export arrives as the module object.
type PagerankFn = (graph: UndirectedGraph, options?: { getEdgeWeight?: string | null }) => Record<string, number>;
const pagerank: PagerankFn =
  (pagerankModule as unknown as { default?: PagerankFn }).default ?? (pagerankModule as unknown as PagerankFn);

/** Pick the document: the one asked for, or the graph's first. */
export function chooseDocument(graph: NewsGraph, doc?: string): string {
  const documents = graph.getAttribute('documents') ?? [];
  if (doc !== undefined) {
    if (!documents.includes(doc)) throw new NewsgraphError(`no document "${doc}" in the graph`);
    return doc;
  }
  const first = documents[0];
  if (first === undefined) throw new NewsgraphError('the graph holds no document to summarize');
  return first;
}

/**
 * How the summary words a role: the article's own `title at the Org` when
 * adjacent; `Org title` (`LSK president`) turned into `title of the Org`;
 * else the title as the article writes it.
 */
function rolePhrase(title: string, org: EntityInfo | undefined, sentence: string | undefined, articleText: string): string {
  if (sentence === undefined) return title;
  const at = sentence.toLowerCase().indexOf(title.toLowerCase());
  if (at < 0) return title;
  if (org !== undefined) {
    const tail = sentence.slice(at + title.length);
    const m = /^,?\s+(?:at|of|for|with|in)\s+(?:the\s+)?/.exec(tail);
    if (m && tail.slice(m[0].length).startsWith(org.name)) {
      return sentence.slice(at, at + title.length + m[0].length + org.name.length);
    }
    const before = sentence.slice(0, at).trimEnd();
    if (/^\p{Ll}/u.test(title) && org.names.some((n) => before.endsWith(n))) {
      const the = new RegExp(`\\bthe\\s+${escapeRegExp(org.name)}`, 'i').test(articleText) ? 'the ' : '';
      return `${sentence.slice(at, at + title.length)} of ${the}${org.name}`;
    }
  }
  return sentence.slice(at, at + title.length);
}

/** `U.S. President Donald Trump`: the capitalized words before the name, when the title is one of them. */
function titlePrefix(title: string, person: EntityInfo, sentence: string): string | undefined {
  if (!/^\p{Lu}/u.test(title)) return undefined;
  for (const name of person.names) {
    for (const at of findWord(sentence, name)) {
      // The run of capitalized words right before the name.
      const words = sentence.slice(0, at.start).split(/\s+/).filter(Boolean);
      let k = words.length;
      while (k > 0 && /^\p{Lu}[\p{L}.’'-]*$/u.test(words[k - 1]!)) k--;
      if (k === words.length || !/\s$/.test(sentence.slice(0, at.start))) continue;
      const before = words.slice(k).join(' ');
      if (before.endsWith(title) || words.slice(k).includes(title)) return before;
    }
  }
  return undefined;
}

/**
 * The short name later mentions use: the single word of the full name the
 * article itself uses most on its own (`Kang` for `Kang Tae-won`), else the
 * last word (`Lopez` for `Maria Lopez`).
 */
function surnameOf(name: string, aliases: string[], alone: ReadonlyMap<string, number>): string | undefined {
  const parts = name.split(/\s+/).filter((p) => !/^(Jr|Sr|II|III|IV)\.?$/.test(p));
  if (parts.length < 2) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const alias of aliases) {
    if (!parts.includes(alias)) continue;
    const count = alone.get(alias) ?? 0;
    if (count > bestCount || (count === bestCount && count > 0 && alias === parts[parts.length - 1])) {
      best = alias;
      bestCount = count;
    }
  }
  return best ?? parts[parts.length - 1];
}

/**
 * How the summary writes a name the graph keys with its country (`Labour Party (United Kingdom)`, DESIGN's
 * identity convention): as the article writes it, its fullest form without the bracket (`Labour Party`).
 */
function displayName(name: string, names: string[]): string {
  if (!/\)$/.test(name)) return name;
  return names.find((n) => !n.includes('(')) ?? name.replace(/\s*\([^)]*\)$/, '');
}

/** Entity centrality: PageRank over entities and quotes linked by the article's edges, mixed with mentions. */
function centralities(graph: NewsGraph, entityIds: string[], edges: EdgeFact[]): Map<string, number> {
  const g = new UndirectedGraph();
  for (const id of entityIds) g.addNode(id);
  for (const e of edges) {
    for (const n of [e.source, e.target]) if (!g.hasNode(n)) g.addNode(n);
    if (e.source === e.target) continue;
    const w = e.type === 'SAID' ? 2 : 1;
    if (g.hasEdge(e.source, e.target)) g.updateEdgeAttribute(e.source, e.target, 'weight', (x: number) => x + w);
    else g.addEdge(e.source, e.target, { weight: w });
  }
  const ranks = g.order > 0 ? pagerank(g, { getEdgeWeight: 'weight' }) : {};
  const maxRank = Math.max(1e-9, ...entityIds.map((id) => ranks[id] ?? 0));
  const mentionsOf = (id: string): number => {
    const attrs = graph.getNodeAttributes(id);
    return isEntityNode(attrs) ? attrs.mentions : 0;
  };
  const maxMentions = Math.max(1, ...entityIds.map(mentionsOf));
  const out = new Map<string, number>();
  for (const id of entityIds) {
    out.set(id, 0.6 * ((ranks[id] ?? 0) / maxRank) + 0.4 * (mentionsOf(id) / maxMentions));
  }
  return out;
}

/**
 * Every surface form of a set of entities, keyed by its first run of letters
 * and digits (`U` for `U.S.`), so a sentence is scanned once, word by word,
 * instead of once per name (the summarizer looks for every name in every
 * sentence: with one regex per name that was most of its time).
 */
export interface NameIndex {
  byFirstWord: Map<string, Array<{ surface: string; entity: string }>>;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const FIRST_RUN = /^[\p{L}\p{N}]+/u;

export function nameIndex(entities: Iterable<Pick<EntityInfo, 'id' | 'names'>>): NameIndex {
  const byFirstWord = new Map<string, Array<{ surface: string; entity: string }>>();
  for (const e of entities) {
    for (const surface of e.names) {
      const first = FIRST_RUN.exec(surface)?.[0];
      if (!first) continue;
      const list = byFirstWord.get(first) ?? [];
      list.push({ surface, entity: e.id });
      byFirstWord.set(first, list);
    }
  }
  return { byFirstWord };
}

/** Every entity occurrence in a text (word-bounded, case-sensitive); the longest surface wins where they overlap. */
export function entityOccurrences(text: string, names: NameIndex | Iterable<EntityInfo>): Occurrence[] {
  const index = 'byFirstWord' in names ? names : nameIndex(names);
  const quoted = quotedSpans(text);
  const all: Occurrence[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) continue;
    for (const { surface, entity } of index.byFirstWord.get(m[0]) ?? []) {
      const end = m.index + surface.length;
      if (!text.startsWith(surface, m.index) || (end < text.length && WORD_CHAR.test(text[end]!))) continue;
      all.push({ start: m.index, end, entity, surface, quoted: insideAny(quoted, m.index, end) });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.entity.localeCompare(b.entity));
  const kept: Occurrence[] = [];
  let reach = -1;
  for (const o of all) {
    if (o.start < reach) continue;
    kept.push(o);
    reach = o.end;
  }
  return kept;
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/** Head nouns of a body, not a person (`the airline said`, `the company said`). */
const ORGANISATION_NOUN =
  /\b(?:company|firm|airline|bank|council|ministry|agency|board|government|party|union|club|group|charity|zoo|museum|hospital|school|university|foundation|department|commission|court|committee|regulator|authority|office|service|force|police|campaign|team|business|retailer|supplier|carrier|operator|developer|landlord|insurer|publisher|network|website|platform|organisation|organization)s?\b/i;

/** He, she and their cases stand only for a person. */
const PERSONAL = /^(?:he|she|him|her)$/i;
/** What a name may replace: a pronoun, or a description (`the minister`, `a spokeswoman for the firm`). */
const REPLACEABLE = /^(?:he|she|they|him|her|them|(?:the|a|an|his|her|their|its)\s+\p{Ll}[\p{L}\s’'-]*)$/iu;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Where an original-offset mention sits in a sentence's normalized text.
 * Normalization may have inserted a character or two before it (`said.”She`
 * → `said.” She`), so a few neighbouring positions are tried; only words that
 * a name may replace, bounded as words, are accepted: never a piece of a name.
 */
function locateMention(text: string, local: number, length: number): { start: number; end: number } | undefined {
  for (const d of [0, -1, 1, -2, 2, -3, 3]) {
    const start = local + d;
    const end = start + length;
    if (start < 0 || end > text.length) continue;
    if ((start > 0 && WORD.test(text[start - 1]!)) || (end < text.length && WORD.test(text[end]!))) continue;
    if (REPLACEABLE.test(text.slice(start, end))) return { start, end };
  }
  return undefined;
}

/** The SAID mentions inside sentence `s` that are a pronoun or description, not a name. */
function licencesIn(s: { text: string; textStart: number; textEnd: number }, quotes: QuoteInfo[], entities: Map<string, EntityInfo>): Licence[] {
  const out: Licence[] = [];
  for (const q of quotes) {
    if (!q.mention || !q.saidEdge || !q.speaker || q.mention.start < s.textStart || q.mention.end > s.textEnd) continue;
    const e = entities.get(q.speaker);
    const at = locateMention(s.text, q.mention.start - s.textStart, q.mention.end - q.mention.start);
    if (!e || !at) continue;
    const surface = s.text.slice(at.start, at.end);
    // The name must agree with the words it replaces: `she` or `the minister` is a person, `the airline` is not.
    const person = PERSONAL.test(surface) || PERSON_NOUN.test(surface);
    const body = !person && ORGANISATION_NOUN.test(surface);
    if ((person && e.kind !== 'Person') || (body && e.kind === 'Person')) continue;
    if (out.some((l) => l.start === at.start)) continue; // several quotes, one mention
    out.push({ ...at, surface, entity: e.id, edge: q.saidEdge, originalStart: q.mention.start, originalEnd: q.mention.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A title or honorific before a one-word name says it is a person's (`Mr. Obama`), not a place or a law's. */
const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord|President|Senator|Sen|Gov|Governor|Rep|Judge|Mayor|Minister|Chancellor|Prince|Princess|King|Queen|Pope|Rev|Father|Sister)\.?`;

/** The person named last before `at` in the sentence's own narration (not inside quoted words), if any. */
function nearestPersonBefore(s: ArticleSentence, at: number, entities: Map<string, EntityInfo>): string | undefined {
  let nearest: string | undefined;
  for (const o of s.occurrences) if (!o.quoted && o.end <= at && entities.get(o.entity)?.kind === 'Person') nearest = o.entity;
  return nearest;
}

/**
 * Licences the article's own words contradict go: a he/she for someone the
 * graph's other mentions call by the other pronoun (the majority pronoun
 * stays), any for a one-word "person" the article never gives a title or
 * first name (`Obamacare`, `Springfield` taken for people by extraction),
 * and a he/she that follows another person's name in its own sentence
 * (`Mandla Shezi called …, where he said …`: the graph's other speaker is a
 * misreading the summary must not repeat).
 */
function keepConsistentLicences(sentences: ArticleSentence[], entities: Map<string, EntityInfo>, articleText: string): void {
  const gender = new Map<string, { he: number; she: number }>();
  for (const s of sentences) {
    for (const l of s.licences) {
      const g = gender.get(l.entity) ?? { he: 0, she: 0 };
      if (/^(?:he|him)$/i.test(l.surface)) g.he += 1;
      if (/^(?:she|her)$/i.test(l.surface)) g.she += 1;
      gender.set(l.entity, g);
    }
  }
  const personLike = (e: EntityInfo): boolean =>
    /\s/.test(e.name) || e.names.some((n) => new RegExp(`\\b${HONORIFIC}\\s+${escapeRegExp(n)}\\b`, 'u').test(articleText));
  for (const s of sentences) {
    s.licences = s.licences.filter((l) => {
      const e = entities.get(l.entity)!;
      if (e.kind === 'Person' && !personLike(e)) return false;
      const nearest = PERSONAL.test(l.surface) ? nearestPersonBefore(s, l.start, entities) : undefined;
      if (nearest !== undefined && nearest !== l.entity) return false;
      const g = gender.get(l.entity)!;
      if (/^(?:he|him)$/i.test(l.surface)) return g.he > g.she;
      if (/^(?:she|her)$/i.test(l.surface)) return g.she > g.he;
      return true;
    });
  }
}

/** A name right after one of these is the object of a phrase (`the president of Copa-Cogeca`), not who speaks. */
const OBJECT_OF_PHRASE = /\b(?:of|at|for|from|with|by|in|on|about|against)\s+(?:the\s+)?$/i;

/**
 * Do the article's own words where a quote is attributed confirm the graph's speaker? The SAID mention must
 * be the speaker's name standing as a subject (not the object of a phrase: `Henrik Baumann, the president
 * of Copa-Cogeca, told the crowd` is not Copa-Cogeca speaking), a relative `who` right after that name, or
 * a pronoun or description the graph fixes and the licence rules keep. A quote the summary attributes
 * itself (a sentence that is all quotation, speech realized from the graph) needs this; a sentence that
 * names its speaker in its own words does not.
 */
function confirmAttribution(q: QuoteInfo, sentences: ArticleSentence[]): boolean {
  if (!q.speaker || !q.saidEdge || !q.mention) return false;
  const { start, end } = q.mention;
  const s = sentences.find((x) => x.textStart <= start && end <= x.textEnd + 1);
  if (!s) return false;
  if (s.licences.some((l) => l.originalStart === start && l.entity === q.speaker)) return true;
  // Normalization may have moved the words a character or two (see locateMention).
  const local = { start: start - s.textStart - 3, end: end - s.textStart + 3 };
  const relative = /^who$/i.test(s.text.slice(start - s.textStart, end - s.textStart).trim());
  return s.occurrences.some((o) => {
    if (o.quoted || o.entity !== q.speaker || OBJECT_OF_PHRASE.test(s.text.slice(0, o.start))) return false;
    if (relative) return /^,?\s*$/.test(s.text.slice(o.end, Math.max(o.end, start - s.textStart)));
    return o.start >= local.start && o.end <= local.end;
  });
}

/**
 * Whether each sentence begins inside a quote opened earlier in its paragraph, as marks.ts reads quotation
 * marks (a nested title leaves the outer quote open; a mistyped closing mark closes it). The graph keeps
 * sentences, not the article: its paragraphs are rebuilt from them, a space between two sentences.
 */
function openAtStarts(sentences: ReadonlyArray<{ index: number; text: string; paragraph: number }>): Map<number, boolean> {
  const ordered = [...sentences].sort((a, b) => a.index - b.index);
  let text = '';
  const starts: number[] = [];
  ordered.forEach((s, k) => {
    if (k > 0) text += ordered[k - 1]!.paragraph === s.paragraph ? ' ' : '\n';
    starts.push(text.length);
    text += s.text;
  });
  const inside = insideQuotesAt(text, starts);
  return new Map(ordered.map((s, k) => [s.index, inside[k]!]));
}

export function readArticle(graph: NewsGraph, doc: string): Article {
  const documentNode = `Document:${doc}`;
  const docAttrs = graph.hasNode(documentNode) ? graph.getNodeAttributes(documentNode) : undefined;
  // Sentence text without surrounding whitespace; `start`/`end` stay the graph's (sources cite them).
  const rawSentences = (graph.getAttribute('sentences')?.[doc] ?? []).map((s) => {
    const lead = s.text.length - s.text.trimStart().length;
    const text = s.text.trim();
    return { ...s, text, textStart: s.start + lead, textEnd: s.start + lead + text.length };
  });
  if (rawSentences.length === 0) throw new NewsgraphError(`document "${doc}" has no sentences to summarize`);

  // Entities of this document: those MENTIONED_IN it (all entities when the graph has no such edges).
  let entityIds: string[] = [];
  if (graph.hasNode(documentNode)) {
    graph.forEachInEdge(documentNode, (_k, attrs, source) => {
      if (attrs.type === 'MENTIONED_IN') entityIds.push(source);
    });
  }
  if (entityIds.length === 0) graph.forEachNode((key, attrs) => void (isEntityNode(attrs) && entityIds.push(key)));
  entityIds = [...new Set(entityIds)].sort();

  const edges: EdgeFact[] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    if (attrs.type === 'MENTIONED_IN' || attrs.doc !== doc || attrs.sentence === undefined) return;
    edges.push({ key, type: attrs.type, source, target, verb: attrs.verb, sentence: attrs.sentence });
  });
  edges.sort((a, b) => a.sentence - b.sentence || a.key.localeCompare(b.key));

  const textOf = new Map(rawSentences.map((s) => [s.index, s.text]));
  const central = centralities(graph, entityIds, edges);

  // Surnames shared by two people are ambiguous: those people keep their full names.
  const articleText = rawSentences.map((s) => s.text).join(' ');
  const lowerText = articleText.toLowerCase();
  // How often each form of a person's name stands alone (not inside a longer name): one scan of the article.
  const people = entityIds.flatMap((id) => {
    const a = graph.getNodeAttributes(id);
    return a.kind === 'Person' ? [{ id, name: a.name, aliases: a.aliases, names: [a.name, ...a.aliases] }] : [];
  });
  const alone = new Map<string, number>();
  for (const o of entityOccurrences(articleText, nameIndex(people))) alone.set(o.surface, (alone.get(o.surface) ?? 0) + 1);
  const surnames = new Map(people.map((p) => [p.id, surnameOf(p.name, p.aliases, alone)]));
  const surnameCount = new Map<string, number>();
  for (const s of surnames.values()) if (s) surnameCount.set(s, (surnameCount.get(s) ?? 0) + 1);

  const entities = new Map<string, EntityInfo>();
  for (const id of entityIds) {
    const a = graph.getNodeAttributes(id);
    if (!isEntityNode(a)) continue;
    const names = [...new Set([a.name, ...a.aliases])]
      .filter((n) => n.length >= 2 && /^[\p{Lu}\p{N}]/u.test(n) && !PRONOUNS.has(n))
      .sort((x, y) => y.length - x.length || x.localeCompare(y));
    const name = displayName(a.name, names);
    const takesThe = lowerText.includes(`the ${name.toLowerCase()}`) && new RegExp(`\\bthe\\s+${escapeRegExp(name)}\\b`, 'i').test(articleText);
    const info: EntityInfo = { id, kind: a.kind, name, names, centrality: central.get(id) ?? 0, mentions: a.mentions, takesThe };
    if (a.kind === 'Person') {
      const s = surnames.get(id);
      if (s && surnameCount.get(s) === 1) info.surname = s;
    }
    // An acronym abbreviates a name of several words (`MANILA` in a dateline is no acronym of `Manila`).
    const acronym = a.aliases.find((x) => ACRONYM.test(x) && x !== a.name && /\s/.test(a.name) && x[0] === a.name[0]);
    if (acronym) info.acronym = acronym;
    entities.set(id, info);
  }
  for (const e of edges) {
    if (e.type !== 'HOLDS_ROLE') continue;
    const person = entities.get(e.source);
    const title = graph.getEdgeAttribute(e.key, 'title');
    if (!person || person.role || !title) continue;
    const sentence = textOf.get(e.sentence);
    const phrase = rolePhrase(title, entities.get(e.target), sentence, articleText);
    person.role = { edge: e.key, title, org: e.target, phrase, sentence: e.sentence };
    const prefix = sentence === undefined ? undefined : titlePrefix(title, person, sentence);
    if (prefix) person.role.prefix = prefix;
  }
  // A title the article gives without naming its institution (`chief electoral officer X`) is a role too.
  for (const [id, person] of entities) {
    if (person.kind !== 'Person' || person.role) continue;
    const held = (graph.getNodeAttributes(id) as EntityNodeAttributes).titles?.find((t) => t.doc === doc);
    if (!held) continue;
    const sentence = textOf.get(held.sentence);
    person.role = { title: held.title, phrase: rolePhrase(held.title, undefined, sentence, articleText), sentence: held.sentence };
    const prefix = sentence === undefined ? undefined : titlePrefix(held.title, person, sentence);
    if (prefix) person.role.prefix = prefix;
  }

  const quotes: QuoteInfo[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'Quote') return;
    const q = attrs as QuoteNodeAttributes;
    if (q.doc !== doc) return;
    const info: QuoteInfo = {
      id: key, text: q.text, direct: q.direct, sentence: q.sentence, start: q.start, end: q.end,
      pieces: q.pieces?.map(({ start, end }) => ({ start, end })) ?? [{ start: q.start, end: q.end }], about: [], aboutEdges: [], confirmed: false,
    };
    graph.forEachInEdge(key, (edge, ea, source) => {
      if (ea.type === 'SAID' && info.speaker === undefined) {
        info.speaker = source;
        info.saidEdge = edge;
        if (ea.verb) info.verb = ea.verb;
        if (ea.mentionStart !== undefined && ea.mentionEnd !== undefined) info.mention = { start: ea.mentionStart, end: ea.mentionEnd };
      }
    });
    graph.forEachOutEdge(key, (edge, ea, target) => {
      if (ea.type === 'ABOUT') {
        info.about.push(target);
        info.aboutEdges.push(edge);
      }
    });
    // A quote belongs to the sentence its first words stand in (the graph's index can name the sentence
    // before, when that one ends right where the quote begins).
    const holding = rawSentences.find((s) => s.textStart <= info.pieces[0]!.start && info.pieces[0]!.start < s.textEnd);
    if (holding) info.sentence = holding.index;
    if (q.speakerText !== undefined && q.speakerStart !== undefined && q.speakerEnd !== undefined) {
      info.speakerText = q.speakerText;
      info.mention = { start: q.speakerStart, end: q.speakerEnd };
    }
    quotes.push(info);
  });
  quotes.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));

  const names = nameIndex(entities.values());
  const edgesOf = groupBy(edges, (e) => e.sentence);
  const quotesOf = groupBy(quotes, (q) => q.sentence);
  const openAt = openAtStarts(rawSentences);
  const sentences: ArticleSentence[] = rawSentences.map((s) => {
    const quoted = quotedSpans(s.text);
    const occurrences = entityOccurrences(s.text, names);
    const facts = (edgesOf.get(s.index) ?? []).filter((e) => e.type !== 'SAID' && e.type !== 'ABOUT');
    const ids = new Set(occurrences.map((o) => o.entity));
    for (const f of facts) for (const n of [f.source, f.target]) if (entities.has(n)) ids.add(n);
    const sq = quotesOf.get(s.index) ?? [];
    for (const q of sq) if (q.speaker && entities.has(q.speaker)) ids.add(q.speaker);
    return {
      index: s.index, start: s.start, end: s.end, textStart: s.textStart, textEnd: s.textEnd, text: s.text, paragraph: s.paragraph, words: countWords(s.text),
      quoted, openAtStart: openAt.get(s.index) ?? false, occurrences, entities: [...ids].sort(), quotes: sq, facts, licences: [],
    };
  });
  sentences.sort((a, b) => a.index - b.index);
  // The name a summary introduces someone by is the fullest form the article writes in its own narration
  // away from a sentence's start (a canonical name can carry a word glued on from a quote or the sentence
  // before: `Crooked Hillary Clinton`).
  for (const e of entities.values()) {
    const seen = new Set<string>();
    for (const s of sentences) for (const o of s.occurrences) if (o.entity === e.id && !o.quoted && o.start > 0) seen.add(o.surface);
    const full = e.names.find((n) => seen.has(n) && /\s/.test(n));
    if (full && !seen.has(e.name)) e.name = full;
    e.nameWritten = sentences.some((s) => s.occurrences.some((o) => o.entity === e.id && o.surface === e.name));
  }
  // A pronoun can stand only for someone the article has named before it, in its own narration (a name
  // inside someone's quoted words, `“Somewhere in between there is a deal”`, is no antecedent).
  const firstNamed = new Map<string, number>();
  for (const s of sentences) {
    for (const o of s.occurrences) if (!o.quoted && !firstNamed.has(o.entity)) firstNamed.set(o.entity, s.textStart + o.start);
  }
  for (const s of sentences) s.licences = licencesIn(s, quotes, entities).filter((l) => (firstNamed.get(l.entity) ?? Infinity) < l.originalStart);
  keepConsistentLicences(sentences, entities, articleText);
  for (const q of quotes) q.confirmed = confirmAttribution(q, sentences);

  const words = docAttrs && docAttrs.kind === 'Document' && docAttrs.words > 0
    ? docAttrs.words
    : sentences.reduce((n, s) => n + s.words, 0);
  const instruction = docAttrs && docAttrs.kind === 'Document' ? docAttrs.instruction : undefined;
  return { doc, documentNode, sentences, entities, names, quotes, words, ...(instruction ? { instruction } : {}) };
}
