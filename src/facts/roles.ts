/**
 * Offices people hold, from the four ways news copy states them:
 * - before the name: `chief electoral officer Ana Ruiz`,
 *   `Labour Leader Keir Starmer`, `U.S. President Joe Biden`
 * - an appositive after it: `Ana Ruiz, deputy director of operations at
 *   the National Security Agency, said`
 * - a relative clause: `X, who serves as a senior advisor to Y`
 * - a title with the name as its appositive: `Its leader, X,`, `Reform’s deputy chairman, X,`
 * The organisation is the agency, company, party or state named in the title.
 */
import type { Entity, Role } from '../types.js';
import { isHonorific, isPolicyArea, isPortfolio, isTitleHead, isTitleModifier, isTitleWord, spelledTitle } from '../lexicons/index.js';
import { has } from '../recognize/tokens.js';
import { toOriginal } from '../normalize/index.js';
import { isPossessor, located, tokenAfter, tokenAt, type Discourse, type Located, type SentenceView } from './discourse.js';
import type { Token } from '../recognize/index.js';

const HOLDERS = new Set(['Agency', 'Organization', 'Party', 'State']);
/** Words that say when, not what: `new Liberal Leader` holds the office `Leader`. */
const TRANSIENT = /^(new|newly|current|incoming|recently)$/i;

function role(discourse: Discourse, view: SentenceView, person: Entity, title: string, start: number, end: number, organization?: Entity): Role {
  const spelled = title.split(' ').map(spelledTitle).join(' ');
  const r: Role = { doc: '', sentence: view.sentence.index, ...toOriginal(discourse.norm, start, end), person: person.id, title: spelled };
  if (organization) r.organization = organization.id;
  return r;
}

/** `analyst Dr`: a courtesy honorific next to an office is no part of it. */
function officeWords(words: string[]): string[] {
  const office = words.filter((w) => !isHonorific(w) || isTitleHead(w) || isTitleModifier(w));
  return office.length > 0 ? office : words;
}

/**
 * Walking back from a name: put title word `t` in front of `words`
 * (`secretary-` joins `general`; `new` says when, not what), or say it is none.
 */
function prependTitleWord(words: string[], t: Token): boolean {
  if (!isTitleWord(t.text) || has(t, 'Determiner')) return false;
  if (t.post === '-' && words.length > 0) words[0] = `${t.text}-${words[0]}`;
  else if (!TRANSIENT.test(t.text)) words.unshift(t.text);
  return true;
}

/** Title words right before a person's name. */
function preNominal(discourse: Discourse, view: SentenceView, person: Located): Role | undefined {
  const first = tokenAt(view, person.mention.normStart);
  let k = first - 1;
  const words: string[] = [];
  let organization: Entity | undefined;
  let start = person.mention.normStart;
  while (k >= 0) {
    const t = view.tokens[k]!;
    if (!/^\s*$/.test(t.post) && !/^\.\s*$/.test(t.post) && t.post !== '-') break;
    const at = located(view, t);
    if (at && at.entity !== person.entity && HOLDERS.has(at.entity.kind)) {
      organization ??= at.entity;
      start = at.mention.normStart;
      k = tokenAt(view, at.mention.normStart) - 1;
      continue;
    }
    // `Minister of Food and Agriculture`: a portfolio, and the words joining it to its title.
    // (A joining word only inside the portfolio, before its title head is reached: `spokesman for Finance Minister X` is two offices.)
    const portfolio = isPortfolio(t.text) || (words.length > 0 && !words.some(isTitleHead) && /^(of|for|and)$/i.test(t.text));
    if (!prependTitleWord(words, t) && !(portfolio && words.unshift(t.text))) break;
    start = t.start;
    k--;
  }
  while (/^(of|for|and)$/i.test(words[0] ?? '')) {
    words.shift();
    start = view.tokens[tokenAt(view, start) + 1]!.start;
  }
  while (/^(of|for|and)$/i.test(words[words.length - 1] ?? '')) words.pop();
  if (!words.some(isTitleHead)) return undefined;
  let end = person.mention.normEnd;
  // `Political scientist Ursula Demir of the Free University of Berlin`: the organisation follows the name.
  const affiliation = organization ? undefined : affiliationAfter(view, person);
  if (affiliation) {
    organization = affiliation.entity;
    end = affiliation.mention.normEnd;
  }
  return role(discourse, view, person.entity, officeWords(words).join(' '), start, end, organization);
}

