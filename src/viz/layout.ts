/**
 * A deterministic, label-aware layout computed in Node before the page is
 * written, so the viewer opens settled and two runs give the same picture:
 *
 *   1. start positions from a hash of each node key (no Math.random);
 *   2. ForceAtlas2 for a fixed number of iterations;
 *   3. scale into a reference viewport measured in pixels;
 *   4. noverlap, treating each node together with its label as one disc,
 *      so labels do not overlap at the reference size (the viewer scales
 *      fonts with the zoom that fits the graph, keeping that property).
 *
 * Document nodes (linked to every entity) would pull everything into a star;
 * they are laid out apart, above the rest.
 */
import type { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import type { NewsGraph } from '../types.js';
import { projection, seededRandom } from './structure.js';

// Both packages are CommonJS whose typings declare a default export: under NodeNext the
// default import is `module.exports` itself, which is that function.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const noverlap = noverlapModule as unknown as typeof noverlapModule.default;

export interface Point {
  x: number;
  y: number;
}

/** What the layout needs to know about each node's footprint on screen. */
export interface Footprint {
  /** Node radius in reference pixels. */
  size: number;
  /** Label width in reference pixels (0 when the label is only shown on hover). */
  labelWidth: number;
}

export interface LayoutOptions {
  iterations?: number;
  /** Each node's community (structure.ts): edges inside one pull harder, so communities are drawn as groups. */
  communities?: Map<string, number>;
  /** Reference viewport, in pixels. */
  width?: number;
  height?: number;
  /** Font size the label widths were measured for. */
  fontSize?: number;
}

/** About the graph area of a 1440×900 window beside the viewer's side panel. */
export const REFERENCE = { width: 1080, height: 820, fontSize: 13 } as const;

/** Gap between a node and its label, and between neighbouring footprints, in reference pixels. */
const LABEL_GAP = 4;
const MARGIN = 6;

/** Width of a label in pixels: an average sans-serif glyph is a bit over half the font size wide. */
export function estimateLabelWidth(label: string, fontSize: number = REFERENCE.fontSize): number {
  return Math.ceil(label.length * fontSize * 0.58) + 4;
}

/** FNV-1a, 32 bits: a stable number from a string, for start positions and seeding. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * noverlap jitters nodes that sit on exactly the same spot with Math.random;
 * run it with a seeded generator so the output never varies.
 */
function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

function bounds(points: Iterable<Point>): { minX: number; maxX: number; minY: number; maxY: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { minX, maxX, minY, maxY };
}

/** Edges inside a community pull this many times harder: a corpus reads as its clusters, not a hairball. */
const COMMUNITY_PULL = 3;

/** The graph the forces act on (structure.ts's projection), started from hashed positions, communities pulled together. */
function forceGraph(graph: NewsGraph, footprints: Map<string, Footprint>, communities?: Map<string, number>): UndirectedGraph {
  const layoutGraph = projection(graph);
  layoutGraph.forEachNode((key) => {
    const h = hash32(key);
    const angle = (h / 4294967296) * 2 * Math.PI;
    const radius = 10 + (hash32(key, 0x9747b28c) / 4294967296) * 90;
    layoutGraph.mergeNodeAttributes(key, { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, size: footprints.get(key)?.size ?? 5 });
  });
  if (communities) {
    layoutGraph.forEachEdge((edge, attrs, source, target) => {
      const same = communities.get(source) !== undefined && communities.get(source) === communities.get(target);
      if (same) layoutGraph.setEdgeAttribute(edge, 'weight', (attrs.weight as number) * COMMUNITY_PULL);
    });
  }
  return layoutGraph;
}

/** Node count above which ForceAtlas2 approximates repulsion (Barnes-Hut) instead of computing every pair. */
const BARNES_HUT_ABOVE = 400;

/** Rounds of the exact box pass; a graph this crowded keeps what overlap remains (the viewer then lets sigma pick labels). */
const BOX_ROUNDS = 1000;

/**
 * noverlap works on discs and can stop just short of convergence; this pass
 * removes what overlap remains between the real boxes (node plus label),
 * nudging each overlapping pair apart along the axis where they overlap
 * least. Sweep and prune: boxes sorted by left edge, each compared only with
 * those starting before it ends. A round that moves nothing saw the current
 * positions exactly, so it proves there is no overlap left. Deterministic:
 * ties in the order are broken by key.
 */
function separateBoxes(positions: Map<string, Point>, footprints: Map<string, Footprint>, fontSize: number): void {
  const half = (key: string) => {
    const fp = footprints.get(key) ?? { size: 5, labelWidth: 0 };
    const labelled = fp.labelWidth > 0;
    return {
      left: fp.size + MARGIN / 2,
      right: fp.size + (labelled ? LABEL_GAP + fp.labelWidth : 0) + MARGIN / 2,
      vertical: Math.max(fp.size, labelled ? fontSize * 0.6 : 0) + MARGIN / 2,
    };
  };
  const items = [...positions.keys()].sort().map((key) => ({ key, at: positions.get(key)!, extent: half(key) }));
  // On big graphs each round costs more and matters less (the viewer lets sigma pick labels there).
  const rounds = items.length > 1500 ? BOX_ROUNDS / 5 : BOX_ROUNDS;
  for (let round = 0; round < rounds; round++) {
    items.sort((p, q) => p.at.x - p.extent.left - (q.at.x - q.extent.left) || (p.key < q.key ? -1 : 1));
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      const { at: a, extent: ea } = items[i]!;
      for (let j = i + 1; j < items.length; j++) {
        const { at: b, extent: eb } = items[j]!;
        if (b.x - eb.left >= a.x + ea.right) break;
        // Penetration depths along x (either order) and y.
        const ox = Math.min(a.x + ea.right - (b.x - eb.left), b.x + eb.right - (a.x - ea.left));
        const oy = ea.vertical + eb.vertical - Math.abs(a.y - b.y);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (oy <= ox) {
          const push = oy / 2 + 0.5;
          const sign = a.y <= b.y ? -1 : 1;
          a.y += sign * push;
          b.y -= sign * push;
        } else {
          const push = ox / 2 + 0.5;
          const sign = a.x < b.x ? -1 : 1;
          a.x += sign * push;
          b.x -= sign * push;
        }
      }
    }
    if (!moved) return;
  }
}

