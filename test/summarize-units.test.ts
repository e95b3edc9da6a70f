/**
 * The summarizer's parts on hand-built inputs: compression, quote
 * attribution, referring expressions, budget resolution, and the whole
 * pipeline over a small graph built by hand with the shared types.
 */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { ExitCode, NewsgraphError, type NewsGraph } from '../src/types.js';
import { resolveShape, targetWords, countWords } from '../src/summarize/budget.js';
import { compress, compressHard, trimToClause } from '../src/summarize/compress.js';
import { backReferences, definiteAntecedents, dropAdditives, hasFiniteVerb, isQuestion } from '../src/summarize/coherence.js';
import { applyLicences, attributeQuote, referToEntities } from '../src/summarize/refer.js';
import { quotedSpans, tidy } from '../src/summarize/text.js';
import { conceptWeights, HAPAX, sentenceConcepts, stem } from '../src/summarize/concepts.js';
import { chooseDocument, nameIndex, readArticle } from '../src/summarize/article.js';
import { extract } from '../src/extract.js';
import { planSentences } from '../src/summarize/plan.js';
import { summarizeGraph as summarize } from '../src/summarize/summary.js';
import { balanceQuotes } from '../src/summarize/realize.js';

describe('compression', () => {
  it('drops paired-dash asides, relative clauses and trailing participial clauses', () => {
    expect(compress('Berg — who leads the council — called the report incomplete.')).toBe('Berg called the report incomplete.');
    expect(compress('Ann Lee, who is a prolific poster online, has often weighed in on politics.')).toBe(
      'Ann Lee has often weighed in on politics.',
    );
    expect(compress('Lee said there will be more floods this year, echoing a warning shared by the agency.')).toBe(
      'Lee said there will be more floods this year.',
    );
    expect(compress('Okafor won the party vote last month, which also made her leader of the opposition.')).toBe(
      'Okafor won the party vote last month.',
    );
    // Too little would be left, or the clause holds quoted words: kept.
    expect(compress('It passed, which surprised many.')).toBe('It passed, which surprised many.');
    expect(compress('Lee spoke for an hour on Monday, which she called “a duty”.')).toBe('Lee spoke for an hour on Monday, which she called “a duty”.');
  });
  it('never touches quoted words and keeps acronym definitions and attributions', () => {
    const quoted = '“We found cracks — small ones — in the wall, making it worse,” Lee said.';
    expect(compress(quoted)).toBe(quoted);
    expect(compress('The Federal Water Agency (FWA) said so.')).toBe('The Federal Water Agency (FWA) said so.');
    expect(compress('The dam is safe, according to the agency.')).toBe('The dam is safe, according to the agency.');
  });
  it('keeps a dash that opens a tail, not an aside', () => {
    const s = 'Officials say they focus on covert efforts — and that excludes public opinions.';
    expect(compress(s)).toBe(s);
  });
});

describe('quote attribution', () => {
  it('finds quoted spans, including unterminated and tail quotes', () => {
    expect(quotedSpans('“A,” he said.')).toEqual([{ start: 0, end: 4 }]);
    expect(quotedSpans('“Open quote runs on.')).toEqual([{ start: 0, end: 20 }]);
    expect(quotedSpans('tail of a quote.” Next')).toEqual([{ start: 0, end: 17 }]);
  });
  it('gives a quote-only sentence its speaker', () => {
    expect(attributeQuote('“The structure is sound.”', 'Lopez', 'said')).toBe('“The structure is sound,” Lopez said.');
    expect(attributeQuote('“Is it sound?”', 'Lopez', 'said')).toBe('“Is it sound?” Lopez said.');
    expect(attributeQuote('“I want to be clear: it is sound.', 'Lopez', 'said')).toBe('“I want to be clear: it is sound,” Lopez said.');
    expect(attributeQuote('It will hold for decades.', 'Lopez', 'said')).toBe('“It will hold for decades,” Lopez said.');
    expect(attributeQuote('The dam, she said, is “sound.”', 'Lopez', 'said')).toBeUndefined();
    // A quote inside the quote closing it: its period becomes the comma, inside the single mark.
    expect(attributeQuote('“They would not even say the words ‘flood risk.’', 'Lopez', 'said')).toBe('“They would not even say the words ‘flood risk,’” Lopez said.');
    // The rest of that quote, a sentence of its own, opens with its mark again.
    expect(balanceQuotes('For that reason alone, the director should resign,” Lopez said.')).toBe('“For that reason alone, the director should resign,” Lopez said.');
    expect(balanceQuotes('He called it “a scandal.”')).toBe('He called it “a scandal.”');
    expect(balanceQuotes('“We will build it.')).toBe('“We will build it.”');
  });
});

describe('shape and budget', () => {
  it('takes options over the instruction over the defaults', () => {
    expect(resolveShape({}, undefined)).toEqual({ paragraphs: 3, words: 250 });
    expect(resolveShape({}, { words: 2000, paragraphs: 6 })).toEqual({ paragraphs: 6, words: 2000 });
    expect(resolveShape({ paragraphs: 2 }, { words: 2000, paragraphs: 6 })).toEqual({ paragraphs: 2, words: 2000 });
  });
  it('refuses bad M and N as usage errors', () => {
    for (const bad of [{ paragraphs: 0 }, { paragraphs: 21 }, { paragraphs: 2.5 }, { words: 0 }, { words: -5 }]) {
      try {
        resolveShape(bad, undefined);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(NewsgraphError);
        expect((error as NewsgraphError).exitCode).toBe(ExitCode.badUsage);
      }
    }
  });
  it('aims near 60% of the article when the ceiling allows more, never above the ceiling', () => {
    expect(targetWords(2000, 1100)).toBe(660);
    expect(targetWords(100, 1100)).toBe(100);
    expect(countWords('  one two\nthree  ')).toBe(3);
  });
});

