/**
 * Speaker attribution on short passages written for the rule each one tests
 * (not taken from any fixture): who says a quote when other names stand
 * between the speaker and the verb, or when a pronoun could mean two people.
 */
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';

/** The speaker's canonical name for the quote containing `fragment`, and the entities' kinds. */
function read(text: string, fragment: string): { speaker: string | undefined; kinds: Map<string, string> } {
  const a = analyze(text);
  const quote = a.quotes.find((q) => q.text.includes(fragment));
  expect(quote, fragment).toBeDefined();
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  return {
    speaker: quote!.speaker === undefined ? undefined : byId.get(quote!.speaker)?.name,
    kinds: new Map(a.entities.map((e) => [e.name, e.kind])),
  };
}

/** A passage's facts as plain strings: `Speaker: words` per quote (indirect ones apart), `A TYPE B` per relation. */
function described(text: string): { direct: string[]; reported: string[]; relations: string[]; names: string[] } {
  const a = analyze(text);
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  const said = (direct: boolean) => a.quotes.filter((q) => q.direct === direct).map((q) => `${name.get(q.speaker ?? '') ?? '?'}: ${q.text}`);
  return {
    direct: said(true),
    reported: said(false),
    relations: a.relations.map((r) => `${name.get(r.source)} ${r.type} ${name.get(r.target)}`),
    names: [...name.values()],
  };
}

