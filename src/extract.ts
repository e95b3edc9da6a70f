/**
 * The NLP pass end to end, as pure functions of the text:
 *
 *   normalize → segment → tag → recognize → resolve → facts → build
 */
import { createHash } from 'node:crypto';
import type { Analysis, DocumentInfo, NewsGraph } from './types.js';
import { NewsgraphError } from './types.js';
import { normalize } from './normalize/index.js';
import { segment } from './segment/index.js';
import { recognize, tag } from './recognize/index.js';
import { resolve } from './resolve/index.js';
import { extractFacts } from './facts/index.js';
import { buildGraph } from './build/index.js';

export interface ExtractOptions {
  /** Document id; defaults to a hash of the text, so the same article is the same document. */
  id?: string;
  title?: string;
  url?: string;
  published?: string;
  /** Where the text came from (file path, `-`). */
  source?: string;
}

/** One article is at most this many characters: beyond that it is not an article. */
export const MAX_ARTICLE_CHARS = 2_000_000;

export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function analyze(text: string, options: ExtractOptions = {}): Analysis {
  if (typeof text !== 'string') throw new NewsgraphError('input must be text');
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new NewsgraphError(`input has ${text.length} characters, more than the ${MAX_ARTICLE_CHARS} one article may have`);
  }
  const normalized = normalize(text);
  const sentences = segment(normalized);
  if (sentences.length === 0 || !/\p{L}{2,}/u.test(normalized.text)) {
    throw new NewsgraphError('input has no sentences to read (empty, furniture only, or not text)');
  }
  const tokens = tag(sentences);
  const mentions = recognize(normalized, sentences, tokens);
  const { entities, entityOf } = resolve(mentions, normalized.text);
  const id = options.id ?? documentId(text);
  const { quotes, roles, relations } = extractFacts(normalized, sentences, tokens, entities, entityOf, id);
  const doc: DocumentInfo = { id };
  const title = options.title ?? normalized.title;
  if (title) doc.title = title;
  if (options.url) doc.url = options.url;
  if (options.published) doc.published = options.published;
  if (options.source) doc.source = options.source;
  const words = normalized.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { doc, words, normalized, sentences, mentions, entities, quotes, roles, relations };
}

/** Text → the article's knowledge graph. */
export function extract(text: string, options: ExtractOptions = {}): NewsGraph {
  return buildGraph(analyze(text, options));
}