// ─── A small graph built by hand ────────────────────────────────────────────

const SENTENCES = [
  'Officials at the Federal Water Agency said on Tuesday that the reservoir is safe for the summer season.',
  'Maria Lopez, chief engineer at the Federal Water Agency, said the dam was inspected in May by a team of twelve.',
  '“We found no cracks in the main wall or the spillway,” she said.',
  '“The structure is sound and will hold for decades.”',
  'Tom Berg — who leads the local council — called the report incomplete and asked for an independent review.',
  'He said residents deserve more data about the spillway, citing last year’s flood.',
  'The FWA will publish its full findings next week, officials at the agency said.',
  'Lopez said the agency had also hired outside experts from two universities.',
];

function handGraph(): { graph: NewsGraph; text: string } {
  const doc = 'd1';
  const graph: NewsGraph = new MultiDirectedGraph();
  let offset = 0;
  const sentences = SENTENCES.map((text, index) => {
    const s = { index, start: offset, end: offset + text.length, text, paragraph: index < 4 ? 0 : 1 };
    offset += text.length + 1;
    return s;
  });
  const textAll = SENTENCES.join(' ');
  graph.replaceAttributes({ documents: [doc], sentences: { [doc]: sentences } });
  graph.addNode(`Document:${doc}`, { kind: 'Document', name: doc, id: doc, words: countWords(textAll) });
  const entity = (kind: 'Person' | 'Agency', name: string, aliases: string[], mentions: number): string => {
    const key = `${kind}:${name}`;
    graph.addNode(key, { kind, name, aliases: [name, ...aliases].sort(), mentions });
    graph.addEdgeWithKey(`MENTIONED_IN:${key}->Document:${doc}`, key, `Document:${doc}`, { type: 'MENTIONED_IN', count: mentions });
    return key;
  };
  const lopez = entity('Person', 'Maria Lopez', ['Lopez'], 4);
  const berg = entity('Person', 'Tom Berg', ['Berg'], 2);
  const fwa = entity('Agency', 'Federal Water Agency', ['FWA'], 3);
  const prov = (sentence: number, needle: string) => {
    const s = sentences[sentence]!;
    const at = s.text.indexOf(needle);
    return { doc, sentence, start: s.start + at, end: s.start + at + needle.length };
  };
  graph.addEdgeWithKey('HOLDS_ROLE:lopez', lopez, fwa, { type: 'HOLDS_ROLE', title: 'chief engineer', ...prov(1, 'chief engineer') });
  const quote = (sentence: number, words: string, direct: boolean, speaker: string, verb: string, mention: [number, string]) => {
    const p = prov(sentence, words);
    const m = prov(mention[0], mention[1]);
    const key = `Quote:${doc}:${p.start}`;
    graph.addNode(key, { kind: 'Quote', text: words, direct, doc, sentence, start: p.start, end: p.end, context: sentences[sentence]!.text });
    graph.addEdgeWithKey(`SAID:${speaker}->${key}:${p.start}`, speaker, key, { type: 'SAID', verb, mentionStart: m.start, mentionEnd: m.end, ...p });
  };
  quote(1, 'the dam was inspected in May by a team of twelve', false, lopez, 'said', [1, 'Maria Lopez']);
  quote(2, 'We found no cracks in the main wall or the spillway', true, lopez, 'said', [2, 'she']);
  quote(3, 'The structure is sound and will hold for decades.', true, lopez, 'said', [2, 'she']);
  quote(5, 'residents deserve more data about the spillway', false, berg, 'said', [5, 'He']);
  quote(7, 'the agency had also hired outside experts from two universities', false, lopez, 'said', [7, 'Lopez']);
  graph.addEdgeWithKey('OPPOSES:berg', berg, fwa, { type: 'OPPOSES', verb: 'called', ...prov(4, 'called the report incomplete') });
  return { graph, text: textAll };
}

