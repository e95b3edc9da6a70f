/** `newsgraph extract FILE…`: the knowledge graph as graphology JSON. */
import type { Command } from 'commander';
import { parseJobs } from '../../corpus/index.js';
import { graphToJson } from '../../io/graph.js';
import { writeFileAtomic } from '../../io/output.js';
import { readGraph } from '../graph-input.js';

export function register(program: Command): void {
  program
    .command('extract')
    .description('Extract the knowledge graph (entities, quotes, roles, relations) as graphology JSON.')
    .argument('<inputs...>', 'article files, folders, JSONL, or - for stdin')
    .option('-o, --output <file>', 'write the graph JSON here instead of stdout')
    .option('-j, --jobs <n>', 'extraction worker threads (default: one per core)')
    .action(async (inputs: string[], options: { output?: string; jobs?: string }) => {
      const graph = await readGraph(inputs, options.jobs !== undefined ? { jobs: parseJobs(options.jobs) } : {});
      const json = graphToJson(graph);
      if (options.output && options.output !== '-') {
        await writeFileAtomic(options.output, json);
        process.stderr.write(`${options.output}: ${graph.order} nodes, ${graph.size} edges\n`);
      } else {
        process.stdout.write(json);
      }
    });
}
