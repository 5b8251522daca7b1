import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema.js';
import { rowsOf } from './repositories/sql-helpers.js';

export type DatabaseDriver = 'pglite' | 'postgres';
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbClient {
  db: Database;
  driver: DatabaseDriver;
  /** Run a raw statement and get its rows, whatever the driver. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Bulk-load CSV text into a table with COPY (the fast path for seeding and imports). */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /** Bulk-load rows in COPY's binary format (BinaryCopyRows): no text to parse, for rows with vectors. */
  copyBinary(table: string, columns: readonly string[], rows: Buffer): Promise<void>;
  /**
   * Runs `work` in one transaction on one connection, COPY and DDL included: readers keep seeing
   * the previous data until it commits, and a failure leaves everything as it was. The client
   * `work` gets is bound to the transaction, so repositories and loaders take it like any other;
   * a transaction begun inside it (`transaction` or `db.transaction`) is a savepoint, and its
   * COPYs and raw statements run one at a time on the connection.
   */
  transaction<T>(work: (tx: DbClient) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** What a transaction can do: the same queries and COPY, bound to the transaction's connection. */
export type TxClient = Pick<DbClient, 'db' | 'rows' | 'copyCsv' | 'copyBinary'>;

export interface ClientOptions {
  /** postgres://… ; when absent an embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** How long a connection attempt may take (postgres.js default 30 s; replicas use less, to fail over soon). */
  connectTimeoutSeconds?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
};
type CopyFormat = 'csv' | 'binary';
const copyStatement = (table: string, columns: readonly string[], source: string, format: CopyFormat) =>
  `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT ${format})`;
/** A COPY of `data` in `format`, as each driver runs one. */
type Copier = (table: string, columns: readonly string[], data: string | Buffer, format: CopyFormat) => Promise<void>;

export async function createClient(options: ClientOptions = {}): Promise<DbClient> {
  return options.databaseUrl
    ? createPostgresClient(options.databaseUrl, options.maxConnections ?? 10, options.connectTimeoutSeconds ?? 30)
    : createPgliteClient(options.dataDir ?? './data/pglite');
}

async function createPgliteClient(dataDir: string): Promise<DbClient> {
  const memory = dataDir.startsWith('memory://');
  if (!memory) mkdirSync(dataDir, { recursive: true });
  const lock = memory ? null : takeDataDirLock(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, { extensions: { vector } });
  } catch (error) {
    lock?.release();
    throw unreadableDataDir(dataDir, error);
  }
  const db: Database = drizzlePglite(pg, { schema });
  return {
    db,
    driver: 'pglite',
    async rows<T>(query: SQL) {
      return rowsOf<T>(await db.execute(query));
    },
    copyCsv: (table, columns, csv) => copyPglite(pg, table, columns, csv, 'csv'),
    copyBinary: (table, columns, rows) => copyPglite(pg, table, columns, rows, 'binary'),
    async transaction(work) {
      return pg.transaction(async (tx) => {
        // drizzle's PGlite driver is typed for the PGlite instance, but it only calls query/exec,
        // which a PGlite Transaction has too.
        const txDb: Database = drizzlePglite(tx as unknown as PGlite, { schema });
        return work(boundToTransaction('pglite', txDb, (table, columns, data, format) => copyPglite(tx, table, columns, data, format)));
      });
    },
    async migrate() {
      await migratePglite(drizzlePglite(pg), { migrationsFolder });
    },
    async close() {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function createPostgresClient(url: string, max: number, connectTimeout: number): Promise<DbClient> {
  const client = postgres(url, { max, connect_timeout: connectTimeout, onnotice: () => {} });
  const db: Database = drizzlePostgres(client, { schema });
  return {
    db,
    driver: 'postgres',
    async rows<T>(query: SQL) {
      return rowsOf<T>(await db.execute(query));
    },
    copyCsv: (table, columns, csv) => copyPostgres(client, table, columns, csv, 'csv'),
    copyBinary: (table, columns, rows) => copyPostgres(client, table, columns, rows, 'binary'),
    async transaction(work) {
      return client.begin(async (tx) => {
        // drizzle reads the client's type parsers from `options`, which a transaction handle
        // lacks: lend it the pool's (drizzle already configured them on the pool).
        // (postgres.js types a TransactionSql apart from Sql although it is called the same way.)
        const txSql = Object.assign(tx, { options: client.options }) as unknown as postgres.Sql;
        const txDb: Database = drizzlePostgres(txSql, { schema });
        return work(boundToTransaction('postgres', txDb, (table, columns, data, format) => copyPostgres(txSql, table, columns, data, format)));
      }) as Promise<never>;
    },
    async migrate() {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * A DbClient bound to an open transaction. Nested transactions become savepoints (postgres.js
 * has no `begin` on a transaction handle and PGlite no nested `transaction`, so drizzle's own
 * would fail), and COPY and raw statements are queued: on one connection a second statement
 * sent while a COPY streams would break the protocol.
 */
function boundToTransaction(driver: DatabaseDriver, txDb: Database, copy: Copier): DbClient {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step);
    queue = next.catch(() => {});
    return next;
  };
  let savepoints = 0;
  const savepoint = async <T>(work: () => Promise<T>): Promise<T> => {
    const name = `sp_${++savepoints}`;
    await serial(() => txDb.execute(sql.raw(`savepoint ${name}`)));
    try {
      const result = await work();
      await serial(() => txDb.execute(sql.raw(`release savepoint ${name}`)));
      return result;
    } catch (error) {
      await serial(() => txDb.execute(sql.raw(`rollback to savepoint ${name}`)));
      throw error;
    }
  };
  // Callers use the handle they get as a drizzle transaction (select, insert, execute…): the
  // bound database is one.
  txDb.transaction = ((work: (tx: Database) => Promise<unknown>) => savepoint(() => work(txDb))) as Database['transaction'];
  const client: DbClient = {
    db: txDb,
    driver,
    rows: <T>(query: SQL) => serial(async () => rowsOf<T>(await txDb.execute(query))),
    copyCsv: (table, columns, csv) => serial(() => copy(table, columns, csv, 'csv')),
    copyBinary: (table, columns, rows) => serial(() => copy(table, columns, rows, 'binary')),
    transaction: (work) => savepoint(() => work(client)),
    migrate: () => Promise.reject(new Error('migrate runs on the client, not inside a transaction')),
    close: () => Promise.reject(new Error('close the client, not a transaction')),
  };
  return client;
}

/** PGlite has no client socket; COPY reads from a virtual /dev/blob file instead. */
async function copyPglite(pg: Pick<PGlite, 'query'>, table: string, columns: readonly string[], data: string | Buffer, format: CopyFormat): Promise<void> {
  // A Buffer is typed over ArrayBufferLike (it could be shared memory); these are plain ArrayBuffers.
  await pg.query(copyStatement(table, columns, `'/dev/blob'`, format), [], { blob: new Blob([data as string | Uint8Array<ArrayBuffer>]) });
}

/**
 * COPY FROM STDIN on postgres.js. When the server rejects the data (a duplicate key, say) after
 * the stream has ended, postgres.js 3.4.x neither fails the stream nor emits 'finish': the error
 * only reaches the query's own reject, and the query promise itself resolved long before with
 * the stream (porsager/postgres#1173). So the load would hang forever; hooking reject as well
 * as the stream's events makes every failure reject.
 */
async function copyPostgres(client: postgres.Sql, table: string, columns: readonly string[], data: string | Buffer, format: CopyFormat): Promise<void> {
  const query = client.unsafe(copyStatement(table, columns, 'STDIN', format));
  const settlers = query as unknown as { reject: (error: unknown) => void };
  const failed = new Promise<never>((_, reject) => {
    const original = settlers.reject;
    settlers.reject = (error) => {
      original(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    };
  });
  failed.catch(() => {}); // settled through the race below, or not at all on success
  const stream = await Promise.race([query.writable(), failed]);
  await Promise.race([
    failed,
    new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(data);
    }),
  ]);
}

/** Quote one CSV field for COPY (FORMAT csv): null → empty unquoted, everything else quoted. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/** A PostgreSQL array literal for a text[] column inside CSV. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * One process per embedded database: two PGlite instances writing one folder corrupt it. The
 * lock file names its holder; a lock whose process is gone (killed, crashed) is taken over.
 */
const LOCK_FILE = 'talentmap.lock';
const heldLocks = new Set<string>();
process.once('exit', () => {
  // A process that exits without closing its client (process.exit, an uncaught error) frees its locks.
  for (const path of heldLocks) {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
});

interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
};

function readLock(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null; // absent, or half-written by a process killed while writing it
  }
}

function takeDataDirLock(dataDir: string): { release(): void } {
  const path = resolve(join(dataDir, LOCK_FILE));
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
      heldLocks.add(path);
      return {
        release() {
          if (!heldLocks.delete(path)) return;
          if (readLock(path)?.pid === me.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(path);
    // Our own pid counts as alive only when this process really holds it (a restarted container
    // can be given the pid its killed predecessor had). The host is only reported: a container
    // started again gets a new host name for the same folder.
    const held = holder !== null && (holder.pid === me.pid ? heldLocks.has(path) : isAlive(holder.pid));
    if (held)
      throw new Error(
        `the embedded database in ${dataDir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}: ${holder.command}). ` +
          `Stop that process first (kill ${holder.pid}), or give this one another DATA_DIR or a DATABASE_URL. ` +
          `If no such process runs, delete ${path}.`,
      );
    try {
      unlinkSync(path); // stale: its process is gone
    } catch {
      /* another process took it over first; try again */
    }
  }
  throw new Error(`could not take the lock ${path}: other processes keep taking it`);
}

function unreadableDataDir(dataDir: string, error: unknown): Error {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const aside = `${dataDir.replace(/\/+$/, '')}.broken-${new Date().toISOString().slice(0, 10)}`;
  return new Error(
    `the embedded database in ${dataDir} could not be opened (${reason}). It is probably damaged, e.g. by a process ` +
      `killed while writing or a second process using the same folder. To recover, move it aside and start again, ` +
      `which creates a new database and loads the demo data anew:\n  mv ${dataDir} ${aside}`,
    { cause: error },
  );
}

export { sql };
