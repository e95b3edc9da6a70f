/**
 * GraphML export. graphology-graphml only parses, so the writer is here: a
 * plain GraphML 1.0 document with typed <key>s, which graphology-graphml (and
 * Gephi, yEd, NetworkX) read back. Lists and objects are JSON strings under
 * `<name>_json`; the graph-level `documents` and `sentences` travel too, so
 * the round trip is complete. label, x, y, size and r/g/b are for Gephi.
 */
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import type { EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from '../types.js';
import { NewsgraphError } from '../types.js';
import { decodeAttributes, encodeAttributes, type XmlValue } from './attributes.js';
import { nodeName } from './details.js';
import type { LayoutOptions } from './layout.js';
import { layoutNodes } from './viewer-data.js';

type Domain = 'graph' | 'node' | 'edge';
type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';

/** graphology-graphml turns r/g/b into `color`; these never belong to a NewsGraph. */
const GRAPHML_DISPLAY_ONLY = new Set(['label', 'x', 'y', 'size', 'color', 'r', 'g', 'b']);

/** Escape for XML text and attribute values; characters XML 1.0 cannot hold become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function valueType(value: XmlValue): GraphmlType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return Math.abs(value) <= 0x7fffffff ? 'int' : 'long';
  }
  return 'string';
}

/** The widest type seen for each attribute name: string > double > long > int; boolean only if always boolean. */
function widen(a: GraphmlType | undefined, b: GraphmlType): GraphmlType {
  if (!a || a === b) return b;
  const numeric = ['int', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))] as GraphmlType;
  return 'string';
}

interface Row {
  id: string;
  source?: string;
  target?: string;
  data: Record<string, XmlValue>;
}

function collectKeys(rows: Row[]): Map<string, GraphmlType> {
  const keys = new Map<string, GraphmlType>();
  for (const row of rows) for (const [name, value] of Object.entries(row.data)) keys.set(name, widen(keys.get(name), valueType(value)));
  return keys;
}

const keyId = (domain: Domain, name: string): string => `${domain[0]}_${name}`;

function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const n = parseInt(hex.replace('#', ''), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

function dataLines(domain: Domain, data: Record<string, XmlValue>, indent: string): string[] {
  return Object.entries(data).map(
    ([name, value]) => `${indent}<data key="${escapeXml(keyId(domain, name))}">${escapeXml(String(value))}</data>`,
  );
}

export function toGraphml(graph: NewsGraph, options: LayoutOptions = {}): string {
  const display = new Map(layoutNodes(graph, options).map((node) => [node.key, node]));
  const graphData = encodeAttributes(graph.getAttributes(), false);
  const nodes: Row[] = graph.mapNodes((key, attrs) => {
    const view = display.get(key);
    const extra: Record<string, XmlValue> = { label: nodeName(attrs) };
    if (view) Object.assign(extra, { x: view.x, y: view.y, size: view.size }, hexToRgb(view.color));
    return { id: key, data: { ...extra, ...encodeAttributes(attrs, false) } };
  });
  const edges: Row[] = graph.mapEdges((key, attrs, source, target) => ({
    id: key,
    source,
    target,
    data: { label: attrs.type, ...encodeAttributes(attrs, false) },
  }));

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const domains: Array<[Domain, Map<string, GraphmlType>]> = [
    ['graph', collectKeys([{ id: '', data: graphData }])],
    ['node', collectKeys(nodes)],
    ['edge', collectKeys(edges)],
  ];
  for (const [domain, keys] of domains) {
    for (const [name, type] of keys) {
      lines.push(`  <key id="${escapeXml(keyId(domain, name))}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
    }
  }
  lines.push('  <graph id="newsgraph" edgedefault="directed">');
  lines.push(...dataLines('graph', graphData, '    '));
  for (const node of nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`, ...dataLines('node', node.data, '      '), '    </node>');
  }
  for (const edge of edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source ?? '')}" target="${escapeXml(edge.target ?? '')}">`,
      ...dataLines('edge', edge.data, '      '),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Read a GraphML written by toGraphml back into a NewsGraph. */
export function fromGraphml(xml: string): NewsGraph {
  let parsed;
  try {
    parsed = parse(MultiDirectedGraph, xml);
  } catch (error) {
    throw new NewsgraphError(`not a readable GraphML file (${error instanceof Error ? error.message : String(error)})`);
  }
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const graphAttrs = decodeAttributes(parsed.getAttributes(), new Set(['id']));
  graph.replaceAttributes(graphAttrs as unknown as GraphAttributes);
  parsed.forEachNode((key, attrs) => graph.addNode(key, decodeAttributes(attrs, GRAPHML_DISPLAY_ONLY) as unknown as NodeAttributes));
  parsed.forEachEdge((key, attrs, source, target) =>
    graph.addEdgeWithKey(key, source, target, decodeAttributes(attrs, GRAPHML_DISPLAY_ONLY) as unknown as EdgeAttributes),
  );
  return graph;
}
