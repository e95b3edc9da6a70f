/**
 * The Cypher files under schema/: constraints and indexes the loader applies,
 * and the shipped queries. Files are found relative to this module, so they
 * work from src/ (tsx, vitest) and from dist/ alike.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { userError, sessionConfig } from './connect.js';
import type { Neo4jSettings } from './settings.js';

/** The project's schema/ folder. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));
/** The shipped who-said-what queries. */
export const QUERIES_DIR = join(SCHEMA_DIR, 'queries');
/** Another process created the same constraint or index first: the schema is as wanted. */
const ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

/** Applied in this order. */
export const SCHEMA_FILES = ['constraints.cypher', 'indexes.cypher'];

/**
 * The statements of a Cypher file: whole-line `//` comments dropped, split
 * at semicolons that end a line.
 */
export function splitStatements(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return code
    .split(/;[ \t]*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export async function schemaStatements(): Promise<string[]> {
  const texts = await Promise.all(SCHEMA_FILES.map((file) => readFile(join(SCHEMA_DIR, file), 'utf8')));
  return texts.flatMap(splitStatements);
}

/**
 * Create the constraints and indexes (each `IF NOT EXISTS`, so applying twice
 * is harmless) and wait until the indexes are online. Each statement runs as
 * a managed transaction, so a transient error (two loads creating the schema
 * of a new database at once deadlock on its locks) is retried, not fatal.
 */
export async function applySchema(driver: Driver, settings: Neo4jSettings): Promise<void> {
  const statements = await schemaStatements();
  const session = driver.session(sessionConfig(settings, 'WRITE'));
  try {
    // Schema changes cannot share a transaction with each other or with data.
    for (const statement of statements) {
      await session.executeWrite((tx) => tx.run(statement)).catch((error: unknown) => {
        // `IF NOT EXISTS` checks before it commits: a load creating the same rule at the same time wins the race.
        if (!ALREADY_THERE.has((error as { code?: string }).code ?? '')) throw error;
      });
    }
    await session.executeRead((tx) => tx.run('CALL db.awaitIndexes(300)'));
  } catch (error) {
    throw userError(error, settings);
  } finally {
    await session.close().catch(() => undefined);
  }
}
