/** `newsgraph extract FILE…`: the knowledge graph as graphology JSON, or one graph per article as JSON lines. */
import type { Command } from 'commander';
import { parseJobs } from '../../corpus/pool.js';

interface ExtractCommandOptions {
  output?: string;
  jobs?: string;
  jsonl?: boolean;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('Extract the knowledge graph (entities, quotes, roles, relations) as graphology JSON.')
    .argument('<inputs...>', 'article files, folders, JSONL, or - for stdin')
    .option('-o, --output <file>', 'write the graph JSON here instead of stdout')
    .option('-j, --jobs <n>', 'extraction worker threads (default: one per core)')
    .option('--jsonl', 'stream one graph per article, one JSON line each, in input order (for `load` and batch engines)')
    .action(async (inputs: string[], options: ExtractCommandOptions) => {
      const jobs = options.jobs !== undefined ? { jobs: parseJobs(options.jobs) } : {};
      const output = options.output !== undefined && options.output !== '-' ? options.output : undefined;
      if (options.jsonl) {
        const { writeGraphLines } = await import('../graph-lines.js');
        const count = await writeGraphLines(inputs, output, jobs);
        if (output !== undefined) process.stderr.write(`${output}: ${count} article graph(s)\n`);
        return;
      }
      // Loaded here, not at start-up: `newsgraph --help` and `query` need none of the NLP.
      const [{ readGraph }, { graphToJson }, { writeFileAtomic }] = await Promise.all([
        import('../graph-input.js'),
        import('../../io/graph.js'),
        import('../../io/output.js'),
      ]);
      const graph = await readGraph(inputs, jobs);
      const json = graphToJson(graph);
      if (output !== undefined) {
        await writeFileAtomic(output, json);
        process.stderr.write(`${output}: ${graph.order} nodes, ${graph.size} edges\n`);
      } else {
        process.stdout.write(json);
      }
    });
}
