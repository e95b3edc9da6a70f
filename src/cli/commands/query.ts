/**
 * `newsgraph query CYPHER|FILE|NAME [--param k=v]… [--json]`: run Cypher
 * against Neo4j and print a table (or JSON). NAME is a shipped query from
 * schema/queries/; with no argument, the shipped queries are listed.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { settingsFromEnv } from '../../neo4j/settings.js';

interface QueryCommandOptions {
  param: string[];
  json?: boolean;
  write?: boolean;
}

export function register(program: Command): void {
  program
    .command('query')
    .description(
      'Run Cypher against Neo4j (a query string, a .cypher file, or a shipped query name) and print a table. ' +
        'Connection: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.',
    )
    .argument('[query]', 'Cypher text, a .cypher file, or a shipped query name; omit to list the shipped queries')
    .option('-p, --param <name=value>', 'a query parameter; value read as JSON when it is JSON (repeatable)', collect, [])
    .option('--json', 'print the rows as a JSON array of objects')
    .option('--write', 'allow the query to write (default: read-only)')
    .action(async (arg: string | undefined, options: QueryCommandOptions) => {
      // The driver loads only now (never compromise: a query needs no NLP).
      const [{ bindParams, parseParamOption, resolveQuery, rowObjects, runQuery }, { formatTable }] = await Promise.all([
        import('../../neo4j/query.js'),
        import('../../neo4j/table.js'),
      ]);
      if (arg === undefined) {
        process.stdout.write(await listing());
        return;
      }
      const query = await resolveQuery(arg);
      const params = bindParams(query, Object.fromEntries(options.param.map(parseParamOption)));
      const result = await runQuery(query.cypher, settingsFromEnv(), { params, write: options.write === true });
      process.stdout.write(
        options.json ? JSON.stringify(rowObjects(result), null, 2) + '\n' : formatTable(result.columns, result.rows),
      );
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The shipped queries: name, what each answers, its parameters. */
async function listing(): Promise<string> {
  const { parseQueryHeader, shippedQueries } = await import('../../neo4j/query.js');
  const lines: string[] = ['Shipped queries (newsgraph query NAME --param name=value):', ''];
  for (const [name, path] of await shippedQueries()) {
    const { description, params } = parseQueryHeader(await readFile(path, 'utf8'));
    lines.push(`  ${name}`, `      ${description}`);
    for (const param of params) lines.push(`      --param ${param.name}=…  ${param.description}`);
  }
  return lines.join('\n') + '\n';
}
