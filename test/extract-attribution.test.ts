/**
 * Who said what, one rule class at a time, on passages written for each
 * class (none taken from PolNeAR or any fixture). Each test names the rule
 * of src/facts/attribution/ it pins.
 */
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';
import type { Quote } from '../src/types.js';

interface Read {
  text: string;
  speaker?: string;
  /** The words that attribute the quote, as the original text has them. */
  mention?: string;
  direct: boolean;
  pieces: number;
  verb?: string;
}

function quotes(text: string): Read[] {
  const a = analyze(text);
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.quotes.map((q: Quote) => ({
    text: q.text,
    ...(q.speaker ? { speaker: name.get(q.speaker) } : {}),
    ...(q.speakerMention ? { mention: q.speakerMention.text } : {}),
    direct: q.direct,
    pieces: q.pieces?.length ?? 1,
    ...(q.verb ? { verb: q.verb } : {}),
  }));
}

const holding = (all: Read[], words: string) => all.find((q) => q.text.includes(words));

describe('quotation marks', () => {
  it("`''` opens and closes a quote as archives write it", () => {
    const q = holding(quotes("Senator Dana Whitcombe spoke first. ''We will not back down on this bill,'' Ms. Whitcombe said."), 'We will not back down');
    expect(q).toMatchObject({ speaker: 'Dana Whitcombe', direct: true });
  });

  it('an opening mark typed where the closing one belongs still closes the quote', () => {
    const q = holding(quotes('“The rules are unclear,“ said Piet Verhoeven, a lawyer in Utrecht. “Nobody knows what counts.”'), 'The rules are unclear');
    expect(q).toMatchObject({ speaker: 'Piet Verhoeven' });
    expect(q!.text).not.toContain('said');
  });

  it('a quote interrupted by its attribution is one quote in pieces, in one sentence or two', () => {
    const all = quotes('“We are ready,” Mayor Ana Teixeira said, “and the city is ready too.” Later she spoke again. “The trains run on time,” Teixeira said. “Nobody can take that away.”');
    expect(holding(all, 'We are ready')).toMatchObject({ speaker: 'Ana Teixeira', pieces: 2 });
    expect(holding(all, 'We are ready')!.text).toContain('the city is ready too');
    expect(holding(all, 'The trains run on time')).toMatchObject({ speaker: 'Ana Teixeira', pieces: 2 });
    expect(holding(all, 'The trains run on time')!.text).toContain('Nobody can take that away');
    // Inverted, past an appositive or a relative clause of the speaker.
    for (const aside of ['the port authority’s chief', 'who runs the port']) {
      const inverted = quotes(`“We are ready,” said Ana Teixeira, ${aside}, “and the city is ready too.”`);
      expect(inverted).toHaveLength(1);
      expect(inverted[0]).toMatchObject({ speaker: 'Ana Teixeira', pieces: 2, text: 'We are ready and the city is ready too.' });
    }
  });

  it('a quote over several paragraphs (no closing mark, the next paragraph opens again) keeps its speaker', () => {
    const all = quotes('Union leader Kofi Mensah addressed the rally. “We have waited three years for this contract.\n\n“We will wait no longer,” he said.\n\nThe ministry did not respond.');
    expect(holding(all, 'We will wait no longer')).toMatchObject({ speaker: 'Kofi Mensah' });
    expect(holding(all, 'waited three years')).toMatchObject({ speaker: 'Kofi Mensah' });
  });
});

