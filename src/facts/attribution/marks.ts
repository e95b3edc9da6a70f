/**
 * Quotation marks: which stretches of the normalized text are someone's
 * exact words. Normalization has already turned straight marks and `''`
 * into curly ones, so only `“…”` (and guillemets) pair here.
 *
 * The one reader of marks: attribution pairs them into spans
 * (findQuoteSpans); the summarizer asks whether a sentence starts inside a
 * quote opened before it (insideQuotesAt). Both read each mark by markRole.
 */

export interface QuoteSpan {
  /** Normalized offsets of the quoted words, without the marks. */
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark (the content's end when unclosed). */
  after: number;
  /** The paragraph ended before a closing mark and the next one opened again: the same quote goes on. */
  continued?: boolean;
}

/**
 * What a mark does, read left to right:
 * - `opens` a quote (none was open);
 * - `closes` the open one;
 * - `reopens`: ends the open quote and starts another, its closing mark
 *   missing (`“We are done.“Next year …`);
 * - `nests`: a quote inside the open one (`“They call it “Movie Night.” But …`).
 */
export type MarkRole = 'opens' | 'closes' | 'reopens' | 'nests';

const OPENING = /[“«]/;
const CLOSING = /[”»]/;

/**
 * The role of the mark at `i`, given whether a quote stands open before it;
 * undefined for any other character and for a closing mark with nothing open.
 */
export function markRole(text: string, i: number, open: boolean): MarkRole | undefined {
  const c = text[i]!;
  if (CLOSING.test(c)) return open ? 'closes' : undefined;
  if (!OPENING.test(c)) return undefined;
  if (!open) return 'opens';
  // `“It's unusual,“ said X`: an opening mark after a quote's last words, before a space, closes it (a common typo).
  if (c === '“' && /[,.?!]/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')) return 'closes';
  // After a sentence's end (or a comma), a quote begins anew; inside the sentence, one is nested.
  return /[.!?,]\s*$/.test(text.slice(Math.max(0, i - 3), i)) ? 'reopens' : 'nests';
}

/**
 * Pair marks within each paragraph. An opening mark unclosed at the end of
 * its paragraph runs to that end; when the next paragraph opens with a mark
 * (the convention for a quote over several paragraphs), that next span is
 * marked `continued`.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let unclosedAtParagraphEnd = false;
  let paragraphStart = 0;
  const close = (at: number, after: number) => {
    let start = open + 1;
    let end = at;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    if (end > start) {
      const span: QuoteSpan = { start, end, after, open };
      if (unclosedAtParagraphEnd && /^\s*$/.test(text.slice(paragraphStart, open))) span.continued = true;
      spans.push(span);
    }
    unclosedAtParagraphEnd = false;
    open = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const role = markRole(text, i, open >= 0);
    if (role === 'closes') {
      close(i, i + 1);
    } else if (role !== undefined) {
      // Spans do not nest: a quote opened inside another ends the outer one's span, as attribution has always
      // read them (a nested title cuts the outer quote short here; insideQuotesAt keeps it open).
      const carried: boolean = unclosedAtParagraphEnd;
      if (open >= 0) close(i, i);
      unclosedAtParagraphEnd = carried && /^\s*$/.test(text.slice(paragraphStart, i));
      open = i;
    } else if (c === '\n') {
      const unclosed = open >= 0;
      if (unclosed) close(i, i);
      unclosedAtParagraphEnd = unclosed;
      paragraphStart = i + 1;
    }
  }
  if (open >= 0) close(text.length, text.length);
  return spans;
}

/**
 * For each of `offsets`, whether it lies inside a quote opened before it in
 * its paragraph (a line) and not closed yet. Quotes nest here: `“They call
 * it “Movie Night.” But this is a budget.` leaves the outer one open, so
 * `But this is a budget.` is still someone's words.
 */
export function insideQuotesAt(text: string, offsets: readonly number[]): boolean[] {
  // How many quotes stand open before each offset (and at the text's end).
  const depths: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depths.push(depth);
    depth = depthAfter(text, i, depth);
  }
  depths.push(depth);
  return offsets.map((at) => (depths[at] ?? 0) > 0);
}

/**
 * Whether a quote opened between `from` and `to` stands open at `to`, none
 * being open at `from`: `X told reporters, “… favored by Y` (open at the
 * verb) against `X criticised what she called “gesture politics” and
 * accused Y` (closed again).
 */
export function quoteOpensBetween(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) depth = depthAfter(text, i, depth);
  return depth > 0;
}

/** The number of open quotes after the character at `i` (a line break ends them all). */
function depthAfter(text: string, i: number, depth: number): number {
  if (text[i] === '\n') return 0;
  const role = markRole(text, i, depth > 0);
  return role === 'opens' || role === 'nests' ? depth + 1 : role === 'closes' ? depth - 1 : depth;
}

/** Whether `text` holds quotation marks (a reported clause with quoted words in it is a mixed quote). */
export function hasQuoteMarks(text: string): boolean {
  return /[“”«»]/.test(text);
}
