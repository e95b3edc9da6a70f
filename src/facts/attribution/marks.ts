/**
 * Quotation marks: which stretches of the normalized text are someone's
 * exact words. Normalization has already turned straight marks and `''`
 * into curly ones, so only `“…”` (and guillemets) pair here.
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

const OPENING = /[“«]/;
const CLOSING = /[”»]/;

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
    // `“It's unusual,“ said X`: an opening mark after a quote's last words, before a space, closes it (a common typo).
    if (c === '“' && open >= 0 && /[,.?!]/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')) {
      close(i, i + 1);
      continue;
    }
    if (OPENING.test(c)) {
      const carried: boolean = unclosedAtParagraphEnd;
      if (open >= 0) close(i, i);
      unclosedAtParagraphEnd = carried && /^\s*$/.test(text.slice(paragraphStart, i));
      open = i;
    } else if (CLOSING.test(c) && open >= 0) {
      close(i, i + 1);
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

/** Whether `text` holds quotation marks (a reported clause with quoted words in it is a mixed quote). */
export function hasQuoteMarks(text: string): boolean {
  return /[“”«»]/.test(text);
}
