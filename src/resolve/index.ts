/**
 * Stage 4: mentions → entities, one per real-world referent in the document.
 *
 * - countries and demonyms resolve to the country's canonical name
 * - an acronym resolves to the name it was defined with (`… Elections (SITE)`),
 *   or to the one entity whose initials spell it (`CSIS`)
 * - a lone surname, first name or middle word (`Fuentes` in `Carolina Fuentes
 *   Ibáñez`) resolves to the full name it belongs to,
 *   the nearest one before it when several share it
 * - a firm or body called by its first word (`Halden` for `Halden Logistics`)
 *   or its head word (`the Commission` for `the European Commission`) is
 *   that firm or body, when only one fits
 * - the canonical name is the fullest form seen; aliases are every form seen
 */
import type { Entity, EntityKind, Mention } from '../types.js';
import { givenNameGender, initials, isEpithetWord } from '../recognize/index.js';
import { countryByDemonym, countryByName, isAgencyHead, isPartyWord, isTeamNoun, lexKey, stateOrProvince } from '../lexicons/index.js';
import { fullestName } from '../names.js';

export interface Resolution {
  entities: Entity[];
  /** The entity each mention belongs to, by mention (identity). */
  entityOf: Map<Mention, Entity>;
}

interface Group {
  kind: EntityKind;
  name: string;
  mentions: Mention[];
}

const words = (name: string) => name.split(/\s+/);
/** The name a mention spells: its text, or the cased form of a name written in capitals. */
const surfaceOf = (m: Mention) => (m.form === 'name' && m.refersTo ? m.refersTo : m.text);
const keyOf = (kind: EntityKind, name: string) => `${kind}:${name}`;

/** `Liberals`, `Liberal Party` and `Liberal` are one party; so are `Democrats` and `Democratic Party`. */
function partyKey(name: string): string {
  const parts = name.toLowerCase().replace(/\s+part(y|ies)$/, '').split(/\s+/);
  return parts.map((w) => w.replace(/ic$/, '').replace(/s$/, '')).join(' ');
}