describe('summarize on a hand-built graph', () => {
  it('reads sentences, entities, quotes and roles from the graph', () => {
    const article = readArticle(handGraph().graph, 'd1');
    expect(article.sentences).toHaveLength(SENTENCES.length);
    expect(article.entities.get('Person:Maria Lopez')?.surname).toBe('Lopez');
    expect(article.entities.get('Person:Maria Lopez')?.role?.phrase).toBe('chief engineer at the Federal Water Agency');
    expect(article.entities.get('Agency:Federal Water Agency')?.acronym).toBe('FWA');
    const plans = planSentences(article);
    // `He said` is fixed by the SAID edge's mention: licensed, so the sentence stands alone.
    expect(plans[5]!.sentence.licences.map((l) => [l.surface, l.entity])).toEqual([['He', 'Person:Tom Berg']]);
    expect(plans[5]!.needsPredecessor).toBe(false);
    expect(applyLicences(plans[2]!.sentence.text, plans[2]!.sentence.licences, article).text).toBe(
      '“We found no cracks in the main wall or the spillway,” Maria Lopez said.',
    );
    expect(plans[3]!.continues).toBeUndefined(); // a quote of its own, speaker from the graph
    expect(plans[3]!.speaker).toBe('Person:Maria Lopez');
  });

  for (const [paragraphs, words] of [
    [1, 60],
    [2, 120],
    [3, 2000],
    [4, 2000],
  ] as const) {
    it(`writes ${paragraphs} paragraph(s) within ${words} words, every quote with its speaker`, () => {
      const { graph } = handGraph();
      const summary = summarize(graph, { paragraphs, words });
      expect(summary.paragraphs).toHaveLength(paragraphs);
      expect(summary.words).toBeLessThanOrEqual(words);
      expect(summary.text.split('\n\n')).toHaveLength(paragraphs);
      const all = summary.paragraphs.flatMap((p) => p.sentences);
      expect(new Set(all.map((s) => s.text)).size).toBe(all.length);
      for (const p of summary.paragraphs) expect(p.sentences[0]!.text).not.toMatch(/^(He|She|They|It)\b/);
      for (const s of all) {
        expect(s.sources.length).toBeGreaterThan(0);
        if (s.text.includes('We found no cracks') || s.text.includes('The structure is sound')) {
          expect(s.text).toMatch(/Lopez/);
        }
      }
      expect(summarize(graph, { paragraphs, words }).text).toBe(summary.text);
    });
  }

  it('introduces a person once with name and role, then by surname; spells out an acronym once', () => {
    const summary = summarize(handGraph().graph, { paragraphs: 2, words: 2000 });
    const text = summary.text;
    const first = text.indexOf('Maria Lopez');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(text.slice(first)).toMatch(/^Maria Lopez, chief engineer at the Federal Water Agency/);
    expect(text.lastIndexOf('Maria Lopez')).toBe(first);
    if (text.includes('FWA')) expect(text).toMatch(/Federal Water Agency \(FWA\)|\(FWA\)/);
    expect(summary.words).toBeLessThan(countWords(SENTENCES.join(' ')));
  });
});

describe('topic words', () => {
  it('stems plurals and -ing/-ed forms together, and keeps names out', () => {
    expect(stem('threats')).toBe(stem('threat'));
    expect(stem('monitoring')).toBe(stem('monitor'));
    expect(stem('policies')).toBe('policy');
    expect(stem('process')).toBe('process');
    expect(stem('flagged')).toBe('flag');
    expect(stem('called')).toBe('call');
    const text = 'Threats will be flagged to a panel, Elena Ruiz said of the panel’s threshold.';
    expect(sentenceConcepts(text)).not.toContain('threat');
    const concepts = sentenceConcepts(text, new Set(['threat']));
    expect(concepts).toContain('threat');
    expect(concepts).toContain('panel');
    expect(concepts).not.toContain('elena');
    expect(concepts).not.toContain('will');
  });
  it('weighs a word by how many sentences use it, and a word used once a little', () => {
    const weights = conceptWeights([['panel', 'threat'], ['panel'], ['panel', 'budget']]);
    expect(weights.get('panel')).toBeCloseTo(2);
    expect(weights.get('threat')).toBe(HAPAX);
    expect(weights.get('panel')!).toBeGreaterThan(weights.get('threat')!);
  });
});

describe('compression and tidying, details', () => {
  it('keeps a participle clause that does not end the sentence', () => {
    const s = 'Briggs said a vote on a narrower bill, covering only firefighting costs, could come as early as Thursday.';
    expect(compress(s)).toBe(s);
  });
  it('closes the gap a normalizer may leave before a closing quote', () => {
    expect(tidy('the Greens called it “tactical cowardice. ” Then')).toBe('the Greens called it “tactical cowardice.” Then');
  });
});

describe('short names', () => {
  it('uses the word of the full name the article itself uses alone (a family name first), else the last word', () => {
    const doc = 'd2';
    const texts = ['President Kang Tae-won said the vote was unfair.', 'Kang later left the hall with Maria Lopez.'];
    const graph: NewsGraph = new MultiDirectedGraph();
    let offset = 0;
    const sentences = texts.map((text, index) => {
      const s = { index, start: offset, end: offset + text.length, text, paragraph: 0 };
      offset += text.length + 1;
      return s;
    });
    graph.replaceAttributes({ documents: [doc], sentences: { [doc]: sentences } });
    graph.addNode(`Document:${doc}`, { kind: 'Document', name: doc, id: doc, words: 16 });
    graph.addNode('Person:Kang Tae-won', { kind: 'Person', name: 'Kang Tae-won', aliases: ['Kang', 'Kang Tae-won'], mentions: 2 });
    graph.addNode('Person:Maria Lopez', { kind: 'Person', name: 'Maria Lopez', aliases: ['Maria Lopez'], mentions: 1 });
    const article = readArticle(graph, doc);
    expect(article.entities.get('Person:Kang Tae-won')?.surname).toBe('Kang');
    expect(article.entities.get('Person:Maria Lopez')?.surname).toBe('Lopez');
  });
});

