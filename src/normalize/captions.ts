/**
 * Photo captions and page furniture glued into an article's running text.
 * Scraped pages flatten a picture's caption into the paragraph beside it
 * (`… on Tuesday. Scroll down for video Happy handshake: The prince greets
 * the president in London. The talks …`); line-based furniture rules never
 * see them, because they share a line with real sentences.
 *
 * Each rule is a named, declarative pattern over one line; every match is
 * deleted (with the spaces after it), offsets kept by the edit machinery.
 */
import type { Edit } from './edits.js';

export interface CaptionRule {
  name: string;
  why: string;
  /** Global, unicode pattern over one line; the whole match is deleted. */
  pattern: RegExp;
  /** Optional veto on a match (words that show it is running text after all). */
  keep?: (match: RegExpExecArray) => boolean;
}

/**
 * Where a glued caption can start: a line's start, a sentence's end (the caption is a sentence of its
 * own), or right after the video pointer it often follows (`Scroll down for video Happy handshake: …`).
 */
const AT_BOUNDARY = String.raw`(?<=^|[.!?][”"’)]?\s*|\b(?:video|VIDEO)s?\s+)`;

/** Words that make `X: …` a speaker introducing words, or running text, not a caption's label. */
const NOT_A_LABEL =
  /\b(?:said|says|told|tells|added|adds|wrote|writes|explained|asked|insisted|warned|claimed|stated|declared|revealed|continued|tweeted|posted|replied|explains|is|was|are|were|has|had|have|will|would)\b/i;
/** A caption's label is a noun phrase of its own (`Happy handshake`), never one opening with a function word. */
const FUNCTION_OPENER = /^(?:The|A|An|This|That|These|Those|His|Her|Their|Its|Our|My|But|And|Or|So|Yet|He|She|They|We|It|I|You|In|On|At|For|To|Of|By|With|From|When|While|If|As|Mr|Mrs|Ms|Dr)\b/;

export const CAPTION_RULES: CaptionRule[] = [
  {
    name: 'scroll-down',
    why: 'A video pointer (`Scroll down for video`), glued before the next sentence or caption.',
    pattern: /\b(?:Scroll|SCROLL) (?:down|DOWN) (?:for|FOR) (?:the )?(?:videos?|VIDEOS?|more|MORE)\b[.:]?\s*/gu,
  },
  {
    name: 'picture-aside',
    why: 'A bracketed pointer at a photo beside the text (`(pictured)`, `(left)`, `(pictured with his wife)`, `(file photo)`).',
    pattern:
      /\s*\((?:(?:pictured|picture|photographed|left|right|centre|center|above|below|top|bottom|inset|main|file (?:photo|picture|image)|stock (?:photo|image))\b[^()]{0,60})\)/giu,
  },
  {
    name: 'photo-credit',
    why: 'A photo credit run into the text (`Photo: Getty Images`, `Image credit: AFP`).',
    pattern:
      /(?:Photo|Picture|Image|Photograph)s?(?: credit)?: (?:[\p{Lu}][\p{L}.&/-]*\s?){1,4}(?:Images|Getty|Reuters|AFP|AP|EPA|PA|Shutterstock|Alamy|Rex|Supplied|Handout)\b\.?\s*/gu,
  },
  {
    name: 'labelled-caption',
    why:
      'A tabloid photo caption: a short label, a colon and one descriptive sentence (`Happy handshake: The prince greets the president.`), ' +
      'standing as a sentence of its own. A speaker introducing words (`Smith said: …`) or a quotation after the colon is no caption, ' +
      'nor is a one-word label opening a line: that is a dateline (`Bengaluru: The Election Commission …`).',
    pattern: new RegExp(
      `${AT_BOUNDARY}(?<label>\\p{Lu}[\\p{Ll}’'-]+(?:\\s+[\\p{L}’'-]+){0,3}): (?=\\p{Lu})(?<body>[^.!?“”"‘]{10,200}?[.!?])(?:\\s+|$)`,
      'gu',
    ),
    keep: (m) => {
      const label = m.groups!.label!;
      const dateline = !/\s/.test(label) && m.index === 0;
      return dateline || NOT_A_LABEL.test(label) || FUNCTION_OPENER.test(label);
    },
  },
];

/** Deletions for the captions glued into the line `text.slice(start, end)`. */
export function captionEdits(text: string, start: number, end: number): Edit[] {
  const line = text.slice(start, end);
  const edits: Edit[] = [];
  for (const rule of CAPTION_RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of line.matchAll(rule.pattern)) {
      if (rule.keep?.(m as RegExpExecArray)) continue;
      const from = start + m.index;
      const to = from + m[0].length;
      if (edits.some((e) => from < e.end && to > e.start)) continue;
      edits.push({ start: from, end: to, text: '' });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}