/** Pick the kind most mentions agree on, trusting lexicon evidence over guesses. */
function voteKind(mentions: Mention[]): EntityKind {
  const score = new Map<EntityKind, number>();
  for (const m of mentions) score.set(m.kind, (score.get(m.kind) ?? 0) + (m.guess ? 1 : 3));
  return [...score.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * A single word's kind: as voted, except that a word the tagger or a place's
 * context reads as a place (`rallies in Tampa`) and only the shape of a name
 * reads as a person (`Tampa in the afternoon`) is the place everywhere. (Not
 * a guess after `at` or `from`: `digs at X`, `a call from X` are aimed at and
 * come from people.)
 */
function voteWord(mentions: Mention[], placedByIn: (m: Mention) => boolean): EntityKind {
  const kind = voteKind(mentions);
  const place = (m: Mention) => m.kind === 'Place' && (!m.guess || placedByIn(m));
  return kind === 'Person' && mentions.some(place) && mentions.every((m) => m.kind !== 'Person' || m.guess) ? 'Place' : kind;
}

/** `text`: the normalized text the mentions' `normStart` points into (for `the` before a name). */
export function resolve(mentions: Mention[], text = ''): Resolution {
  const ordered = [...mentions].sort((a, b) => a.normStart - b.normStart);
  const groups = new Map<string, Group>();
  const groupOf = new Map<Mention, Group>();
  const add = (m: Mention, kind: EntityKind, name: string) => {
    const key = keyOf(kind, name);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind, name, mentions: [] }));
    group.mentions.push(m);
    groupOf.set(m, group);
  };

  // 1. Countries by canonical name; full names of everything else by exact text.
  //    Kind conflicts on one surface form are settled by vote.
  const bySurface = new Map<string, Mention[]>();
  for (const m of ordered) {
    if (m.kind === 'State' && m.refersTo) {
      add(m, 'State', m.refersTo);
      continue;
    }
    if (m.form === 'acronym') continue;
    const list = bySurface.get(surfaceOf(m)) ?? [];
    list.push(m);
    bySurface.set(surfaceOf(m), list);
  }
  const multiword = [...bySurface.entries()].filter(([text]) => words(text).length > 1);
  const single = [...bySurface.entries()].filter(([text]) => words(text).length === 1);
  for (const [text, list] of multiword) {
    const kind = voteKind(list);
    for (const m of list) add(m, kind, text);
  }

  const places = new Set(ordered.filter((m) => m.kind === 'Place' || m.kind === 'State').map((m) => surfaceOf(m).toLowerCase()));
  /** `Ohio`, `Ontario`, `Serbian`: a word naming a place, as one qualifies an institution's name. */
  const isPlaceWord = (w: string) => places.has(w.toLowerCase()) || !!countryByName(w) || !!countryByDemonym(w);
  const before = (m: Mention) => text.slice(Math.max(0, m.normStart - 5), m.normStart);
  const institutional = (g: Group) => g.kind === 'Organization' || g.kind === 'Agency';
  /** `rallies in Tampa` (not `in X's stock price`: there `in` governs what X owns). */
  const placedByIn = (m: Mention) => /\bin\s+$/.test(before(m)) && !/^['’]/.test(text.slice(m.normEnd));

  /**
   * The group whose longer name ends with this one's, when the short form is the same entity:
   * `Cortés Medrano` after `Ana Lucía Cortés Medrano` (a two-word surname), `Local 113` after
   * `Transit Union Local 113` (a numbered branch, when one name ends so and no place sets it
   * apart: `the Ohio Supreme Court` is not `the Supreme Court`).
   */
  const suffixOwner = (group: Group): Group | undefined => {
    const endsIt = (g: Group) => g !== group && g.name.endsWith(` ${group.name}`);
    if (group.kind === 'Person' || group.mentions.every((m) => m.guess)) {
      const person = [...groups.values()].find((g) => endsIt(g) && g.kind === 'Person');
      if (person) return person;
    }
    if (!institutional(group) || !/\d/.test(group.name)) return undefined;
    const owners = [...groups.values()].filter((g) => endsIt(g) && institutional(g) && !words(g.name.slice(0, -group.name.length)).some(isPlaceWord));
    return owners.length === 1 ? owners[0] : undefined;
  };
  /**
   * `Crooked Dana`, `Lyin’ Hal`: a nickname, an epithet before a given name, is the one person named in full with
   * that given name (beside a full name, a word in -ed is a participle: `Crooked`).
   */
  const nicknamed = (group: Group): Group | undefined => {
    const [epithet, given, ...more] = words(group.name);
    if (group.kind !== 'Person' || !given || more.length > 0 || isPlaceWord(given) || !(isEpithetWord(epithet!) || /^\p{Lu}\p{Ll}+ed$/u.test(epithet!))) return undefined;
    const named = [...groups.values()].filter((g) => g !== group && g.kind === 'Person' && words(g.name).length > 1 && words(g.name)[0] === given);
    return named.length === 1 ? named[0] : undefined;
  };
  /** Mentions by nickname: they name the person, but not in the form the person's name takes. */
  const nicknames = new Set<Mention>();
  for (const group of [...groups.values()]) {
    const suffix = suffixOwner(group);
    const owner = suffix ?? nicknamed(group);
    if (!owner) continue;
    if (!suffix) for (const m of group.mentions) nicknames.add(m);
    for (const m of group.mentions) {
      owner.mentions.push(m);
      groupOf.set(m, owner);
    }
    groups.delete(keyOf(group.kind, group.name));
  }

  // 2. Single words: a part of a person's full name (nearest preceding one), else a party, else itself.
  const persons = [...groups.values()].filter((g) => g.kind === 'Person');
  // `AfD` once defined as `Alternative for Germany (AfD)` means it everywhere.
  const shortForms = new Map(ordered.filter((x) => x.form === 'acronym' && x.refersTo).map((x) => [x.text, x.refersTo!]));
  // `Mr. Obama` is not `Michelle Obama`: an honorific's gender rules out a person whose given name shows the
  // other. A bare surname follows the one gender its honorific mentions show, when they show only one (news
  // copy writes `Mr. X` throughout and `X` in a headline or after a title).
  const honorific = (m: Mention) => {
    const word = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/.exec(text.slice(Math.max(0, m.normStart - 6), m.normStart))?.[1];
    return word === undefined ? undefined : word === 'Mr' ? 'male' : 'female';
  };
  const shownGender = new Map<string, Set<string>>();
  for (const [word, list] of single) {
    for (const m of list) {
      const gender = honorific(m);
      if (gender) shownGender.set(word, (shownGender.get(word) ?? new Set()).add(gender));
    }
  }
  const genderOf = (m: Mention, word: string) => {
    const shown = shownGender.get(word);
    return honorific(m) ?? (shown?.size === 1 ? [...shown][0] : undefined);
  };
  const fitsGender = (g: Group, gender: string | undefined) => {
    const given = givenNameGender(words(g.name)[0]!);
    return gender === undefined || given === undefined || given === gender;
  };
  const teamPlaces = new Set([...groups.values()].filter((g) => g.kind === 'Organization' && words(g.name).length > 1 && isTeamNoun(words(g.name).at(-1)!)).map((g) => words(g.name).slice(0, -1).join(' ')));
  for (const [text, list] of single) {
    for (const m of list) {
      const long = shortForms.get(text);
      const definedAs = long === undefined ? undefined : [...groups.values()].find((g) => g.name === long && g.kind !== 'State');
      if (definedAs) {
        add(m, definedAs.kind, definedAs.name);
        continue;
      }
      // (`LAMOUREUX said`, `MERCER:`: a transcript or byline writes a surname in capitals.)
      const word = /^\p{Lu}{3,}$/u.test(text) ? text[0] + text.slice(1).toLowerCase() : text;
      const gender = genderOf(m, text);
      const owners = persons.filter((g) => {
        const parts = words(g.name);
        if (!fitsGender(g, gender)) return false;
        // `Fuentes` for `Carolina Fuentes Ibáñez`: a Spanish or Portuguese name is often cut to its first surname.
        return parts.length > 1 && (parts[parts.length - 1] === word || parts.slice(1).join('-') === word || parts[0] === word || parts.slice(1, -1).includes(word));
      });
      // (A state read by its name, `Virginia` beside `Virginia Ames`, is the state: news calls a person by a surname.)
      const trusted = (!m.guess && m.kind !== 'Person' && m.kind !== 'Organization' && m.kind !== 'Place') || (m.kind === 'Place' && !!stateOrProvince(text));
      // `Charlotte` beside the `Charlotte Panthers`: a club is named for its place, so the bare word, a given name
      // to the tagger, is that place.
      if (owners.length === 0 && (m.kind === 'Person' || m.kind === 'Place') && teamPlaces.has(word)) {
        add(m, 'Place', text);
        continue;
      }
      if (owners.length > 0 && !trusted) {
        // Prefer surnames; of two people of one surname, the one the article names in full at least twice as
        // often before this mention (`Bill Clinton` of a story about him, not `his wife Hillary Clinton` named
        // once in passing), else the one named most recently.
        const surname = owners.filter((g) => words(g.name).at(-1) === word);
        const pool = surname.length > 0 ? surname : owners;
        const earlier = (g: Group) => g.mentions.filter((x) => x.normStart < m.normStart);
        const before = (g: Group) => Math.max(-1, ...earlier(g).map((x) => x.normStart));
        const named = [...pool].sort((a, b) => earlier(b).length - earlier(a).length);
        const dominant = named.length > 1 && earlier(named[0]!).length >= 2 * Math.max(1, earlier(named[1]!).length) ? named[0] : undefined;
        const owner = dominant ?? [...pool].sort((a, b) => before(b) - before(a))[0]!;
        add(m, 'Person', owner.name);
        continue;
      }
      // `Halden` after `Halden Logistics`: a firm or body called by its first word;
      // `the Commission` after `the European Commission`: a body called by its head word.
      const named = (g: Group) => institutional(g) && words(g.name).length > 1;
      // Only a definite `the Commission`, or an institution's head word used alone (`Commission President X`,
      // `Parliament's IT systems`), points back; a firm's first word only when it reads as a firm.
      const definite = /\bthe\s+$/i.test(before(m)) || isAgencyHead(text);
      const headed = m.kind === 'Agency' && definite ? [...groups.values()].filter((g) => named(g) && g.kind === 'Agency' && words(g.name).at(-1) === text) : [];
      const firsts = m.kind === 'Organization' ? [...groups.values()].filter((g) => named(g) && g.kind === 'Organization' && words(g.name)[0] === text) : [];
      const bodies = headed.length === 1 ? headed : firsts;
      if (bodies.length === 1) {
        add(m, bodies[0]!.kind, bodies[0]!.name);
        continue;
      }
      if (m.kind === 'Party' || isPartyWord(text)) {
        const party = [...groups.values()].find((g) => g.kind === 'Party' && partyKey(g.name) === partyKey(text));
        add(m, 'Party', party ? party.name : text);
        continue;
      }
      add(m, voteWord(list, placedByIn), text);
    }
  }

  // 3. Acronyms: by definition (here or earlier), else by initials, else on their own.
  const definitions = new Map<string, Group>();
  for (const m of ordered.filter((x) => x.form === 'acronym')) {
    const letters = m.text.replace(/\./g, '');
    const defined = m.refersTo ? [...groups.values()].find((g) => g.name === m.refersTo && g.kind !== 'State') : definitions.get(m.text);
    if (defined && m.refersTo) definitions.set(m.text, defined);
    // `NDP` for the `Ontario New Democratic Party`: the initials may leave out a place that qualifies the name.
    const unqualified = (g: Group) => (isPlaceWord(words(g.name)[0]!) ? words(g.name).slice(1) : words(g.name));
    const spelled = [...groups.values()].filter(
      (g) => g.kind !== 'Person' && g.kind !== 'State' && words(g.name).length > 1 && (initials(words(g.name)) === letters || initials(unqualified(g)) === letters),
    );
    const target = defined ?? (spelled.length === 1 ? spelled[0] : undefined);
    if (target) add(m, target.kind, target.name);
    else add(m, m.kind, m.text);
  }

  // 4. Merge parties named in different forms, then build entities with the fullest name.
  const entities: Entity[] = [];
  const entityOf = new Map<Mention, Entity>();
  const merged = new Map<string, Group>();
  for (const group of groups.values()) {
    // (`Marie-Josée` and `Marie-Josee` in one article are one person: the key folds accents and case.)
    const key = group.kind === 'Party' ? `Party:${partyKey(group.name)}` : keyOf(group.kind, lexKey(group.name));
    const into = merged.get(key);
    if (into) into.mentions.push(...group.mentions);
    else merged.set(key, { ...group, mentions: [...group.mentions] });
  }
  for (const group of merged.values()) {
    const names = group.mentions.filter((m) => m.form !== 'acronym' && m.form !== 'demonym' && !nicknames.has(m)).map(surfaceOf);
    const name =
      group.kind === 'State'
        ? group.name
        : fullestName([...names, group.name]);
    const aliases = [...new Set([name, ...group.mentions.map((m) => m.text)])].sort();
    const entity: Entity = {
      id: keyOf(group.kind, name),
      kind: group.kind,
      name,
      aliases,
      mentions: [...group.mentions].sort((a, b) => a.normStart - b.normStart),
    };
    entities.push(entity);
    for (const m of group.mentions) entityOf.set(m, entity);
  }
  entities.sort((a, b) => a.mentions[0]!.normStart - b.mentions[0]!.normStart || a.id.localeCompare(b.id));
  return { entities, entityOf };
}