/** Area the nodes' boxes (node plus label, with margins) take, doubled for the gaps between them. */
function roomNeeded(keys: string[], footprints: Map<string, Footprint>, fontSize: number): number {
  let area = 0;
  for (const key of keys) {
    const fp = footprints.get(key) ?? { size: 5, labelWidth: 0 };
    const w = 2 * fp.size + (fp.labelWidth > 0 ? LABEL_GAP + fp.labelWidth : 0) + MARGIN;
    const h = 2 * Math.max(fp.size, fp.labelWidth > 0 ? fontSize * 0.6 : 0) + MARGIN;
    area += w * h;
  }
  return 2 * area;
}

/**
 * Documents (linked to every entity they mention) would pull the drawing into
 * a star, so they sit apart: rows above the drawing, centred, each document
 * as wide as its node and label, rows no wider than the drawing (a corpus of
 * many articles wraps instead of making one endless row).
 */
function placeDocuments(graph: NewsGraph, footprints: Map<string, Footprint>, positions: Map<string, Point>, fontSize: number): void {
  const documents = graph.filterNodes((_key, attrs) => attrs.kind === 'Document').sort();
  if (documents.length === 0) return;
  const box = positions.size > 0 ? bounds(positions.values()) : { minX: 0, maxX: 0, minY: 0, maxY: 0 };
  const widthOf = (key: string) => {
    const fp = footprints.get(key) ?? { size: 5, labelWidth: 0 };
    return 2 * fp.size + (fp.labelWidth > 0 ? LABEL_GAP + fp.labelWidth : 0) + 3 * MARGIN;
  };
  const maxRow = Math.max(box.maxX - box.minX, 600);
  const rows: string[][] = [[]];
  let used = 0;
  for (const key of documents) {
    const row = rows[rows.length - 1]!;
    if (row.length > 0 && used + widthOf(key) > maxRow) {
      rows.push([key]);
      used = widthOf(key);
    } else {
      row.push(key);
      used += widthOf(key);
    }
  }
  const rowHeight = Math.max(2 * Math.max(...documents.map((key) => footprints.get(key)?.size ?? 5)), fontSize * 1.2) + 2 * MARGIN;
  const centre = (box.minX + box.maxX) / 2;
  // The row nearest the drawing first; later rows stack upward (y grows downward).
  rows.forEach((row, r) => {
    const total = row.reduce((sum, key) => sum + widthOf(key), 0);
    let x = centre - total / 2;
    for (const key of row) {
      const size = footprints.get(key)?.size ?? 5;
      positions.set(key, { x: x + size + 1.5 * MARGIN, y: box.minY - 60 - r * rowHeight });
      x += widthOf(key);
    }
  });
}

/**
 * Positions for every node of `graph`, in reference pixels (y grows downward
 * as on screen; the viewer flips it for sigma).
 */
