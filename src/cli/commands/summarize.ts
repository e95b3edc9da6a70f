/**
 * `newsgraph summarize FILE…|- [--paragraphs M] [--words N] [--json] [--entity NAME]`:
 * summarize an article in M paragraphs within N words. One article (or `-`)
 * gives one summary; several files, a folder or JSONL give one summary per
 * article, or, with --entity, one summary of everything the corpus says by
 * and about that entity. An article's instruction line sets M and N; the
 * flags override it.
 */
import type { Command } from 'commander';
import { parseJobs } from '../../corpus/pool.js';
import { checkOptions } from '../../summarize/budget.js';
import { ExitCode, NewsgraphError } from '../../types.js';

interface SummarizeCommandOptions {
  paragraphs?: string;
  words?: string;
  json?: boolean;
  doc?: string;
  entity?: string;
  jobs?: string;
}

/** A whole number from a flag, or a usage error naming the flag. */
function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(value)) {
    throw new NewsgraphError(`${flag} must be a whole number, got "${value}"`, ExitCode.badUsage);
  }
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('summarize')
    .description(
      'Summarize articles in M paragraphs within N words, walking their graph: one summary per article, ' +
        'or with --entity one summary of everything they say by and about an entity. ' +
        'An instruction line ("Summarize this content to N words in M paragraphs") sets M and N; flags override it.',
    )
    .argument('[inputs...]', 'article files, folders, JSONL, graph JSON from `newsgraph extract`, or - for stdin', ['-'])
    .option('-p, --paragraphs <M>', 'number of paragraphs, 1 to 20 (default: the instruction line, else 3)')
    .option('-w, --words <N>', 'word ceiling (default: the instruction line, else 250)')
    .option('--entity <name>', 'summarize everything the inputs say by and about this entity (name, alias or Kind:Name)')
    .option('--doc <id>', 'summarize only this document of a merged graph')
    .option('--json', 'print each summary sentence with its source sentences (offsets) and graph nodes and edges')
    .option('-j, --jobs <n>', 'extraction worker threads for several articles (default: one per core)')
    .action(async (inputs: string[], options: SummarizeCommandOptions) => {
      const paragraphs = wholeNumber('--paragraphs', options.paragraphs);
      const words = wholeNumber('--words', options.words);
      const shape = { ...(paragraphs !== undefined ? { paragraphs } : {}), ...(words !== undefined ? { words } : {}) };
      checkOptions(shape);
      if (options.entity !== undefined && options.doc !== undefined) {
        throw new NewsgraphError('--entity and --doc do not go together', ExitCode.badUsage);
      }
      const jobs = options.jobs !== undefined ? parseJobs(options.jobs) : undefined;
      // The NLP and the summarizer load only now: `--help` and usage errors stay fast.
      const { formatSummaries, loadGraph, summariesOf } = await import('../summarize-run.js');
      const graph = await loadGraph(inputs.length > 0 ? inputs : ['-'], jobs);
      const summaries = summariesOf(graph, {
        ...shape,
        ...(options.entity !== undefined ? { entity: options.entity } : {}),
        ...(options.doc !== undefined ? { doc: options.doc } : {}),
      });
      for (const s of summaries) for (const message of s.messages) process.stderr.write(`newsgraph: note: ${message}\n`);
      process.stdout.write(formatSummaries(graph, summaries, options.json === true));
    });
}
