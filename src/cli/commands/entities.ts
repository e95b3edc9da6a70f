/**
 * `newsgraph entities CORPUS…`: audit the corpus's identities. Every entity
 * node that joins several documents (or several names), with the forms each
 * document used and why they are one: the same name, the same shared name
 * in the same country, a surname, an acronym (src/identify/explain.ts).
 */
import type { Command } from 'commander';
import { parseJobs } from '../../corpus/index.js';
import { explainEntities, type EntityExplanation } from '../../identify/explain.js';
import { readGraph } from '../graph-input.js';

interface EntitiesCommandOptions {
  all?: boolean;
  json?: boolean;
  jobs?: string;
}

/** One block per entity: its name and key, then a line per document. */
export function describeEntities(entities: EntityExplanation[]): string {
  const lines: string[] = [];
  for (const entity of entities) {
    lines.push(`${entity.name}  [${entity.key}]  ${entity.documents.length} document(s)`);
    const width = Math.max(...entity.documents.map((d) => d.doc.length));
    for (const d of entity.documents) lines.push(`  ${d.doc.padEnd(width)}  ${d.forms.join(', ')}  — ${d.why}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function register(program: Command): void {
  program
    .command('entities')
    .description('List each entity that joins several documents or names: the forms each document used, and why they are one.')
    .argument('<inputs...>', 'article files, folders, JSONL, - for stdin, or graph .json files from `newsgraph extract`')
    .option('--all', 'every entity, not only those that join documents or names')
    .option('--json', 'print JSON: [{key, kind, name, aliases, jurisdiction, documents: [{doc, articleKey, forms, reason, why}]}]')
    .option('-j, --jobs <n>', 'extraction worker threads (default: one per core)')
    .action(async (inputs: string[], options: EntitiesCommandOptions) => {
      const graph = await readGraph(inputs, options.jobs !== undefined ? { jobs: parseJobs(options.jobs) } : {});
      const entities = explainEntities(graph, { all: options.all === true });
      process.stdout.write(options.json ? JSON.stringify(entities, null, 2) + '\n' : describeEntities(entities));
    });
}
