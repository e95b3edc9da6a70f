/**
 * `newsgraph load FILE…`: articles (text files, folders, JSONL, `-`) are
 * extracted, graph JSON files from `newsgraph extract` read as they are, all
 * merged into one graph (readGraph) and loaded one transaction per article.
 * The connection is checked before any input is read, so a wrong URI,
 * password or database fails with exit code 3 and nothing written.
 */
import type { Command } from 'commander';
import { readGraph } from '../graph-input.js';
import { checkConnection, openDriver, userError } from '../../neo4j/connect.js';
import { loadGraph, type DocumentLoadReport, type LoadReport } from '../../neo4j/load.js';
import { describeTarget, settingsFromEnv } from '../../neo4j/settings.js';
import { ExitCode, NewsgraphError } from '../../types.js';

interface LoadCommandOptions {
  jobs?: string;
  batchSize: string;
  replace?: boolean;
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
    .option('--replace', "replace each article's earlier load: remove its quotes and facts this extraction no longer finds")
    .option('--json', 'print the load report as JSON')
    .action(async (inputs: string[], options: LoadCommandOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new NewsgraphError(`--batch-size must be a whole number of at least 1, not "${options.batchSize}"`, ExitCode.badUsage);
      }
      const settings = settingsFromEnv();
      const driver = openDriver(settings);
      try {
        // Before reading or extracting anything: refuse early, write nothing.
        await checkConnection(driver, settings);
        const graph = await readGraph(inputs, options.jobs !== undefined ? { jobs: Number(options.jobs) } : {});
        const report = await loadGraph(graph, settings, {
          driver,
          batchSize,
          replace: options.replace === true,
          ...(options.json ? {} : { onDocument: (document: DocumentLoadReport) => process.stdout.write(describe(document) + '\n') }),
        });
        process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : summary(report, describeTarget(settings)));
      } catch (error) {
        throw userError(error, settings);
      } finally {
        await driver.close().catch(() => undefined);
      }
    });
}

function describe(document: DocumentLoadReport): string {
  const name = document.doc !== undefined ? `Document:${document.doc}` : '(no document)';
  return `${name}: ${document.nodes} nodes, ${document.relationships} relationships (${document.nodesCreated} and ${document.relationshipsCreated} new)${removed(document)}`;
}

function summary(report: LoadReport, target: string): string {
  return (
    `loaded ${report.documents.length} document(s) into ${target}: ${report.nodes} nodes, ${report.relationships} relationships ` +
    `(${report.nodesCreated} nodes and ${report.relationshipsCreated} relationships new)${removed(report)} in ${(report.ms / 1000).toFixed(1)} s\n`
  );
}

function removed(report: { nodesDeleted: number; relationshipsDeleted: number }): string {
  return report.nodesDeleted + report.relationshipsDeleted > 0
    ? `, ${report.nodesDeleted} nodes and ${report.relationshipsDeleted} relationships removed`
    : '';
}
