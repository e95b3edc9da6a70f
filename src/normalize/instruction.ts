/** The user's instruction line: `Summarize this content to 2000 words in 6 paragraphs`. */
import type { Instruction } from '../types.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, single: 1,
};

function number(token: string): number | undefined {
  const digits = token.replace(/,/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  return NUMBER_WORDS[token.toLowerCase()];
}

const NUM = '(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|single)';
const WORDS = new RegExp(`${NUM}\\s*(?:-\\s*)?words?\\b`, 'i');
const PARAGRAPHS = new RegExp(`${NUM}\\s*(?:-\\s*)?paragraphs?\\b`, 'i');

/** Parse a line as an instruction, or return undefined if it is article text. */
export function parseInstruction(line: string): Instruction | undefined {
  const trimmed = line.trim();
  if (!/^(please\s+)?(summari[sz]e|write a summary|give me a summary)\b/i.test(trimmed)) return undefined;
  if (trimmed.split(/\s+/).length > 25) return undefined; // an article sentence that starts with "Summarize"
  const instruction: Instruction = {};
  const words = WORDS.exec(trimmed);
  const paragraphs = PARAGRAPHS.exec(trimmed);
  if (words) instruction.words = number(words[1]!);
  if (paragraphs) instruction.paragraphs = number(paragraphs[1]!);
  return instruction;
}
