/** Corpus mode: many articles into one merged graph (see extract-corpus.ts). */
export { articles, countArticles, jsonlArticles, parseArticle, sniffStdin, type Article, type ArticlesOptions, type StdinContent } from './inputs.js';
export { CorpusMerger, mergeGraphs, mergeSerialized } from './merge.js';
export { defaultJobs, extractArticles, parseJobs, type ExtractedArticle, type PoolOptions } from './pool.js';
export { progressBar, type CorpusProgress, type ProgressBar, type ProgressBarOptions } from './progress.js';
export { corpusGraphs, extractCorpus, type CorpusInput, type CorpusOptions } from './extract-corpus.js';
export { entitySubgraph, findEntity } from './entity.js';
