/** Neo4j: connection settings, schema, loader, queries, result tables. */
export { DEFAULT_BATCH_ROWS, DEFAULT_SETTINGS, describeTarget, settingsFromEnv, type Neo4jSettings } from './settings.js';
export { checkConnection, isConnectionError, neo4jError, openDriver, withDriver, type DriverOptions } from './connect.js';
export { applySchema, QUERIES_DIR, SCHEMA_DIR, splitStatements } from './schema.js';
export { combineBatches, documentBatches, type DocumentBatch } from './rows.js';
export { loadArticles, loadGraph, LoadInterrupted, type LoadOptions, type LoadProgress, type LoadReport } from './load.js';
export {
  bindParams,
  parseParamOption,
  parseQueryHeader,
  resolveQuery,
  rowObjects,
  runQuery,
  shippedQueries,
  type CypherQuery,
  type QueryOptions,
  type QueryParam,
  type QueryResult,
} from './query.js';
export { formatCell, formatTable } from './table.js';
export { writeImportCsv, type CsvReport } from './csv.js';
