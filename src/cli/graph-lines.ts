/**
 * `newsgraph extract --jsonl`: one graph per article, one JSON line each, in
 * input order, written as each article is extracted. Any batch engine can
 * fan extraction out this way (one process per shard) and `newsgraph load`
 * reads the lines back, from several processes at once if need be.
 */
import { graphToLine } from '../io/graph.js';
import { writeLines } from '../io/output.js';
import { inputGraphs, type GraphInputOptions } from './graph-input.js';

/** Write the inputs' article graphs as lines to `output` (stdout when undefined); returns how many. */
export async function writeGraphLines(inputs: string[], output: string | undefined, options: GraphInputOptions = {}): Promise<number> {
  return writeLines(output, lines(inputs, options));
}

async function* lines(inputs: string[], options: GraphInputOptions): AsyncGenerator<string> {
  // A graph JSON input (several articles merged) goes out as one line: `load` splits it by document.
  for await (const item of inputGraphs(inputs, options)) yield graphToLine(item.kind === 'article' ? item.graph : item.graph.export());
}
