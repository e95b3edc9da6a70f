/**
 * GEXF for Gephi, written and read by graphology-gexf (GEXF 1.3). Kinds,
 * names, relation types and provenance are attributes; aliases are a native
 * GEXF list; colour by kind, size by mentions and the viewer's layout go in
 * the viz namespace so Gephi opens the same picture.
 */
import { MultiDirectedGraph } from 'graphology';
import { parse, write } from 'graphology-gexf';
import type { EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from '../types.js';
import { NewsgraphError } from '../types.js';
import { decodeAttributes, encodeAttributes } from './attributes.js';
import { nodeName } from './details.js';
import type { LayoutOptions } from './layout.js';
import { layoutNodes } from './viewer-data.js';

/** What graphology-gexf's parser turns viz elements and labels into: not part of a NewsGraph. */
const GEXF_DISPLAY_ONLY = new Set(['label', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness', 'weight']);

export function toGexf(graph: NewsGraph, options: LayoutOptions = {}): string {
  const display = new Map(layoutNodes(graph, options).map((node) => [node.key, node]));
  const copy = graph.copy();
  // graphology-gexf writes scalar graph attributes as <meta> children.
  copy.replaceAttributes({ creator: 'newsgraph', description: 'Who said what: entities, quotes and relations from news articles' } as never);
  return write(copy, {
    version: '1.3',
    pretty: true,
    formatNode: (key, attrs) => {
      const view = display.get(key);
      return {
        label: nodeName(attrs as NodeAttributes),
        attributes: encodeAttributes(attrs, true),
        ...(view ? { viz: { color: view.color, size: view.size, x: view.x, y: view.y } } : {}),
      };
    },
    formatEdge: (_key, attrs) => ({
      label: (attrs as EdgeAttributes).type,
      attributes: encodeAttributes(attrs, true),
    }),
  });
}

/** Read a GEXF written by toGexf back into a NewsGraph (graph-level sentences are not carried by GEXF). */
export function fromGexf(xml: string): NewsGraph {
  let parsed;
  try {
    parsed = parse(MultiDirectedGraph, xml);
  } catch (error) {
    throw new NewsgraphError(`not a readable GEXF file (${error instanceof Error ? error.message : String(error)})`);
  }
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  parsed.forEachNode((key, attrs) => graph.addNode(key, decodeAttributes(attrs, GEXF_DISPLAY_ONLY) as unknown as NodeAttributes));
  parsed.forEachEdge((key, attrs, source, target) =>
    graph.addEdgeWithKey(key, source, target, decodeAttributes(attrs, GEXF_DISPLAY_ONLY) as unknown as EdgeAttributes),
  );
  graph.replaceAttributes({
    documents: graph.filterNodes((_key, attrs) => attrs.kind === 'Document').map((key) => String(graph.getNodeAttribute(key, 'id' as never))),
  });
  return graph;
}