describe('reported speech', () => {
  it('X said (that) …, …, X said, and …, said X, a title', () => {
    const all = quotes(
      'Finance Minister Olu Adebayo said that the budget would be balanced by 2027. ' +
        'Inflation will ease by the summer, Adebayo told reporters on Tuesday. ' +
        'The plan relies on optimistic growth forecasts, said Grace Nwosu, an economist at Lagos Business School.',
    );
    expect(holding(all, 'the budget would be balanced')).toMatchObject({ speaker: 'Olu Adebayo', direct: false, verb: 'said' });
    expect(holding(all, 'Inflation will ease')).toMatchObject({ speaker: 'Olu Adebayo', verb: 'told reporters' });
    expect(holding(all, 'optimistic growth forecasts')).toMatchObject({ speaker: 'Grace Nwosu', mention: 'Grace Nwosu' });
  });

  it('inverted: an attribution set into its report leaves the report whole, and an appositive after the source is not the report', () => {
    const all = quotes(
      'The settlement, said the county treasurer, was fair to both sides. And now, say restructuring experts, some lenders are eager to sell. ' +
        'Costs will rise, said Marta Lindqvist, a Malmö lawyer who has advised the council since 2019.',
    );
    expect(holding(all, 'was fair to both sides')).toMatchObject({ text: 'The settlement was fair to both sides', mention: 'the county treasurer', pieces: 2 });
    expect(holding(all, 'some lenders are eager')).toMatchObject({ text: 'some lenders are eager to sell', mention: 'restructuring experts' });
    expect(holding(all, 'Costs will rise')).toMatchObject({ text: 'Costs will rise', speaker: 'Marta Lindqvist' });
  });

  it('a plural noun or participle before the noun of a source is part of it (civil rights activists, a participial aside inside the report)', () => {
    const all = quotes(
      'Civil rights activists say city officers have been too aggressive toward residents. ' +
        'Supporters in parliament say the fund, run by the Treasury, has brought jobs to the north.',
    );
    expect(holding(all, 'city officers have been')).toMatchObject({ mention: 'Civil rights activists', direct: false });
    expect(holding(all, 'has brought jobs')).toMatchObject({ text: 'the fund, run by the Treasury, has brought jobs to the north', direct: false });
  });

  it('a participle after a progressive or perfect main clause has its subject; an aside between dashes stays inside the report', () => {
    const all = quotes(
      'Governor Halvorsen is defending his veto, saying it protects taxpayers. ' +
        'The campaign has said working families - renters, owners and students alike - would qualify for the credit.',
    );
    expect(holding(all, 'it protects taxpayers')).toMatchObject({ speaker: 'Halvorsen', direct: false });
    expect(holding(all, 'would qualify for the credit')).toMatchObject({ text: 'working families — renters, owners and students alike — would qualify for the credit', mention: 'The campaign' });
  });

  it('according to X, before or in the middle of its clause', () => {
    const all = quotes('According to the Treasury, revenue fell by 4 percent. Spending, according to auditor Mei Lin, rose by twice as much.');
    expect(holding(all, 'revenue fell by 4 percent')).toMatchObject({ speaker: 'Treasury', verb: 'according to' });
    expect(holding(all, 'rose by twice as much')).toMatchObject({ speaker: 'Mei Lin', pieces: 2 });
  });

  it('the agent of a passive cue speaks: was first reported by, as reported by, it was announced by … that; not a cue whose object is who was addressed (rules.ts: passive-agent)', () => {
    const all = quotes(
      'The merger was first reported by the Harbor Gazette on Tuesday. The port will close two terminals next year, as reported by the Harbor Gazette. ' +
        'It was announced by the Transport Ministry that the bridge would reopen in May. Councillor Ana Ruiz was pressed by reporters about the delays. ' +
        'Its loyalty might be claimed by either party.',
    );
    expect(holding(all, 'The merger')).toMatchObject({ speaker: 'Harbor Gazette', direct: false });
    expect(holding(all, 'close two terminals')).toMatchObject({ text: 'The port will close two terminals next year', speaker: 'Harbor Gazette' });
    expect(holding(all, 'the bridge would reopen')).toMatchObject({ speaker: 'Transport Ministry' });
    expect(all.some((q) => /Ana Ruiz|reporters|either party/.test(`${q.mention} ${q.text}`))).toBe(false);
  });

  it('a relative clause says who spoke through its `who`, and its report ends with it', () => {
    const all = quotes('The bill was drafted by Senator Rosa Quintero, who said it would protect renters, and it passed on Friday.');
    const q = holding(all, 'it would protect renters');
    expect(q).toMatchObject({ speaker: 'Rosa Quintero', mention: 'who' });
    expect(q!.text).not.toContain('passed on Friday');
  });

  it('a second verb or a participle shares the speaker of its clause', () => {
    const all = quotes(
      'Governor Tom Reilly vetoed the measure on Monday and said it would cost the state too much. ' +
        'In a later interview he defended the decision, saying voters had elected him to control spending.',
    );
    expect(holding(all, 'it would cost the state too much')).toMatchObject({ speaker: 'Tom Reilly' });
    expect(holding(all, 'voters had elected him')).toMatchObject({ speaker: 'Tom Reilly', mention: 'he' });
  });

  it('with X saying …: the participle has its own subject', () => {
    const q = holding(quotes('The Farmers Union welcomed the decision, with its president, Hana Novak, saying it was overdue.'), 'it was overdue');
    expect(q).toMatchObject({ speaker: 'Hana Novak' });
  });

  it('a long subject with a participle or relative clause still speaks', () => {
    const all = quotes('Residents who lost their homes in the flood said the aid had come too late. About 40 percent of voters say they have not decided.');
    expect(holding(all, 'the aid had come too late')).toMatchObject({ mention: 'Residents', direct: false });
    expect(holding(all, 'they have not decided')).toMatchObject({ mention: '40 percent of voters' });
  });

  it('an announcement or object without a clause is no report; nor is a passive `is said to`', () => {
    const all = quotes('Prime Minister Lena Berg announced the agreement at a ceremony in Oslo. The deal is said to be worth billions.');
    expect(all).toEqual([]);
  });

  it('a cue inside quoted words is the speaker’s own wording', () => {
    const all = quotes('“The numbers add up, whatever critics say,” Treasurer Ian Doyle said.');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ speaker: 'Ian Doyle' });
  });
});