/** `X of the Free University of Berlin`, `X at Sciences Po`: an organisation right after a name. */
function affiliationAfter(view: SentenceView, person: Located): Located | undefined {
  const i = tokenAfter(view, person.mention.normEnd);
  const prep = view.tokens[i];
  if (!prep || !/^(of|at)$/i.test(prep.text) || !/^\s*$/.test(view.tokens[i - 1]?.post ?? ',')) return undefined;
  const j = /^the$/i.test(view.tokens[i + 1]?.text ?? '') ? i + 2 : i + 1;
  const at = view.tokens[j] && located(view, view.tokens[j]!);
  return at && HOLDERS.has(at.entity.kind) && at.mention.form !== 'demonym' && at.mention.normStart === view.tokens[j]!.start ? at : undefined;
}

/** The organisation an `its`/`their`/`the party's` before token `k` points back to: the nearest one named before. */
function antecedent(discourse: Discourse, view: SentenceView, k: number, noun?: string): Entity | undefined {
  const wanted = noun && /^part(y|ies)$/i.test(noun) ? 'Party' : undefined;
  const fits = (l: Located) => HOLDERS.has(l.entity.kind) && l.mention.form !== 'demonym' && (!wanted || l.entity.kind === wanted);
  // `The Parliament’s largest group, the EPP, …`: a possessive modifies the noun after it, it is not the referent.
  const before = view.located.filter((l) => l.mention.normEnd <= view.tokens[k]!.start && fits(l) && !isPossessor(view, l));
  if (before.length > 0) return before[before.length - 1]!.entity;
  const previous = discourse.views[view.sentence.index - 1];
  return previous?.located.find((l) => fits(l) && !isPossessor(previous, l))?.entity;
}

/**
 * A title, then the name as its appositive: `Its co-leader, Bernd Klausmeier,`,
 * `Reform’s deputy chairman, Stuart Hollis,`, `the sitting Labour MP, Derek Ashworth,`.
 */
