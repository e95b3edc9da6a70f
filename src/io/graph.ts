/**
 * Graph JSON in and out: graphology's own serialization, as `newsgraph
 * extract` writes it; and graph lines (`extract --jsonl`), one article's
 * graph per line, read as a stream.
 */
import { MultiDirectedGraph } from 'graphology';
import { decodeText } from './input.js';
import { isBlank, lines } from './lines.js';
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
  return graphFromSerialized(data, source);
}

/** A graph from graphology's serialized form (parsed JSON, or what a worker thread sent). */
export function graphFromSerialized(data: SerializedNewsGraph, source = 'input'): NewsGraph {
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

/** A corpus graph can be far larger than one article (about 36 KiB of JSON per article). */
export const MAX_GRAPH_JSON_BYTES = 512 * 1024 * 1024;
/** One article's graph on one line: an article of the largest size makes a few times its text. */
export const MAX_GRAPH_LINE_BYTES = 64 * 1024 * 1024;

/** One article's graph as one line of JSON. */
export function graphToLine(graph: SerializedNewsGraph): string {
  return JSON.stringify(graph) + '\n';
}

/** The graphs of a graph-lines stream, one per non-blank line; a bad line stops it with its number. */
export async function* graphLines(stream: AsyncIterable<Uint8Array | string>, source: string): AsyncGenerator<NewsGraph> {
  let number = 0;
  for await (const line of lines(stream, source, MAX_GRAPH_LINE_BYTES)) {
    number += 1;
    if (line.every(isBlank)) continue;
    const where = `${source}:${number}`;
    yield graphFromJson(decodeText(line, where, MAX_GRAPH_LINE_BYTES), where);
  }
}