describe('what a cue takes', () => {
  it('a request or promise keeps what was asked or promised, with the one asked', () => {
    const all = quotes('Opposition leader Samir Haddad urged lawmakers to reject the budget and called for an independent audit.');
    expect(holding(all, 'lawmakers to reject the budget')).toMatchObject({ speaker: 'Samir Haddad' });
    expect(holding(all, 'an independent audit')).toMatchObject({ speaker: 'Samir Haddad' });
  });

  it('a lead-in whose complement is a speech act (went on to say, took to Twitter to, was quoted as saying) keeps its subject; a refusal or expectation says nothing (cues.ts: leadIn)', () => {
    const all = quotes(
      'Councillor Maya Brennan spoke at the depot on Monday. She went on to say that the bus routes would be cut in March. ' +
        'Senator Idris Pole took to Twitter to say the tariff would hurt farmers. Mayor Lena Park used her budget speech to call for a new water treatment plant. ' +
        'Treasurer Ian Doyle was quoted as saying the fund was nearly empty. The minister refused to say whether the audit was finished.',
    );
    expect(holding(all, 'bus routes would be cut')).toMatchObject({ speaker: 'Maya Brennan', mention: 'She', verb: 'went on to say' });
    expect(holding(all, 'the tariff would hurt farmers')).toMatchObject({ speaker: 'Idris Pole', verb: 'took to Twitter to say' });
    expect(holding(all, 'a new water treatment plant')).toMatchObject({ speaker: 'Lena Park' });
    expect(holding(all, 'the fund was nearly empty')).toMatchObject({ speaker: 'Ian Doyle', verb: 'quoted as saying' });
    expect(holding(all, 'the audit was finished')).toBeUndefined();
  });

  it('a manner adverb between a verb and its particle (spoke warmly of, talked openly about, spoke out against) (cues.ts: particleAfterAdverbs)', () => {
    const all = quotes('Bishop Amos Kariuki spoke warmly of the volunteers who rebuilt the school. Nurse Ruth Achieng talked openly about the shortage of beds at the county hospital.');
    expect(holding(all, 'the volunteers who rebuilt')).toMatchObject({ speaker: 'Amos Kariuki', verb: 'spoke warmly of' });
    expect(holding(all, 'the shortage of beds')).toMatchObject({ speaker: 'Ruth Achieng', verb: 'talked openly about' });
  });

  it('an epithet keeps the name given, with what it was given to', () => {
    const all = quotes('Senator Ruth Okafor called the plan “a blank cheque” and dismissed the minister’s defence as spin.');
    expect(holding(all, 'a blank cheque')).toMatchObject({ speaker: 'Ruth Okafor', direct: false });
    expect(holding(all, 'a blank cheque')!.text).toContain('the plan');
    expect(holding(all, 'as spin')).toMatchObject({ speaker: 'Ruth Okafor' });
  });
});

