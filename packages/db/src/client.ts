import { mkdirSync } from 'node:fs';
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
  /**
   * Runs `work` in one transaction on one connection, COPY included: readers keep seeing the
   * previous data until it commits, and a failure leaves everything as it was.
   */
  transaction<T>(work: (tx: TxClient) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** What a transaction can do: the same queries and COPY, bound to the transaction's connection. */
export type TxClient = Pick<DbClient, 'db' | 'rows' | 'copyCsv'>;

export interface ClientOptions {
  /** postgres://… ; when absent an embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
};
const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`;

export async function createClient(options: ClientOptions = {}): Promise<DbClient> {
  return options.databaseUrl ? createPostgresClient(options.databaseUrl, options.maxConnections ?? 10) : createPgliteClient(options.dataDir ?? './data/pglite');
}

async function createPgliteClient(dataDir: string): Promise<DbClient> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { vector } });
  const db: Database = drizzlePglite(pg, { schema });
  return {
    db,
    driver: 'pglite',
    async rows<T>(query: SQL) {
      return rowsOf<T>(await db.execute(query));
    },
    async copyCsv(table, columns, csv) {
      // PGlite has no client socket; COPY reads from a virtual /dev/blob file instead.
      await pg.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([csv]) });
    },
    async transaction(work) {
      return pg.transaction(async (tx) => {
        // drizzle's PGlite driver is typed for the PGlite instance, but it only calls query/exec,
        // which a PGlite Transaction has too.
        const txDb: Database = drizzlePglite(tx as unknown as PGlite, { schema });
        return work({
          db: txDb,
          async rows<T>(query: SQL) {
            return rowsOf<T>(await txDb.execute(query));
          },
          async copyCsv(table, columns, csv) {
            await tx.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([csv]) });
          },
        });
      });
    },
    async migrate() {
      await migratePglite(drizzlePglite(pg), { migrationsFolder });
    },
    async close() {
      await pg.close();
    },
  };
}

async function createPostgresClient(url: string, max: number): Promise<DbClient> {
  const client = postgres(url, { max, onnotice: () => {} });
  const db: Database = drizzlePostgres(client, { schema });
  return {
    db,
    driver: 'postgres',
    async rows<T>(query: SQL) {
      return rowsOf<T>(await db.execute(query));
    },
    copyCsv: (table, columns, csv) => copyPostgres(client, table, columns, csv),
    async transaction(work) {
      return client.begin(async (tx) => {
        // drizzle reads the client's type parsers from `options`, which a transaction handle
        // lacks: lend it the pool's (drizzle already configured them on the pool).
        // (postgres.js types a TransactionSql apart from Sql although it is called the same way.)
        const txSql = Object.assign(tx, { options: client.options }) as unknown as postgres.Sql;
        const txDb: Database = drizzlePostgres(txSql, { schema });
        return work({
          db: txDb,
          async rows<T>(query: SQL) {
            return rowsOf<T>(await txDb.execute(query));
          },
          copyCsv: (table, columns, csv) => copyPostgres(txSql, table, columns, csv),
        });
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

async function copyPostgres(client: postgres.Sql, table: string, columns: readonly string[], csv: string): Promise<void> {
  const stream = await client.unsafe(copyStatement(table, columns, 'STDIN')).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(csv);
  });
}

/** Quote one CSV field for COPY (FORMAT csv): null → empty unquoted, everything else quoted. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/** A bytea value in COPY's text form (hex). */
export const pgBytea = (bytes: Buffer): string => `\\x${bytes.toString('hex')}`;

/** A PostgreSQL array literal for a text[] column inside CSV. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

export { sql };
