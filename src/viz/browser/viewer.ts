/**
 * The viewer's browser entry point (bundled by scripts/build-viewer.mjs):
 * reads the embedded payload, draws it with sigma, and wires hover
 * highlighting, the side panel, search and the kind filters.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { extremityArrow } from 'sigma/rendering';
import type { ViewerEdge, ViewerNode, ViewerPayload } from '../payload.js';
import { CENTRAL_LABELS, LABEL_ALL_UPTO } from '../style.js';
import { byId, clear, el } from './dom.js';
import { renderPanel } from './panel.js';

type NodeAttrs = ViewerNode;
type EdgeAttrs = ViewerEdge;

interface LabelBox {
  key: string;
  label: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Debug/test hook: what the end-to-end test reads. */
export interface ViewerHook {
  ready: boolean;
  error?: string;
  graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>;
  renderer?: unknown;
  select(key: string): void;
  visibleNodes(): string[];
  nodeViewport(key: string): { x: number; y: number };
  labelBoxes(): LabelBox[];
  fontSize(): number;
  nodeState(key: string): { isHidden: boolean; isActive: boolean; isHighlighted: boolean; isHovered: boolean };
  edgeHidden(key: string): boolean;
  /** The colour a node is drawn in now (by kind or by community). */
  nodeColor(key: string): string;
  /** How many of the most central nodes may be labelled at the current zoom (Infinity: all). */
  labelBudget(): number;
  /** A node's centrality rank among the nodes shown (0 the most central). */
  shownRank(key: string): number;
}

declare global {
  interface Window {
    __newsgraph?: ViewerHook;
  }
}

const MIN_FONT = 9;
const DIM_NODE = '#e6e6e6';
const DIM_LABEL = '#b5b5b5';
const DIM_EDGE = '#f1f1f1';

/** sigma with the viewer's styles: colour and size from the payload, dimming outside the active neighbourhood. */
function createRenderer(
  graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>,
  container: HTMLElement,
  fontSize: () => number,
  sizeScale: () => number,
  labelsCrowded: () => boolean,
  nodeColor: (attrs: NodeAttrs) => string,
  labelBudget: () => number,
  shownRank: (key: string) => number,
  roomForAll: boolean,
) {
  return new Sigma(graph, container, {
    primitives: { edges: { extremities: [extremityArrow({ lengthRatio: 4, widthRatio: 3 })] } },
    customNodeState: { isActive: false },
    customEdgeState: { isActive: false },
    customGraphState: { hasActive: false },
    settings: { labelRenderedSizeThreshold: 0, stagePadding: 40 },
    styles: {
      nodes: [
        {
          x: { attribute: 'x' },
          y: { attribute: 'y' },
          size: (attrs) => attrs.size * sizeScale(),
          color: (attrs) => nodeColor(attrs),
          label: { attribute: 'label' },
          labelSize: () => fontSize(),
          labelColor: '#1d1d1f',
          // A light plate keeps labels readable where edges pass behind them.
          labelBackgroundColor: 'rgba(255,255,255,0.78)',
          labelBackgroundPadding: 1,
          depth: 'nodes',
          visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
          // Quote labels are long: only on hover or when their neighbourhood is active.
          // When the window is too small for every label at a legible size, sigma's label grid picks which to show.
          labelVisibility: (attrs, state) => {
            if (state.isHovered || state.isActive || state.isHighlighted) return 'visible';
            if (attrs.kind === 'Quote') return 'hidden';
            // A corpus: only the most central nodes are labelled until zoomed in.
            if (shownRank(attrs.key) >= labelBudget()) return 'hidden';
            // Where the layout kept room for every label they all show; else sigma's grid picks those that fit.
            return labelsCrowded() || !roomForAll ? 'auto' : 'visible';
          },
          backdropVisibility: 'hidden',
          cursor: 'pointer',
        },
        {
          when: (_attrs, state, graphState) => graphState.hasActive && !state.isActive && !state.isHovered,
          then: { color: DIM_NODE, labelColor: DIM_LABEL },
        },
        {
          whenState: 'isHighlighted',
          then: { depth: 'topNodes', backdropVisibility: 'visible', backdropColor: '#fff6cc', backdropPadding: 4 },
        },
        {
          whenState: 'isHovered',
          then: {
            depth: 'topNodes',
            labelVisibility: 'visible',
            backdropVisibility: 'visible',
            backdropColor: '#ffffff',
            backdropShadowColor: 'rgba(0,0,0,0.35)',
            backdropShadowBlur: 10,
            backdropPadding: 5,
          },
        },
      ],
      edges: [
        {
          size: { attribute: 'size' },
          color: { attribute: 'color' },
          depth: 'edges',
          head: 'arrow',
          visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
        },
        {
          when: (_attrs, state, graphState) => graphState.hasActive && !state.isActive,
          then: { color: DIM_EDGE },
        },
        { whenState: 'isActive', then: { depth: 'topEdges' } },
      ],
    },
  });
}

