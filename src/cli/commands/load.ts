/**
 * `newsgraph load FILE…`: articles (text files, folders, JSONL, `-`) are
 * extracted and loaded one transaction per article; `.json` files are graph
 * JSON from `newsgraph extract`, loaded as they are. The connection is
 * checked before any work, so a wrong URI, password or database fails with
 * exit code 3 and nothing written.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { MultiDirectedGraph } from 'graphology';
import { corpusGraphs } from '../../corpus/index.js';
import { checkConnection, openDriver, userError } from '../../neo4j/connect.js';
import { loadGraph, type DocumentLoadReport, type LoadReport } from '../../neo4j/load.js';
import { applySchema } from '../../neo4j/schema.js';
import { settingsFromEnv, type Neo4jSettings } from '../../neo4j/settings.js';
import { graphFromJson } from '../../viz/index.js';
import { ExitCode, NewsgraphError, type NewsGraph } from '../../types.js';
import type { Driver } from 'neo4j-driver';

interface LoadCommandOptions {
  jobs?: string;
  batchSize?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('load')
    .description(
      'Extract articles (or read graph JSON files) and load them into Neo4j, one transaction per article. ' +
        'Connection: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.',
    )
    .argument('<inputs...>', 'article files, folders, JSONL streams, graph .json files, or - for stdin')
    .option('-j, --jobs <n>', 'extraction worker threads (default: one per core)')
    .option('--batch-size <n>', 'rows per UNWIND statement', '1000')
    .option('--json', 'print the load report as JSON')
    .action(async (inputs: string[], options: LoadCommandOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new NewsgraphError(`--batch-size must be a whole number of at least 1, not "${options.batchSize}"`, ExitCode.badUsage);
      }
      const settings = settingsFromEnv();
      const driver = openDriver(settings);
      try {
        await checkConnection(driver, settings);
        await applySchema(driver, settings);
        const reports = await loadInputs(inputs, settings, driver, {
          batchSize,
          ...(options.jobs !== undefined ? { jobs: Number(options.jobs) } : {}),
          log: options.json ? undefined : (line) => process.stdout.write(line + '\n'),
        });
        const total = sum(reports);
        process.stdout.write(
          options.json
            ? JSON.stringify(total, null, 2) + '\n'
            : `loaded ${total.documents.length} document(s) into ${settings.uri}: ${total.nodes} nodes, ${total.relationships} relationships ` +
                `(${total.nodesCreated} nodes and ${total.relationshipsCreated} relationships new) in ${(total.ms / 1000).toFixed(1)} s\n`,
        );
      } catch (error) {
        throw userError(error, settings);
      } finally {
        await driver.close().catch(() => undefined);
      }
    });
}

interface LoadInputsOptions {
  batchSize: number;
  jobs?: number;
  log: ((line: string) => void) | undefined;
}

/** Load inputs in order: runs of article inputs go through the extraction pool together. */
async function loadInputs(inputs: string[], settings: Neo4jSettings, driver: Driver, options: LoadInputsOptions): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  const load = async (graph: NewsGraph) => {
    const report = await loadGraph(graph, settings, {
      driver,
      schema: false,
      batchSize: options.batchSize,
      onDocument: (document) => options.log?.(describe(document)),
    });
    reports.push(report);
  };
  let articles: string[] = [];
  const flush = async () => {
    if (articles.length === 0) return;
    const run = articles;
    articles = [];
    for await (const extracted of corpusGraphs(run, { progress: true, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}) })) {
      const graph: NewsGraph = new MultiDirectedGraph();
      graph.import(extracted.graph);
      await load(graph);
    }
  };
  for (const input of inputs) {
    if (extname(input).toLowerCase() !== '.json') {
      articles.push(input);
      continue;
    }
    await flush();
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch {
      throw new NewsgraphError(`${input}: cannot read graph JSON`);
    }
    await load(graphFromJson(text, input));
  }
  await flush();
  return reports;
}

function describe(document: DocumentLoadReport): string {
  const name = document.doc !== undefined ? `Document:${document.doc}` : '(no document)';
  return `${name}: ${document.nodes} nodes, ${document.relationships} relationships (${document.nodesCreated} and ${document.relationshipsCreated} new)`;
}

function sum(reports: LoadReport[]): LoadReport {
  const total: LoadReport = { documents: [], nodes: 0, relationships: 0, nodesCreated: 0, relationshipsCreated: 0, statements: 0, ms: 0 };
  for (const report of reports) {
    total.documents.push(...report.documents);
    total.nodes += report.nodes;
    total.relationships += report.relationships;
    total.nodesCreated += report.nodesCreated;
    total.relationshipsCreated += report.relationshipsCreated;
    total.statements += report.statements;
    total.ms += report.ms;
  }
  return total;
}
