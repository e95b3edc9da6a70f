/**
 * The work of `newsgraph summarize` (see commands/summarize.ts): which graph
 * to summarize, the summaries, and how they print. A module of its own so
 * the command line loads the NLP and the summarizer only when it summarizes.
 */
import { extname } from 'node:path';
import { stat } from 'node:fs/promises';
import { extract } from '../extract.js';
import { graphFromJson } from '../io/graph.js';
import { readInput } from '../io/input.js';
import { summarizeEntity, summarizeGraph, type Summary, type SummarizeOptions } from '../summarize/index.js';
import { NewsgraphError, type NewsGraph } from '../types.js';
import { isGraphJson, readGraph } from './graph-input.js';

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
export async function loadGraph(inputs: string[], jobs: number | undefined): Promise<NewsGraph> {
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

