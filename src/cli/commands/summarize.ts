/**
 * `newsgraph summarize FILE…|- [--paragraphs M] [--words N] [--json] [--entity NAME]`:
 * summarize an article in M paragraphs within N words. One article (or `-`)
 * gives one summary; several files, a folder or JSONL give one summary per
 * article, or, with --entity, one summary of everything the corpus says by
 * and about that entity. An article's instruction line sets M and N; the
 * flags override it.
 */
import { extname } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseJobs } from '../../corpus/index.js';
import { extract } from '../../extract.js';
import { graphFromJson } from '../../io/graph.js';
import { readInput } from '../../io/input.js';
import { summarizeEntity, summarizeGraph, type Summary, type SummarizeOptions } from '../../summarize/index.js';
import { checkOptions } from '../../summarize/budget.js';
import { ExitCode, NewsgraphError, type NewsGraph } from '../../types.js';
import { isGraphJson, readGraph } from '../graph-input.js';

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

/** One plain article: stdin or a text file (not a folder, JSONL or graph JSON). */
async function isSingleArticle(inputs: string[]): Promise<boolean> {
  if (inputs.length !== 1) return false;
  const [input] = inputs as [string];
  if (input === '-') return true;
  if (isGraphJson(input) || ['.jsonl', '.ndjson'].includes(extname(input).toLowerCase())) return false;
  try {
    return (await stat(input)).isFile();
  } catch {
    return true; // readInput reports the missing file in its own words
  }
}

/** The graph to summarize: one article extracted here, or graph JSON / a corpus through the shared reader. */
async function loadGraph(inputs: string[], jobs: number | undefined): Promise<NewsGraph> {
  if (await isSingleArticle(inputs)) {
    const { text, source } = await readInput(inputs[0]!);
    // Graph JSON on stdin is read as a graph, not as an article.
    return text.trimStart().startsWith('{') ? graphFromJson(text, source) : extract(text, { source });
  }
  return readGraph(inputs, { ...(jobs !== undefined ? { jobs } : {}) });
}

/** A heading for one article's summary in corpus mode: its title, else its source, else its id. */
function heading(graph: NewsGraph, doc: string): string {
  const key = `Document:${doc}`;
  const attrs = graph.hasNode(key) ? graph.getNodeAttributes(key) : undefined;
  const label = attrs?.kind === 'Document' ? (attrs.title ?? attrs.source ?? doc) : doc;
  return `# ${label}`;
}

/** Every summary the command prints, in document order. */
export function summariesOf(graph: NewsGraph, options: SummarizeOptions & { entity?: string }): Summary[] {
  const shape = {
    ...(options.paragraphs !== undefined ? { paragraphs: options.paragraphs } : {}),
    ...(options.words !== undefined ? { words: options.words } : {}),
  };
  if (options.entity !== undefined) return [summarizeEntity(graph, options.entity, shape)];
  if (options.doc !== undefined) return [summarizeGraph(graph, { ...shape, doc: options.doc })];
  const documents = graph.getAttribute('documents') ?? [];
  if (documents.length === 0) throw new NewsgraphError('the input holds no article to summarize');
  return documents.map((doc) => summarizeGraph(graph, { ...shape, doc }));
}

/** What the command prints: the summary text (with headings when several), or JSON. */
export function formatSummaries(graph: NewsGraph, summaries: Summary[], json: boolean): string {
  if (json) return `${JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2)}\n`;
  if (summaries.length === 1) return `${summaries[0]!.text}\n`;
  return `${summaries.map((s) => `${heading(graph, s.doc)}\n\n${s.text}\n`).join('\n')}`;
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
