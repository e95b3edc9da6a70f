/**
 * CSV files for `neo4j-admin database import full`: the fastest first load
 * of a large archive, into a new database, with no server running. The same
 * rows as `load` sends (rows.ts), so the same keys, labels, types and
 * properties: a database imported this way and one loaded with `load` hold
 * the same graph, and `load` can go on adding articles to it afterwards.
 *
 * Identity: the entities go on the nodes `load` would put them on. An
 * article stream (texts, or `extract --jsonl` lines, each article keyed on
 * its own) has not been folded across articles yet, so the export places
 * every identity record once at the end, with the corpus rule
 * (src/identify/fold.ts: a function of the set of records, which `load`
 * reaches too, whatever its order); a corpus graph JSON was folded by
 * `extract` already, and placing its records again changes nothing. No
 * record ever moves here: nothing is written before its place is known.
 *
 * Streaming: documents and quotes are written as each article comes;
 * relationships, whose ends may be entities, go to a spool file (rendered
 * but for their two ends) and out at the end; only identity records (one
 * per entity per article, as the corpus merge holds them) and the entities
 * no record names are held. A row's columns are its properties, so each
 * label or type gets one file per set of columns, every file with its own
 * header line.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInt } from 'neo4j-driver';
import { append, nodeAttributes, placeRecords, type IdentityRecord } from '../identify/index.js';
import { lines } from '../io/lines.js';
import { NewsgraphError } from '../types.js';
import { kindOfKey, recordProperties } from './identity.js';
import type { DocumentBatch, EntityRow } from './rows.js';
import { nodeTitles, toParam, type PropertyValue } from './values.js';

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
  /** Its file name, which spooled lines refer to it by. */
  id: string;
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

/** An entity no identity record names (hand-made graphs): merged by key, as `load` merges it. */
interface LooseEntity {
  row: EntityRow;
  aliases: Set<string>;
}

/** A relationship end: a node key, or an entity to place (its document and its graph's node key). */
type End = string | { at: string };

/** A spooled relationship: its file, its ends, and the rest of its CSV line. */
type SpoolLine = [file: string, start: End, end: End, rest: string];

/** Where a record is found: its document and the node key its graph gave it. */
const at = (doc: string, node: string) => `${doc}\u0000${node}`;

class CsvWriter {
  private readonly files = new Map<string, CsvFile>();
  private readonly args: FileArgument[] = [];
  private readonly records: IdentityRecord[] = [];
  private readonly recordAt = new Map<string, IdentityRecord>();
  private readonly loose = new Map<string, LooseEntity>();
  private readonly documents = new Set<string>();
  private readonly spool: WriteStream;
  private readonly spoolPath: string;
  private articles = 0;
  private duplicates = 0;
  private nodes = 0;
  private relationships = 0;