describe('speakers named by description', () => {
  it('a he after `The prince said …` is the prince, whom no name stands for, not the last person named', () => {
    const all = quotes(
      '“It came through the door like a river,” said Joan Atkins, whose bungalow was flooded. The prince said he was struck by the spirit of the village. “What I have seen is a community that refuses to give up,” he said.',
    );
    expect(holding(all, 'refuses to give up')).toMatchObject({ mention: 'he' });
    expect(holding(all, 'refuses to give up')?.speaker).toBeUndefined();
  });

  it('a description before the name in an appositive (the mediator X) names who spoke, and the he that follows', () => {
    const all = quotes(
      'Gary Milton said the employer had walked away. A third negotiator, the mediator Colin Fraser, said he remained hopeful. “Nobody wants this to go on,” he said. ' +
        'Ana Ruiz, a friend of Colin Fraser, said the talks were over.',
    );
    expect(holding(all, 'he remained hopeful')).toMatchObject({ speaker: 'Colin Fraser' });
    expect(holding(all, 'Nobody wants this')).toMatchObject({ speaker: 'Colin Fraser', mention: 'he' });
    expect(holding(all, 'the talks were over')).toMatchObject({ speaker: 'Ana Ruiz' });
  });

  it('the minister is the one person the article titled minister', () => {
    const q = holding(quotes('Health Minister Sara Lindqvist presented the figures. The minister said waiting lists had fallen by a third.'), 'waiting lists had fallen');
    expect(q).toMatchObject({ speaker: 'Sara Lindqvist', mention: 'The minister' });
  });

  it('a speaker the article never names stays as the description: no SAID edge, the words on the quote', () => {
    const text = 'The airport will close for a week. A spokesperson for the operator said repairs would begin on Monday.';
    const q = holding(quotes(text), 'repairs would begin');
    expect(q).toMatchObject({ mention: 'A spokesperson for the operator' });
    expect(q!.speaker).toBeUndefined();
    const graph = extract(text);
    const node = graph.findNode((_k, a) => a.kind === 'Quote');
    expect(graph.getNodeAttributes(node!)).toMatchObject({ speakerText: 'A spokesperson for the operator' });
    expect(graph.inEdges(node!).filter((e) => graph.getEdgeAttribute(e, 'type') === 'SAID')).toEqual([]);
  });

  it('a name of that kind before the noun is the one meant: the GMB union', () => {
    const q = holding(quotes('The Unite union backed Okafor. Meanwhile the GMB union said it would send 200 volunteers.'), 'send 200 volunteers');
    expect(q).toMatchObject({ speaker: 'GMB' });
  });
});

describe('words in quotation marks that nobody says', () => {
  it('titles of works, scare quotes and coined words are no quotes', () => {
    const all = quotes('She appeared on “Face the Nation” on Sunday. The city has seen a wave of “renovictions” this year. The “reform” never came.');
    expect(all).toEqual([]);
  });
});

describe('signed quotes (index.ts: signature)', () => {
  it('a dash and a name closing the line sign the quote before them; a dash before a clause signs nothing', () => {
    const all = quotes(
      'Readers told us what they thought of the plan.\n\n“The tolls will empty our town centre within a year.” ― Marisol Quintana, 41, of Ashford\n' +
        '“Nobody asked the people who drive for a living.” — Teodor Brankovic\n\n' +
        'The council called the plan “a fair deal for everyone who pays” — and few believed it.',
    );
    expect(holding(all, 'The tolls will empty')).toMatchObject({ speaker: 'Marisol Quintana', mention: 'Marisol Quintana', direct: true });
    expect(holding(all, 'Nobody asked the people')).toMatchObject({ mention: 'Teodor Brankovic', direct: true });
    expect(holding(all, 'a fair deal for everyone')?.mention).not.toMatch(/few/);
  });
});

describe('transcripts (index.ts: speakerLabel)', () => {
  it('a speaker label opening a quoted paragraph names who speaks it; a stage direction says nothing; UPDATE: is no speaker', () => {
    const text = [
      'Senator Ruth Okonkwo spoke to host Dan Mercer on Sunday. Partial transcript as follows:',
      '"MERCER: Will you vote for the bill on Tuesday?',
      '"OKONKWO: I will vote against it, because it cuts the hospital budget.',
      '"(CROSSTALK.)',
      '"And I will say so on the floor.',
      '"UPDATE: The vote was moved to Wednesday.',
    ].join('\n');
    const all = quotes(text);
    expect(holding(all, 'Will you vote for the bill')).toMatchObject({ speaker: 'Dan Mercer', mention: 'MERCER', direct: true });
    expect(holding(all, 'I will vote against it')).toMatchObject({ speaker: 'Ruth Okonkwo', mention: 'OKONKWO', text: 'I will vote against it, because it cuts the hospital budget.' });
    expect(holding(all, 'say so on the floor')).toMatchObject({ speaker: 'Ruth Okonkwo' });
    expect(holding(all, 'CROSSTALK')).toBeUndefined();
    expect(holding(all, 'The vote was moved')).toBeUndefined();
  });
});

