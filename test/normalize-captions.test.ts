/** Captions and furniture glued into running text: each rule of src/normalize/captions.ts, and what it must leave alone. */
import { describe, expect, it } from 'vitest';
import { CAPTION_RULES, captionEdits } from '../src/normalize/captions.js';
import { normalize } from '../src/normalize/index.js';
import { segment } from '../src/segment/index.js';

/** The line with one rule's matches deleted. */
function apply(ruleName: string, line: string): string {
  const rule = CAPTION_RULES.find((r) => r.name === ruleName)!;
  let out = '';
  let cursor = 0;
  rule.pattern.lastIndex = 0;
  for (const m of line.matchAll(rule.pattern)) {
    if (rule.keep?.(m as RegExpExecArray)) continue;
    out += line.slice(cursor, m.index);
    cursor = m.index + m[0].length;
  }
  return out + line.slice(cursor);
}

describe('caption rules', () => {
  it('scroll-down: drops the video pointer', () => {
    expect(apply('scroll-down', 'The pair met on Monday. Scroll down for video The talks ran late.')).toBe('The pair met on Monday. The talks ran late.');
    expect(apply('scroll-down', 'SCROLL DOWN FOR VIDEO The talks ran late.')).toBe('The talks ran late.');
    expect(apply('scroll-down', 'Fans were told to scroll through the list.')).toBe('Fans were told to scroll through the list.');
  });

  it('picture-aside: drops bracketed pointers at photos, keeps other brackets', () => {
    expect(apply('picture-aside', 'Jane Smith (pictured) was jailed.')).toBe('Jane Smith was jailed.');
    expect(apply('picture-aside', 'His wife (left, pictured in 2019) declined to comment.')).toBe('His wife declined to comment.');
    expect(apply('picture-aside', 'The Labour Party (in power since 2024) lost.')).toBe('The Labour Party (in power since 2024) lost.');
    expect(apply('picture-aside', 'The Electoral Commission (EC) agreed.')).toBe('The Electoral Commission (EC) agreed.');
  });

  it('photo-credit: drops a credit run into the text', () => {
    expect(apply('photo-credit', 'Crowds gathered. Photo: Getty Images The march began.')).toBe('Crowds gathered. The march began.');
    expect(apply('photo-credit', 'The photo: a turning point.')).toBe('The photo: a turning point.');
  });

  it('labelled-caption: drops a label and its one descriptive sentence after a sentence end or a video pointer', () => {
    expect(apply('labelled-caption', 'Happy handshake: The prince greets the president in London. The talks ran late.')).toBe('The talks ran late.');
    expect(apply('labelled-caption', 'He left at noon. Crime scene: Police cordoned off the street on Friday. Officers arrived.')).toBe(
      'He left at noon. Officers arrived.',
    );
  });

  it('labelled-caption: keeps a speaker introducing words, running text and quotations', () => {
    for (const line of [
      'Mr Smith said: The plan is dead and buried now.',
      'The reason: Ministers wanted a quick deal before summer.',
      'Police told MailOnline: Officers remain at the scene tonight.',
      'Her verdict: “It was a disaster from the start.”',
      'He was clear on one point: Taxes will not rise this year.',
    ]) {
      expect(apply('labelled-caption', line)).toBe(line);
    }
  });

  it('every rule is exercised by the cases above', () => {
    expect(CAPTION_RULES.map((r) => r.name).sort()).toEqual(['labelled-caption', 'photo-credit', 'picture-aside', 'scroll-down']);
  });
});

describe('captions in normalization', () => {
  it('removes a glued caption run and keeps offsets into the original', () => {
    const original =
      'The two leaders met in Washington on Tuesday. Scroll down for video Happy handshake: The prime minister greets the president at the White House. They discussed trade and tariffs.';
    const norm = normalize(original);
    expect(norm.text).toBe('The two leaders met in Washington on Tuesday. They discussed trade and tariffs.');
    for (const s of segment(norm)) expect(original.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns deletions only, in order, never overlapping', () => {
    const line = 'Jane (pictured) spoke. Scroll down for video Sad farewell: Jane waves to fans outside the court. She left.';
    const edits = captionEdits(line, 0, line.length);
    expect(edits.every((e) => e.text === '')).toBe(true);
    for (let i = 1; i < edits.length; i++) expect(edits[i]!.start).toBeGreaterThanOrEqual(edits[i - 1]!.end);
    expect(edits).toHaveLength(3);
  });
});

describe('datelines are no captions', () => {
  it('keeps a one-word place label opening a line', () => {
    const line = 'Bengaluru: The Election Commission on Monday issued notices to both parties over campaign speeches.';
    expect(apply('labelled-caption', line)).toBe(line);
    expect(apply('labelled-caption', 'He spoke. Tragic: The boy was found on Friday morning. Police came.')).toBe('He spoke. Police came.');
  });
});