describe('speakers', () => {
  it('a Spanish name cut to its first surname is the same person, and speaks', () => {
    const text = 'Labour Minister Carolina Fuentes Ibáñez defended the bill on Tuesday. "We kept our word," Fuentes said.';
    const { speaker, kinds } = read(text, 'We kept our word');
    expect(speaker).toBe('Carolina Fuentes Ibáñez');
    expect(kinds.has('Fuentes')).toBe(false);
  });

  it('a question that ends its sentence is attributed by the next one: `…?” X asked.`', () => {
    const { speaker } = read('Sen. Jose Tolentino pressed on. “Why is the Senate always the last to know?” Tolentino asked. The hearing went on.', 'last to know');
    expect(speaker).toBe('Jose Tolentino');
  });

  it('a report holding quoted words is one mixed quote, the whole clause, not the fragment alone; `with X calling it “…”` is X’s', () => {
    const { direct, reported } = described(
      'Commissioner Tomas Hladik said he would meet farm leaders next week to offer “guarantees in black and white”. ' +
        'Senator Ana Reyes said several senators would vote to acquit “no matter what the evidence is”. ' +
        'The Ontario New Democratic Party backed the plan, with NDP critic Jessica Ng calling it “the only fair deal on the table.”',
    );
    expect(reported).toContain('Tomas Hladik: he would meet farm leaders next week to offer “guarantees in black and white”');
    expect(reported).toContain('Ana Reyes: several senators would vote to acquit “no matter what the evidence is”');
    expect(direct.some((d) => d.includes('guarantees') || d.includes('no matter what'))).toBe(false);
    // The object named is part of what was said, as news annotation has it: `calling it “…”`.
    expect(reported).toContain('Jessica Ng: it “the only fair deal on the table.”');
  });

  it('an organisation qualifying the title of who speaks is not the speaker: `,” NCFU general secretary X told`', () => {
    const { speaker } = read('The union struck. “Our members are watching cocoa sell,” NCFU general secretary Akosua Tetteh told a rally in Accra.', 'watching cocoa');
    expect(speaker).toBe('Akosua Tetteh');
  });

  it('a report ends at `but` before a second verb that leads into quoted words', () => {
    const { reported } = described('Minister Sipho Dlamini attended. He said the government would not interfere with the decision but urged the regulator to “weigh the cost”.');
    expect(reported).toContain('Sipho Dlamini: the government would not interfere with the decision');
  });

  it('a name in an appositive after a party-qualified title takes the verb after it: `…, Liberal Senator X, slammed …`', () => {
    const { speaker } = read(
      'Senator Bec Mahoney backed the bill. The opposition’s housing spokesman, Liberal Senator James Collard, slammed Senator Tessa Whitford for striking what he called “a dirty deal done in the dark”.',
      'dirty deal',
    );
    expect(speaker).toBe('James Collard');
  });

  it('a question introduced by its speaker stays theirs; `bold but “…”` is a paraphrase holding quoted words', () => {
    const { direct, reported } = described('Donald Trump asked: “Who is paying for this?” Kamala Harris said the answer was simple. Ann Smith said the plan was bold but “deeply flawed”.');
    expect(direct).toContain('Donald Trump: Who is paying for this?');
    expect(reported).toContain('Kamala Harris: the answer was simple');
    expect(reported).toContain('Ann Smith: the plan was bold but “deeply flawed”');
    expect(direct.some((d) => d.startsWith('Ann Smith'))).toBe(false);
  });

  it('a relative clause after an appositive stands between subject and verb: `X, title, who chaired it, said …`', () => {
    const { reported } = described('Nolwazi Mthembu, the regulator’s member for electricity, who chaired the hearing, said the regulator would decide by January.');
    expect(reported).toContain('Nolwazi Mthembu: the regulator would decide by January');
  });

  it('a category noun before a name outweighs bare guesses elsewhere: the utility Eskom stays an organisation', () => {
    const { kinds } = read(
      'The state power utility Eskom on Monday defended its bid. Arrears owed to Eskom had grown. Unions accused Eskom of greed. “Eskom wants more,” Jane Dube said.',
      'Eskom wants more',
    );
    expect(kinds.get('Eskom')).toBe('Organization');
  });

  it('a party acronym with a bracketed suffix is one organisation before the title, not the speaker', () => {
    const { speaker, kinds } = read(
      'CPI(M) state secretary Thomas Varghese said the government had “failed the fishermen”.',
      'failed the fishermen',
    );
    expect(speaker).toBe('Thomas Varghese');
    expect(kinds.get('CPI(M)')).not.toBe('Person');
    expect([...kinds.keys()]).not.toContain('CPI(M');
  });

  it('a name inside a relative clause is not the subject of the main verb', () => {
    const { speaker } = read(
      'Opposition leader Maria Santos, who lost the 2020 race to Pedro Alvarez, called the ruling “a victory for every voter” on Sunday.',
      'a victory for every voter',
    );
    expect(speaker).toBe('Maria Santos');
  });

  it('a name ending a longer appositive is not the subject: `X, of Y’s Party (P), praised Z`', () => {
    const { relations, direct, reported } = described(
      'Majority Leader Joseph Mwangi, of President Daniel Ochieng’s National Unity Alliance (NUA), praised Kamau and accused the opposition of “playing games with the economy”.',
    );
    expect(relations.filter((r) => r.includes('SUPPORTS'))).toEqual(['Joseph Mwangi SUPPORTS Kamau']);
    // An accusation names its target and holds the quoted words: one mixed quote, Mwangi's.
    expect(reported).toEqual(['Joseph Mwangi: the opposition of “playing games with the economy”']);
    expect(direct).toEqual([]);
  });

  it('an appositive name still takes the verb after it', () => {
    const { speaker } = read(
      'Its chief executive, Daniel Breen, said the company would “fight this in court”.',
      'fight this in court',
    );
    expect(speaker).toBe('Daniel Breen');
  });

  it('an institution after `Person of` is an organisation, and the person speaks', () => {
    const { speaker, kinds } = read(
      'Economist Juliette Caron of Sciences Po said investors were worried. “The markets want a majority,” she said.',
      'markets want a majority',
    );
    expect(speaker).toBe('Juliette Caron');
    expect(kinds.get('Sciences Po')).toBe('Organization');
  });

  it('a pronoun of the other gender than one already pointing at the last subject means someone else', () => {
    const { speaker } = read(
      'Interior Minister Tomasz Nowak told reporters the bill would pass. ' +
        'The president’s spokeswoman, Anna Lis, had said on Monday that talks were open. ' +
        'Asked about her remarks, he said: “We have talked for a year and nothing moved.”',
      'We have talked for a year',
    );
    expect(speaker).toBe('Tomasz Nowak');
  });

  it('without such a cue, he/she still follows the previous sentence’s subject', () => {
    const { speaker } = read(
      'Senator James Porter criticised the plan on Monday. At a later briefing, chief auditor Helen Mwangi said the figures were sound. ' +
        '“We see no gap in the accounts,” he said.',
      'We see no gap',
    );
    expect(speaker).toBe('Helen Mwangi');
  });

  // Rule "no naming after": a he/she is not the person its own sentence names after it; and a closing
  // reporting clause (`…, Name said.`) is the sentence's main clause, so its speaker is the one in focus.
  it('a pronoun reporting speech about a named person is not that person, and follows the last speaker', () => {
    const text =
      'Representative Dale Hutton, who chairs the party’s campaign arm, spoke to reporters on Tuesday.\n\n' +
      'Even Senator Owen Pratt, chairman of the Finance Committee, and Senator Carl Ambers are in danger, Hutton said.\n\n' +
      'He said Ambers could lose to the county assessor because he skipped the farm bill hearings.';
    const { reported } = described(text);
    expect(reported).toContain('Dale Hutton: Ambers could lose to the county assessor because he skipped the farm bill hearings');
  });

  // Rule "no self-naming": a he/she attributing a quote is not someone that quote names.
  it('a pronoun after a quote means the speaker before it, not a person the quote names', () => {
    const text =
      'The campaign held a rally in Dunmore on Monday.\n\n' +
      'Some worry the campaign took young voters for granted, said Lena Okafor, a county party chair.\n\n' +
      '“They thought the governor saying, ‘Hey, go vote for Tamsin’ would do it. But it’s not enough,” she said.\n\n' +
      '“People want to be asked.”\n\n' +
      'She added that the county office had no money for canvassing.';
    const { direct, reported } = described(text);
    expect(direct).toContain('Lena Okafor: They thought the governor saying, ‘Hey, go vote for Tamsin’ would do it. But it’s not enough');
    // The bare quote after it and the `She added` that follows keep to the same speaker.
    expect(direct).toContain('Lena Okafor: People want to be asked.');
    expect(reported).toContain('Lena Okafor: the county office had no money for canvassing');
  });

  it('a person the quote names, also the subject before it, yields to one it does not name', () => {
    const text =
      'Reuben Hale, president of the county’s teachers’ caucus, has watched the race for months.\n\n' +
      'Senator Ivo Marsh drew a crowd of thousands on Friday.\n\n' +
      '“Marsh had a whole band. Nobody is writing songs for the rest of us,” he said.';
    expect(read(text, 'Marsh had a whole band').speaker).toBe('Reuben Hale');
  });

  it('the only person at hand still speaks when the quote names them too', () => {
    const text =
      'Governor Priya Nandakumar spoke to supporters in the capital on Tuesday.\n\n' +
      '“They say Priya Nandakumar should step aside. The voters will decide that,” she said.';
    expect(read(text, 'should step aside').speaker).toBe('Priya Nandakumar');
  });

  it('a description attributing a quote is not the entity of its kind the quote names', () => {
    const text =
      'Norrland Freight lost its contract with the port authority on Monday.\n\n' +
      '“We wish Kestrel Logistics well with the work,” the company said in a statement.';
    const { speaker, kinds } = read(text, 'We wish Kestrel Logistics well');
    expect(kinds.get('Kestrel Logistics')).toBe('Organization');
    expect(speaker).toBe('Norrland Freight');
  });

  it('reported speech beside a partial quote, and `according to` before or after its clause', () => {
    const { reported, direct } = described(
      'Party secretary Nomsa Dube accused the minister of “hiding behind the treasury” and said the party would talk to every faction. ' +
        'Turnout fell to a record low in the northern districts, according to Ahmed Bello, a researcher at the Lagos Policy Institute. ' +
        'According to the Assembly’s chief clerk, Maria Okoro, the vote took four hours to count. ' +
        'According to Professor Lena Hart, an economist at Leeds University, the plan would cost billions.',
    );
    expect(reported).toContain('Nomsa Dube: the party would talk to every faction');
    expect(reported).toContain('Ahmed Bello: Turnout fell to a record low in the northern districts');
    expect(reported).toContain('Maria Okoro: the vote took four hours to count');
    expect(reported).toContain('Lena Hart: the plan would cost billions');
    // An accusation names its target and holds the quoted words: one mixed quote.
    expect(reported).toContain('Nomsa Dube: the minister of “hiding behind the treasury”');
    expect(direct).toEqual([]);
  });

  it('the attribution of a direct quote reports nothing more: `,” X told reporters after a meeting that lasted …`', () => {
    expect(described('“We will follow the rules,” Villanueva told reporters after a caucus that lasted nearly four hours.').reported).toEqual([]);
  });

  it('a partial quote belongs to the main subject, not to one inside a closed relative clause', () => {
    const { speaker } = read(
      'Prime Minister Piotr Nowak, whose Civic Union leads the government, called the veto “a political act dressed up as a legal one”.',
      'a political act',
    );
    expect(speaker).toBe('Piotr Nowak');
  });

  it('a lawmaker’s (D-N.M.) is no one, and an affiliation’s short form stands between subject and verb', () => {
    const { names, reported } = described(
      'Sen. Elena Caballero (D-N.M.) said she had asked auditors to review the rules. ' +
        'Interior Minister Katrin Vogel of the Social Democratic Party (SPD) said the report strengthened the case for a ban.',
    );
    expect(names).not.toContain('D-N.M');
    expect(reported).toContain('Elena Caballero: she had asked auditors to review the rules');
    expect(reported).toContain('Katrin Vogel: the report strengthened the case for a ban');
  });
});


describe('speaker mention provenance', () => {
  it('a SAID edge carries the span of the words that attribute its quote: a name, then a pronoun', () => {
    const text = 'Finance Minister Ada Okoro defended the budget on Monday. “We will not borrow,” Okoro said. “The numbers add up,” she added.';
    const graph = extract(text);
    const mentions: Array<[string, string]> = [];
    graph.forEachEdge((_key, attrs, source) => {
      if (attrs.type !== 'SAID') return;
      expect(attrs.mentionStart, 'every SAID edge names its mention').toBeTypeOf('number');
      mentions.push([graph.getNodeAttribute(source, 'name' as never) as string, text.slice(attrs.mentionStart, attrs.mentionEnd)]);
    });
    expect(mentions).toEqual([
      ['Ada Okoro', 'Okoro'],
      ['Ada Okoro', 'she'],
    ]);
  });
});
