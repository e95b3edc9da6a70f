/** HTML pasted instead of text: drop scripts, styles and tags, decode entities. */
import { editsFor, type Edit } from './edits.js';

/** Tags that end a line of text; a stray `<script>` or `</style>` (its pair missing) ends one too, so no name runs across it. */
const BLOCK_TAGS = /^(p|div|br|li|ul|ol|h[1-6]|article|section|header|footer|tr|table|blockquote|figure|figcaption|title|script|style|noscript|template)$/i;
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…',
};

export function looksLikeHtml(text: string): boolean {
  return /<(html|body|head|p|div|br|span|article|script|style|a\s|h[1-6])\b[^>]*>/i.test(text);
}

export function htmlEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const hidden = editsFor(text, /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (m) => ({
    // A space, not a line break: a script inside a paragraph must not split it into furniture.
    start: m.index, end: m.index + m[0].length, text: ' ',
  }));
  edits.push(...hidden);
  const inHidden = (i: number) => hidden.some((e) => i >= e.start && i < e.end);
  edits.push(
    ...editsFor(text, /<!--[\s\S]*?-->|<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (m) =>
      inHidden(m.index) ? undefined : { start: m.index, end: m.index + m[0].length, text: m[1] && BLOCK_TAGS.test(m[1]) ? '\n' : ' ' },
    ),
    ...editsFor(text, /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m) => {
      if (inHidden(m.index)) return undefined;
      const name = m[1]!;
      let decoded: string | undefined;
      if (name.startsWith('#x') || name.startsWith('#X')) decoded = codePoint(parseInt(name.slice(2), 16));
      else if (name.startsWith('#')) decoded = codePoint(Number(name.slice(1)));
      else decoded = ENTITIES[name.toLowerCase()];
      return decoded === undefined ? undefined : { start: m.index, end: m.index + m[0].length, text: decoded };
    }),
  );
  return edits;
}

/** A numeric entity outside Unicode (or NUL) decodes to a space rather than throwing. */
function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
}
