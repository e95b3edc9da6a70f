/** Stage 1 on scraped text: repairs, furniture, the instruction line, and offsets that still point into the original. */
import { describe, expect, it } from 'vitest';
import { normalize, toOriginal } from '../src/normalize/index.js';
import { segment } from '../src/segment/index.js';

describe('normalize', () => {
  it('unglues sentences and quotes without moving offsets', () => {
    const original = 'Officials met during the campaign.While they spoke, “It is public,” he said.”Officials left.';
    const norm = normalize(original);
    expect(norm.text).toContain('campaign. While');
    expect(norm.text).toContain('said.” Officials');
    const sentences = segment(norm);
    expect(sentences.map((s) => s.text)).toEqual(['Officials met during the campaign.', 'While they spoke, “It is public,” he said.”', 'Officials left.']);
    for (const s of sentences) expect(original.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
  });

  it('keeps abbreviations inside sentences', () => {
    const sentences = segment(normalize('U.S. President Donald Trump met Mr. Carney on Monday. Gov. Newsom did not.'));
    expect(sentences.map((s) => s.text)).toEqual(['U.S. President Donald Trump met Mr. Carney on Monday.', 'Gov. Newsom did not.']);
  });

  it('reads the instruction line and drops page furniture', () => {
    const original = [
      'Summarize this content to 300 words in 3 paragraphs',
      'Leaders clash over budget',
      'The finance minister said the budget would pass on Tuesday.',
      'More videos',
      'Get daily National news',
      'The opposition said it would vote against the budget.',
      'Follow Dana Ortiz on Twitter @danaortizNEWS.',
    ].join('\n');
    const norm = normalize(original);
    expect(norm.instruction).toMatchObject({ words: 300, paragraphs: 3 });
    expect(norm.title).toBe('Leaders clash over budget');
    expect(norm.text).toBe('The finance minister said the budget would pass on Tuesday.\nThe opposition said it would vote against the budget.');
    expect(norm.messages.filter((m) => m.reason === 'furniture').map((m) => m.text)).toEqual(['More videos', 'Get daily National news', 'Follow Dana Ortiz on Twitter @danaortizNEWS.']);
    for (const m of norm.messages.filter((x) => x.start !== undefined)) expect(original.slice(m.start, m.end)).toBe(m.text);
  });

  it('drops a site’s editor’s note, a standing line about the site’s stance or the story, not the story', () => {
    const norm = normalize(
      'The council voted on Tuesday to close the bridge.\nEditor’s note: This story has been updated with comment from the mayor’s office.\nThe mayor said repairs would take two years.',
    );
    expect(norm.text).toBe('The council voted on Tuesday to close the bridge.\nThe mayor said repairs would take two years.');
  });

  it('turns straight quotes into paired curly quotes', () => {
    expect(normalize('She said "we will win" and left.').text).toBe('She said “we will win” and left.');
  });

  it('strips HTML markup but maps text back into the markup', () => {
    const original = '<html><body><p>The minister said <b>no</b> to the plan.</p><script>alert(1)</script></body></html>';
    const norm = normalize(original);
    expect(norm.text).toContain('The minister said no to the plan.');
    expect(norm.text).not.toContain('alert');
    expect(norm.messages.some((m) => m.reason === 'html')).toBe(true);
    const at = norm.text.indexOf('minister');
    const span = toOriginal(norm, at, at + 'minister'.length);
    expect(original.slice(span.start, span.end)).toBe('minister');
  });

  it('keeps a one-line input even when it reads like a heading', () => {
    expect(normalize('Germany 2 Italy 1').text).toBe('Germany 2 Italy 1');
  });
});
