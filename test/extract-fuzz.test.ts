/**
 * Malformed input never crashes the NLP pass: any string either extracts to a
 * well-formed graph or fails with a NewsgraphError (a clear message and exit
 * code), and every mention's offsets point at its text in the original.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/io/input.js';
import { analyze, extract, MAX_ARTICLE_CHARS } from '../src/extract.js';
import { mentions } from '../src/recognize/index.js';
import { INVISIBLE } from '../src/normalize/index.js';
import { applyEdits } from '../src/normalize/edits.js';
import { htmlEdits, looksLikeHtml } from '../src/normalize/html.js';
import { NewsgraphError } from '../src/types.js';

/** Run the pass; only a NewsgraphError may escape. */
function survives(text: string): void {
  try {
    const graph = extract(text, { source: 'fuzz' });
    graph.forEachNode((_key, attributes) => expect(attributes.kind).toBeTruthy());
    // Offsets point at the mention in the original (normalization only collapses spaces and quote
    // styles, deletes invisible characters: controls, zero-width spaces, and, in what looks like HTML,
    // tags: a name across inline markup, `<b>Ana</b> Ruiz`, spans the markup in the original).
    const html = looksLikeHtml(text);
    const plain = (s: string) => (html ? applyEdits(s, htmlEdits(s)).text : s).replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(/["“”]/g, '"');
    for (const m of mentions(text)) expect(plain(text.slice(m.start, m.end))).toBe(plain(m.text));
  } catch (error) {
    if (!(error instanceof NewsgraphError)) throw error;
  }
}

const newsy = fc.constantFrom(
  'Sen. Maria Delgado, D-Nev., said',
  '“We will win,” she said.',
  'President Jane Roe',
  'the Ministry of Finance (MoF)',
  '(AP) —',
  '<p>',
  '</script>',
  '”',
  '“',
  '"',
  'U.S.',
  'Mr.',
  '\n\n',
  '—',
  'said',
  'according to',
  'Summarize this content to 200 words in 2 paragraphs\n',
);

describe('malformed input', () => {
  it('never crashes on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), survives), { numRuns: 150 });
  });

  it('a name across stripped markup keeps offsets spanning the markup', () => {
    survives('A0 <A <p> AA');
    survives('<p><b>Ana</b> <i>Ruiz</i> said the vote was close.</p>');
  });

  it('never crashes on shuffled news fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(newsy, fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) => survives(parts.join(' '))),
      { numRuns: 150 },
    );
  });

  it('rejects random bytes, binary and empty input with a NewsgraphError, or decodes them to text that survives', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        let text: string;
        try {
          text = decodeText(bytes, 'fuzz');
        } catch (error) {
          expect(error).toBeInstanceOf(NewsgraphError);
          return;
        }
        survives(text);
      }),
      { numRuns: 150 },
    );
    expect(() => decodeText(new Uint8Array([0x47, 0x00, 0x49]), 'bin')).toThrow(/binary/);
    expect(() => decodeText(new TextEncoder().encode('  \n '), 'empty')).toThrow(/empty/);
  });

  it('handles text with no punctuation at all, HTML, and only furniture', () => {
    const flat = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 'Minister Jane Roe' : 'word')).join(' ');
    expect(analyze(flat).entities.map((e) => e.id)).toContain('Person:Jane Roe');
    const html = '<html><body><h1>Vote</h1><p>The minister, Jane Roe, said “<script>alert(1)</script> no.”</p></body></html>';
    const a = analyze(html);
    expect(a.quotes.some((q) => q.text.includes('<script>'))).toBe(false);
    expect(a.entities.map((e) => e.id)).toContain('Person:Jane Roe');
    survives('More videos\nGet daily National news\n');
  });

  it('refuses an article over the size limit with a clear error', () => {
    expect(() => extract('a'.repeat(MAX_ARTICLE_CHARS + 1))).toThrow(NewsgraphError);
  });
});
