/**
 * The identity stage (src/identify/) on real text and on the rules behind it:
 * which names many countries share, how an article tells their country, how
 * person names agree, and how records of several articles fold together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';
import { identify, placeRecords, type IdentityRecord } from '../src/identify/index.js';
import { compatiblePersons, foldGroup, keyText } from '../src/identify/names.js';
import { canonicalPartyName, nameShape } from '../src/identify/shared-names.js';

const ARTICLES = join(import.meta.dirname, 'fixtures', 'articles');
const article = (slug: string) => readFileSync(join(ARTICLES, `${slug}.txt`), 'utf8');

/** Entity key → identity key, for an article's text. */
function keysOf(text: string, id = 'doc'): Map<string, string> {
  const analysis = analyze(text, { id });
  const identities = identify(analysis);
  return new Map(analysis.entities.map((e) => [e.id, identities.get(e.id)!.key]));
}

describe('names many countries share', () => {
  it('tells a general name of government from a name of its own, by its words', () => {
    for (const [kind, name] of [
      ['Agency', 'Senate'],
      ['Agency', 'Interior Ministry'],
      ['Agency', 'National Assembly'],
      ['Agency', 'Court of Cassation'],
      ['Agency', 'House of Representatives'],
      ['Agency', 'Treasury'],
      ['Party', 'Liberal Party'],
      ['Party', 'Greens'],
      ['Place', 'City Hall'],
      ['Organization', 'Constitution'],
    ] as const) {
      expect(nameShape(kind, name), name).toMatchObject({ shared: true });
    }
    for (const [kind, name] of [
      ['Agency', 'European Commission'],
      ['Agency', 'U.N. Security Council'],
      ['Party', 'Alternative for Germany'],
      ['Agency', 'Bank of Japan'],
      ['Organization', 'Eskom'],
      ['Agency', 'White House'],
      ['Place', 'Mexico City'],
      ['Person', 'Senate Smith'],
    ] as const) {
      expect(nameShape(kind, name).shared, name).toBe(false);
    }
  });

  it('takes the country a name carries out of it', () => {
    expect(nameShape('Agency', 'U.S. Senate')).toMatchObject({ base: 'Senate', shared: true, country: { name: 'United States' } });
    expect(nameShape('Agency', 'Senate of the Philippines')).toMatchObject({ base: 'Senate', country: { name: 'Philippines' } });
    expect(nameShape('Party', 'Australian Labor Party')).toMatchObject({ base: 'Labor Party', country: { name: 'Australia' } });
    expect(nameShape('Party', 'Reform UK')).toMatchObject({ base: 'Reform', country: { name: 'United Kingdom' } });
    expect(nameShape('Agency', 'Election Commission of India')).toMatchObject({ base: 'Election Commission', country: { name: 'India' } });
  });

  it('names a party called by its ideology the one way', () => {
    expect(canonicalPartyName('Democrats')).toBe('Democratic Party');
    expect(canonicalPartyName('GOP')).toBe('Republican Party');
    expect(canonicalPartyName('Tories')).toBe('Conservative Party');
    expect(canonicalPartyName('Labour Party')).toBe('Labour Party');
    expect(canonicalPartyName('New Democrats')).toBe('New Democratic Party');
    expect(canonicalPartyName('Democratic Alliance')).toBeUndefined();
  });
});

describe('person names', () => {
  it('agree when they can be one person', () => {
    expect(compatiblePersons('Donald Trump', 'Donald J. Trump')).toBe(true);
    expect(compatiblePersons('Hillary Clinton', 'Hillary Rodham Clinton')).toBe(true);
    expect(compatiblePersons('J. Smith', 'John Smith')).toBe(true);
    expect(compatiblePersons('George W. Bush', 'George H. W. Bush')).toBe(false);
    expect(compatiblePersons('Hillary Clinton', 'Bill Clinton')).toBe(false);
    expect(compatiblePersons('Donald Trump', 'Donald Trump Jr.')).toBe(false);
  });

  it('key accent and spelling variants alike', () => {
    expect(keyText('Marie-Josée Hogue')).toBe(keyText('Marie-Josee Hogue'));
    expect(keyText('M. N. Basavaraju')).toBe(keyText('M.N. Basavaraju'));
    expect(keyText('Queen’s Park')).toBe("Queen's Park");
    expect(foldGroup('Person', 'Viktor Orbán', [])).toBe(foldGroup('Person', 'Orban', []));
  });
});

