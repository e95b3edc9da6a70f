/**
 * `newsgraph summarize FILE|graph.json|- [--paragraphs M] [--words N] [--json]`:
 * print a summary of an article (or of a graph `newsgraph extract` wrote).
 * The article's instruction line sets M and N; the flags override it.
 */
import type { Command } from 'commander';
import { extract } from '../../extract.js';
import { readInput } from '../../io/input.js';
import { summarizeGraph } from '../../summarize/index.js';
import { ExitCode, NewsgraphError } from '../../types.js';
import { graphFromJson } from '../../viz/index.js';

interface SummarizeCommandOptions {
  paragraphs?: string;
  words?: string;
  json?: boolean;
  doc?: string;
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
      'Summarize an article in M paragraphs within N words, walking its graph. ' +
        'An instruction line ("Summarize this content to N words in M paragraphs") sets M and N; flags override it.',
    )
    .argument('[input]', 'article text file, graph JSON from `newsgraph extract`, or - for stdin', '-')
    .option('-p, --paragraphs <M>', 'number of paragraphs, 1 to 20 (default: the instruction line, else 3)')
    .option('-w, --words <N>', 'word ceiling (default: the instruction line, else 250)')
    .option('--doc <id>', 'which document of a merged graph to summarize (default: the first)')
    .option('--json', 'print each summary sentence with its source sentences and graph nodes and edges')
    .action(async (input: string, options: SummarizeCommandOptions) => {
      const paragraphs = wholeNumber('--paragraphs', options.paragraphs);
      const words = wholeNumber('--words', options.words);
      const { text, source } = await readInput(input);
      const graph = text.trimStart().startsWith('{') ? graphFromJson(text, source) : extract(text, { source });
      const summary = summarizeGraph(graph, {
        ...(paragraphs !== undefined ? { paragraphs } : {}),
        ...(words !== undefined ? { words } : {}),
        ...(options.doc !== undefined ? { doc: options.doc } : {}),
      });
      for (const message of summary.messages) process.stderr.write(`newsgraph: note: ${message}\n`);
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${summary.text}\n`);
    });
}