describe('planning units', () => {
  it('a pronoun the graph fixes is replaced; a pronoun it does not fix keeps its predecessor', () => {
    const text =
      'The election commission met on Monday to review its rules for the coming vote. ' +
      'Commissioner Ana Ruiz said the bar for a public warning is very high. ' +
      '“A warning could do the attackers’ work for them,” she said. ' +
      'She left the meeting before the vote was taken.';
    const graph = extract(text);
    const plans = planSentences(readArticle(graph, chooseDocument(graph)));
    const byText = (start: string) => plans.find((p) => p.sentence.text.startsWith(start))!;
    expect(byText('“A warning could').sentence.licences.map((l) => l.surface)).toEqual(['she']);
    expect(byText('“A warning could').needsPredecessor).toBe(false);
    // No SAID edge fixes this `She`: the sentence comes with the one before it or not at all.
    expect(byText('She left').needsPredecessor).toBe(true);
    expect(byText('She left').needs).toEqual([plans.indexOf(byText('“A warning could'))]);
  });
});

describe('coherence rules', () => {
  const rules = (text: string, antecedents: Array<{ start: number; end: number }> = []) => backReferences(text, antecedents).map((r) => r.rule);
  it('pronoun: a person pronoun with no name or person noun before it', () => {
    expect(rules('He started setting up different profiles.')).toContain('pronoun');
    expect(rules('Police said he was arrested on Friday.')).toContain('pronoun');
    expect(rules('Smith said he was arrested on Friday.', [{ start: 0, end: 5 }])).toEqual([]);
    expect(rules('The mother said her son was missing.')).toEqual([]);
    // The speaker is named, but whom the quoted `He` means is not: the quote points back too.
    expect(rules('“He lied to us,” Smith said.', [{ start: 17, end: 22 }])).toEqual(['reference-opener']);
    expect(rules('They refused to comment.')).toContain('pronoun');
    expect(rules('Officials said they would investigate.')).toEqual([]);
  });
  it('demonstrative and contrast openers, demonstrative phrases and comparatives; dates are no references', () => {
    expect(rules('This organisation has no mandate.')).toContain('reference-opener');
    expect(rules('That power lies with the courts.')).toContain('reference-opener');
    expect(rules('“That is not contrary to our rules,” Lee said.', [{ start: 37, end: 40 }])).toContain('reference-opener');
    expect(rules('But the council said no.')).toContain('contrast-opener');
    expect(rules('However, the council said no.')).toContain('contrast-opener');
    // Openers that explain, grant or list against what came before.
    for (const opener of ['In other words, the mayor is not running.', 'For one thing, the council never voted.', 'Of course, it was not the only cost.', 'At the same time, she met the unions.']) {
      expect(rules(opener), opener).toContain('contrast-opener');
    }
    expect(rules('Critics called it another great soundbite from the mayor.')).toContain('comparative');
    expect(rules('The court rejected those claims on Friday.')).toContain('demonstrative');
    // `those who …`, `those mourning …`: people the sentence itself describes.
    expect(rules('Those mourning Muhammad Ali at the gathering never mentioned Trump.')).toEqual([]);
    expect(rules('The fund helps those who lost their homes in the flood.')).not.toContain('demonstrative');
    expect(rules('Those meetings were private.')).toContain('reference-opener');
    expect(rules('This year’s election is the first since the reforms.')).toEqual([]);
    expect(rules('The vote took place that morning.')).toEqual([]);
  });
  it('additive connectives go instead: the sentence stands without them', () => {
    expect(dropAdditives('Furthermore, the council said no.')).toBe('The council said no.');
    expect(dropAdditives('Also, the council said no.')).toBe('The council said no.');
    expect(dropAdditives('Musk has also echoed Trump’s attacks on Canada.')).toBe('Musk has echoed Trump’s attacks on Canada.');
    expect(dropAdditives('The ban covers not only cars but also vans.')).toBe('The ban covers not only cars but also vans.');
    expect(dropAdditives('“We also need money,” Lee said.')).toBe('“We also need money,” Lee said.');
  });
  it('questions and definite descriptions', () => {
    expect(isQuestion('“You know what gives her the nerve?”')).toBe(true);
    expect(isQuestion('She asked why.')).toBe(false);
    const needs = definiteAntecedents(
      ['Musk reposted a tweet from December.', 'Officials met on Monday.', 'The tweet was deleted on Friday.', 'A report said the tweet was seen widely, and the report was long.'],
      new Set(),
    );
    expect(needs).toEqual([[], [], [0], [0]]);
  });
});

describe('datelines', () => {
  it('drops a wire dateline opening the lead, keeps a sentence that opens with capitals', () => {
    expect(compress('WASHINGTON (AP) — The Senate voted on Friday to pass the bill.')).toBe('The Senate voted on Friday to pass the bill.');
    expect(compress('FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized the law.')).toBe('Former President Bill Clinton criticized the law.');
    expect(compress('LOS ANGELES, Sept. 28 (UPI) — Blige sings to Clinton.')).toBe('Blige sings to Clinton.');
    expect(compress('NATO — the alliance — met on Friday to agree the plan.')).toBe('NATO met on Friday to agree the plan.');
  });
});

describe('finite verbs', () => {
  it('tells a sentence from a fragment', () => {
    expect(hasFiniteVerb('With violent titles continuing to top the charts.')).toBe(false);
    expect(hasFiniteVerb('Her arrogance.')).toBe(false);
    expect(hasFiniteVerb('Musk backed Trump and opposed Trudeau.')).toBe(true);
    expect(hasFiniteVerb('Battleground state Florida is nearly 3% Polish American.')).toBe(true);
    expect(hasFiniteVerb('Lee said: “It is sound.”')).toBe(true);
    expect(hasFiniteVerb('Voters go to the polls in May.')).toBe(true);
  });
});

