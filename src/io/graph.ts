/** Graph JSON in and out: graphology's own serialization, as `newsgraph extract` writes it. */
import { MultiDirectedGraph } from 'graphology';
import { NewsgraphError, type EdgeAttributes, type GraphAttributes, type NewsGraph, type NodeAttributes, type SerializedNewsGraph } from '../types.js';

export function graphToJson(graph: NewsGraph): string {
  return JSON.stringify(graph.export(), null, 2) + '\n';
}

/** Parse graph JSON, with a one-line error naming `source` when it is not one. */
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
