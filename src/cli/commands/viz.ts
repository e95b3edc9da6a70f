/**
 * `newsgraph viz FILE…`: draw the graph as a self-contained HTML viewer, or
 * export it as GEXF / GraphML for Gephi. Inputs are articles (extracted
 * first) or graph JSON from `newsgraph extract`; several build one merged
 * graph. Prints the path written.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { parseJobs } from '../../corpus/pool.js';
import { ExitCode, NewsgraphError } from '../../types.js';
import type { VizFormat } from '../../viz/index.js';

/** The viz module's format table, passed in: the module itself loads only when `viz` runs. */
interface Formats {
  VIZ_FORMATS: readonly VizFormat[];
  VIZ_EXTENSIONS: Record<VizFormat, string>;
  isVizFormat(value: string): value is VizFormat;
}

interface VizCommandOptions {
  output?: string;
  format?: string;
  title?: string;
  jobs?: string;
}

/** --format wins; otherwise the output's extension decides; HTML by default. */
export function chooseFormat(format: string | undefined, output: string | undefined, { VIZ_FORMATS, VIZ_EXTENSIONS, isVizFormat }: Formats): VizFormat {
  if (format !== undefined) {
    const wanted = format.toLowerCase();
    if (!isVizFormat(wanted)) throw new NewsgraphError(`--format must be one of ${VIZ_FORMATS.join(', ')}, not "${format}"`, ExitCode.badUsage);
    return wanted;
  }
  const ext = output ? extname(output).toLowerCase() : '';
  return (Object.entries(VIZ_EXTENSIONS).find(([, e]) => e === ext)?.[0] as VizFormat | undefined) ?? 'html';
}

/** Without -o: next to the (first) input, with the format's extension; `graph.<ext>` for stdin. */
export function defaultOutput(inputs: string[], format: VizFormat, { VIZ_EXTENSIONS }: Formats): string {
  const first = inputs[0];
  const ext = VIZ_EXTENSIONS[format];
  if (!first || first === '-') return `graph${ext}`;
  const stem = basename(first, extname(first));
  return join(dirname(first), `${stem}${ext}`);
}

export function register(program: Command): void {
  program
    .command('viz')
    .description('Draw the graph: a self-contained HTML viewer (default), or GEXF / GraphML for Gephi.')
    .argument('<inputs...>', 'article files, folders, JSONL, - for stdin, or graph .json files from `newsgraph extract`')
    .option('-o, --output <file>', 'file to write (default: next to the first input; - for stdout)')
    .option('-f, --format <format>', 'output format: html, gexf or graphml (default: from the output extension, else html)')
    .option('--title <title>', 'page title of the HTML viewer')
    .option('-j, --jobs <n>', 'extraction worker threads (default: one per core)')
    .action(async (inputs: string[], options: VizCommandOptions) => {
      const [formats, { readGraph }, { writeFileAtomic }] = await Promise.all([
        import('../../viz/index.js'),
        import('../graph-input.js'),
        import('../../io/output.js'),
      ]);
      const format = chooseFormat(options.format, options.output, formats);
      const jobs = options.jobs !== undefined ? parseJobs(options.jobs) : undefined;
      const graph = await readGraph(inputs, jobs !== undefined ? { jobs } : {});
      if (graph.order === 0) throw new NewsgraphError('the graph is empty: nothing to draw');
      const output = formats.viz(graph, { format, ...(options.title !== undefined ? { title: options.title } : {}) });
      if (options.output === '-') {
        process.stdout.write(output);
        return;
      }
      const path = options.output ?? defaultOutput(inputs, format, formats);
      await writeFileAtomic(path, output);
      process.stdout.write(`${path}\n`);
    });
}