describe('licences agree with the words they replace', () => {
  it('never puts a person’s name for `the airline`, nor a body’s for `she`', () => {
    const text =
      'Passengers were stranded at Gatwick on Sunday after a computer failure at SkyJet. ' +
      'Passenger Emma Rhodes said nobody had explained anything. ' +
      '“Flights will operate normally on Monday,” the airline said.';
    const graph = extract(text);
    const article = readArticle(graph, chooseDocument(graph));
    for (const s of article.sentences) {
      for (const l of s.licences) {
        const kind = article.entities.get(l.entity)!.kind;
        if (/airline/.test(l.surface)) expect(kind).not.toBe('Person');
        if (/^(?:he|she)$/i.test(l.surface)) expect(kind).toBe('Person');
      }
    }
  });
});

describe('compression for a tight budget', () => {
  it('drops an opening adverbial, an appositive after a name and a trailing clause of circumstance, never quoted words', () => {
    expect(compressHard('Friday on CNN’s “New Day,” Senator Ann Lee told host Chris Cuomo she believed Clinton would release the transcripts.')).toBe(
      'Senator Ann Lee told host Chris Cuomo she believed Clinton would release the transcripts.',
    );
    expect(compressHard('Officials said Kristen Gillibrand, a supporter of Clinton’s 2016 bid, told reporters nothing.')).toBe(
      'Officials said Kristen Gillibrand told reporters nothing.',
    );
    expect(compressHard('Top black lawmakers called the claim an insult on Friday afternoon, as they bristled at the continued questions.')).toBe(
      'Top black lawmakers called the claim an insult on Friday afternoon.',
    );
    const quoted = '“On Monday, we lost, as everyone knows,” Lee said.';
    expect(compressHard(quoted)).toBe(quoted);
  });
  it('never leaves a fragment: a cut that would remove the only verb is not made', () => {
    const s = 'The European Anti-Fraud Office (OLAF), which is part of the European Commission, confirmed it had opened an investigation.';
    expect(compress(s)).toBe(s);
  });
});

describe('licences the article contradicts', () => {
  it('never for a one-word “person” the article gives no title or first name', () => {
    const text =
      'Former President Bill Clinton criticized Obamacare during a rally in Flint on Monday. ' +
      '“It is the craziest thing in the world,” Clinton said. ' +
      '“He made the criticism plainly,” he said.';
    const graph = extract(text);
    const article = readArticle(graph, chooseDocument(graph));
    for (const s of article.sentences) for (const l of s.licences) expect(article.entities.get(l.entity)!.name).not.toBe('Obamacare');
  });
});

// ─── Quotes as the attribution extractor gives them ─────────────────────────

/** The Quote node whose words hold `words`. */
function quoteHolding(graph: NewsGraph, words: string): string {
  const key = graph.findNode((_k, a) => a.kind === 'Quote' && a.text.includes(words));
  if (!key) throw new Error(`no quote holds “${words}”`);
  return key;
}

/**
 * Give a quote another speaker, as a misreading extraction would: its SAID edge replaced by one from
 * `speaker`, the mention moved to `mention`'s first occurrence in the text.
 */
function reattribute(graph: NewsGraph, text: string, words: string, speaker: string, mention: string): void {
  const quote = quoteHolding(graph, words);
  const old = graph.findInEdge(quote, (_e, a) => a.type === 'SAID');
  const attrs = old ? graph.getEdgeAttributes(old) : { type: 'SAID' as const };
  if (old) graph.dropEdge(old);
  const at = text.indexOf(mention);
  graph.addEdgeWithKey(`SAID:${speaker}->${quote}`, speaker, quote, { ...attrs, mentionStart: at, mentionEnd: at + mention.length });
}