function titleThenName(discourse: Discourse, view: SentenceView, person: Located): Role | undefined {
  const first = tokenAt(view, person.mention.normStart);
  if (!/^\s*,\s*$/.test(view.tokens[first - 1]?.post ?? '')) return undefined;
  const words: string[] = [];
  let organization: Entity | undefined;
  let start = person.mention.normStart;
  for (let k = first - 1; k >= 0; k--) {
    const t = view.tokens[k]!;
    if (k < first - 1 && !/^\s*$/.test(t.post) && t.post !== '-') break;
    const possessive = /['’]s$/.test(t.text);
    const at = located(view, t);
    if (at && at.entity !== person.entity) {
      if (at.entity.kind === 'Person') break;
      if (HOLDERS.has(at.entity.kind) && at.mention.form !== 'demonym') organization ??= at.entity;
      start = at.mention.normStart;
      k = tokenAt(view, at.mention.normStart);
      if (possessive) break;
      continue;
    }
    if (/^(its|their)$/i.test(t.text) || (possessive && /^\p{Ll}/u.test(t.text))) {
      organization ??= antecedent(discourse, view, k, t.text.replace(/['’]s$/, ''));
      start = t.start;
      break;
    }
    if (!prependTitleWord(words, t)) break;
    start = t.start;
  }
  if (!words.some(isTitleHead)) return undefined;
  return role(discourse, view, person.entity, officeWords(words).join(' '), start, person.mention.normEnd, organization);
}

/** `, deputy director of operations at the Canadian Security Intelligence Service,` */
function appositive(discourse: Discourse, view: SentenceView, person: Located): Role | undefined {
  const i = tokenAfter(view, person.mention.normEnd);
  const last = view.tokens[i - 1];
  if (!last || !/^\s*,\s*$/.test(last.post)) return undefined;
  const tokens: typeof view.tokens = [];
  for (let k = i; k < view.tokens.length; k++) {
    const t = view.tokens[k]!;
    if (k === i && (has(t, 'Verb') || /^(who|which|that)$/i.test(t.text))) return undefined;
    tokens.push(t);
    const next = view.tokens[k + 1];
    // The appositive ends at a comma or dash before a new phrase (`X, a polling expert at Y, the result …`,
    // `…, said`), not inside a list of its own (`bureau of cyber, critical technology and …`).
    if (!next || (/[,;—–]/.test(t.post) && !(/^\s*,\s*$/.test(t.post) && /^\p{Ll}/u.test(next.text) && !has(next, 'Determiner', 'Verb', 'Pronoun', 'Preposition', 'Conjunction', 'Adverb')))) break;
    if (/[.!?”]/.test(t.post)) break;
  }
  // Skip a leading article or adverb: `, a senior advisor …`, `, also a member …`
  while (tokens[0] && has(tokens[0], 'Determiner', 'Adverb')) tokens.shift();
  if (tokens.length === 0 || tokens.length > 25) return undefined;
  // `Discussing the claims against Ana Ruiz, former envoy Ben Ode told the host …`: another person, the
  // subject of a verb, opens a clause of its own; the title before that name is theirs, not this person's.
  if (tokens.some((t) => subjectOfVerb(view, t, person.entity))) return undefined;
  // `, of President Ruto’s UDA,` is an affiliation, not an office; `a member of X` is a membership (relations).
  if (has(tokens[0], 'Preposition') || /^members?$/i.test(tokens[0]!.text)) return undefined;
  if (!tokens.slice(0, 6).some((t) => isTitleHead(t.text.toLowerCase()))) return undefined;
  // `, the NPP’s spokesman on agriculture,`: the organisation owns the office.
  const owner = /['’]s$/.test(tokens[0]!.text) ? located(view, tokens[0]!) : undefined;
  if (owner && HOLDERS.has(owner.entity.kind) && owner.mention.form !== 'demonym' && tokens.length > 1) {
    const rest = tokens.slice(1);
    const title = discourse.norm.text.slice(rest[0]!.start, rest[rest.length - 1]!.end).replace(/[\s,;.]+$/, '');
    return role(discourse, view, person.entity, title, tokens[0]!.start, rest[rest.length - 1]!.end, owner.entity);
  }
  if (/^\p{Lu}/u.test(tokens[0]!.text) && !isTitleWord(tokens[0]!.text)) return undefined; // a list of names, not a title
  return titleWithOrganization(discourse, view, person, tokens);
}

/** Whether the token ends another person's name and a verb comes right after it. */
function subjectOfVerb(view: SentenceView, t: Token, person: Entity): boolean {
  const at = located(view, t);
  if (!at || at.entity === person || at.entity.kind !== 'Person' || at.mention.normEnd !== t.end || /[,;—–]/.test(t.post)) return false;
  const next = view.tokens[tokenAfter(view, t.end)];
  return next !== undefined && has(next, 'Verb') && !has(next, 'Gerund', 'PastParticiple');
}

/** `X, who serves as a senior advisor to Y` / `X, who is the chair of Z` */
function relativeClause(discourse: Discourse, view: SentenceView, person: Located): Role | undefined {
  const i = tokenAfter(view, person.mention.normEnd);
  const t0 = view.tokens[i];
  const t1 = view.tokens[i + 1];
  const t2 = view.tokens[i + 2];
  if (!t0 || !/^who$/i.test(t0.text) || !t1) return undefined;
  let k = i + 1;
  if (/^(serves|served|works|worked|acts|acted)$/i.test(t1.text) && /^as$/i.test(t2?.text ?? '')) k = i + 3;
  else if (/^(is|was|has been|became)$/i.test(t1.text)) k = i + 2;
  else return undefined;
  const tokens: typeof view.tokens = [];
  for (; k < view.tokens.length; k++) {
    const t = view.tokens[k]!;
    if (/^(and|but)$/i.test(t.text) && tokens.length > 0) break;
    tokens.push(t);
    if (/[,;—–.!?]/.test(t.post)) break;
  }
  while (tokens[0] && has(tokens[0], 'Determiner')) tokens.shift();
  if (!tokens.slice(0, 5).some((t) => isTitleHead(t.text.toLowerCase()))) return undefined;
  return titleWithOrganization(discourse, view, person, tokens);
}

/** Split `title at|of|for ORGANISATION` into the title and the organisation named last. */
function titleWithOrganization(discourse: Discourse, view: SentenceView, person: Located, tokens: typeof view.tokens): Role {
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const orgs = view.located.filter((l) => l.mention.normStart >= start && l.mention.normEnd <= end && HOLDERS.has(l.entity.kind) && l.mention.form !== 'demonym');
  const organization = orgs[orgs.length - 1];
  let titleEnd = end;
  if (organization) {
    // Cut `at the Canadian Security Intelligence Service` off the title when the name ends it.
    const before = discourse.norm.text.slice(start, organization.mention.normStart);
    const cut = /\s+(?:at|of|with|for|in|from)\s+(?:the\s+)?$/i.exec(before);
    if (cut && organization.mention.normEnd >= end - 1) titleEnd = start + cut.index;
  }
  // `a Labor premier and close ally of Mr Albanese`: the office ends where a second description begins.
  const second = /\s+and\s+(?:a\s+|an\s+)?(?:close\s+|long-?time\s+|former\s+)?(?:ally|friend|critic|rival|member|supporter|opponent|confidant)\b/i.exec(discourse.norm.text.slice(start, titleEnd));
  if (second) titleEnd = start + second.index;
  const title = discourse.norm.text.slice(start, titleEnd).replace(/[\s,;.]+$/, '');
  const holder = organization && organization.mention.normStart < titleEnd ? organization.entity : undefined;
  return role(discourse, view, person.entity, title, start, end, second ? holder : organization?.entity);
}

/**
 * The institution an office belongs to, when the text names it once:
 * a senator's Senate, an agriculture secretary's Department of Agriculture,
 * a finance minister's Ministry of Finance.
 */
function institutionOf(title: string, agencies: Entity[]): Entity | undefined {
  const words = title.toLowerCase().split(/[\s-]+/);
  const areas = words.filter(isPolicyArea);
  const fits = agencies.filter((a) => {
    const name = a.name.toLowerCase();
    if (words.includes('senator')) return /\bsenate$/.test(name);
    if (words.some((w) => /^(representative|congressman|congresswoman|congressmember)$/.test(w))) return /\bhouse of representatives$/.test(name);
    return areas.length > 0 && /\b(ministry|department)\b/.test(name) && areas.every((w) => name.includes(w));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

export function extractRoles(discourse: Discourse, doc: string): Role[] {
  const roles: Role[] = [];
  const seen = new Set<string>();
  const agencies = [...new Set(discourse.views.flatMap((v) => v.located.map((l) => l.entity)).filter((e) => e.kind === 'Agency'))];
  for (const view of discourse.views) {
    for (const person of view.located) {
      if (person.entity.kind !== 'Person' || person.mention.form === 'pronoun') continue;
      const founds = [preNominal, titleThenName, appositive, relativeClause].map((find) => find(discourse, view, person));
      for (const found of founds) {
        if (!found) continue;
        const institution = found.organization ? undefined : institutionOf(found.title, agencies);
        if (institution) Object.assign(found, { organization: institution.id, inferred: true });
        const key = `${found.person}|${found.title.toLowerCase()}|${found.organization ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        roles.push({ ...found, doc });
      }
    }
  }
  return roles;
}
