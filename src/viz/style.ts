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

/** Node radius in reference pixels: grows with the square root of mentions so one hub does not dwarf the rest. */
export function nodeSize(kind: string, mentions: number | undefined): number {
  if (kind === 'Quote') return 3;
  if (kind === 'Document') return 9;
  const m = Math.max(1, mentions ?? 1);
  return Math.min(22, 4 + 3 * Math.sqrt(m));
}