describe('quotes in pieces, unnamed speakers and attributions the article does not confirm', () => {
  it('a quote its attribution interrupts is one quote: the words after the attribution keep its speaker', () => {
    const text =
      'Transport minister Ana Teixeira opened the new metro line in Lisbon on Monday. ' +
      '“We are ready for the crowds,” she said. “The trains will run every four minutes from Tuesday.”';
    const graph = extract(text);
    const article = readArticle(graph, chooseDocument(graph));
    const plans = planSentences(article);
    const last = plans.find((p) => p.sentence.text.startsWith('“The trains'))!;
    expect(last.continues?.speaker).toBe('Person:Ana Teixeira');
    expect(last.usable).toBe(true);
    const summary = summarize(graph, { paragraphs: 1, words: 200 });
    for (const s of summary.paragraphs.flatMap((p) => p.sentences)) if (s.text.includes('every four minutes')) expect(s.text).toMatch(/Teixeira/);
  });

  it('sentences inside quotation marks opened before them are someone’s words, never narration; a nested double-marked title leaves the quote open; a mistyped closing mark closes it', () => {
    const text =
      'Council leader Mara Quint spoke after the vote on Tuesday.\n' +
      '“Well, look, they think this is an episode of “Game Night.” But this is a city budget. Every family pays for it.\n' +
      'Quint said the vote was close. She added: “We will publish every line of it.“The books are open.” Officials confirmed the figures on Wednesday.';
    const graph = extract(text);
    const article = readArticle(graph, chooseDocument(graph));
    const open = (words: string) => article.sentences.find((x) => x.text.includes(words))!.openAtStart;
    expect(open('But this is a city budget')).toBe(true);
    expect(open('Every family pays for it')).toBe(true);
    expect(open('Quint said the vote was close')).toBe(false);
    expect(open('Officials confirmed the figures')).toBe(false);
    const plans = planSentences(article);
    for (const words of ['But this is a city budget', 'Every family pays']) {
      const plan = plans.find((p) => p.sentence.text.includes(words))!;
      if (!plan.continues?.confirmed) expect(plan.usable, words).toBe(false);
    }
    for (const m of [1, 2]) {
      for (const sentence of summarize(graph, { paragraphs: m, words: 120 }).paragraphs.flatMap((p) => p.sentences)) {
        if (sentence.text.includes('Every family pays')) expect(sentence.text).toMatch(/“[^”]*Every family pays/);
      }
    }
  });

  it('a closing mark mistyped as an opening one (`,“ she said`) closes the quote, as attribution reads it: the next quote opens anew', () => {
    const text = 'Mayor Lina Voss spoke on Monday.\n“Not yet,“ Voss said. “The plan needs another month.” Voss left early.';
    const graph = extract(text);
    const sentences = readArticle(graph, chooseDocument(graph)).sentences;
    expect(sentences.map((s) => s.text)).toContain('“The plan needs another month.”');
    expect(sentences.filter((s) => s.openAtStart).map((s) => s.text)).toEqual([]);
  });

  it('a title-case line standing as its own paragraph is a headline, never summary text', () => {
    const text =
      'Council Leader Mara Quint Says Budget Will Pass Despite Protests.\n' +
      'The city council of Ashford voted on Tuesday to approve a budget that raises parking fees by a third. ' +
      'Council leader Mara Quint said the fees would pay for two new bus routes. Protesters gathered outside the town hall.';
    const graph = extract(text);
    const plans = planSentences(readArticle(graph, chooseDocument(graph)));
    expect(plans.find((p) => p.sentence.text.startsWith('Council Leader Mara Quint Says'))!.eligible).toBe(false);
    expect(summarize(graph, { paragraphs: 1, words: 60 }).text).not.toContain('Says Budget Will Pass');
  });

  it('quoted words whose speaker the article only describes keep their sentence out', () => {
    const text =
      'Two lions escaped from their enclosure at Riverside Zoo on Sunday and were recaptured within an hour. ' +
      'A spokeswoman for the zoo said: “We are reviewing every enclosure to make sure this cannot happen again.”';
    const graph = extract(text);
    const plans = planSentences(readArticle(graph, chooseDocument(graph)));
    expect(plans[1]!.usable).toBe(false);
    expect(summarize(graph, { paragraphs: 1, words: 200 }).text).not.toContain('reviewing every enclosure');
  });

  it('the summary names a speaker itself only where the article’s words there confirm the graph', () => {
    const text =
      'Thousands of farmers drove tractors into Brussels on Thursday. ' +
      '“They want farmers to compete with roads and railways for the same pot of money,” Henrik Baumann, the president of Copa-Cogeca, told the crowd. ' +
      '“Europe cannot eat a motorway.”';
    const graph = extract(text);
    const confirmed = (g: NewsGraph) => readArticle(g, chooseDocument(g)).quotes.find((q) => q.text.includes('motorway'))!.confirmed;
    expect(confirmed(graph)).toBe(true);
    // The graph reads the organisation in the appositive as the speaker: the article names it only as the object of `of`.
    reattribute(graph, text, 'motorway', 'Person:Copa-Cogeca', 'Copa-Cogeca');
    expect(confirmed(graph)).toBe(false);
    const plans = planSentences(readArticle(graph, chooseDocument(graph)));
    expect(plans.find((p) => p.sentence.text.startsWith('“Europe'))!.usable).toBe(false);
    for (const [m, n] of [[1, 60], [1, 200], [2, 200]] as const) expect(summarize(graph, { paragraphs: m, words: n }).text).not.toMatch(/Copa-Cogeca (?:said|told)/);
  });

  it('no name for a he/she that follows another person’s name in its own sentence', () => {
    const text =
      'Ayanda Mkhize, the party leader, accused Eskom of punishing the poor. ' +
      'The party spokesman, Mandla Shezi, called the tariff “economic violence” against townships, where he said households already spend a fifth of their income on electricity.';
    const graph = extract(text);
    const article = readArticle(graph, chooseDocument(graph));
    // The graph gives this `he` to Mkhize; the sentence names Shezi right before it.
    expect(article.sentences[1]!.licences).toEqual([]);
    expect(summarize(graph, { paragraphs: 1, words: 200 }).text).not.toMatch(/Mkhize said households/);
  });

  it('a quote belongs to the sentence its first words stand in', () => {
    const text =
      'Jayden Okoro, 17, said he had never met the defendant before that night. ' +
      '“He came up behind me and said give me the phone,” he told the jury. “When I said no, I felt something hit my side.”\n' +
      'The defendant, Kyle Benson, 19, denies wounding with intent.';
    const graph = extract(text);
    const article = readArticle(graph, chooseDocument(graph));
    for (const q of article.quotes) {
      const s = article.sentences.find((x) => x.index === q.sentence)!;
      expect(s.textStart <= q.pieces[0]!.start && q.pieces[0]!.start < s.textEnd, q.text).toBe(true);
    }
    for (const n of [60, 200]) expect(summarize(graph, { paragraphs: 1, words: n }).text).not.toMatch(/Benson (?:said|told)[^.]*When I said no/);
  });

  it('a later mention shortens a full name to the surname, never a short form the article uses', () => {
    const article = readArticle(handGraph().graph, 'd1');
    article.entities.set('Person:Central Unitaria de Trabajadores', {
      id: 'Person:Central Unitaria de Trabajadores', kind: 'Person', name: 'Central Unitaria de Trabajadores', names: ['Central Unitaria de Trabajadores', 'CUT'],
      surname: 'Trabajadores', centrality: 0, mentions: 2, takesThe: true,
    });
    article.names = nameIndex(article.entities.values());
    const discourse = { introduced: new Set(['Person:Central Unitaria de Trabajadores', 'Person:Maria Lopez']), spelledOut: new Set<string>(), acronymUsed: new Set<string>(), borrowed: [], roles: false };
    const ctx = { article, discourse, sentence: -1, actors: new Set<string>() };
    expect(referToEntities('CUT president Héctor Salinas said so.', ctx)).toBe('CUT president Héctor Salinas said so.');
    expect(referToEntities('Maria Lopez said so.', ctx)).toBe('Lopez said so.');
  });
});

