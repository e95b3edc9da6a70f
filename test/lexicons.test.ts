/** The lexicons as data: places that are not states, and everyday country names, read as such in text. */
import { describe, expect, it } from 'vitest';
import { countryByName, knownKind } from '../src/lexicons/index.js';
import { mentions } from '../src/recognize/index.js';

describe('lexicons', () => {
  it('knows places that are not sovereign states, and short country names', () => {
    for (const place of ['West Bank', 'Gaza Strip', 'Northern Ireland', 'Middle East', 'Yugoslavia']) expect(knownKind(place), place).toBe('Place');
    expect(countryByName('Bosnia')?.name).toBe('Bosnia and Herzegovina');
  });

  it('reads them as places in a sentence, whatever comes before them', () => {
    const found = mentions('Yugoslavia and Bosnia sent envoys, while clashes in the West Bank and the Middle East went on.');
    const kinds = new Map(found.map((m) => [m.text, m.kind]));
    expect(kinds.get('Yugoslavia')).toBe('Place');
    expect(kinds.get('Bosnia')).toBe('State');
    expect(kinds.get('West Bank')).toBe('Place');
    expect(kinds.get('Middle East')).toBe('Place');
  });

  it('a compass word before a country names a region of it; a country with one in its name stays a state', () => {
    const kinds = new Map(mentions('The premier of Western Australia met envoys from South Africa and North Korea.').map((m) => [m.text, m.kind]));
    expect(kinds.get('Western Australia')).toBe('Place');
    expect(kinds.get('South Africa')).toBe('State');
    expect(kinds.get('North Korea')).toBe('State');
  });

  it('a name a person’s title precedes is a person’s, and an institution’s complement goes on', () => {
    const kinds = new Map(
      mentions('Rep. Tom Ward agreed. The Federal Office for the Protection of the Constitution said so.').map((m) => [m.text, m.kind]),
    );
    expect(kinds.get('Tom Ward')).toBe('Person');
    expect(kinds.get('Federal Office for the Protection of the Constitution')).toBe('Agency');
  });

  it('a party named with a complement is a party; a capital after a semicolon proves nothing', () => {
    const kinds = new Map(
      mentions('The Democratic Party of Struggle won. (Reporting by Ana Diaz; Editing by Tom Reyes)').map((m) => [m.text, m.kind]),
    );
    expect(kinds.get('Democratic Party of Struggle')).toBe('Party');
    expect(kinds.has('Editing')).toBe(false);
    expect(kinds.get('Tom Reyes')).toBe('Person');
  });
});

