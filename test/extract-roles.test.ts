/**
 * Offices and memberships on short passages written for each pattern (not
 * taken from any fixture): a title with the name as its appositive, an
 * organisation after the name, hyphenated titles, and `a member of`.
 */
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';
import type { TitleMention } from '../src/types.js';

/** Roles as `person | title | organisation`, relations as `source TYPE target`. */
function read(text: string): { roles: string[]; relations: string[] } {
  const a = analyze(text);
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return {
    roles: a.roles.map((r) => `${name.get(r.person)} | ${r.title} | ${r.organization ? name.get(r.organization) : '-'}`),
    relations: a.relations.map((r) => `${name.get(r.source)} ${r.type} ${name.get(r.target)}`),
  };
}

describe('roles', () => {
  it('a title after `X,` that opens another person’s clause is that person’s, not X’s', () => {
    const { roles } = read(
      'In discussing the charges against Governor Nadia Perrin, former UN Ambassador Tomas Lind told radio host Ada Beck that the case was weak.',
    );
    expect(roles.filter((r) => r.startsWith('Nadia Perrin |') && /Lind/.test(r))).toEqual([]);
    expect(roles.some((r) => r.startsWith('Tomas Lind | former Ambassador'))).toBe(true);
  });

  it('`Its leader, X,` takes the organisation named before, not a possessive modifier', () => {
    const { roles } = read(
      'The Senate’s largest group, the centre-left Progressive Alliance, was split. Its leader, Mirela Popescu, backed the plan.',
    );
    expect(roles).toContain('Mirela Popescu | leader | Progressive Alliance');
  });

  it('`ORG’s deputy chairman, X,` and `the sitting Labour MP, X,`', () => {
    const { roles } = read(
      'Reform UK’s deputy chairman, Stuart Hollis, dismissed the pledge. The sitting Labour MP, Derek Ashworth, stood down in March.',
    );
    expect(roles).toContain('Stuart Hollis | deputy chairman | Reform UK');
    expect(roles).toContain('Derek Ashworth | MP | Labour');
  });

  it('a title with its portfolio, and an organisation before a lowercase office at a sentence start', () => {
    const { roles } = read(
      'Minister of Food and Agriculture Yaw Osei Darko urged farmers to return. The sponsor, Halden Logistics, ended its deal with Worcestershire. ' +
        'Halden managing director Neil Crawshaw said costs had risen. Worcestershire captain Ben Harkness said the team was calm. ' +
        'Government spokesman Zoltán Kerekes declined to comment.',
    );
    expect(roles).toContain('Yaw Osei Darko | Minister of Food and Agriculture | -');
    expect(roles).toContain('Neil Crawshaw | managing director | Halden Logistics');
    expect(roles).toContain('Ben Harkness | captain | Worcestershire');
    expect(roles.some((r) => r.startsWith('Zoltán Kerekes') && r.endsWith('| Government'))).toBe(false);
  });

  it('an abbreviated title is spelled out, and an office takes the institution the text names for it', () => {
    const { roles, relations } = read(
      'The Senate opened a hearing. Sen. Maria Alcantara chaired it. Agriculture Secretary Rodolfo Banaag defended the cut, ' +
        'and the Department of Agriculture promised aid. Sen. Ramon “Bong” Teodoro objected.',
    );
    expect(roles).toContain('Maria Alcantara | Senator | Senate');
    expect(roles).toContain('Ramon “Bong” Teodoro | Senator | Senate');
    expect(roles).toContain('Rodolfo Banaag | Agriculture Secretary | Department of Agriculture');
    // Inferred from the title alone: a role, not a further membership fact.
    expect(relations.filter((r) => r.includes('MEMBER_OF'))).toEqual([]);
  });

  it('an appositive office ends where a second description begins; a portfolio before a title stays in it', () => {
    const { roles } = read('New South Wales Premier Daniel Kovac, a Labor premier and close ally of Mr Albanese, spoke. Electricity Minister Sipho Dlamini attended.');
    expect(roles).toContain('Daniel Kovac | Labor premier | Labor');
    expect(roles).toContain('Sipho Dlamini | Electricity Minister | -');
  });

  it('a title before the name and the organisation after it', () => {
    const { roles } = read('Political scientist Ursula Demir of the Free University of Berlin said the coalition was divided.');
    expect(roles).toContain('Ursula Demir | Political scientist | Free University of Berlin');
  });

  it('hyphenated titles, and no courtesy honorific in the office', () => {
    const { roles } = read(
      'ODM secretary-general Winnie Odhiambo criticised the rebels. Political analyst Dr. Cielito Baysa said the trial was about 2028.',
    );
    expect(roles.some((r) => r.startsWith('Winnie Odhiambo | secretary-general'))).toBe(true);
    expect(roles).toContain('Cielito Baysa | Political analyst | -');
  });

  it('an appositive ends at its comma, and `a member of X` is a membership, not an office', () => {
    const { roles, relations } = read(
      'According to Professor Sunita Rao, a polling expert at the University of Strathclyde, the result will be read as a verdict on the government. ' +
        'But MEP Katarzyna Nowak, also a member of the European People’s Party, criticised the decision.',
    );
    expect(roles).toContain('Sunita Rao | polling expert | University of Strathclyde');
    expect(roles.filter((r) => r.startsWith('Katarzyna Nowak') && /member/.test(r))).toEqual([]);
    expect(relations).toContain('Katarzyna Nowak MEMBER_OF European People’s Party');
  });
});

describe('titles held without a named institution (DESIGN: `titles` on the person)', () => {
  it('stay on the person with their own span; a title whose institution is named is a HOLDS_ROLE edge instead', () => {
    const text =
      'Chief electoral officer Danuta Wiśniewska said turnout was high. ' +
      'Tomasz Zielinski, deputy minister of finance at the Ministry of Finance, said the budget would hold. ' +
      'Later, chief electoral officer Danuta Wiśniewska repeated the figure.';
    const graph = extract(text, { id: 'titles' });
    const person = graph.findNode((_k, a) => a.kind === 'Person' && a.name === 'Danuta Wiśniewska')!;
    const titles = graph.getNodeAttribute(person, 'titles') as TitleMention[];
    // Once per title, at its first mention, spanning the title's words in the original text.
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatchObject({ doc: 'titles', sentence: 0 });
    expect(text.slice(titles[0]!.start, titles[0]!.end).toLowerCase()).toBe('chief electoral officer');

    const minister = graph.findNode((_k, a) => a.kind === 'Person' && a.name === 'Tomasz Zielinski')!;
    expect(graph.getNodeAttribute(minister, 'titles')).toBeUndefined();
    expect(graph.outEdges(minister).some((e) => graph.getEdgeAttribute(e, 'type') === 'HOLDS_ROLE')).toBe(true);
  });
});