type Renderer = ReturnType<typeof createRenderer>;

function readPayload(): ViewerPayload {
  const text = byId('newsgraph-data').textContent ?? '';
  return JSON.parse(text) as ViewerPayload;
}

function main(): void {
  const payload = readPayload();
  const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  for (const node of payload.nodes) graph.addNode(node.key, node);
  for (const edge of payload.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge);
  }

  const shownKinds = new Set(payload.legend.filter((entry) => entry.visible).map((entry) => entry.kind));
  const shownEdgeTypes = new Set(payload.edgeLegend.map((entry) => entry.type));
  const colors = new Map(payload.legend.map((entry) => [entry.kind, entry.color]));
  const communityColors = new Map(payload.communities.map((c) => [c.id, c.color]));
  let colorBy = payload.colorBy;
  const nodeColor = (attrs: NodeAttrs): string =>
    colorBy === 'community' && attrs.community !== undefined ? (communityColors.get(attrs.community) ?? attrs.color) : attrs.color;
  // Published dates (YYYY-MM-DD) of the documents; the range shown, inclusive (undefined: open).
  const dates = payload.documents.map((d) => d.published?.slice(0, 10));
  let dateFrom: string | undefined;
  let dateTo: string | undefined;
  const documentShown = (i: number): boolean => {
    const date = dates[i];
    return date === undefined || ((dateFrom === undefined || date >= dateFrom) && (dateTo === undefined || date <= dateTo));
  };
  let camera = 1;
  let shownCount = payload.nodes.length;
  // Centrality rank among the nodes shown (after filters), 0 the most central.
  let shownRanks = new Map<string, number>();
  const shownRank = (key: string): number => shownRanks.get(key) ?? Infinity;
  let selected: string | null = null;
  let hovered: string | null = null;
  // Layout units are reference pixels; `scale` is how many screen pixels one unit takes once sigma fits the graph.
  let scale = 1;
  const fontSize = (): number => Math.max(MIN_FONT, Math.min(15, payload.reference.fontSize * scale));
  const sizeScale = (): number => Math.max(0.6, Math.min(1.5, scale));
  // The layout keeps labels apart at the reference font size; below the legible minimum they would collide.
  const labelsCrowded = (): boolean => payload.reference.fontSize * scale < MIN_FONT - 0.01;
  const labelBudget = (): number => (shownCount > LABEL_ALL_UPTO ? Math.ceil(CENTRAL_LABELS / (camera * camera)) : Infinity);

  const hook: ViewerHook = {
    ready: false,
    graph,
    select: (key) => select(key),
    visibleNodes: () => [],
    nodeViewport: () => ({ x: NaN, y: NaN }),
    labelBoxes: () => [],
    fontSize,
    nodeState: () => ({ isHidden: false, isActive: false, isHighlighted: false, isHovered: false }),
    edgeHidden: () => false,
    nodeColor: (key) => nodeColor(graph.getNodeAttributes(key)),
    labelBudget,
    shownRank: (key) => shownRank(key),
  };
  window.__newsgraph = hook;

  const container = byId('graph');
  let renderer: Renderer;
  try {
    // The layout keeps room for every label only in a graph small enough to label whole (viewer-data.ts).
    const roomForAll = payload.nodes.filter((n) => n.kind !== 'Quote' && n.kind !== 'Document').length <= LABEL_ALL_UPTO;
    renderer = createRenderer(graph, container, fontSize, sizeScale, labelsCrowded, nodeColor, labelBudget, shownRank, roomForAll);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    hook.error = message;
    container.append(el('div', { className: 'muted' }));
    byId('stage').append(
      Object.assign(el('div', {}, `This browser could not draw the graph (${message}). WebGL 2 is required.`), { id: 'graph-error' }),
    );
    return;
  }
  hook.renderer = renderer;

  /**
   * Fit the drawing with its labels (sigma fits node centres only), leaving out
   * hidden documents. Layout units are reference pixels and labels scale with
   * the fit, so a label's extent in layout units is its reference width.
   */
  function fitBox(onlyShown = false): void {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    graph.forEachNode((key, attrs) => {
      if (attrs.kind === 'Document' && !shownKinds.has('Document')) return;
      if (onlyShown && renderer.getNodeState(key).isHidden) return;
      minX = Math.min(minX, attrs.x - attrs.size);
      maxX = Math.max(maxX, attrs.x + attrs.size + 4 + attrs.labelWidth);
      minY = Math.min(minY, attrs.y - Math.max(attrs.size, payload.reference.fontSize));
      maxY = Math.max(maxY, attrs.y + Math.max(attrs.size, payload.reference.fontSize));
    });
    if (Number.isFinite(minX)) renderer.setCustomBBox({ x: [minX, maxX], y: [minY, maxY] });
  }

  function measureScale(): void {
    const a = renderer.graphToViewport({ x: 0, y: 0 });
    const b = renderer.graphToViewport({ x: 100, y: 0 });
    const measured = Math.abs(b.x - a.x) / 100 / renderer.getCamera().ratio;
    if (Number.isFinite(measured) && measured > 0 && Math.abs(measured - scale) > 1e-3) {
      scale = measured;
      renderer.refresh();
    }
  }

  // ── visibility: kind, relation and date filters, quotes folded into their speakers ──
  function applyFilters(): void {
    const quotesShown = shownKinds.has('Quote');
    const nodeShown = (attrs: NodeAttrs) => shownKinds.has(attrs.kind) && (attrs.docs.length === 0 || attrs.docs.some(documentShown));
    const shown: NodeAttrs[] = [];
    graph.forEachNode((key, attrs) => {
      const visible = nodeShown(attrs);
      if (visible && attrs.kind !== 'Quote') shown.push(attrs);
      renderer.setNodeState(key, { isHidden: !visible });
    });
    shownCount = shown.length;
    shownRanks = new Map(shown.sort((a, b) => a.rank - b.rank).map((attrs, i) => [attrs.key, i]));
    graph.forEachEdge((key, attrs, source, target) => {
      const endsShown = nodeShown(graph.getNodeAttributes(source)) && nodeShown(graph.getNodeAttributes(target));
      const typeShown = shownEdgeTypes.has(attrs.type) && (attrs.doc === undefined || documentShown(attrs.doc));
      renderer.setEdgeState(key, { isHidden: !endsShown || !typeShown || (attrs.folded && quotesShown) });
    });
    refreshActive();
  }

  // ── hover / selection highlight ──────────────────────────────────────────
  function refreshActive(): void {
    const focus = hovered ?? selected;
    const active = new Set<string>();
    if (focus && graph.hasNode(focus)) {
      active.add(focus);
      graph.forEachNeighbor(focus, (neighbor) => {
        if (!renderer.getNodeState(neighbor).isHidden) active.add(neighbor);
      });
    }
    graph.forEachNode((key) => renderer.setNodeState(key, { isActive: active.has(key) }));
    graph.forEachEdge((key, _attrs, source, target) =>
      renderer.setEdgeState(key, { isActive: focus !== null && (source === focus || target === focus) }),
    );
    renderer.setGraphState({ hasActive: focus !== null });
  }

  renderer.on('enterNode', ({ node }) => {
    hovered = node;
    refreshActive();
  });
  renderer.on('leaveNode', () => {
    hovered = null;
    refreshActive();
  });
  renderer.on('clickNode', ({ node }) => select(node, false));
  // sigma reads a second click within its double-click window as a double
  // click and zooms; on a node it is someone picking the next node quickly.
  renderer.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
    preventSigmaDefault();
    select(node, false);
  });
  renderer.on('clickStage', () => {
    selected = null;
    byId('panel').hidden = true;
    refreshActive();
  });

  const panel = byId('panel');
  function select(key: string, moveCamera = true): void {
    const details = payload.details[key];
    if (!details || !graph.hasNode(key)) return;
    selected = key;
    renderPanel(panel, details, colors.get(details.kind) ?? '#999', (k) => select(k));
    byId('hint').hidden = true;
    refreshActive();
    if (moveCamera && !renderer.getNodeState(key).isHidden) {
      const data = renderer.getNodeDisplayData(key);
      if (data) void renderer.getCamera().animate({ x: data.x, y: data.y, ratio: Math.min(renderer.getCamera().ratio, 0.8) }, { duration: 400 });
    }
  }

  // ── kind filters with the legend ─────────────────────────────────────────
  const filters = byId('filters');
  for (const entry of payload.legend) {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = entry.visible;
    box.value = entry.kind;
    box.dataset.kind = entry.kind;
    box.addEventListener('change', () => {
      if (box.checked) shownKinds.add(entry.kind);
      else shownKinds.delete(entry.kind);
      applyFilters();
      if (entry.kind === 'Document') {
        fitBox();
        measureScale();
      }
    });
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = entry.color;
    const note = entry.kind === 'Quote' ? ' (else folded into speakers)' : '';
    filters.append(el('label', { className: 'kind-filter' }, box, swatch, entry.kind, el('span', { className: 'count' }, `${entry.count}${note}`)));
  }

  // ── relation legend: one checkbox per relation type, with its colour ──────
  const relations = byId('relations');
  for (const entry of payload.edgeLegend) {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.type = entry.type;
    box.addEventListener('change', () => {
      if (box.checked) shownEdgeTypes.add(entry.type);
      else shownEdgeTypes.delete(entry.type);
      applyFilters();
    });
    const swatch = el('span', { className: 'line' });
    swatch.style.background = entry.color;
    relations.append(el('label', { className: 'kind-filter' }, box, swatch, entry.label, el('span', { className: 'count' }, String(entry.count))));
  }

  // ── colour by kind or by community; the communities, largest first ──────
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="color-by"]'))) {
    input.checked = input.value === colorBy;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      colorBy = input.value === 'community' ? 'community' : 'kind';
      byId('communities').hidden = colorBy !== 'community';
      renderer.refresh();
    });
  }
  const communityList = byId('community-list');
  byId('communities').hidden = colorBy !== 'community';
  for (const community of payload.communities.filter((c) => c.size > 2).slice(0, 12)) {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = community.color;
    const button = el('button', {}, swatch, community.label || `community ${community.id + 1}`, el('span', { className: 'count' }, ` ${community.size}`));
    button.type = 'button';
    button.dataset.community = String(community.id);
    // Picking a community highlights its members, as a search does.
    button.addEventListener('click', () => {
      graph.forEachNode((key, attrs) => renderer.setNodeState(key, { isHighlighted: attrs.community === community.id }));
    });
    communityList.append(el('li', {}, button));
  }

  // ── date filter, when documents carry their publication date ─────────────
  const known = dates.filter((d): d is string => d !== undefined).sort();
  if (known.length > 0) {
    const from = byId<HTMLInputElement>('date-from');
    const to = byId<HTMLInputElement>('date-to');
    for (const input of [from, to]) {
      input.min = known[0]!;
      input.max = known.at(-1)!;
    }
    from.value = known[0]!;
    to.value = known.at(-1)!;
    // The view closes in on what the dates leave.
    const update = () => {
      dateFrom = from.value || undefined;
      dateTo = to.value || undefined;
      applyFilters();
      fitBox(true);
      measureScale();
      renderer.refresh();
    };
    from.addEventListener('input', update);
    to.addEventListener('input', update);
    byId('dates').hidden = false;
  }

  // ── search ───────────────────────────────────────────────────────────────
  const search = byId<HTMLInputElement>('search');
  const results = byId('search-results');
  const searchable = payload.nodes
    .filter((node) => node.kind !== 'Quote')
    .map((node) => ({ key: node.key, label: node.label, names: [node.label, ...(payload.details[node.key]?.aliases ?? [])].map((n) => n.toLowerCase()) }));
  function runSearch(): string[] {
    const query = search.value.trim().toLowerCase();
    clear(results);
    const matches = query.length === 0 ? [] : searchable.filter((item) => item.names.some((name) => name.includes(query)));
    matches.sort((a, b) => Number(!b.names.includes(query)) - Number(!a.names.includes(query)) || a.label.localeCompare(b.label));
    const keys = matches.map((m) => m.key);
    graph.forEachNode((key) => renderer.setNodeState(key, { isHighlighted: keys.includes(key) }));
    for (const match of matches.slice(0, 10)) {
      const button = el('button', {}, match.label);
      button.type = 'button';
      button.dataset.key = match.key;
      button.addEventListener('click', () => select(match.key));
      results.append(el('li', {}, button));
    }
    if (query.length > 0 && matches.length === 0) results.append(el('li', { className: 'muted' }, 'No match'));
    return keys;
  }
  search.addEventListener('input', () => {
    runSearch();
  });
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const first = runSearch()[0];
    if (first) select(first);
  });

  // ── test hook ────────────────────────────────────────────────────────────
  hook.visibleNodes = () => graph.filterNodes((key) => renderer.getNodeDisplayData(key)?.visibility !== 'hidden' && !renderer.getNodeState(key).isHidden);
  hook.nodeViewport = (key) => {
    const attrs = graph.getNodeAttributes(key);
    return renderer.graphToViewport({ x: attrs.x, y: attrs.y });
  };
  hook.nodeState = (key) => {
    const { isHidden, isActive, isHighlighted, isHovered } = renderer.getNodeState(key);
    return { isHidden, isActive, isHighlighted, isHovered };
  };
  hook.edgeHidden = (key) => renderer.getEdgeState(key).isHidden;
  hook.labelBoxes = () => {
    const canvas = document.createElement('canvas').getContext('2d');
    const boxes: LabelBox[] = [];
    const size = fontSize();
    if (canvas) canvas.font = `${size}px sans-serif`;
    for (const key of renderer.getNodeDisplayedLabels()) {
      const data = renderer.getNodeDisplayData(key);
      if (!data || data.visibility === 'hidden') continue;
      const attrs = graph.getNodeAttributes(key);
      const p = hook.nodeViewport(key);
      const radius = renderer.scaleSize(data.size);
      const width = canvas ? canvas.measureText(attrs.label).width : attrs.label.length * size * 0.6;
      boxes.push({ key, label: attrs.label, x1: p.x + radius + 2, x2: p.x + radius + 2 + width, y1: p.y - size / 2, y2: p.y + size / 2 });
    }
    return boxes;
  };

  applyFilters();
  fitBox();
  renderer.on('resize', measureScale);
  // Zooming changes how many central nodes are labelled.
  renderer.getCamera().on('updated', ({ ratio }) => {
    const before = labelBudget();
    camera = ratio;
    if (labelBudget() !== before) renderer.refresh();
  });
  measureScale();
  renderer.refresh();
  hook.ready = true;
}

main();
