/**
 * How kinds and relation types look: one palette shared by the HTML viewer
 * and the Gephi exports, so a node has the same colour everywhere.
 */
import type { EdgeType, NodeKind } from '../types.js';

/** Legend order: entities first, then quotes and documents. */
export const KIND_ORDER: NodeKind[] = ['Person', 'Agency', 'State', 'Party', 'Organization', 'Place', 'Quote', 'Document'];

/** Colour-blind-friendly (Okabe–Ito based) palette, dark enough for white backgrounds. */
export const KIND_COLORS: Record<NodeKind, string> = {
  Person: '#d55e00',
  Agency: '#0072b2',
  State: '#009e73',
  Party: '#cc79a7',
  Organization: '#e69f00',
  Place: '#56b4e9',
  Quote: '#8c8c8c',
  Document: '#4d4d4d',
};

export const UNKNOWN_KIND_COLOR = '#999999';

export function kindColor(kind: string): string {
  return (KIND_COLORS as Record<string, string>)[kind] ?? UNKNOWN_KIND_COLOR;
}

export const EDGE_COLORS: Record<EdgeType | 'SAID_ABOUT', string> = {
  SAID: '#b8b8b8',
  ABOUT: '#cfcfcf',
  SAID_ABOUT: '#c4c4c4',
  HOLDS_ROLE: '#6b8fb5',
  MEMBER_OF: '#8fa8c4',
  SUPPORTS: '#4e9a6b',
  OPPOSES: '#c0504d',
  TARGETED: '#a0522d',
  PART_OF: '#9aa7b4',
  RELATED: '#b0b0b0',
  MENTIONED_IN: '#e2e2e2',
};

export function edgeColor(type: string): string {
  return (EDGE_COLORS as Record<string, string>)[type] ?? '#cccccc';
}

/** The edge legend, in reading order: the typed relations first, then quotes and mentions. */
export const EDGE_LEGEND: ReadonlyArray<{ type: EdgeType | 'SAID_ABOUT'; label: string }> = [
  { type: 'SUPPORTS', label: 'supports' },
  { type: 'OPPOSES', label: 'opposes' },
  { type: 'TARGETED', label: 'targeted' },
  { type: 'MEMBER_OF', label: 'member of' },
  { type: 'HOLDS_ROLE', label: 'holds role' },
  { type: 'PART_OF', label: 'part of' },
  { type: 'RELATED', label: 'related' },
  { type: 'SAID_ABOUT', label: 'spoke about (quotes folded)' },
  { type: 'SAID', label: 'said' },
  { type: 'ABOUT', label: 'quote about' },
  { type: 'MENTIONED_IN', label: 'mentioned in' },
];

/** Community colours (Tableau 10 and its light row), the largest community first. */
const COMMUNITY_COLORS = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f',
  '#2f6f9f', '#a0cbe8', '#ffbe7d', '#8cd17d', '#b6992d', '#86bcb6', '#d37295', '#fabfd2', '#d4a6c8',
];
/** Communities past the palette, and those of one or two nodes, share one grey. */
export const MINOR_COMMUNITY_COLOR = '#b5b5b5';

export function communityColor(id: number, size: number): string {
  return size > 2 ? (COMMUNITY_COLORS[id] ?? MINOR_COMMUNITY_COLOR) : MINOR_COMMUNITY_COLOR;
}

/** A graph with more entities shown than this labels only its most central ones until zoomed in… */
export const LABEL_ALL_UPTO = 150;
/** …this many at the fitted zoom; zooming in by 2 shows four times as many. */
export const CENTRAL_LABELS = 40;

/** Node radius in reference pixels: grows with the square root of mentions so one hub does not dwarf the rest. */
export function nodeSize(kind: string, mentions: number | undefined): number {
  if (kind === 'Quote') return 3;
  if (kind === 'Document') return 9;
  const m = Math.max(1, mentions ?? 1);
  return Math.min(22, 4 + 3 * Math.sqrt(m));
}
