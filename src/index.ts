/**
 * newsgraph's library API: every command is also a typed function.
 *
 *   text ─analyze/extract─▶ NewsGraph ─┬─ summarize
 *                                      ├─ loadGraph (Neo4j) / runQuery
 *                                      └─ viz (HTML, GEXF, GraphML)
 */
export * from './types.js';
export { analyze, extract, documentId, type ExtractOptions } from './extract.js';
export { mentions } from './recognize/index.js';
export { normalize } from './normalize/index.js';
export { segment } from './segment/index.js';
export { buildGraph } from './build/index.js';
export { graphFromJson, graphToJson } from './io/graph.js';
export { summarize, type Summary, type SummarizeOptions, type SummaryParagraph, type SummarySentence } from './summarize/index.js';
export { extractCorpus, mergeGraphs, articles, entitySubgraph, type Article, type CorpusOptions } from './corpus/index.js';
export { loadArticles, loadGraph, runQuery, settingsFromEnv, writeImportCsv, type Neo4jSettings, type LoadReport } from './neo4j/index.js';
export { viz, toGexf, toGraphml, fromGexf, fromGraphml, type VizFormat } from './viz/index.js';