describe('a tight budget: compress the lead rather than give it up', () => {
  it('cuts a sentence longer than the budget at its last clause boundary, never an attribution, never a fragment', () => {
    const long =
      'For someone who conceded in a recent debate that she is not a natural politician, Hillary Clinton had a good night Tuesday, winning the key states of Florida, Ohio and North Carolina by margins big enough to add to her delegate lead.';
    expect(trimToClause(long, 30)).toBe('For someone who conceded in a recent debate that she is not a natural politician, Hillary Clinton had a good night Tuesday.');
    // The claim before `officials said` is theirs: that tail stays, so there is no cut within budget.
    expect(trimToClause('The bridge will close for two years while engineers rebuild its deck and its piers, officials at the transport agency said on Monday.', 12)).toBeUndefined();
    // `according to` attributes what comes before it: not cut off.
    expect(trimToClause('The deficit rose by a third in the last quarter of the year, according to figures the treasury published.', 14)).toBeUndefined();
    // A cut after an abbreviation keeps its one period.
    expect(trimToClause('The mayor’s standing rose after the floods in Salem, Ore., and his call for “a complete overhaul” of the levee board.', 14)).toBe(
      'The mayor’s standing rose after the floods in Salem, Ore.',
    );
    // Too little would be left.
    expect(trimToClause('Lee won, and the party celebrated late into the night in the town square.', 4)).toBeUndefined();
    // A concession with only its attribution after it is no claim: the main clause must stay, cut or compressed.
    expect(compress('Though that handover was relatively smooth, he said, replacing the nominee would be far more bitter.')).toBe(
      'Though that handover was relatively smooth, he said, replacing the nominee would be far more bitter.',
    );
    expect(trimToClause('Though that handover was relatively smooth, he said, replacing the nominee would be far more bitter and could split the party.', 12)).toBeUndefined();
    expect(trimToClause('Although turnout fell sharply, the party held the seat, winning back voters in the suburbs it had lost four years ago.', 12)).toBe(
      'Although turnout fell sharply, the party held the seat.',
    );
  });
  it('cuts before a clause of circumstance with no comma, unless a word before binds it', () => {
    expect(trimToClause('Indiana Gov. Mike Pence is joining Donald Trump in calling for a special prosecutor to investigate Hillary Clinton after the Associated Press reports that half of her meetings were with donors.', 25)).toBe(
      'Indiana Gov. Mike Pence is joining Donald Trump in calling for a special prosecutor to investigate Hillary Clinton.',
    );
    expect(trimToClause('The fire began in the kitchen of the old house shortly after midnight on Sunday.', 12)).toBeUndefined();
  });
  it('drops a title-case dateline only with a news agency after it', () => {
    expect(compress('Philadelphia (AFP) – President Barack Obama will campaign for Hillary Clinton on Wednesday.')).toBe('President Barack Obama will campaign for Hillary Clinton on Wednesday.');
    expect(compress('Hillary Clinton (D) - Senator, said so.')).toMatch(/^Hillary Clinton/);
  });
  it('drops an agency tag or a live blog’s clock time opening a sentence', () => {
    expect(compress('(AP) — Donald Trump says he does not watch football much anymore.')).toBe('Donald Trump says he does not watch football much anymore.');
    expect(compress('7 p.m. Donald Trump is once again questioning the voting system.')).toBe('Donald Trump is once again questioning the voting system.');
  });
  it('drops an appositive only between a name and its verb', () => {
    const attribution = 'But, the former CEO of Hewlett-Packard added, it is not the way to win.';
    expect(compressHard(attribution)).toBe(attribution);
    const list = 'Phyllis Schlafly, whose campaigns against Communism, abortion and the amendment galvanized conservatives, died on Monday.';
    expect(compressHard(list)).toBe(list);
    expect(compressHard('Ann Lee, the mayor, died on Monday after a long illness in the city.')).toBe('Ann Lee died on Monday after a long illness in the city.');
  });
  it('uses the words left on the lead’s own words, and says nothing twice', () => {
    const text =
      'WASHINGTON (AP) — The Senate voted on Friday to extend disaster aid for farmers hit by the drought, sending the bill to the president, who is expected to sign it. ' +
      'The Senate voted on Friday to extend disaster aid for farmers hit by the drought. ' +
      'Farm groups had pressed for the money since spring, when the first crops failed across the plains. ' +
      'Watch a clip of the debate above. ' +
      'The House passed its own version of the bill last month by a wide margin after a short debate.';
    const summary = summarize(extract(text), { paragraphs: 1, words: 40 });
    expect(summary.words).toBeLessThanOrEqual(40);
    expect(summary.text).toMatch(/^The Senate voted on Friday to extend disaster aid for farmers hit by the drought/);
    expect(summary.text.match(/The Senate voted/g)).toHaveLength(1);
    expect(summary.text).not.toContain('Watch a clip');
  });
});

