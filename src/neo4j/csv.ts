/**
 * CSV files for `neo4j-admin database import full`: the fastest first load
 * of a large archive, into a new database, with no server running. The same
 * rows as `load` sends (rows.ts), so the same keys, labels, types and
 * properties: a database imported this way and one loaded with `load` hold
 * the same graph, and `load` can go on adding articles to it afterwards.
 *
 * Streaming: documents, quotes and relationships are written as each article
 * comes; only entities are held (one record per distinct entity, aliases and
 * mention counts folded across articles) and written at the end. A row's
 * columns are its properties, so each label or type gets one file per set
 * of columns, every file with its own header line.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInt } from 'neo4j-driver';
import { NewsgraphError } from '../types.js';
import type { DocumentBatch, EntityRow } from './rows.js';
import { toParam, type PropertyValue } from './values.js';

export interface CsvReport {
  articles: number;
  /** Articles left out because their document was already written. */
  duplicates: number;
  nodes: number;
  relationships: number;
  files: string[];
  /** The script that runs neo4j-admin on the files. */
  script: string;
}

/** One open CSV file: a label or type and the columns its rows have. */
interface CsvFile {
  name: string;
  stream: WriteStream;
}

/** What neo4j-admin is told about a file: `--nodes=Label=file` or `--relationships=TYPE=file`. */
interface FileArgument {
  option: 'nodes' | 'relationships';
  group: string;
  name: string;
}

const ARRAY_DELIMITER = ';';

/**
 * Write the articles' rows as neo4j-admin import files into `dir` (created;
 * it must not hold an earlier export), plus `import.sh`. Written into a
 * temporary folder beside it and renamed at the end: a failure leaves no
 * half-written export.
 */
