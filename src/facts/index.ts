/**
 * Stage 5: facts. From sentences, tokens and resolved entities to quotes
 * (with speakers), roles and relations, each with provenance.
 */
import type { Entity, Mention, NormalizedText, Quote, Relation, Role, Sentence } from '../types.js';
import type { Token } from '../recognize/index.js';
import { buildViews, isQuoted, mainSubjectOf, opensWithDescribedPerson, subjects as subjectsOf, type Discourse, type Focus, type Located, type Referent, type SentenceView } from './discourse.js';
import { findQuoteSpans } from './attribution/marks.js';
import { extractQuotes, type Titled } from './attribution/index.js';
import { extractRoles } from './roles.js';
import { extractRelations } from './relations.js';

export interface Facts {
  quotes: Quote[];
  roles: Role[];
  relations: Relation[];
}

/** How many recent subjects a pronoun may reach back to. */
const FOCUS_DEPTH = 3;

/**
 * Who a he/she at the start of each sentence most likely means: the last
 * person subject or speaker. Tracked twice: over every sentence
 * (`focusBefore`), and over the narrative alone, quoted words left out
 * (`focusOutside`, for a pronoun attributing a quote that names its usual
 * antecedent).
 */
function trackFocus(discourse: Discourse): void {
  const all = focusTracker();
  const narrative = focusTracker();
  for (const view of discourse.views) {
    discourse.focusBefore[view.sentence.index] = all.focus();
    discourse.focusOutside[view.sentence.index] = narrative.focus();
    // (`The prince said he was struck …`: an unnamed person is the subject, whoever a pronoun after it was read as.)
    const described = opensWithDescribedPerson(view);
    const subjects = described ? [] : subjectsOf(view, discourse);
    all.read(view, described, subjects);
    // (A sentence wholly in quotation marks is someone's words, not the narrative.)
    const outside = (at: number) => !isQuoted(discourse, at);
    if (view.tokens.some((t) => outside(t.start))) {
      narrative.read({ ...view, located: view.located.filter((l) => outside(l.mention.normStart)) }, described, subjects.filter((r) => outside(r.start)));
    }
  }
}

/** The focus state over the sentences read so far. */
function focusTracker() {
  let recent: Entity[] = [];
  let previous: { subject?: Entity; persons: Entity[]; described?: boolean } = { persons: [] };
  return {
    focus(): Focus {
      const candidates = [...new Set([...previous.persons, ...recent])];
      const focus: Focus = previous.subject ? { subject: previous.subject, candidates, subjects: recent } : { candidates, subjects: recent };
      if (previous.described) focus.described = true;
      return focus;
    },
    read(view: SentenceView, described: boolean, subjects: Referent[]): void {
      const subject = mainSubjectOf(view, subjects);
      const person = subject && subject.entity.kind === 'Person' ? subject.entity : undefined;
      if (person) recent = [person, ...recent.filter((e) => e !== person)].slice(0, FOCUS_DEPTH);
      const persons = [...new Set(view.located.filter((l) => l.entity.kind === 'Person' && l.mention.form !== 'pronoun').map((l) => l.entity))];
      previous = person ? { subject: person, persons } : described ? { persons, described } : { persons };
    },
  };
}

/** A person's gender from the first name compromise knows or an honorific before the name. */
function trackGender(discourse: Discourse): void {
  for (const view of discourse.views) {
    for (const l of view.located) {
      if (l.entity.kind !== 'Person' || l.mention.form !== 'name' || discourse.gender.has(l.entity)) continue;
      const i = view.tokens.findIndex((t) => t.start === l.mention.normStart);
      const first = view.tokens[i];
      const before = view.tokens[i - 1]?.text.toLowerCase() ?? '';
      if (/^(mr|sir|lord|king|prince)$/.test(before)) discourse.gender.set(l.entity, 'male');
      else if (/^(mrs|ms|miss|madam|dame|lady|queen|princess)$/.test(before)) discourse.gender.set(l.entity, 'female');
      else if (first && first.tags.has('MaleName') !== first.tags.has('FemaleName')) discourse.gender.set(l.entity, first.tags.has('MaleName') ? 'male' : 'female');
    }
  }
}

export function extractFacts(
  norm: NormalizedText,
  sentences: Sentence[],
  tokens: Token[][],
  entities: Entity[],
  entityOf: Map<Mention, Entity>,
  doc: string,
): Facts {
  const located: Located[] = [...entityOf.entries()].map(([mention, entity]) => ({ mention, entity }));
  const discourse: Discourse = { norm, views: buildViews(sentences, tokens, located), focusBefore: [], focusOutside: [], gender: new Map(), quotes: findQuoteSpans(norm.text) };
  trackGender(discourse);
  trackFocus(discourse);
  const roles = extractRoles(discourse, doc);
  // `the minister said`: a description points back to the person the article gave that title.
  const byId = new Map(entities.map((e) => [e.id, e]));
  const titled: Titled[] = roles.flatMap((r) => {
    const entity = byId.get(r.person);
    return entity ? [{ entity, title: r.title.toLowerCase(), sentence: r.sentence }] : [];
  });
  const quotes = extractQuotes(discourse, doc, titled);
  const relations = extractRelations(discourse, entities, roles, doc);
  return { quotes, roles, relations };
}
