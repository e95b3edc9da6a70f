/**
 * Typed relations between entities, from subject–verb–object patterns over
 * the verb lexicon: `X backed Y` (SUPPORTS), `X called for the defeat of Y`
 * (OPPOSES), `Y had been targeted by X` (TARGETED, passive), `X called Y
 * “<insult>”` (OPPOSES), and RELATED {verb} for other verbs linking two
 * entities. Membership and structure come from roles and names: a party title
 * (`Conservative Leader`) is MEMBER_OF, an agency named for its country is
 * PART_OF that state.
 */
import type { Entity, Relation, RelationType, Role } from '../types.js';
import { epithetVerbs, isTitleWord, hasNegativeCue, inflections, relationVerbs, type RelationVerbType } from '../lexicons/index.js';
import { has } from '../recognize/tokens.js';
import { toOriginal } from '../normalize/index.js';
import { isSpeechVerb, quoteOpensBetween } from './attribution/index.js';
import { fitsPronoun, isPossessor, subjects, subjectsBefore, tokenAfter, tokenAt, type Discourse, type Located, type Referent, type SentenceView } from './discourse.js';

interface VerbPattern {
  words: string[];
  type: RelationVerbType;
}

/** First word form → patterns starting with it, longest first. */
const patterns: Map<string, VerbPattern[]> = (() => {
  const map = new Map<string, VerbPattern[]>();
  for (const { phrase, type } of relationVerbs) {
    const [head, ...rest] = phrase.split(' ');
    for (const form of inflections(head!)) {
      const list = map.get(form) ?? [];
      list.push({ words: [form, ...rest], type });
      map.set(form, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

const CLAUSE_BREAK = /[;:—–]|,\s*$/;
const SUBJECT_KINDS = new Set(['Person', 'Agency', 'Organization', 'Party', 'State']);

/** Words after which the next word is a noun's modifier or head, never a finite verb: `a favored candidate`. */
const NOMINAL_OPENER = /^(a|an|the|these|those|his|her|its|their|our|my|your)$/i;

/** Part of a hyphenated compound (`Chinese-backed`, `lead-up`) or an adjective, not a verb. */
function inCompound(view: SentenceView, i: number): boolean {
  const token = view.tokens[i]!;
  const previous = view.tokens[i - 1];
  if (token.post === '-' || previous?.post === '-' || (has(token, 'Adjective') && !has(token, 'Verb'))) return true;
  if (previous && NOMINAL_OPENER.test(previous.text)) return true;
  // `a campaign of disparaging articles`: a gerund is a verb only after a form of `be` or `by`, or
  // opening a participial clause after a comma (`X went further, calling for the defeat of Y`).
  if (previous && /,\s*$/.test(previous.post)) return false;
  return has(token, 'Gerund') && !/^(is|are|was|were|be|been|being|by|am)$/i.test(previous?.text ?? '');
}

const PART_KINDS = new Set(['Agency', 'Organization']);

/** What a typed relation may point at. */
const TARGET_KINDS: Partial<Record<RelationType, ReadonlySet<string>>> = {
  MEMBER_OF: new Set(['Party', 'Agency', 'Organization']),
  PART_OF: new Set(['Agency', 'State', 'Organization']),
};

function matchVerb(view: SentenceView, i: number): { pattern: VerbPattern; end: number } | undefined {
  const first = view.tokens[i]!;
  if (inCompound(view, i)) return undefined;
  for (const pattern of patterns.get(first.text.toLowerCase()) ?? []) {
    // `threw his support behind`: a possessive may stand inside the phrase, before its noun.
    let skip = 0;
    const ok = pattern.words.every((w, k) => {
      if (k > 0 && skip === 0 && /^(his|her|its|their|our|my|full)$/i.test(view.tokens[i + k]?.text ?? '') && view.tokens[i + k + 1]?.text.toLowerCase() === w) skip = 1;
      return view.tokens[i + k + skip]?.text.toLowerCase() === w;
    });
    if (ok && has(first, 'Verb', 'Infinitive', 'PastTense', 'Gerund', 'PresentTense')) return { pattern, end: i + pattern.words.length + skip };
  }
  return undefined;
}

/** The object of a verb ending before token `from`: the head entity of the noun phrase that follows. */
function objectAfter(view: SentenceView, from: number): Located | undefined {
  const startToken = view.tokens[from];
  if (!startToken) return undefined;
  let limit = view.sentence.normEnd;
  for (let k = from; k < view.tokens.length && k < from + 10; k++) {
    const t = view.tokens[k]!;
    // `criticised what she called …`: a clause, not an entity, is the object.
    if ((k > from && /^(that|which|who|because|after|before|while|when|but)$/i.test(t.text)) || /^(what|how|why)$/i.test(t.text)) {
      limit = t.start;
      break;
    }
    if (CLAUSE_BREAK.test(t.post) || /[.!?]/.test(t.post)) {
      limit = t.end + 1;
      break;
    }
    limit = t.end + 1;
  }
  const inWindow = view.located.filter((l) => l.mention.normStart >= startToken.start && l.mention.normEnd <= limit);
  const named = inWindow.filter((l) => l.mention.form !== 'title');
  const first = named[0];
  if (!first) return undefined;
  // `Britain’s new Labour government`: the possessor qualifies the head named right after it;
  // `backed Vogelsang’s push`, `criticised FEMA’s decision`: else the possessor is what is backed or criticised.
  const head = named[1];
  if (!isPossessor(view, first) || !head) return first;
  const between = view.tokens.filter((t) => t.start >= first.mention.normEnd + 2 && t.end <= head.mention.normStart);
  return between.every((t) => has(t, 'Adjective', 'Determiner') || isTitleWord(t.text)) ? head : first;
}

/** Objects joined to `object` by `and`/`or`/commas: `attacked Labor and the Greens`, `criticised both the BJP and the Congress`. */
function coordinated(view: SentenceView, object: Located): Located[] {
  const more: Located[] = [];
  let last = object;
  for (let n = 0; n < 4; n++) {
    let k = tokenAfter(view, last.mention.normEnd);
    const joiner = view.tokens[k];
    const comma = /^\s*,\s*$/.test(view.tokens[k - 1]?.post ?? '');
    if (joiner && /^(and|or)$/i.test(joiner.text)) k++;
    else if (!comma) break;
    while (view.tokens[k] && has(view.tokens[k], 'Determiner')) k++;
    const next = view.tokens[k] && view.located.find((l) => l.mention.normStart === view.tokens[k]!.start && l.mention.form !== 'title');
    if (!next || !SUBJECT_KINDS.has(next.entity.kind) || next.entity === object.entity) break;
    // A possessor opens a longer phrase (`and Labour’s leader`), not another object.
    if (isPossessor(view, next)) break;
    more.push(next);
    last = next;
  }
  return more;
}

function relation(discourse: Discourse, view: SentenceView, type: RelationType, source: Entity, target: Entity, verb: string, start: number, end: number, doc: string): Relation {
  return { doc, sentence: view.sentence.index, ...toOriginal(discourse.norm, start, end), type, source: source.id, target: target.id, verb };
}

function subjectBefore(view: SentenceView, discourse: Discourse, position: number): Referent | undefined {
  const before = subjectsBefore(view, discourse, position).filter((s) => SUBJECT_KINDS.has(s.entity.kind));
  return before[before.length - 1];
}

/**
 * Whether the verb at token `verb` is words quoted from someone rather than
 * an act of the subject named before the quote: a quote opened after the
 * subject still stands open at the object (`X told reporters, “… a
 * candidate favored by Y”` is no act of X). A quoted verb alone (`X
 * “endorses” Y`) is still X's act, and so is a quote in which the speaker
 * says `I` (`X said: “I strongly support Y”`).
 */
function quotedAway(discourse: Discourse, view: SentenceView, subjectEnd: number, verb: number, objectStart: number): boolean {
  if (!quoteOpensBetween(discourse.norm.text, subjectEnd, objectStart)) return false;
  let k = verb - 1;
  while (k >= 0 && has(view.tokens[k]!, 'Adverb')) k--;
  return view.tokens[k]?.text !== 'I';
}

function sentenceRelations(discourse: Discourse, view: SentenceView, doc: string): Relation[] {
  const found: Relation[] = [];
  const tokens = view.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.text.toLowerCase();
    const matched = matchVerb(view, i);
    const isEpithet = [...epithetVerbs].some((v) => inflections(v).includes(lower)) && has(token, 'Verb');
    if (!matched && !isEpithet) continue;

    // Passive: `Y had been targeted by X`.
    const passive = matched && /^by$/i.test(tokens[matched.end]?.text ?? '') && tokens.slice(Math.max(0, i - 3), i).some((t) => /^(been|was|were|is|are|be|being|got)$/i.test(t.text));
    if (matched && passive) {
      const agent = objectAfter(view, matched.end + 1);
      const patient = subjectBefore(view, discourse, token.start);
      if (agent && patient && agent.entity !== patient.entity && !quotedAway(discourse, view, patient.end, i, agent.mention.normStart)) {
        found.push(relation(discourse, view, matched.pattern.type, agent.entity, patient.entity, matched.pattern.words.join(' '), Math.min(patient.start, token.start), agent.mention.normEnd, doc));
      }
      continue;
    }

    const subject = subjectBefore(view, discourse, token.start);
    if (!subject || inCompound(view, i)) continue;
    const verbEnd = matched ? matched.end : i + 1;
    const object = objectAfter(view, verbEnd);
    if (!object || object.entity === subject.entity || quotedAway(discourse, view, subject.end, i, object.mention.normStart)) continue;
    const allowed = matched ? TARGET_KINDS[matched.pattern.type] : undefined;
    if (allowed && !allowed.has(object.entity.kind)) continue;
    // What is targeted is the verb's own object: `suspended its campaign in Scotland` targets no Scotland.
    if (matched?.pattern.type === 'TARGETED' && nounBetween(view, verbEnd, object)) continue;
    const span: [number, number] = [Math.min(subject.start, token.start), object.mention.normEnd];

    if (isEpithet && !matched?.pattern.words.slice(1).length) {
      // `X called Y “…”`: an attack when the words or the sentence carry a negative cue.
      const afterObject = view.sentence.text.slice(object.mention.normEnd - view.sentence.normStart);
      if (/^\s*(as\s+)?[“"]/.test(afterObject)) {
        const type = hasNegativeCue(view.sentence.text) || matched?.pattern.type === 'OPPOSES' ? 'OPPOSES' : 'RELATED';
        found.push(relation(discourse, view, type, subject.entity, object.entity, token.text, span[0], span[1], doc));
        continue;
      }
    }
    if (matched) {
      const verb = tokens.slice(i, matched.end).map((t) => t.text).join(' ');
      for (const target of [object, ...coordinated(view, object)]) {
        if (target.entity === subject.entity || (allowed && !allowed.has(target.entity.kind))) continue;
        found.push(relation(discourse, view, matched.pattern.type, subject.entity, target.entity, verb, span[0], target.mention.normEnd, doc));
      }
      i = matched.end - 1;
    }
  }
  return found;
}

/** A common noun between the verb (ending before token `from`) and its would-be object. */
function nounBetween(view: SentenceView, from: number, object: Located): boolean {
  return view.tokens
    .slice(from)
    .filter((t) => t.end <= object.mention.normStart)
    .some((t) => has(t, 'Noun') && !has(t, 'Pronoun') && !isTitleWord(t.text) && !view.located.some((l) => l.mention.normStart <= t.start && t.end <= l.mention.normEnd));
}

/** Verbs too light to name a relation on their own. */
const LIGHT_VERBS = /^(has|have|had|having|is|are|was|were|be|been|being|do|does|did|get|gets|got|make|makes|made|take|takes|took|go|goes|went|come|comes|came|say|says|said)$/i;

/** Any other verb linking a subject entity to an object entity: RELATED {verb}. */
function relatedLinks(discourse: Discourse, view: SentenceView, doc: string, typed: Relation[]): Relation[] {
  const found: Relation[] = [];
  for (const subject of subjects(view, discourse)) {
    if (!SUBJECT_KINDS.has(subject.entity.kind)) continue;
    const after = view.tokens.findIndex((t) => t.start >= subject.end);
    if (after < 0) continue;
    let v = after;
    while (v < view.tokens.length && has(view.tokens[v], 'Adverb', 'Auxiliary', 'Negative', 'Modal')) v++;
    const verb = view.tokens[v];
    if (!verb || !has(verb, 'Verb') || has(verb, 'Copula') || isSpeechVerb(verb) || LIGHT_VERBS.test(verb.text) || inCompound(view, v)) continue;
    // The verb with its particles/prepositions: `commented on`, `met with`.
    let end = v + 1;
    while (end < view.tokens.length && end < v + 3 && has(view.tokens[end], 'Preposition', 'Particle', 'Adverb') && !/[,;]/.test(view.tokens[end - 1]!.post)) end++;
    const object = objectAfter(view, end);
    if (!object || object.entity === subject.entity || object.mention.form === 'demonym') continue;
    // Only determiners, adjectives and title words may stand between the verb and its object.
    const between = view.tokens.filter((t) => t.start >= view.tokens[end - 1]!.end && t.end <= object.mention.normStart);
    if (between.some((t) => has(t, 'Noun', 'Verb') && !isTitleWord(t.text) && !view.located.some((l) => l.mention.normStart <= t.start && t.end <= l.mention.normEnd))) continue;
    if (typed.some((r) => r.source === subject.entity.id && r.target === object.entity.id)) continue;
    const phrase = view.tokens.slice(v, end).map((t) => t.text.toLowerCase()).join(' ');
    found.push(relation(discourse, view, 'RELATED', subject.entity, object.entity, phrase, subject.start, object.mention.normEnd, doc));
  }
  return found;
}

/** What a person can be a member of. */
const MEMBER_GROUPS = new Set(['Party', 'Agency', 'Organization']);

/**
 * The party a person is written as belonging to, right after the name:
 * `Danjuma of the APC`, `X, of President Ruto’s United Democratic Alliance`,
 * `Orbán’s Fidesz`, `X, who sits with the Renew Europe group`, and a US
 * lawmaker’s `(D-N.M.)` / `(R-Texas)` when the text names that party.
 */
function affiliationParty(view: SentenceView, person: Located, parties: Entity[]): { entity: Entity; end: number; verb: string } | undefined {
  const after = tokenAfter(view, person.mention.normEnd);
  const last = view.tokens[after - 1];
  const partyAt = (k: number): Located | undefined => {
    const at = view.located.find((l) => l.mention.normStart === view.tokens[k]?.start);
    return at && at.entity.kind === 'Party' && at.mention.form !== 'demonym' ? at : undefined;
  };
  // `Orbán’s Fidesz`: the leader’s party.
  if (last && /['’]s$/.test(last.text) && /^\s+$/.test(last.post)) {
    const party = partyAt(after);
    if (party && namesTheParty(view, party)) return { entity: party.entity, end: party.mention.normEnd, verb: 'party of' };
  }
  // `(D-N.M.)`: a US lawmaker's party and state.
  const bracket = view.tokens[after];
  if (bracket && (/\(\s*$/.test(last?.post ?? '') || bracket.pre.includes('(')) && /^[DR]-/.test(bracket.text)) {
    const wanted = bracket.text.startsWith('D') ? /^democrat/i : /^republican/i;
    const named = parties.filter((p) => wanted.test(p.name));
    if (named.length === 1) return { entity: named[0]!, end: bracket.end, verb: 'member of' };
  }
  // `X of the APC`, `X, of President Ruto’s UDA,`, `X, who sits with the Renew Europe group`.
  let k = after;
  // A group one sits with may be a parliamentary group, not a party (`Renew Europe`).
  const sits = /^who$/i.test(view.tokens[k]?.text ?? '') && /^(sits|sat)$/i.test(view.tokens[k + 1]?.text ?? '') && /^with$/i.test(view.tokens[k + 2]?.text ?? '');
  if (sits) k += 3;
  else if (/^of$/i.test(view.tokens[k]?.text ?? '')) k += 1;
  else return undefined;
  for (const limit = k + 6; k < limit && k < view.tokens.length; k++) {
    const party = partyAt(k);
    if (party) return { entity: party.entity, end: party.mention.normEnd, verb: 'member of' };
    const group = sits ? view.located.find((l) => l.mention.normStart === view.tokens[k]!.start && l.entity.kind === 'Organization') : undefined;
    if (group) return { entity: group.entity, end: group.mention.normEnd, verb: 'sits with' };
    const t = view.tokens[k]!;
    const owner = view.located.find((l) => l.mention.normStart <= t.start && t.start < l.mention.normEnd);
    if (!/^(the|a|an)$/i.test(t.text) && !isTitleWord(t.text) && !has(t, 'Adjective') && !(owner && owner.entity.kind === 'Person')) return undefined;
  }
  return undefined;
}

/** `Orbán’s Fidesz`, `his Fidesz party`: the party itself, not a word qualifying a noun (`Biden’s Republican critics`). */
function namesTheParty(view: SentenceView, party: Located): boolean {
  const next = view.tokens[tokenAfter(view, party.mention.normEnd)];
  return !next || !/^\p{Ll}/u.test(next.text) || /^part(y|ies)$/i.test(next.text) || !has(next, 'Noun') || has(next, 'Verb');
}

/** Structure from roles (a party title makes a member) and from `X, (which is) part of Y`. */
function structural(discourse: Discourse, entities: Entity[], roles: Role[], doc: string): Relation[] {
  const found: Relation[] = [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const r of roles) {
    const org = r.organization ? byId.get(r.organization) : undefined;
    // An office inferred from its title alone (a senator's Senate) says nothing more than the role.
    if (org && !r.inferred && (org.kind === 'Party' || org.kind === 'Agency')) {
      found.push({ doc, sentence: r.sentence, start: r.start, end: r.end, type: 'MEMBER_OF', source: r.person, target: org.id });
    }
  }
  const parties = entities.filter((e) => e.kind === 'Party');
  for (const view of discourse.views) {
    for (const person of view.located) {
      if (person.entity.kind !== 'Person' || person.mention.form === 'pronoun') continue;
      const party = affiliationParty(view, person, parties);
      if (party) found.push(relation(discourse, view, 'MEMBER_OF', person.entity, party.entity, party.verb, person.mention.normStart, party.end, doc));
    }
    view.tokens.forEach((t, i) => {
      // `Erdoğan, addressing lawmakers from his Justice and Development Party`: the party is his.
      if (/^(his|her)$/i.test(t.text)) {
        let k = i + 1;
        while (/^(own|ruling|governing)$/i.test(view.tokens[k]?.text ?? '')) k++;
        const party = view.located.find((l) => l.mention.normStart === view.tokens[k]?.start && l.entity.kind === 'Party' && l.mention.form !== 'demonym');
        const pronoun = /^his$/i.test(t.text) ? 'he' : 'she';
        const owner = [...view.located].reverse().find((l) => l.mention.normEnd <= t.start && l.entity.kind === 'Person' && l.mention.form !== 'pronoun' && fitsPronoun(discourse, l.entity, pronoun));
        const quoted = owner && /[“”"]/.test(discourse.norm.text.slice(owner.mention.normEnd, t.start));
        if (party && owner && !quoted && namesTheParty(view, party)) found.push(relation(discourse, view, 'MEMBER_OF', owner.entity, party.entity, `${t.text.toLowerCase()} party`, owner.mention.normStart, party.mention.normEnd, doc));
      }
      // `Katarzyna Wróblewska, also a member of the EPP,`: the person named just before belongs to it.
      if (/^member$/i.test(t.text) && /^of$/i.test(view.tokens[i + 1]?.text ?? '')) {
        const group = objectAfter(view, i + 2);
        const person = [...view.located].reverse().find((l) => l.mention.normEnd <= t.start && l.entity.kind === 'Person' && l.mention.form !== 'pronoun');
        if (group && person && MEMBER_GROUPS.has(group.entity.kind) && tokenAt(view, t.start) - tokenAfter(view, person.mention.normEnd) <= 3) {
          found.push(relation(discourse, view, 'MEMBER_OF', person.entity, group.entity, 'member of', person.mention.normStart, group.mention.normEnd, doc));
        }
      }
      if (t.text.toLowerCase() !== 'part' || view.tokens[i + 1]?.text.toLowerCase() !== 'of') return;
      const whole = objectAfter(view, i + 2);
      const part = [...view.located].reverse().find((l) => l.mention.normEnd <= t.start && PART_KINDS.has(l.entity.kind) && l.mention.form !== 'pronoun');
      if (!whole || !part || whole.entity === part.entity || !TARGET_KINDS.PART_OF!.has(whole.entity.kind)) return;
      found.push(relation(discourse, view, 'PART_OF', part.entity, whole.entity, 'part of', part.mention.normStart, whole.mention.normEnd, doc));
    });
  }
  return found;
}

export function extractRelations(discourse: Discourse, entities: Entity[], roles: Role[], doc: string): Relation[] {
  const typed = discourse.views.flatMap((view) => sentenceRelations(discourse, view, doc));
  const related = discourse.views.flatMap((view) => relatedLinks(discourse, view, doc, typed));
  const all = [...typed, ...related, ...structural(discourse, entities, roles, doc)];
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = `${r.type}|${r.source}|${r.target}|${r.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
