/** The side panel: a node's kind, aliases, roles, quotes (with speaker and source sentence) and relations. */
import type { NodeDetails, QuoteDetail, RelationDetail, SourceSentence } from '../payload.js';
import { clear, el } from './dom.js';

export type Select = (key: string) => void;

const RELATION_WORDS: Record<string, [string, string]> = {
  HOLDS_ROLE: ['holds a role at', 'has in a role'],
  MEMBER_OF: ['member of', 'has member'],
  SUPPORTS: ['supports', 'supported by'],
  OPPOSES: ['opposes', 'opposed by'],
  TARGETED: ['targeted', 'targeted by'],
  PART_OF: ['part of', 'includes'],
  RELATED: ['related to', 'related to'],
};

function link(ref: { key: string; name: string }, select: Select): HTMLButtonElement {
  const button = el('button', { className: 'link', title: `Show ${ref.name}` }, ref.name);
  button.type = 'button';
  button.addEventListener('click', () => select(ref.key));
  return button;
}

function source(sentence: SourceSentence | undefined): HTMLElement | null {
  if (!sentence) return null;
  // Plain text, not <q>: the sentence usually carries its own quotation marks.
  return el('div', { className: 'source' }, `Sentence ${sentence.index + 1}: `, el('span', { className: 'sentence' }, sentence.text));
}

function quoteItem(quote: QuoteDetail, select: Select): HTMLLIElement {
  const words = quote.direct ? `“${quote.text}”` : quote.text;
  const who = el(
    'div',
    { className: 'who' },
    '— ',
    quote.speaker ? link(quote.speaker, select) : el('span', { className: 'muted' }, 'unattributed'),
    quote.verb ? ` (${quote.verb})` : '',
    quote.direct ? '' : el('span', { className: 'muted' }, ' · reported'),
  );
  const about =
    quote.about.length > 0
      ? el('div', { className: 'source' }, 'About: ', ...quote.about.flatMap((ref, i) => [i > 0 ? ', ' : '', link(ref, select)]))
      : null;
  return el('li', { className: 'quote' }, el('blockquote', {}, words), who, about, source(quote.sentence));
}

function relationItem(relation: RelationDetail, select: Select): HTMLLIElement {
  const words = RELATION_WORDS[relation.type] ?? [relation.type.toLowerCase(), relation.type.toLowerCase()];
  const phrase = relation.direction === 'out' ? words[0] : words[1];
  const detail = [relation.title, relation.verb && relation.verb !== relation.title ? `“${relation.verb}”` : undefined]
    .filter(Boolean)
    .join(', ');
  return el(
    'li',
    { className: 'relation' },
    el('span', { className: 'muted' }, `${phrase} `),
    link(relation.other, select),
    detail ? ` (${detail})` : '',
    source(relation.sentence),
  );
}

function section(title: string, items: HTMLElement[]): HTMLElement | null {
  if (items.length === 0) return null;
  return el('div', { className: 'section' }, el('h3', {}, `${title} (${items.length})`), el('ul', { className: 'items' }, ...items));
}

export function renderPanel(panel: HTMLElement, details: NodeDetails, color: string, select: Select): void {
  clear(panel);
  const swatch = el('span', { className: 'swatch' });
  swatch.style.background = color;
  panel.append(
    el('div', { className: 'kind-badge' }, swatch, details.kind, details.mentions ? ` · ${details.mentions} mentions` : ''),
    el('h2', { className: 'name' }, details.kind === 'Quote' ? 'Quote' : details.name),
  );
  if (details.aliases.length > 0) panel.append(el('div', { className: 'aliases' }, `Also: ${details.aliases.join(', ')}`));
  for (const fact of details.facts) panel.append(el('div', { className: 'fact' }, el('span', { className: 'muted' }, `${fact.label}: `), fact.value));

  const roles = details.roles.map((role) =>
    el('li', {}, role.title, role.organization ? ', ' : '', role.organization ? link(role.organization, select) : null, source(role.sentence)),
  );
  const parts = [
    section('Roles', roles),
    section(details.kind === 'Quote' ? 'Quote' : 'Quotes', details.quotes.map((q) => quoteItem(q, select))),
    section('Quoted about', details.quotedAbout.map((q) => quoteItem(q, select))),
    section('Relations', details.relations.map((r) => relationItem(r, select))),
  ];
  for (const part of parts) if (part) panel.append(part);
  panel.hidden = false;
}
