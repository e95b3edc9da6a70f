import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compromiseSystem, evaluate, readConll, summary, toDocuments, type System } from '../../scripts/eval-ner.js';

const CONLL = `-DOCSTART- -X- O O

U.N. NNP I-NP I-ORG
official NN I-NP O
Ekeus NNP I-NP I-PER
heads VBZ I-VP O
for IN I-PP O
Baghdad NNP I-NP I-LOC
. . O O

West NNP I-NP I-MISC
Indian NNP I-NP I-MISC
Phil NNP I-NP I-PER
Simmons NNP I-NP I-PER
and CC O O
Brian NNP I-NP I-PER
Lara NNP I-NP B-PER
played VBD I-VP O
. . O O
`;

function sample(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eval-ner-')), 'sample.conll');
  writeFileSync(path, CONLL);
  return path;
}

describe('readConll', () => {
  it('rebuilds sentences with single spaces and reads IOB1 spans, B- splitting adjacent names', () => {
    const [first, second] = readConll(sample());
    expect(first!.text).toBe('U.N. official Ekeus heads for Baghdad .');
    expect(first!.gold.map((g) => [first!.text.slice(g.start, g.end), g.type])).toEqual([
      ['U.N.', 'ORG'],
      ['Ekeus', 'PER'],
      ['Baghdad', 'LOC'],
    ]);
    expect(second!.gold.map((g) => [second!.text.slice(g.start, g.end), g.type])).toEqual([
      ['West Indian', 'MISC'],
      ['Phil Simmons', 'PER'],
      ['Brian', 'PER'],
      ['Lara', 'PER'],
    ]);
  });
});

describe('toDocuments', () => {
  it('joins a document\'s sentences as paragraphs and moves the gold spans with them', () => {
    const twoDocs = `${CONLL}\n-DOCSTART- -X- O O\n\nOslo NNP I-NP I-LOC\n`;
    const path = join(mkdtempSync(join(tmpdir(), 'eval-ner-')), 'two.conll');
    writeFileSync(path, twoDocs);
    const sentences = readConll(path);
    expect(sentences.map((s) => s.doc)).toEqual([0, 0, 1]);
    const [first, second] = toDocuments(sentences);
    expect(first!.text).toBe('U.N. official Ekeus heads for Baghdad .\n\nWest Indian Phil Simmons and Brian Lara played .');
    expect(first!.gold.map((g) => first!.text.slice(g.start, g.end))).toEqual(['U.N.', 'Ekeus', 'Baghdad', 'West Indian', 'Phil Simmons', 'Brian', 'Lara']);
    expect(second!.gold.map((g) => [second!.text.slice(g.start, g.end), g.type])).toEqual([['Oslo', 'LOC']]);
  });
});

describe('evaluate', () => {
  const sentences = readConll(sample());

  it('counts exact span and type only, and ignores predictions on MISC spans', () => {
    const system: System = (text) => {
      const at = (s: string, type: 'PER' | 'ORG' | 'LOC' | 'MISC') => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type });
      return text.startsWith('U.N.')
        ? [at('U.N.', 'ORG'), at('Ekeus heads', 'PER'), at('Baghdad', 'ORG')]
        : [at('West Indian', 'LOC'), at('Phil Simmons', 'PER')];
    };
    const s = summary(evaluate('test', system, sentences));
    expect([s.ORG.tp, s.ORG.fp, s.ORG.fn]).toEqual([1, 1, 0]);
    expect([s.PER.tp, s.PER.fp, s.PER.fn]).toEqual([1, 1, 3]);
    expect([s.LOC.tp, s.LOC.fp, s.LOC.fn]).toEqual([0, 0, 1]);
    expect(s.overall.precision).toBeCloseTo(2 / 4);
  });

  it('gives compromise spans without the punctuation around them', () => {
    const spans = compromiseSystem('Talks were held in Ottawa, Canada.');
    const text = 'Talks were held in Ottawa, Canada.';
    for (const s of spans) expect(text.slice(s.start, s.end)).not.toMatch(/[.,]$/);
  });
});
