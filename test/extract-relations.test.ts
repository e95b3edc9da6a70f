/**
 * Typed relations on short passages written for each pattern (not taken from
 * any fixture): coordinated objects, and subjects inside relative clauses.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/extract.js';

function relations(text: string, type: string): string[] {
  const a = analyze(text);
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.filter((r) => r.type === type).map((r) => `${name.get(r.source)} > ${name.get(r.target)}`).sort();
}

describe('relations', () => {
  it('no membership from a party word qualifying a noun or from the wrong pronoun; no target beyond the verb’s object', () => {
    expect(relations('Biden’s Republican critics say the plan is too costly.', 'MEMBER_OF')).toEqual([]);
    expect(relations('Kamala Harris thanked Joe Biden and her Democratic Party for their support.', 'MEMBER_OF')).toEqual(['Kamala Harris > Democratic Party']);
    expect(relations('Russia suspended gas deliveries to Poland.', 'TARGETED')).toEqual([]);
    expect(relations('Labour paused its campaign in Scotland after the attack.', 'TARGETED')).toEqual([]);
  });

  it('his or her party is the person’s; a court that sentences or convicts someone targets them', () => {
    const text =
      'Recep Tayyip Erdoğan spoke on Tuesday. Erdoğan, addressing lawmakers from his Justice and Development Party (AKP) in Ankara, said the courts were independent. ' +
      'The Constitutional Court sentenced Selim Aktaş to two years in prison.';
    expect(relations(text, 'MEMBER_OF')).toEqual(['Recep Tayyip Erdoğan > Justice and Development Party']);
    expect(relations(text, 'TARGETED')).toEqual(['Constitutional Court > Selim Aktaş']);
  });

  it('a time or an affiliation with its appositive between subject and verb; a possessor backed or criticised', () => {
    expect(relations('New Mexico Gov. Teresa Valdez-Hart on Monday accused the Federal Emergency Management Agency (FEMA) of abandoning residents.', 'OPPOSES')).toEqual([
      'Teresa Valdez-Hart > Federal Emergency Management Agency',
    ]);
    expect(relations('Rep. Lyle Hensley of Arizona, the caucus chairman, criticized Owen Maddox on Friday.', 'OPPOSES')).toEqual(['Lyle Hensley > Owen Maddox']);
    expect(relations('The Greens backed Katrin Vogelsang’s push and criticised the CDU.', 'SUPPORTS')).toEqual(['Greens > Katrin Vogelsang']);
    expect(relations('Elon Musk backed Britain’s new Labour government.', 'SUPPORTS')).toEqual(['Elon Musk > Labour']);
  });

  it('a party written right after a name: of the X, of Y’s X, Y’s X, who sits with X, (D-State)', () => {
    const members = relations(
      'Samuel Cheruiyot, of President William Ruto’s United Democratic Alliance (UDA), praised the bill. Yusuf Danjuma of the APC won. ' +
        'Viktor Orbán’s Fidesz party won again. Democrats objected, and Sen. Maria Delgado (D-Nev.) spoke.',
      'MEMBER_OF',
    );
    expect(members).toContain('Samuel Cheruiyot > United Democratic Alliance');
    expect(members).toContain('William Ruto > United Democratic Alliance');
    expect(members).toContain('Yusuf Danjuma > APC');
    expect(members).toContain('Viktor Orbán > Fidesz');
    expect(members).toContain('Maria Delgado > Democrats');
  });

  it('a verb reaches every coordinated object: `attacked Labor and the Greens`, `both X and Y`', () => {
    expect(relations('Opposition Leader Craig Mulvaney attacked Labor and the Greens over the deal.', 'OPPOSES')).toEqual([
      'Craig Mulvaney > Greens',
      'Craig Mulvaney > Labor',
    ]);
    expect(relations('AAP’s state convenor, Sneha Pillai, criticised both the BJP and the Congress for their promises.', 'OPPOSES')).toEqual([
      'Sneha Pillai > BJP',
      'Sneha Pillai > Congress',
    ]);
  });

  it('a subject inside a closed relative clause is not the subject of the verb after it', () => {
    expect(
      relations(
        'Prime Minister Piotr Nowak, whose Civic Union leads the government, called the veto “a disgrace” and accused Marek Wolski of protecting his allies.',
        'OPPOSES',
      ),
    ).toEqual(['Piotr Nowak > Marek Wolski']);
  });

  it('a participial clause after a comma and a possessive inside a verb phrase', () => {
    expect(relations('Nationals Leader Bryce Hensley went further, calling for the defeat of any Labor senator who voted yes.', 'OPPOSES')).toEqual([
      'Bryce Hensley > Labor',
    ]);
    expect(relations('Former minister Kenji Nishida withdrew and threw his support behind Takeshi Morita on Friday.', 'SUPPORTS')).toEqual([
      'Kenji Nishida > Takeshi Morita',
    ]);
  });

  it('words quoted from someone are not acts of the subject named before the quote, unless the speaker says I or only the verb is quoted', () => {
    const said = (text: string) => [...relations(text, 'SUPPORTS'), ...relations(text, 'OPPOSES')];
    expect(said('“The hacking was meant to help a favored candidate,” Rep. Dana Whitcombe told reporters, “a candidate backed by the Kremlin.”')).toEqual([]);
    expect(said('Rep. Dana Whitcombe told reporters that the leaks were “meant to tip the race toward a candidate backed by the Kremlin.”')).toEqual([]);
    expect(said('Gov. Lena Marsh said on Friday: “I strongly support Paul Okafor.”')).toEqual(['Lena Marsh > Paul Okafor']);
    expect(said('Senator Ruth Calder “endorses” Paul Okafor, her office said.')).toEqual(['Ruth Calder > Paul Okafor']);
    // A quote closed again before the verb leaves the subject acting.
    expect(said('Mara Quist criticised what she called “gesture politics” and attacked the Green Party.')).toEqual(['Mara Quist > Green Party']);
  });

  it('a participle after an article is an adjective, and calling on someone to act is no attack', () => {
    expect(relations('The endorsed Republican, Walt Brennan, lost to Carla Diaz.', 'SUPPORTS')).toEqual([]);
    expect(relations('Senator Ines Laporte called on President Hal Grady to retaliate against Russia.', 'OPPOSES')).toEqual([]);
  });
});