describe('names the article writes', () => {
  it('keeps a surname after an honorific, and a name the article writes only inside a longer one is no name to put in', () => {
    const article = readArticle(handGraph().graph, 'd1');
    const discourse = { introduced: new Set<string>(), spelledOut: new Set<string>(), acronymUsed: new Set<string>(), borrowed: [], roles: false };
    const ctx = { article, discourse, sentence: -1, actors: new Set<string>() };
    expect(referToEntities('Ms. Lopez said so.', ctx)).toBe('Ms. Lopez said so.');
    article.entities.get('Person:Tom Berg')!.nameWritten = false;
    expect(referToEntities('Berg said so.', ctx)).toBe('Berg said so.');
  });
  it('a name after a determiner stays as written and waits for the person; a bare title goes before the name', () => {
    const article = readArticle(handGraph().graph, 'd1');
    const discourse = { introduced: new Set<string>(), spelledOut: new Set<string>(), acronymUsed: new Set<string>(), borrowed: [], roles: true };
    const ctx = { article, discourse, sentence: -1, actors: new Set<string>(['Person:Maria Lopez']) };
    // `The Lopez Files`, `the Lopez plan`: not `The Maria Lopez Files`.
    expect(referToEntities('Her memoir, The Lopez Files, is out.', ctx)).toBe('Her memoir, The Lopez Files, is out.');
    expect(discourse.introduced.has('Person:Maria Lopez')).toBe(false);
    const lopez = article.entities.get('Person:Maria Lopez')!;
    lopez.role = { ...lopez.role!, title: 'senator', phrase: 'Senator' };
    delete lopez.role.prefix;
    expect(referToEntities('Lopez won the caucuses.', ctx)).toBe('Senator Maria Lopez won the caucuses.');
  });
  it('a pronoun after its own person’s name in the sentence is not replaced by the name again', () => {
    const article = readArticle(handGraph().graph, 'd1');
    const text = 'Although Berg says he “admires the farmers,” he voted against the bill.';
    const licence = (surface: string, start: number) => ({ start, end: start + surface.length, surface, entity: 'Person:Tom Berg', edge: 'SAID:x', originalStart: start, originalEnd: start + surface.length });
    expect(applyLicences(text, [licence('he', 19), licence('he', 45)], article).text).toBe(text);
    const bare = 'Although he says he “admires the farmers,” he voted against the bill.';
    expect(applyLicences(bare, [licence('he', 9), licence('he', 17)], article).text).toBe('Although Tom Berg says he “admires the farmers,” he voted against the bill.');
  });
  it('writes a name keyed with its country as the article does', () => {
    const graph = extract('Britain’s Labour Party won the vote in London on Thursday. The Labour Party said it would govern for everyone in the country.');
    const article = readArticle(graph, chooseDocument(graph));
    for (const e of article.entities.values()) expect(e.name).not.toMatch(/\(/);
  });
});

describe('a tight budget: the lead, in article order', () => {
  const text =
    'The city council of Riverton voted on Tuesday to close the old Main Street bridge for two years of repairs. ' +
    'Engineers found cracks in three of its steel beams during an inspection in March. ' +
    'Commuters will use a temporary ferry across the river until the work is done. ' +
    '“This is the hardest decision we have made in years, but safety comes first,” Mayor Helen Ortiz said at a news conference. ' +
    '“We cannot let anyone drive across a bridge that might fail,” Ortiz added. ' +
    'Local shop owners said they feared losing customers while the bridge stays closed. ' +
    'Tom Reyes, who runs a bakery near the bridge, said: “Half my customers come from across the river every morning.” ' +
    'The council will hold a public meeting next week to hear from residents about the ferry schedule. ' +
    'Repairs are expected to cost about 40 million dollars, paid mostly by the state. ' +
    'The bridge opened in 1931 and carries about twelve thousand cars a day, according to the county. ' +
    'A second inspection in the autumn will decide whether the bridge needs more work than planned.';
  it('opens with the lead and keeps its order; the words left go on the next sentence, not a quote from further down', () => {
    const summary = summarize(extract(text), { paragraphs: 1, words: 40 });
    expect(summary.words).toBeLessThanOrEqual(40);
    expect(summary.text).toMatch(/^The city council of Riverton voted on Tuesday to close the old Main Street bridge/);
    expect(summary.text).toContain('Engineers found cracks');
    expect(summary.text.indexOf('Engineers')).toBeGreaterThan(summary.text.indexOf('Riverton'));
    expect(summary.text).not.toContain('hardest decision');
  });
});
