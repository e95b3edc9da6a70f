/**
 * Referring expressions: how a summary sentence names people and bodies.
 * The first mention of a person in the summary gives the full name and, for
 * someone who acts or speaks, the role the graph holds (HOLDS_ROLE); later
 * mentions use the surname. An acronym is spelled out once. Quoted words
 * are never touched.
 */
import { entityOccurrences, type Article, type EntityInfo, type Licence } from './article.js';
import { escapeRegExp, findWord, FUNCTION_WORDS, quotedSpans } from './text.js';
import type { Span } from '../types.js';

/** What the summary has said so far. */
export interface Discourse {
  /** People whose full name (and role) the summary has given. */
  introduced: Set<string>;
  /** Bodies whose acronym the summary has spelled out. */
  spelledOut: Set<string>;
  /** Bodies whose acronym appears somewhere in the summary's sentences. */
  acronymUsed: Set<string>;
  /** Role edges (and their sentences) a sentence borrowed for an appositive. */
  borrowed: Array<{ edge?: string; sentence: number }>;
  /** Whether first mentions may borrow a role from elsewhere (off when the words are needed for news). */
  roles: boolean;
}

export function containsWord(text: string, word: string): boolean {
  return text.includes(word) && findWord(text, word).length > 0;
}

/** How to name an entity in a slot the summary fills itself (an attribution). */
export function plainName(article: Article, e: EntityInfo): string {
  if (e.kind === 'Person') return e.name;
  return e.takesThe ? `the ${e.name}` : e.name;
}

