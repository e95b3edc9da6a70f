/**
 * Opening a driver and turning its failures into one-line NewsgraphErrors
 * (exit code 3) that name the server but never the password.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ExitCode, NewsgraphError } from '../types.js';
import { describeTarget, type Neo4jSettings } from './settings.js';

export interface DriverOptions {
  /** How long the driver retries a transaction on transient failures (ms). */
  maxRetryTimeMs?: number;
  /**
   * How long to wait for a connection, handshake included (ms, default 10 s):
   * a server that accepts the socket but never answers fails in this time.
   */
  connectionTimeoutMs?: number;
}

export function openDriver(settings: Neo4jSettings, options: DriverOptions = {}): Driver {
  if (settings.database?.toLowerCase() === 'system') {
    throw new NewsgraphError(`${describeTarget(settings)}: the system database holds no graphs; set NEO4J_DATABASE to a user database or leave it unset`, ExitCode.neo4j);
  }
  const connectionTimeout = options.connectionTimeoutMs ?? 10_000;
  try {
    return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
      // Integers come back as JS numbers: counts and offsets are far below 2^53.
      disableLosslessIntegers: true,
      maxTransactionRetryTime: options.maxRetryTimeMs ?? 30_000,
      connectionTimeout,
      // The connection timeout covers the socket only; a server that accepts it and
      // never answers the handshake is caught by the acquisition timeout (default 60 s).
      connectionAcquisitionTimeout: connectionTimeout,
      userAgent: 'newsgraph',
    });
  } catch (error) {
    // Malformed URIs fail here, before any connection.
    throw new NewsgraphError(`bad Neo4j URI ${describeTarget(settings)}: ${redact(firstLine(error), settings)}`, ExitCode.neo4j);
  }
}

/**
 * One round trip to the target database without retries, so an unreachable
 * server, a wrong password or a missing database fails fast and before any
 * write.
 */
export async function checkConnection(driver: Driver, settings: Neo4jSettings): Promise<void> {
  const session = driver.session(sessionConfig(settings, 'READ'));
  try {
    await session.run('RETURN 1');
  } catch (error) {
    throw neo4jError(error, settings);
  } finally {
    await session.close().catch(() => undefined);
  }
}

export function sessionConfig(settings: Neo4jSettings, mode: 'READ' | 'WRITE') {
  return {
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    ...(settings.database ? { database: settings.database } : {}),
  };
}

/** Open a driver, check it reaches the database, run `work`, always close. */
export async function withDriver<T>(
  settings: Neo4jSettings,
  work: (driver: Driver) => Promise<T>,
  options: DriverOptions = {},
): Promise<T> {
  const driver = openDriver(settings, options);
  try {
    await checkConnection(driver, settings);
    return await work(driver);
  } finally {
    await driver.close().catch(() => undefined);
  }
}

/** Driver and server error codes that mean "this server will not take our work" (exit code 3). */
const REFUSED: Record<string, string> = {
  ServiceUnavailable: 'cannot reach Neo4j',
  SessionExpired: 'lost the connection to Neo4j',
  'N/A': 'cannot talk to Neo4j', // the driver's own failures: timeouts, a closed socket
  'Neo.ClientError.Security.Unauthorized': 'Neo4j refused the credentials',
  'Neo.ClientError.Security.AuthenticationRateLimit': 'Neo4j refused the credentials (too many attempts)',
  'Neo.ClientError.Security.CredentialsExpired': 'Neo4j requires a password change',
  'Neo.ClientError.Security.Forbidden': 'Neo4j refused access',
  'Neo.ClientError.Database.DatabaseNotFound': 'no such database',
  'Neo.ClientError.Database.DatabaseUnavailable': 'database unavailable',
  // An operator (or a timeout) ended the transaction: the server will not take this work.
  'Neo.ClientError.Transaction.Terminated': 'Neo4j terminated the transaction',
  'Neo.TransientError.Transaction.Terminated': 'Neo4j terminated the transaction',
  'Neo.ClientError.Transaction.TransactionTimedOut': 'Neo4j timed the transaction out',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration': 'Neo4j timed the transaction out',
};

/**
 * Neo4j status codes are `Neo.<classification>.<category>.<title>`. What is
 * wrong with the request itself (a Cypher error, a bad parameter, a refused
 * write in a read transaction) is the user's input: exit code 1. Everything
 * else (security, the database, transient errors whose retries ran out, the
 * server failing) means the server did not take the work: exit code 3.
 */
function isRequestError(code: string): boolean {
  return /^Neo\.ClientError\.(Statement|Procedure|Request|Schema)\./.test(code);
}

/** True for errors that say the server is unreachable or refuses us. */
export function isConnectionError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && code in REFUSED;
}

/**
 * A one-line NewsgraphError for any driver failure, its exit code decided
 * by the Neo4j status code (see isRequestError).
 */
export function neo4jError(error: unknown, settings: Neo4jSettings): NewsgraphError {
  if (error instanceof NewsgraphError) return error;
  const code = errorCode(error) ?? 'N/A';
  const target = describeTarget(settings);
  const detail = redact(firstLine(error), settings);
  const what = REFUSED[code];
  if (what !== undefined) return new NewsgraphError(`${what} at ${target}: ${detail}`, ExitCode.neo4j);
  if (!isRequestError(code)) return new NewsgraphError(`Neo4j at ${target} failed (${code}): ${detail}`, ExitCode.neo4j);
  const hint = code === 'Neo.ClientError.Statement.AccessMode' ? ' (queries run read-only unless asked to write: --write)' : '';
  return new NewsgraphError(`Neo4j at ${target}: ${detail}${hint}`, ExitCode.badInput);
}

/**
 * Errors from the driver or the server, as opposed to our own bugs or the
 * system's (an unreadable stdin has a `code` too, and is not Neo4j's fault).
 */
export function isDriverError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Neo4jError' || error.name === 'GQLError' || /^Neo\./.test(errorCode(error) ?? ''));
}

/** Driver errors as NewsgraphErrors (see neo4jError); anything else unchanged. */
export function userError(error: unknown, settings: Neo4jSettings): unknown {
  return isDriverError(error) ? neo4jError(error, settings) : error;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The driver's "Failed to connect…" text is long; its cause is what matters.
  const cause = /Caused by: (.*)$/s.exec(message)?.[1];
  return (cause ?? message).split('\n')[0]!.trim();
}

/** Belt and braces: a password never appears in a message, even if a server echoes it. */
function redact(text: string, settings: Neo4jSettings): string {
  return settings.password.length > 0 ? text.split(settings.password).join('***') : text;
}
