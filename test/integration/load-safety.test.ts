import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createClient } from '@talentmap/db';
import { loadReference, readReference } from '@talentmap/seed';
import { createTestDatabase, testDriver, type TestDatabase } from '../support/database.js';
import { buildTestApp } from '../support/app.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  await database.client.rows(sql`create table copy_probe (id int primary key, note text)`);
});
afterAll(async () => database?.dispose());

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms))]);

describe(`COPY on ${testDriver}`, () => {
  it('rejects a duplicate primary key within seconds instead of hanging', async () => {
    await database.client.copyCsv('copy_probe', ['id', 'note'], '1,"a"\n2,"b"\n');
    const failure = await within(
      5_000,
      database.client.copyCsv('copy_probe', ['id', 'note'], '3,"c"\n1,"again"\n').then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(String(failure)).toMatch(/duplicate key|unique/i);
    // The connection is usable afterwards and nothing of the failed COPY landed.
    const [row] = await database.client.rows<{ n: number }>(sql`select count(*)::int as n from copy_probe`);
    expect(row?.n).toBe(2);
  });

  it('rejects a duplicate key inside a transaction and rolls it all back', async () => {
    const failure = await within(
      5_000,
      database.client
        .transaction(async (tx) => {
          await tx.copyCsv('copy_probe', ['id', 'note'], '10,"x"\n');
          await tx.copyCsv('copy_probe', ['id', 'note'], '11,"y"\n2,"dup"\n');
        })
        .then(
          () => null,
          (e: unknown) => e,
        ),
    );
    expect(String(failure)).toMatch(/duplicate key|unique/i);
    const [row] = await database.client.rows<{ n: number }>(sql`select count(*)::int as n from copy_probe`);
    expect(row?.n).toBe(2);
  });

  it('rejects malformed CSV', async () => {
    await expect(within(5_000, database.client.copyCsv('copy_probe', ['id', 'note'], 'not-a-number,"z"\n'))).rejects.toThrow(/invalid input syntax/);
  });

  it('runs DDL, COPY and savepoints in one transaction that commits or vanishes as a whole', async () => {
    await expect(
      database.client.transaction(async (tx) => {
        await tx.rows(sql`create index copy_probe_note on copy_probe (note)`);
        await tx.copyCsv('copy_probe', ['id', 'note'], '20,"p"\n');
        // A nested transaction is a savepoint: its failure is undone alone.
        await expect(tx.db.transaction(async (inner) => inner.execute(sql`insert into copy_probe values (1, 'dup')`))).rejects.toThrow();
        await tx.transaction(async (inner) => inner.rows(sql`insert into copy_probe values (21, 'q')`));
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    const [after] = await database.client.rows<{ n: number; idx: number }>(
      sql`select (select count(*)::int from copy_probe) as n, (select count(*)::int from pg_indexes where indexname = 'copy_probe_note') as idx`,
    );
    expect(after).toEqual({ n: 2, idx: 0 });
  });
});

describe(`health of an incomplete database on ${testDriver}`, () => {
  it('is degraded, naming what is missing, until the data is complete', async () => {
    const app = await buildTestApp(database.client);
    try {
      const health = async () => (await app.inject({ method: 'GET', url: '/api/health' })).json<Record<string, unknown>>();
      expect(await health()).toMatchObject({ status: 'degraded', missing: ['reference data', 'dataset', 'shortage rollups'] });
      // A dataset marker without rollups: what a load killed after writing the marker used to leave.
      await loadReference(database.client, readReference());
      await database.client.rows(sql`insert into dataset_meta (key, value) values ('dataset', '{"kind": "imported"}'::jsonb)`);
      const partial = await health();
      expect(partial).toMatchObject({ status: 'degraded', database: testDriver, missing: ['shortage rollups'] });
      expect(partial.reason).toMatch(/no shortage rollups/);
    } finally {
      await app.close();
    }
  });
});

describe('one process per embedded database', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentmap-lock-'));
    folders.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second client on the same folder, naming the holder, until the first closes', async () => {
    const dataDir = folder();
    const first = await createClient({ dataDir });
    try {
      await expect(createClient({ dataDir })).rejects.toThrow(new RegExp(`in use by process ${process.pid}\\b`));
    } finally {
      await first.close();
    }
    const second = await createClient({ dataDir });
    const [row] = await second.rows<{ one: number }>(sql`select 1 as one`);
    expect(row?.one).toBe(1);
    await second.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dataDir = folder();
    // A pid far above pid_max on Linux: no such process.
    writeFileSync(join(dataDir, 'talentmap.lock'), JSON.stringify({ pid: 99_999_999, host: 'gone', since: '2026-01-01T00:00:00Z', command: 'server.ts' }));
    const client = await createClient({ dataDir });
    await client.close();
  });

  it('takes no lock on an in-memory database', async () => {
    const [a, b] = await Promise.all([createClient({ dataDir: 'memory://' }), createClient({ dataDir: 'memory://' })]);
    await Promise.all([a.close(), b.close()]);
  });

  it('explains how to recover from a data folder that cannot be opened', async () => {
    const dataDir = folder();
    const healthy = await createClient({ dataDir });
    await healthy.close();
    // Damage the cluster: a control file of garbage.
    writeFileSync(join(dataDir, 'global', 'pg_control'), Buffer.alloc(8192, 0x5a));
    const failure = await createClient({ dataDir }).then(
      (c) => c.close().then(() => null),
      (e: unknown) => e as Error,
    );
    expect(failure?.message).toMatch(/could not be opened/);
    expect(failure?.message).toContain(`mv ${dataDir} ${dataDir}.broken-`);
    // The failed attempt released its lock.
    expect(() => writeFileSync(join(dataDir, 'talentmap.lock'), '', { flag: 'wx' })).not.toThrow();
  });
});
