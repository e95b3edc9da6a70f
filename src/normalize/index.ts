/**
 * Stage 1: repair scraped text while keeping every offset into the original.
 *
 * - drops the instruction line, page furniture and a headline (kept as title)
 * - strips HTML when an article was pasted as markup
 * - unglues sentences (`campaign.While`, `.”Officials`), collapses spaces,
 *   turns straight double quotes into curly ones so quotes pair reliably
 */
import type { Instruction, Message, NormalizedText, Span } from '../types.js';
import { isFurnitureLine } from '../lexicons/index.js';
import { applyEdits, type Edit, type Mapped } from './edits.js';
import { htmlEdits, looksLikeHtml } from './html.js';
import { captionEdits } from './captions.js';
import { parseInstruction } from './instruction.js';

export { parseInstruction } from './instruction.js';

export interface Normalized extends NormalizedText {
  /** A headline line, if the article opened with one. */
  title?: string;
}

/** Lines short and unpunctuated are headings or navigation, not sentences. */
const MAX_HEADING_WORDS = 14;
const ENDS_LIKE_TEXT = /[.!?”"’:;…)\]]$/;
/** A quoted sentence signed after it (`“We lost.” — Ana Ruiz`) is text, though it ends with a name. */
const SIGNED_QUOTE = /^[“"«][^”"»]*[.!?…][”"»]\s*[―—–-]\s*\p{Lu}/u;

/** Characters normalization deletes: controls, zero-width spaces and joiners, byte-order marks. */
export const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

/** Edits inside one kept line (from `start` to `end` in `text`). */
function lineEdits(text: string, start: number, end: number): Edit[] {
  const line = text.slice(start, end);
  const edits: Edit[] = [];
  const lead = line.length - line.trimStart().length;
  const trail = line.length - line.trimEnd().length;
  if (lead) edits.push({ start, end: start + lead, text: '' });
  if (trail) edits.push({ start: end - trail, end, text: '' });
  const inside = (i: number) => i >= start + lead && i < end - trail;

  for (const m of line.matchAll(INVISIBLE)) edits.push({ start: start + m.index, end: start + m.index + 1, text: '' });
  for (const m of line.matchAll(SPACES)) {
    if (inside(start + m.index)) edits.push({ start: start + m.index, end: start + m.index + m[0].length, text: ' ' });
  }
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    const prev = i > start ? text[i - 1]! : ' ';
    const next = text[i + 1] ?? ' ';
    if (c === '"') {
      // Opening if it follows a space, bracket, dash or start of line; closing otherwise.
      const opening = /[\s([{—–-]/.test(prev) || i === start + lead;
      edits.push({ start: i, end: i + 1, text: opening ? '“' : '”' });
    }
    // `All Progressives Congress(APC)`: a short form glued to its name gets its space back (not `JD(S)`, a name's own suffix).
    if (c === '(' && /\p{Ll}/u.test(prev) && /^\(\p{Lu}{2,}\)/u.test(text.slice(i, end))) edits.push({ start: i, end: i, text: ' ' });
    // ` - ` between words is a dash (some archives type no other): it sets off a phrase, it joins no word.
    if (c === '-' && prev === ' ' && next === ' ') edits.push({ start: i, end: i + 1, text: '—' });
    // `''` is how some pages (the New York Times' archive) write a double quotation mark.
    if (c === "'" && next === "'" && prev !== "'" && text[i + 2] !== "'") {
      const opening = /[\s([{—–-]/.test(prev) || i === start + lead;
      edits.push({ start: i, end: i + 2, text: opening ? '“' : '”' });
      i++;
      continue;
    }
    // Glued sentences: "campaign.While", "opinion.”“It’s", ".”Officials".
    const isClosingQuote = c === '”' || (c === '"' && !/[\s([{—–-]/.test(prev));
    // (`?"` closes a quote: a straight mark after sentence punctuation is no new sentence.)
    if (/[.!?]/.test(c) && /[\p{Ll}\d)%]/u.test(prev) && /[\p{Lu}“]/u.test(next)) {
      edits.push({ start: i + 1, end: i + 1, text: ' ' });
    } else if (isClosingQuote && /[\p{L}“"]/u.test(next) && /[.!?,;:—]/.test(prev)) {
      edits.push({ start: i + 1, end: i + 1, text: ' ' });
    }
  }
  return edits;
}

interface LineInfo extends Span {
  text: string;
}

function splitLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  const pattern = /[^\r\n\u2028\u2029]*(\r\n|[\r\n\u2028\u2029]|$)/g;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '' && m.index >= text.length) break;
    const body = m[0].slice(0, m[0].length - m[1]!.length);
    lines.push({ start: m.index, end: m.index + body.length, text: body });
    if (m[0] === '') break;
  }
  return lines;
}

export function normalize(original: string): Normalized {
  const messages: Message[] = [];
  const furniture: Span[] = [];
  let instruction: Instruction | undefined;
  let title: string | undefined;

  // Pass 1: markup. Offsets of `markup.text` map to the original.
  const markup: Mapped = looksLikeHtml(original)
    ? applyEdits(original, htmlEdits(original))
    : { text: original, offsets: [...Array(original.length + 1).keys()] };
  if (markup.text !== original) messages.push({ reason: 'html', text: 'input looked like HTML; tags were removed' });

  // Pass 2: lines and characters.
  const source = markup.text;
  const at = (i: number) => markup.offsets[i] ?? original.length;
  const edits: Edit[] = [];
  let sawContent = false;
  const lines = splitLines(source);
  // A one-line input is the text itself, never a heading to drop.
  const oneLine = lines.filter((l) => l.text.trim() !== '').length <= 1;
  for (const line of lines) {
    const content = line.text.trim();
    const dropWith = line.end < source.length ? line.end + (source[line.end] === '\r' && source[line.end + 1] === '\n' ? 2 : 1) : line.end;
    const drop = () => edits.push({ start: line.start, end: dropWith, text: '' });
    if (content === '') {
      drop();
      continue;
    }
    const span = { start: at(line.start), end: at(line.end) };
    if (!sawContent && !instruction) {
      const parsed = parseInstruction(content);
      if (parsed) {
        instruction = parsed;
        drop();
        continue;
      }
    }
    const words = content.split(/\s+/).length;
    if (isFurnitureLine(content)) {
      furniture.push(span);
      messages.push({ reason: 'furniture', text: content, ...span });
      drop();
      continue;
    }
    if (!oneLine && words <= MAX_HEADING_WORDS && !ENDS_LIKE_TEXT.test(content) && !SIGNED_QUOTE.test(content)) {
      if (!sawContent && title === undefined) title = content;
      else {
        furniture.push(span);
        messages.push({ reason: 'furniture', text: content, ...span });
      }
      drop();
      continue;
    }
    sawContent = true;
    edits.push(...captionEdits(source, line.start, line.end), ...lineEdits(source, line.start, line.end));
  }

  const result = applyEdits(source, edits, markup.offsets);
  // Drop a trailing newline left by the last kept line.
  let text = result.text;
  let offsets = result.offsets;
  while (text.endsWith('\n')) {
    text = text.slice(0, -1);
    offsets = [...offsets.slice(0, text.length), offsets[text.length + 1] ?? original.length];
  }
  const normalized: Normalized = { original, text, offsets, furniture, messages };
  if (instruction) normalized.instruction = instruction;
  if (title !== undefined) normalized.title = title;
  return normalized;
}

/** Map a span of the normalized text back to the original. */
export function toOriginal(norm: NormalizedText, start: number, end: number): Span {
  const s = norm.offsets[start] ?? norm.original.length;
  // The end maps through the last included character, so trailing insertions don't stretch it.
  const e = end > start ? (norm.offsets[end - 1] ?? norm.original.length - 1) + 1 : s;
  return { start: s, end: Math.max(s, e) };
}