describe('real pages', () => {
  it('words that describe a person before the given name are no part of the name (former, a party, a portfolio whose title the page dropped)', () => {
    const a = analyze(
      'Former Conservative Leona Aglukkaq criticized the plan. Indigenous Services Dorothea Vassiliou said the quota would stand. Democrat Walter Mondale agreed.',
    );
    const persons = a.entities.filter((e) => e.kind === 'Person').map((e) => e.name);
    expect(persons).toEqual(expect.arrayContaining(['Leona Aglukkaq', 'Dorothea Vassiliou', 'Walter Mondale']));
    expect(persons.some((n) => /Former|Indigenous|Services|Democrat/.test(n))).toBe(false);
  });

  it('one name with and without its accents in one article is one person, shown with its accents', () => {
    const a = analyze('Marie-Josée Lamoureux, a spokesperson, said the office would reply. Later, Marie-Josee Lamoureux said the reply was sent.');
    const persons = a.entities.filter((e) => e.kind === 'Person');
    expect(persons.map((p) => p.name)).toEqual(['Marie-Josée Lamoureux']);
    expect(a.quotes.every((q) => q.speaker === persons[0]!.id)).toBe(true);
  });

  it('a surname in capitals (a transcript, a byline) is the person the article names in full', () => {
    const a = analyze('Marie-Josée Lamoureux, a spokesperson, said the office would reply. LAMOUREUX said the reply was sent. The FBI declined to comment.');
    expect(a.entities.filter((e) => e.kind === 'Person').map((e) => e.name)).toEqual(['Marie-Josée Lamoureux']);
    expect(a.entities.find((e) => e.name === 'FBI')?.kind).not.toBe('Person');
  });

  it('of two people of one surname, a bare surname is the one the story names in full twice as often; a policy named after someone is no one', () => {
    const text =
      'Former governor Dale Whitfield criticized Whitfieldcare on Monday. Former governor Dale Whitfield spoke at a rally in Tulsa for his wife Nora Whitfield. ' +
      '“It doesn’t make any sense,” Whitfield said.';
    const a = analyze(text);
    expect(holding(quotes(text), 'make any sense')).toMatchObject({ speaker: 'Dale Whitfield', mention: 'Whitfield' });
    expect(a.entities.some((e) => e.name === 'Whitfieldcare')).toBe(false);
    // Named once each: the one named last, as before.
    expect(holding(quotes('Dale Whitfield spoke first. Then Nora Whitfield spoke. “We are ready,” Whitfield said.'), 'We are ready')).toMatchObject({ speaker: 'Nora Whitfield' });
  });

  it('a newspaper named for its city is no person (The Charlotte Observer, the Fresno Examiner)', () => {
    const a = analyze('The Charlotte Observer found that one in four residents lived in poor areas. The Fresno Examiner reported the same.');
    expect(a.entities.filter((e) => /Observer|Examiner/.test(e.name)).map((e) => e.kind)).toEqual(['Organization', 'Organization']);
  });

  it('a participle takes the subject of its clause, not an infinitive before it', () => {
    const text = 'Prime Minister Claire Delaunay spoke on Monday. Delaunay invoked the rule last week to push the budget through, arguing that the amendments had left it broken.';
    expect(holding(quotes(text), 'amendments had left')).toMatchObject({ speaker: 'Claire Delaunay', mention: 'Delaunay' });
  });

  it('a title-case headline line makes no names of its words', () => {
    const a = analyze('Hillary Clinton Drops Into Detroit As Democrats Get Nervous About Turnout.\n\nHillary Clinton visited Detroit on Monday. Democrats are nervous about turnout.');
    const names = a.entities.map((e) => e.name);
    expect(names).toContain('Hillary Clinton');
    expect(names.some((n) => /Drops|Nervous|Clinton Drops/.test(n))).toBe(false);
  });

  it('an abbreviation before a number ends no sentence; a short form glued to its name is its short form', () => {
    const a = analyze('Senator John Cornyn, the No. 2 Republican in the Senate, said the vote would come Monday. The All Progressives Congress(APC) won.');
    expect(a.sentences[0]!.text).toContain('No. 2 Republican');
    expect(holding(quotes('Senator John Cornyn, the No. 2 Republican in the Senate, said the vote would come Monday.'), 'the vote would come')).toMatchObject({ speaker: 'John Cornyn' });
    expect(a.entities.find((e) => e.name === 'All Progressives Congress')?.aliases).toContain('APC');
  });
});
