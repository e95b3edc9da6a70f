/**
 * Drawing the graph: the self-contained HTML viewer, and GEXF / GraphML for
 * Gephi and friends. `viz()` is the library form of `newsgraph viz`.
 */
import type { NewsGraph } from '../types.js';
import { ExitCode, NewsgraphError } from '../types.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toHtml, type HtmlOptions } from './html.js';

export { fromGexf, toGexf } from './gexf.js';
export { fromGraphml, toGraphml } from './graphml.js';
export { renderViewerHtml, toHtml, type HtmlOptions } from './html.js';
export { buildViewerPayload, layoutNodes } from './viewer-data.js';
export type { ViewerPayload } from './payload.js';
/** Graph JSON reading lives in src/io/graph.ts; re-exported for callers that import it from here. */
export { graphFromJson } from '../io/graph.js';

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
