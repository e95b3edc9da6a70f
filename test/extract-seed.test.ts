/** The sample article end to end: the entities, speakers, roles and relations issue #2 names. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, extract } from '../src/extract.js';

const seed = readFileSync(new URL('./fixtures/seed/canada-election-interference.txt', import.meta.url), 'utf8');
const analysis = analyze(seed, { source: 'seed' });
const graph = extract(seed, { source: 'seed' });
const name = (id: string | undefined) => (id ? id.slice(id.indexOf(':') + 1) : undefined);
const speakerOf = (fragment: string) => name(analysis.quotes.find((q) => q.text.includes(fragment))?.speaker);

describe('the seed article', () => {
  it('has one node per entity, of the right kind, with aliases', () => {
    const byId = new Map(analysis.entities.map((e) => [e.id, e]));
    for (const id of [
      'Person:Elon Musk',
      'Person:Laurie-Anne Kempton',
      'Person:Allen Sutherland',
      'Person:Vanessa Lloyd',
      'Person:Stephanie Perrault',
      'Person:Donald Trump',
      'Person:Pierre Poilievre',
      'Person:Justin Trudeau',
      'Person:Mark Carney',
      'Person:Chrystia Freeland',
      'Agency:Privy Council Office',
      'Agency:Canadian Security Intelligence Service',
      'Agency:Security and Intelligence Threats to Elections',
      'Agency:Rapid Response Mechanism',
      'State:Canada',
      'State:China',
      'State:India',
      'State:Russia',
      'State:Pakistan',
      'State:United States',
      'Party:Liberal',
      'Party:Conservative',
      'Party:Alternative for Germany',
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(byId.get('Person:Laurie-Anne Kempton')!.aliases).toContain('Kempton');
    expect(byId.get('Agency:Security and Intelligence Threats to Elections')!.aliases).toContain('SITE');
    // No titles, months or furniture as entities; no person twice.
    const names = analysis.entities.map((e) => e.name);
    for (const bad of ['President', 'Leader', 'January', 'March', 'More videos']) expect(names).not.toContain(bad);
    const persons = analysis.entities.filter((e) => e.kind === 'Person').map((e) => e.name.split(' ').at(-1));
    expect(new Set(persons).size).toBe(persons.length);
  });

  it('gives every direct quote its speaker, through continuations and pronouns', () => {
    expect(speakerOf('an insufferable tool')).toBe('Elon Musk');
    expect(speakerOf('governor')).toBe('Elon Musk');
    expect(speakerOf('does not fall into the category')).toBe('Laurie-Anne Kempton');
    expect(speakerOf('definitely not clandestine')).toBe('Allen Sutherland');
    expect(speakerOf('Canadians will have an opportunity')).toBe('Allen Sutherland');
    expect(speakerOf('markers of a foreign-backed')).toBe('Larisa Galzada');
    expect(speakerOf('no friend of mine')).toBe('Donald Trump');
    expect(speakerOf('We live in an open society')).toBe('Stephanie Perrault');
    expect(speakerOf('relatively lower-priority target')).toBe('Vanessa Lloyd');
    expect(speakerOf('SITE assesses that')).toBe('Vanessa Lloyd');
    expect(speakerOf('I want to be very clear')).toBe('Laurie-Anne Kempton');
    // Quoted words stand alone (direct) or inside a paraphrase (mixed); a quote its attribution interrupts is one.
    const direct = analysis.quotes.filter((q) => q.direct);
    const mixed = analysis.quotes.filter((q) => !q.direct && /[“”]/.test(q.text));
    expect(direct.length + mixed.length).toBeGreaterThanOrEqual(14);
    expect([...direct, ...mixed].every((q) => q.speaker)).toBe(true);
  });

  it('keeps reported speech as indirect quotes', () => {
    const q = analysis.quotes.find((x) => x.text.includes('there will be a greater use of artificial intelligence'));
    expect(q).toMatchObject({ direct: false, speaker: 'Person:Vanessa Lloyd' });
  });

  it('finds each official’s title and organisation', () => {
    const role = (person: string) => analysis.roles.filter((r) => r.person === `Person:${person}`);
    expect(role('Vanessa Lloyd')).toContainEqual(expect.objectContaining({ title: 'deputy director of operations', organization: 'Agency:Canadian Security Intelligence Service' }));
    expect(role('Laurie-Anne Kempton')).toContainEqual(expect.objectContaining({ organization: 'Agency:Privy Council Office' }));
    expect(role('Pierre Poilievre')).toContainEqual(expect.objectContaining({ title: 'Leader', organization: 'Party:Conservative' }));
    expect(role('Donald Trump')).toContainEqual(expect.objectContaining({ title: 'President', organization: 'State:United States' }));
    expect(role('Stephanie Perrault').map((r) => r.title)).toContain('chief electoral officer');
  });

  it('draws Musk’s and Trump’s interventions as typed edges', () => {
    const edges = new Set<string>();
    graph.forEachEdge((_k, a, s, t) => edges.add(`${s} ${a.type} ${t}`));
    for (const e of [
      'Person:Elon Musk SUPPORTS Person:Donald Trump',
      'Person:Elon Musk SUPPORTS Party:Alternative for Germany',
      'Person:Elon Musk SUPPORTS Person:Pierre Poilievre',
      'Person:Elon Musk OPPOSES Person:Justin Trudeau',
      // Britain's Labour: a party name many countries share, identified with the country the text gives it.
      'Person:Elon Musk OPPOSES Party:Labour Party (United Kingdom)',
      'Person:Donald Trump OPPOSES Person:Pierre Poilievre',
      'State:China TARGETED Person:Chrystia Freeland',
    ]) {
      expect(edges.has(e), e).toBe(true);
    }
  });

  it('keeps provenance: every quote and role points at its words in the original text', () => {
    // A quote in pieces (`“A,” she said. “B.”`) is its pieces' words, each where it stands.
    for (const q of analysis.quotes) {
      const pieces = q.pieces ?? [{ start: q.start, end: q.end }];
      expect(pieces.map((p) => seed.slice(p.start, p.end)).join(' ').replace(/\s+/g, ' ')).toBe(q.text.replace(/\s+/g, ' '));
      expect(pieces[0]!.start).toBe(q.start);
      expect(pieces.at(-1)!.end).toBe(q.end);
    }
    for (const m of analysis.mentions) expect(seed.slice(m.start, m.end)).toBe(m.text);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(extract(seed, { source: 'seed' }).export())).toBe(JSON.stringify(graph.export()));
  });
});
