/**
 * One unit of corpus work, the same in a worker thread and in the main thread
 * (`--jobs 1`): extract one article, return its serialized graph or the
 * one-line reason it failed.
 */
import { extract } from '../extract.js';
import { NewsgraphError, type SerializedNewsGraph } from '../types.js';
import type { Article } from './inputs.js';

export interface WorkRequest {
  seq: number;
  article: Article;
}

export type WorkResult =
  | { seq: number; graph: SerializedNewsGraph; words: number }
  | { seq: number; error: string; exitCode: number };

export function extractArticle({ seq, article }: WorkRequest): WorkResult {
  try {
    const { text, ...info } = article;
    const graph = extract(text, info);
    let words = 0;
    graph.forEachNode((_key, attrs) => {
      if (attrs.kind === 'Document') words += attrs.words;
    });
    return { seq, graph: graph.export(), words };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const exitCode = error instanceof NewsgraphError ? error.exitCode : 1;
    const where = message.startsWith(article.source) ? '' : `${article.source}: `;
    return { seq, error: `${where}${message}`, exitCode };
  }
}
