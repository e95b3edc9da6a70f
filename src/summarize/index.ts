/**
 * The summary generator's public face: `summarize(graph | text, options)`.
 * Text goes through `extract()` first, so both paths summarize the same graph.
 */
import { extract } from '../extract.js';
import type { NewsGraph } from '../types.js';
import { checkOptions } from './budget.js';
import { summarizeGraph } from './summary.js';
import type { Summary, SummarizeOptions } from './types.js';

export type { Summary, SummarizeOptions, SummaryParagraph, SummarySentence, SourceRef } from './types.js';
export { countWords } from './budget.js';
export { summarizeGraph } from './summary.js';
export { summarizeEntity } from './entity.js';

/** Summarize an article (its text, or the graph `extract` built from it) in M paragraphs within N words. */
export function summarize(input: NewsGraph | string, options: SummarizeOptions = {}): Summary {
  checkOptions(options);
  const graph = typeof input === 'string' ? extract(input) : input;
  return summarizeGraph(graph, options);
}
