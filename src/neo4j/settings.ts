/**
 * Where the graph goes: Neo4j's own environment conventions (NEO4J_URI,
 * NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE), so the same settings serve
 * a local server, a Docker container, Neo4j Desktop or AuraDB (`neo4j+s://`).
 */
export interface Neo4jSettings {
  /** `bolt://host:port`, or a routing `neo4j://` / `neo4j+s://` URI. */
  uri: string;
  username: string;
  password: string;
  /** Target database; the server's default database when absent. */
  database?: string;
}

/** The port and credentials `npm run neo4j:start` uses when nothing else is said. */
export const DEFAULT_SETTINGS: Neo4jSettings = {
  uri: 'bolt://127.0.0.1:7687',
  username: 'neo4j',
  password: 'newsgraph-test',
};

/**
 * Rows (nodes + relationships) `load` gathers into one transaction unless
 * told otherwise: fewer, larger transactions load faster (scripts/bench-neo4j.ts);
 * a server with a small transaction memory limit wants a smaller --batch-size.
 */
export const DEFAULT_BATCH_ROWS = 50_000;

/** Settings from the environment, each missing one from DEFAULT_SETTINGS. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  const settings: Neo4jSettings = {
    uri: nonEmpty(env.NEO4J_URI) ?? DEFAULT_SETTINGS.uri,
    username: nonEmpty(env.NEO4J_USERNAME) ?? nonEmpty(env.NEO4J_USER) ?? DEFAULT_SETTINGS.username,
    password: env.NEO4J_PASSWORD ?? DEFAULT_SETTINGS.password,
  };
  const database = nonEmpty(env.NEO4J_DATABASE);
  if (database !== undefined) settings.database = database;
  return settings;
}

/** How error messages name the target: URI and database, never the password. */
export function describeTarget(settings: Neo4jSettings): string {
  return settings.database ? `${settings.uri} (database "${settings.database}")` : settings.uri;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