function premodified(before: string): boolean {
  const m = /([\p{L}’'.-]+)\s+$/u.exec(before);
  if (!m) return false;
  const word = m[1]!;
  if (FUNCTION_WORDS.has(word.toLowerCase())) return false;
  // A capitalized word opening the sentence (`Officials Ann Lee…` is rare) is not a title.
  return before.trim().length > word.length || /^\p{Ll}/u.test(word);
}

function roleStated(text: string, sentence: number, e: EntityInfo): boolean {
  if (!e.role) return true;
  return e.role.sentence === sentence || text.toLowerCase().includes(e.role.title.toLowerCase());
}

/** The role appositive to add after a first mention, punctuated for what follows. */
function appositive(e: EntityInfo, after: string): string {
  const phrase = e.role!.phrase;
  if (/^[,.;:!?]/.test(after) || after === '') return `, ${phrase}`;
  return `, ${phrase},`;
}

/** A personal honorific right before a name (`Mrs. `, `Mr `). */
const AFTER_HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+$/;

export interface ReferContext {
  article: Article;
  discourse: Discourse;
  /** Source sentence index (role already stated there?). */
  sentence: number;
  /** Entities that act in this sentence (speakers, sources of its facts): they get roles. */
  actors: Set<string>;
}

/** Rewrite the names in one sentence for where it stands in the summary. */
export function referToEntities(text: string, ctx: ReferContext): string {
  const { article, discourse } = ctx;
  const occurrences = entityOccurrences(text, article.names);
  let out = '';
  let cursor = 0;
  const seenHere = new Set<string>();
  for (const o of occurrences) {
    if (o.start < cursor) continue;
    const e = article.entities.get(o.entity)!;
    out += text.slice(cursor, o.start);
    cursor = o.end;
    const after = text.slice(o.end);
    if (o.quoted) {
      out += o.surface;
      continue;
    }
    if (e.kind === 'Person') {
      // `Mrs. Clinton`: the article's honorific and surname say who it is; a full name put after it could say
      // another. A name the article never writes as this person's is no name to put in either.
      if (AFTER_HONORIFIC.test(out) || e.nameWritten === false) {
        discourse.introduced.add(e.id);
        seenHere.add(e.id);
        out += o.surface;
        continue;
      }
      const possessive = /^[’']s\b/.test(after);
      // After a determiner the name qualifies a noun or is part of a title (`the Lee administration`,
      // `The Lee Years`): it stays as written, and the full name waits for a mention of the person.
      if (!discourse.introduced.has(e.id) && /\b(?:[Tt]he|[Aa]n?)\s+$/.test(out)) {
        out += o.surface;
        continue;
      }
      if (!discourse.introduced.has(e.id)) {
        discourse.introduced.add(e.id);
        seenHere.add(e.id);
        let name = e.name;
        const role = e.role;
        const free = discourse.roles && role !== undefined && !/^\s*\(/.test(after) && !roleStated(text, ctx.sentence, e) && !premodified(out);
        const appositiveHere = ctx.actors.has(e.id) || out.trim() === '';
        // A bare capitalised title (`Senator`) stands before the name where an appositive would go, not after it (`Ann Lee, Senator,`).
        const bare = role !== undefined && /^\p{Lu}\p{Ll}+$/u.test(role.phrase) && appositiveHere ? role.phrase : undefined;
        const prefix = role?.prefix ?? bare;
        if (free && prefix) {
          // A title the article puts before the name goes there again, possessive or not.
          name = `${prefix} ${name}`;
          discourse.borrowed.push({ edge: role.edge, sentence: role.sentence });
        } else if (free && !possessive && appositiveHere) {
          name += appositive(e, after);
          discourse.borrowed.push({ edge: role.edge, sentence: role.sentence });
        }
        out += name;
      } else if (seenHere.has(e.id) && /\($/.test(out)) {
        out += o.surface; // `Name (ALIAS)`: the article's own gloss stays as written
      } else if (e.surname && o.surface.includes(e.surname)) {
        // A later mention shortens a name to the surname; a short form the article uses (`CUT`) stays as written.
        out += e.surname;
        // A later mention drops the role appositive the article repeats.
        if (!seenHere.has(e.id) && e.role) {
          const m = new RegExp(`^,\\s+[^,“”"]*${escapeRegExp(e.role.title)}[^,“”"]*,\\s+`, 'i').exec(after);
          if (m) {
            out += ' ';
            cursor += m[0].length;
          }
        }
        seenHere.add(e.id);
      } else {
        out += o.surface;
      }
      continue;
    }
    if (e.acronym) {
      const acr = e.acronym;
      // `(AP)` after a dateline or a name is already a gloss: spelling it out inside would nest brackets.
      const glossed = o.surface === acr && /\($/.test(out) && after.startsWith(')');
      if (!discourse.spelledOut.has(e.id) && !glossed) {
        discourse.spelledOut.add(e.id);
        if (containsWord(o.surface, acr)) {
          // `the SITE task force` → `the Security and … Elections (SITE) task force`: share the tail.
          const rest = o.surface.slice(o.surface.indexOf(acr) + acr.length) + after;
          const words = e.name.split(/\s+/);
          let head = e.name;
          for (let k = 1; k < words.length; k++) {
            const tail = words.slice(words.length - k).join(' ');
            if (rest.startsWith(` ${tail}`)) head = words.slice(0, words.length - k).join(' ');
          }
          const needsThe =
            o.surface.startsWith(acr) && !/\b(?:the|The)\s+$/.test(out) && e.takesThe && !/[’']s\s+$/.test(out);
          out += (needsThe ? 'the ' : '') + o.surface.replace(acr, `${head} (${acr})`);
        } else if (discourse.acronymUsed.has(e.id) && !after.startsWith(` (${acr})`) && o.surface === e.name) {
          out += `${o.surface} (${acr})`;
        } else {
          out += o.surface;
        }
        continue;
      }
      // Spelled out already: `Full Name (ACR)` becomes `ACR`.
      if (o.surface !== acr && after.startsWith(` (${acr})`)) {
        out += acr;
        cursor += ` (${acr})`.length;
        continue;
      }
    }
    out += o.surface;
  }
  out += text.slice(cursor);
  // `The` before a spelled-out name at the start keeps its capital.
  return out;
}

/**
 * Give a quote-only sentence its speaker: `“Words.”` → `“Words,” Name said.`
 * Handles sentences that open, close, or sit inside a multi-sentence quote.
 * Returns undefined when the sentence is not all quotation.
 */
export function attributeQuote(text: string, name: string, verb: string): string | undefined {
  let body = text.trim();
  const quoted = quotedSpans(body);
  const allQuoted = quoted.length === 1 && quoted[0]!.start === 0 && quoted[0]!.end >= body.length - 1;
  if (quoted.length === 0) body = `“${body}”`; // the middle of a multi-sentence quote
  else if (!allQuoted) return undefined;
  if (!body.startsWith('“') && !body.startsWith('"')) body = `“${body}`;
  if (!/[”"]$/.test(body)) body = `${body}”`;
  const close = body.slice(-1);
  const inner = body.slice(0, -1);
  // A quote inside the quote may close last: `… the words ‘Never again.’` → `… ‘Never again,’”`.
  const m = /([.!?,])([’']?)$/.exec(inner);
  const mark = m?.[1] ?? '';
  const nested = m?.[2] ?? '';
  const cut = inner.length - mark.length - nested.length;
  const words = mark === '?' || mark === '!' ? inner : `${inner.slice(0, cut)},${nested}`;
  return `${words}${close} ${name} ${verb}.`;
}

/** Where a licensed name stands in a rewritten text, and what it replaced. */
export interface Replacement extends Span {
  licence: Licence;
}

/**
 * Put the speaker's name in place of each pronoun or description the graph
 * fixes for that very mention (a SAID edge's speaker mention); nothing else
 * is ever replaced. Returns the text and the spans of the names put in.
 */
export function applyLicences(text: string, licences: Licence[], article: Article): { text: string; names: Replacement[] } {
  let out = text;
  const names: Replacement[] = [];
  // A pronoun after its own person's name in the sentence stays (`Although he says he …` is not `Although Lee says Lee …`).
  const named = entityOccurrences(text, article.names).filter((o) => !o.quoted);
  const kept = [...licences].sort((a, b) => a.start - b.start).filter((l, k, all) => !named.some((o) => o.entity === l.entity && o.end <= l.start) && !all.slice(0, k).some((p) => p.entity === l.entity));
  for (const l of kept.reverse()) {
    const e = article.entities.get(l.entity);
    if (!e || out.slice(l.start, l.end) !== l.surface) continue;
    let name = plainName(article, e);
    if (l.start === 0 || /[.!?]\s*$/.test(out.slice(0, l.start))) name = name.replace(/^the /, 'The ');
    const shift = name.length - (l.end - l.start);
    for (const n of names) {
      n.start += shift;
      n.end += shift;
    }
    out = out.slice(0, l.start) + name + out.slice(l.end);
    names.push({ start: l.start, end: l.start + name.length, licence: l });
  }
  return { text: out, names: names.reverse() };
}