export async function writeImportCsv(articles: AsyncIterable<DocumentBatch>, dir: string): Promise<CsvReport> {
  const target = resolve(dir);
  const work = `${target}.${process.pid}.tmp`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const writer = new CsvWriter(work);
  try {
    for await (const article of articles) await writer.add(article);
    const report = await writer.finish();
    await rename(work, target).catch((error: NodeJS.ErrnoException) => {
      throw new NewsgraphError(`${dir}: cannot write the CSV export there (${error.code === 'ENOTEMPTY' || error.code === 'EEXIST' ? 'it exists and is not empty' : error.code})`);
    });
    return { ...report, script: join(dir, 'import.sh') };
  } catch (error) {
    writer.destroy();
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/** Entity rows folded across articles: what the loader's MERGE + mention recount leaves. */
interface EntityRecord {
  row: EntityRow;
  aliases: Set<string>;
  /** Sum of MENTIONED_IN counts; the graph's own count when there is none. */
  mentioned: number;
  mentionedIn: number;
}

class CsvWriter {
  private readonly files = new Map<string, CsvFile>();
  private readonly args: FileArgument[] = [];
  private readonly entities = new Map<string, EntityRecord>();
  private readonly documents = new Set<string>();
  private articles = 0;
  private duplicates = 0;
  private nodes = 0;
  private relationships = 0;

  constructor(private readonly dir: string) {}

  async add(article: DocumentBatch): Promise<void> {
    // The same article twice would duplicate its nodes' IDs and its relationships.
    if (article.doc !== undefined) {
      if (this.documents.has(article.doc)) {
        this.duplicates += 1;
        return;
      }
      this.documents.add(article.doc);
    }
    this.articles += 1;
    for (const rows of article.entities.values()) {
      for (const row of rows) {
        const known = this.entities.get(row.key);
        if (known) {
          for (const alias of row.aliases) known.aliases.add(alias);
          known.row = { ...row, props: { ...known.row.props, ...row.props } };
        } else {
          this.entities.set(row.key, { row, aliases: new Set(row.aliases), mentioned: 0, mentionedIn: 0 });
        }
      }
    }
    for (const row of [...article.documents, ...article.quotes]) {
      await this.write('nodes', row.kind, { key: row.key, kind: row.kind, ...row.props });
    }
    for (const group of article.edges) {
      for (const row of group.rows) {
        if (group.type === 'MENTIONED_IN') {
          const entity = this.entities.get(row.source);
          if (entity) {
            entity.mentioned += Number(row.props.count ?? 0);
            entity.mentionedIn += 1;
          }
        }
        await this.write('relationships', group.type, { ':START_ID': row.source, ':END_ID': row.target, key: row.key, ...row.props });
      }
    }
  }

  async finish(): Promise<Omit<CsvReport, 'script'>> {
    for (const { row, aliases, mentioned, mentionedIn } of this.entities.values()) {
      const mentions = mentionedIn > 0 ? mentioned : Number(row.mentions);
      await this.write('nodes', row.kind, { key: row.key, kind: row.kind, name: row.name, aliases: [...aliases].sort(), mentions: toParam(mentions) as PropertyValue, ...row.props });
    }
    await Promise.all([...this.files.values()].map(({ stream }) => new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())))));
    await writeFile(join(this.dir, 'import.sh'), importScript(this.args), { mode: 0o755 });
    return {
      articles: this.articles,
      duplicates: this.duplicates,
      nodes: this.nodes,
      relationships: this.relationships,
      files: this.args.map((arg) => arg.name),
    };
  }

  destroy(): void {
    for (const { stream } of this.files.values()) stream.destroy();
  }

  /** One row into the file of its label/type and columns, opening it (header first) if new. */
  private async write(option: FileArgument['option'], group: string, row: Record<string, PropertyValue | undefined>): Promise<void> {
    const columns = Object.keys(row).filter((column) => row[column] !== undefined);
    const header = columns.map((column) => headerCell(column, row[column]!, option));
    const id = `${option} ${group} ${header.join(',')}`;
    let file = this.files.get(id);
    if (!file) {
      const name = `${option}-${group}-${[...this.files.keys()].filter((key) => key.startsWith(`${option} ${group} `)).length + 1}.csv`;
      file = { name, stream: createWriteStream(join(this.dir, name)) };
      this.files.set(id, file);
      this.args.push({ option, group, name });
      file.stream.write(header.map(quote).join(',') + '\n');
    }
    if (!file.stream.write(columns.map((column) => cell(row[column]!)).join(',') + '\n')) await once(file.stream, 'drain');
    if (option === 'nodes') this.nodes += 1;
    else this.relationships += 1;
  }
}

/** `name:type` for neo4j-admin; the node key is the ID (kept as the `key` property, one ID space). */
function headerCell(column: string, value: PropertyValue, option: FileArgument['option']): string {
  if (column.startsWith(':')) return column;
  if (column === 'key' && option === 'nodes') return 'key:ID';
  return `${column}:${typeOf(value)}`;
}

function typeOf(value: PropertyValue): string {
  if (Array.isArray(value)) return `${value.length > 0 ? typeOf(value[0]!) : 'string'}[]`;
  if (isInt(value)) return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function cell(value: PropertyValue): string {
  if (Array.isArray(value)) return quote(value.map((item) => String(item)).join(ARRAY_DELIMITER));
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/** Every field quoted, quotes doubled (RFC 4180; neo4j-admin's default quoting). */
function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function importScript(args: FileArgument[]): string {
  const files = args.map((arg) => `  --${arg.option}=${arg.group}=${arg.name} \\`).join('\n');
  return `#!/bin/sh
# Import newsgraph's CSV export into a NEW database with neo4j-admin (Neo4j 5):
#   sh import.sh [DATABASE]        (default: neo4j; the database must not exist yet)
# NEO4J_ADMIN names the command (default: neo4j-admin). Afterwards start the
# database: \`newsgraph load\` adds its schema (constraints, indexes) on its
# first run, or run schema/constraints.cypher and schema/indexes.cypher.
set -e
cd "$(dirname "$0")"
\${NEO4J_ADMIN:-neo4j-admin} database import full "\${1:-neo4j}" \\
  --id-type=string --multiline-fields=true --array-delimiter='${ARRAY_DELIMITER}' \\
${files}
  --overwrite-destination=false
`;
}
