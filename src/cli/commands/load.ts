/**
 * `newsgraph load FILE…`: articles (text files, folders, JSONL, `-`) are
 * extracted, graph JSON and graph lines (`extract --jsonl`) read as they
 * are, and streamed into Neo4j many articles to a transaction, never the
 * whole corpus in memory. The connection is checked before any input is
 * read, so a wrong URI, password or database fails with exit code 3 and
 * nothing written. `--csv DIR` writes files for `neo4j-admin database
 * import` instead (a first bulk load of an archive, no server needed).
 */
import type { Command } from 'commander';
import { parseJobs } from '../../corpus/pool.js';
import { standardInput } from '../../io/input.js';
import { DEFAULT_BATCH_ROWS, describeTarget, settingsFromEnv } from '../../neo4j/settings.js';
import type { LoadReport } from '../../neo4j/load.js';
import { ExitCode, NewsgraphError, type NewsGraph } from '../../types.js';
import type { DocumentBatch } from '../../neo4j/rows.js';
import type { GraphInputOptions } from '../graph-input.js';

interface LoadCommandOptions {
  jobs?: string;
  batchSize: string;
  replace?: boolean;
  resume?: boolean;
  csv?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('load')
    .description(
      'Extract articles (or read graph JSON or graph lines) and load them into Neo4j, many whole articles per transaction. ' +
        'Connection: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.',
    )
    .argument('<inputs...>', 'article files, folders, JSONL streams, graph .json files, graph lines (extract --jsonl), or - for stdin')
    .option('-j, --jobs <n>', 'extraction worker threads (default: one per core)')
    .option('--batch-size <n>', 'rows (nodes + relationships) per transaction, whole articles each; 1: one article per transaction', String(DEFAULT_BATCH_ROWS))
    .option('--replace', "replace each article's earlier load: remove its quotes and facts this extraction no longer finds")
    .option('--resume', 'skip the articles already loaded (after an interrupted load), without extracting them again')
    .option('--csv <dir>', 'write CSV files and an import script for `neo4j-admin database import` into DIR instead of loading')
    .option('--json', 'print the load report as JSON')
    .action(async (inputs: string[], options: LoadCommandOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new NewsgraphError(`--batch-size must be a whole number of at least 1, not "${options.batchSize}"`, ExitCode.badUsage);
      }
      const jobs = options.jobs !== undefined ? { jobs: parseJobs(options.jobs) } : {};
      // A closed stdin is the input's fault: say so before anyone blames the server.
      if (inputs.includes('-')) standardInput();
      if (options.csv !== undefined) {
        const { writeImportCsv } = await import('../../neo4j/csv.js');
        const written = await writeImportCsv(articleBatches(inputs, jobs), options.csv);
        process.stdout.write(
          options.json ? JSON.stringify(written, null, 2) + '\n' : `wrote ${written.articles} article(s) as CSV to ${options.csv}: ${written.nodes} nodes, ${written.relationships} relationships; import with ${written.script}\n`,
        );
        return;
      }
      await load(inputs, { ...jobs, batchSize, replace: options.replace === true, resume: options.resume === true, json: options.json === true });
    });
}

/** Every input's articles as rows for the loader, one article at a time. */
async function* articleBatches(inputs: string[], options: GraphInputOptions): AsyncGenerator<DocumentBatch> {
  const [{ inputGraphs }, { documentBatches }, { graphFromSerialized }] = await Promise.all([
    import('../graph-input.js'),
    import('../../neo4j/rows.js'),
    import('../../io/graph.js'),
  ]);
  for await (const item of inputGraphs(inputs, { ...options, progress: false })) {
    const graph: NewsGraph = item.kind === 'article' ? graphFromSerialized(item.graph) : item.graph;
    yield* documentBatches(graph);
  }
}

interface Load {
  jobs?: number;
  batchSize: number;
  replace: boolean;
  resume: boolean;
  json: boolean;
}

async function load(inputs: string[], options: Load): Promise<void> {
  const [{ checkConnection, openDriver, userError }, { loadArticles, loadedDocuments }, { countInputArticles }, { progressBar }] = await Promise.all([
    import('../../neo4j/connect.js'),
    import('../../neo4j/load.js'),
    import('../graph-input.js'),
    import('../../corpus/progress.js'),
  ]);
  const settings = settingsFromEnv();
  const driver = openDriver(settings);
  const started = Date.now();
  // On a terminal a bar with rows/s and ETA; piped, a plain line every 10 s.
  const bar = progressBar({ rate: 'rows', plainEveryMs: 10_000 });
  try {
    // Before reading or extracting anything: refuse early, write nothing.
    await checkConnection(driver, settings);
    const total = await countInputArticles(inputs);
    // --resume: articles whose Document is there are skipped before extraction.
    let skipped = 0;
    const skip = async (ids: string[]) => {
      const loaded = await loadedDocuments(driver, settings, ids);
      skipped += loaded.size;
      return loaded;
    };
    const report = await loadArticles(articleBatches(inputs, { ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), ...(options.resume ? { skip } : {}) }), settings, {
      driver,
      batchSize: options.batchSize,
      replace: options.replace,
      resume: options.resume,
      onBatch: ({ report: sofar }) => {
        const progress = { done: sofar.articles + sofar.skipped + skipped, words: 0, rows: sofar.nodes + sofar.relationships, elapsedMs: Date.now() - started };
        bar.update(total !== undefined ? { ...progress, total } : progress);
      },
    });
    report.skipped += skipped;
    bar.stop();
    process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : summary(report, describeTarget(settings)));
  } catch (error) {
    throw userError(error, settings);
  } finally {
    bar.stop();
    await driver.close().catch(() => undefined);
  }
}

function summary(report: LoadReport, target: string): string {
  const rows = report.nodes + report.relationships;
  const rate = report.ms > 0 ? Math.round((rows * 1000) / report.ms).toLocaleString('en-US') : '-';
  const removed = report.nodesDeleted + report.relationshipsDeleted > 0 ? `, ${report.nodesDeleted} nodes and ${report.relationshipsDeleted} relationships removed` : '';
  const skipped = report.skipped > 0 ? `; ${report.skipped} article(s) already loaded, skipped` : '';
  return (
    `loaded ${report.articles} article(s) into ${target}: ${report.nodes} nodes, ${report.relationships} relationships ` +
    `(${report.nodesCreated} nodes and ${report.relationshipsCreated} relationships new)${removed} in ${(report.ms / 1000).toFixed(1)} s, ` +
    `${rate} rows/s, ${report.transactions} transaction(s)${skipped}\n`
  );
}