  constructor(private readonly dir: string) {
    this.spoolPath = join(dir, 'relationships.spool');
    this.spool = createWriteStream(this.spoolPath);
  }

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
    const doc = article.doc;
    const recordOf = (node: string) => (doc === undefined ? undefined : this.recordAt.get(at(doc, node)));
    if (doc !== undefined) {
      for (const { node, record } of article.records) {
        this.records.push(record);
        this.recordAt.set(at(doc, node), record);
      }
    }
    for (const rows of article.entities.values()) {
      for (const row of rows) {
        if (recordOf(row.key)) continue; // written from its records at the end
        const known = this.loose.get(row.key);
        if (known) {
          for (const alias of row.aliases) known.aliases.add(alias);
          known.row = { ...row, props: { ...known.row.props, ...row.props } };
        } else {
          this.loose.set(row.key, { row, aliases: new Set(row.aliases) });
        }
      }
    }
    for (const row of [...article.documents, ...article.quotes]) {
      await this.writeRow('nodes', row.kind, { key: row.key, kind: row.kind, ...row.props });
    }
    for (const group of article.edges) {
      for (const row of group.rows) {
        // A MENTIONED_IN carries its record in full, as `load` writes it.
        const record = group.type === 'MENTIONED_IN' ? recordOf(row.source) : undefined;
        const props = record ? { ...recordProperties(record), key: row.key } : { key: row.key, ...row.props };
        const end = (node: string): End => (recordOf(node) ? { at: at(doc!, node) } : node);
        const file = this.file('relationships', group.type, { ':START_ID': '', ':END_ID': '', ...props });
        const rest = cells(props);
        const line: SpoolLine = [file.id, end(row.source), end(row.target), rest];
        if (!this.spool.write(JSON.stringify(line) + '\n')) await once(this.spool, 'drain');
      }
    }
  }

  async finish(): Promise<Omit<CsvReport, 'script'>> {
    // Every record on its node, as the corpus (and `load`, in any order) places it.
    const placements = placeRecords(this.records);
    const onNode = new Map<string, IdentityRecord[]>();
    for (const record of this.records) append(onNode, placements.get(record)!.node, record);
    for (const [key, records] of onNode) {
      const { name, aliases, mentions, titles, jurisdiction } = nodeAttributes(key, records);
      const kind = kindOfKey(key);
      const row: Record<string, PropertyValue> = { key, kind, name, aliases, mentions: toParam(mentions) as PropertyValue };
      const strings = nodeTitles(titles);
      if (strings) row.titles = strings;
      if (jurisdiction) row.jurisdiction = jurisdiction;
      await this.writeRow('nodes', kind, row);
    }
    for (const { row, aliases } of this.loose.values()) {
      if (onNode.has(row.key)) continue;
      await this.writeRow('nodes', row.kind, { key: row.key, kind: row.kind, name: row.name, aliases: [...aliases].sort(), mentions: toParam(Number(row.mentions)) as PropertyValue, ...row.props });
    }

    await new Promise<void>((done, fail) => this.spool.end((error?: Error | null) => (error ? fail(error) : done())));
    const byId = new Map([...this.files.values()].map((file) => [file.id, file]));
    const placed = (end: End) => (typeof end === 'string' ? end : placements.get(this.recordAt.get(end.at)!)!.node);
    for await (const bytes of lines(createReadStream(this.spoolPath), this.spoolPath)) {
      const [id, start, end, rest] = JSON.parse(Buffer.from(bytes).toString('utf8')) as SpoolLine;
      await this.line(byId.get(id)!, `${quote(placed(start))},${quote(placed(end))}${rest ? `,${rest}` : ''}`);
      this.relationships += 1;
    }
    await rm(this.spoolPath);

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
    this.spool.destroy();
    for (const { stream } of this.files.values()) stream.destroy();
  }

  /** A node row into the file of its label and columns. */
  private async writeRow(option: FileArgument['option'], group: string, row: Record<string, PropertyValue | undefined>): Promise<void> {
    await this.line(this.file(option, group, row), cells(row));
    if (option === 'nodes') this.nodes += 1;
    else this.relationships += 1;
  }

  /** The file of a label/type and a row's columns, opened (header first) if new. */
  private file(option: FileArgument['option'], group: string, row: Record<string, PropertyValue | undefined>): CsvFile {
    const columns = Object.keys(row).filter((column) => row[column] !== undefined);
    const header = columns.map((column) => headerCell(column, row[column]!, option));
    const id = `${option} ${group} ${header.join(',')}`;
    let file = this.files.get(id);
    if (!file) {
      const name = `${option}-${group}-${[...this.files.keys()].filter((key) => key.startsWith(`${option} ${group} `)).length + 1}.csv`;
      file = { id: name, name, stream: createWriteStream(join(this.dir, name)) };
      this.files.set(id, file);
      this.args.push({ option, group, name });
      file.stream.write(header.map(quote).join(',') + '\n');
    }
    return file;
  }

  private async line(file: CsvFile, text: string): Promise<void> {
    if (!file.stream.write(text + '\n')) await once(file.stream, 'drain');
  }
}

/** A row's cells, in its columns' order. */
function cells(row: Record<string, PropertyValue | undefined>): string {
  return Object.values(row)
    .filter((value): value is PropertyValue => value !== undefined)
    .map(cell)
    .join(',');
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
