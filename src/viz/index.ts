/**
 * Drawing the graph: the self-contained HTML viewer, and GEXF / GraphML for
 * Gephi and friends. `viz()` is the library form of `newsgraph viz`.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes, SerializedNewsGraph } from '../types.js';
import { ExitCode, NewsgraphError } from '../types.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toHtml, type HtmlOptions } from './html.js';

export { fromGexf, toGexf } from './gexf.js';
export { fromGraphml, toGraphml } from './graphml.js';
export { renderViewerHtml, toHtml, type HtmlOptions } from './html.js';
export { buildViewerPayload, layoutNodes } from './viewer-data.js';
export type { ViewerPayload } from './payload.js';

export const VIZ_FORMATS = ['html', 'gexf', 'graphml'] as const;
export type VizFormat = (typeof VIZ_FORMATS)[number];

export interface VizOptions extends HtmlOptions {
  format?: VizFormat;
}

export function isVizFormat(value: string): value is VizFormat {
  return (VIZ_FORMATS as readonly string[]).includes(value);
}

/** The file extension each format is written with. */
export const VIZ_EXTENSIONS: Record<VizFormat, string> = { html: '.html', gexf: '.gexf', graphml: '.graphml' };

/** Render a graph in one of the viz formats. */
export function viz(graph: NewsGraph, options: VizOptions = {}): string {
  const format = options.format ?? 'html';
  switch (format) {
    case 'html':
      return toHtml(graph, options);
    case 'gexf':
      return toGexf(graph, options);
    case 'graphml':
      return toGraphml(graph, options);
    default:
      throw new NewsgraphError(`unknown format "${String(format)}" (use html, gexf or graphml)`, ExitCode.badUsage);
  }
}

/** A graph from `newsgraph extract`'s JSON (graphology's serialization), with a one-line error when it is not one. */
export function graphFromJson(text: string, source = 'input'): NewsGraph {
  let data: SerializedNewsGraph;
  try {
    data = JSON.parse(text) as SerializedNewsGraph;
  } catch {
    throw new NewsgraphError(`${source}: not valid JSON`);
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.nodes)) {
    throw new NewsgraphError(`${source}: not a graph JSON file (expected graphology's {attributes, nodes, edges})`);
  }
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  try {
    graph.import(data);
  } catch (error) {
    throw new NewsgraphError(`${source}: not a graph JSON file (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  return graph;
}