export function layoutGraph(
  graph: NewsGraph,
  footprints: Map<string, Footprint>,
  options: LayoutOptions = {},
): Map<string, Point> {
  const width = options.width ?? REFERENCE.width;
  const height = options.height ?? REFERENCE.height;
  const fontSize = options.fontSize ?? REFERENCE.fontSize;
  const g = forceGraph(graph, footprints, options.communities);
  // Fewer iterations on big corpus graphs: Barnes-Hut ForceAtlas2 settles them sooner, and each costs more.
  const iterations = options.iterations ?? (g.order <= 500 ? 600 : Math.max(100, Math.round((600 * 500) / g.order)));
  const positions = new Map<string, Point>();

  if (g.order > 0) {
    if (g.order > 1) {
      // Stronger gravity than inferred: keeps small disconnected groups near the rest instead of at the far edges.
      // Barnes-Hut above a few hundred nodes: exact repulsion is quadratic, and a corpus graph has thousands.
      const settings = { ...forceAtlas2.inferSettings(g), gravity: 1, barnesHutOptimize: g.order > BARNES_HUT_ABOVE, adjustSizes: false };
      forceAtlas2.assign(g, { iterations, settings, getEdgeWeight: 'weight' });
    }
    // Fit into the reference viewport, keeping the aspect ratio.
    const box = bounds(g.mapNodes((_key, attrs) => attrs as Point));
    const spanX = box.maxX - box.minX || 1;
    const spanY = box.maxY - box.minY || 1;
    // A graph whose node-and-label boxes need more room than the viewport is first spread to
    // about that room, so noverlap only settles local collisions (on a corpus it would otherwise
    // crawl for minutes); the viewer then shrinks the drawing and lets sigma choose labels.
    const room = roomNeeded(g.nodes(), footprints, fontSize);
    const spread = Math.max(1, Math.sqrt(room / (width * height)));
    const scale = g.order > 1 ? Math.min(width / spanX, height / spanY) * spread : 1;
    g.forEachNode((key, attrs) => {
      g.mergeNodeAttributes(key, {
        x: (attrs.x - box.minX - spanX / 2) * scale,
        y: (attrs.y - box.minY - spanY / 2) * scale,
      });
    });
    // Each node and its label (to the right) form a box centred on the pair. noverlap separates
    // discs, so it runs in a space squeezed horizontally by `stretch` (about the boxes' typical
    // width/height ratio), where the boxes are nearly round; each box gets the disc around it there.
    const boxes = new Map<string, { dx: number; radius: number }>();
    const ratios: number[] = [];
    const halfHeight = (fp: Footprint) => Math.max(fp.size, fontSize * 0.6);
    g.forEachNode((key) => {
      const fp = footprints.get(key) ?? { size: 5, labelWidth: 0 };
      const dx = fp.labelWidth > 0 ? (LABEL_GAP + fp.labelWidth) / 2 : 0;
      if (fp.labelWidth > 0) ratios.push((fp.size + dx) / halfHeight(fp));
    });
    ratios.sort((a, b) => a - b);
    const stretch = Math.min(3, Math.max(1, ratios[Math.floor(ratios.length / 2)] ?? 1));
    g.forEachNode((key) => {
      const fp = footprints.get(key) ?? { size: 5, labelWidth: 0 };
      const dx = fp.labelWidth > 0 ? (LABEL_GAP + fp.labelWidth) / 2 : 0;
      const halfWidth = (fp.size + dx) / stretch;
      boxes.set(key, { dx, radius: Math.hypot(halfWidth, fp.labelWidth > 0 ? halfHeight(fp) : fp.size) });
    });
    const moved = withSeededRandom(hash32(g.nodes().join('\n')), () =>
      noverlap(g, {
        maxIterations: g.order > 1500 ? 100 : 1000,
        settings: { margin: MARGIN / 2, ratio: 1, expansion: 1.05, gridSize: 20, speed: 3 },
        inputReducer: (key, attrs) => {
          const box = boxes.get(key) ?? { dx: 0, radius: 5 };
          return { x: (attrs.x + box.dx) / stretch, y: attrs.y, size: box.radius };
        },
        outputReducer: (key, pos) => ({ x: pos.x * stretch - (boxes.get(key)?.dx ?? 0), y: pos.y }),
      }),
    );
    for (const key of g.nodes()) {
      const pos = moved[key];
      if (pos) positions.set(key, { x: pos.x, y: pos.y });
    }
    separateBoxes(positions, footprints, fontSize);
  }

  placeDocuments(graph, footprints, positions, fontSize);
  return positions;
}