describe('identify on real articles', () => {
  it('names Australia’s Senate and parties by name and jurisdiction, from the dateline', () => {
    const keys = keysOf(article('australia-senate-housing-bill'));
    expect(keys.get('Agency:Senate')).toBe('Agency:Senate (Australia)');
    expect(keys.get('Party:Greens')).toBe('Party:Green Party (Australia)');
    expect(keys.get('Party:Labor')).toBe('Party:Labor Party (Australia)');
    // A person and a country are their names.
    expect(keys.get('Person:Anthony Albanese')).toBe('Person:Anthony Albanese');
    expect(keys.get('State:Australia')).toBe('State:Australia');
  });

  it('takes the country written beside the name before the dateline and the article’s own', () => {
    const text =
      'WASHINGTON — Mexico’s Senate approved the treaty on Monday, U.S. officials said. ' +
      'The United States had pressed for the vote, and American diplomats in Washington welcomed it. ' +
      'The Senate vote was 86 to 41.';
    const analysis = analyze(text, { id: 'mexico-from-washington' });
    const senate = identify(analysis).get('Agency:Senate');
    expect(senate).toMatchObject({ key: 'Agency:Senate (Mexico)', name: 'Senate (Mexico)', rule: 'jurisdiction', jurisdiction: 'Mexico', cue: 'qualifier' });
  });

  it('keeps a shared name whose country the article does not tell to the article alone', () => {
    const text = 'The Senate voted 51 to 49 on Tuesday to confirm the nominee. Senator Jane Wilkes said the Senate had done its duty.';
    const keys = keysOf(text, 'no-country');
    expect(keys.get('Agency:Senate')).toBe('Agency:Senate#no-country');
  });

  it('makes two spellings of one person in one article one node', () => {
    const text =
      'Donald J. Trump spoke in Ohio on Monday. Later, Donald Trump told reporters that the race was close. ' +
      '“We will win,” Trump said.';
    const graph = extract(text, { id: 'trump' });
    const people = graph.filterNodes((_k, a) => a.kind === 'Person');
    expect(people).toEqual(['Person:Donald J. Trump']);
    expect(graph.getNodeAttribute('Person:Donald J. Trump', 'aliases' as never)).toEqual(expect.arrayContaining(['Donald J. Trump', 'Donald Trump', 'Trump']));
  });
});

describe('folding records of several articles', () => {
  const record = (doc: string, kind: IdentityRecord['kind'], name: string, forms: string[] = [name]): IdentityRecord => {
    const r: IdentityRecord = { doc, kind, articleKey: `${kind}:${keyText(name)}`, name, forms, count: 1 };
    const group = foldGroup(kind, name, forms);
    if (group) r.group = group;
    if (kind === 'Person') r.certain = true;
    return r;
  };

  it('folds a bare surname into the one person it can be, and leaves it when there are two', () => {
    const albanese = [record('a', 'Person', 'Anthony Albanese'), record('b', 'Person', 'Albanese')];
    const placed = placeRecords(albanese);
    expect(placed.get(albanese[1]!)).toEqual({ node: 'Person:Anthony Albanese', reason: 'surname' });

    // A bare name its article never shows to be a person (`Cauayan and Ilagan`, two towns) joins no one.
    const town = { ...record('c', 'Person', 'Ilagan'), certain: false };
    const ilagan = [record('a', 'Person', 'Rodolfo Ilagan'), town];
    expect(placeRecords(ilagan).get(town)).toEqual({ node: 'Person:Ilagan', reason: 'same-key' });

    const clintons = [record('a', 'Person', 'Hillary Clinton'), record('b', 'Person', 'Bill Clinton'), record('c', 'Person', 'Clinton')];
    expect(placeRecords(clintons).get(clintons[2]!)).toEqual({ node: 'Person:Clinton', reason: 'same-key' });
  });

  it('joins full names that can be one person, unless a name agrees with two that disagree', () => {
    const trump = [record('a', 'Person', 'Donald Trump'), record('b', 'Person', 'Donald J. Trump')];
    const placed = placeRecords(trump);
    expect(placed.get(trump[0]!)!.node).toBe('Person:Donald J. Trump');
    const bush = [record('a', 'Person', 'George Bush'), record('b', 'Person', 'George W. Bush'), record('c', 'Person', 'George H. W. Bush')];
    const nodes = new Set([...placeRecords(bush).values()].map((p) => p.node));
    expect(nodes.size).toBe(3);
  });

  it('folds an acronym into the one fuller name it spells: of its kind, or any when it was typed by guess', () => {
    const fbi = [
      record('a', 'Agency', 'Federal Bureau of Investigation', ['FBI', 'Federal Bureau of Investigation']),
      record('b', 'Agency', 'FBI'),
      // An acronym written alone is read as an Organization: it is the agency all the same.
      record('c', 'Organization', 'FBI'),
      // A party's acronym (the lexicon knows its kind) is no agency.
      record('d', 'Party', 'FBI'),
    ];
    const placed = placeRecords(fbi);
    expect(placed.get(fbi[1]!)).toEqual({ node: 'Agency:Federal Bureau of Investigation', reason: 'acronym' });
    expect(placed.get(fbi[2]!)).toEqual({ node: 'Agency:Federal Bureau of Investigation', reason: 'acronym' });
    expect(placed.get(fbi[3]!)!.node).toBe('Party:FBI');
  });

  it('never folds a record into a node its own article names apart', () => {
    const records = [record('a', 'Person', 'Anthony Albanese'), record('a', 'Person', 'Albanese'), record('b', 'Person', 'Albanese')];
    const placed = placeRecords(records);
    expect(placed.get(records[1]!)!.node).toBe('Person:Albanese');
    expect(placed.get(records[2]!)!.node).toBe('Person:Anthony Albanese');
  });

  it('places records the same in any order', () => {
    const records = [
      record('a', 'Person', 'Anthony Albanese'),
      record('b', 'Person', 'Albanese'),
      record('c', 'Person', 'Donald Trump'),
      record('d', 'Person', 'Donald J. Trump'),
      record('e', 'Person', 'Trump'),
      record('f', 'Agency', 'FBI'),
      record('g', 'Agency', 'Federal Bureau of Investigation', ['FBI', 'Federal Bureau of Investigation']),
    ];
    const placed = (list: IdentityRecord[]) => {
      const map = placeRecords(list);
      return records.map((r) => map.get(r)!.node);
    };
    const expected = placed(records);
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length }), (order) => {
        expect(placed(order)).toEqual(expected);
      }),
    );
  });
});
