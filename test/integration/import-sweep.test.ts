import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ImportJob } from '@talentmap/core';
import { useApi } from '../support/api.js';
import { testDriver } from '../support/database.js';
import { talentsCsv } from '../support/talents-csv.js';

/** A sweep every second, for jobs whose heartbeat is 5 s old (the least IMPORT_STALE_SECONDS takes). */
const api = useApi({ config: { IMPORT_STALE_SECONDS: 5, IMPORT_SWEEP_SECONDS: 1 } });
/** Enough rows to keep the worker busy for a few seconds on either driver. */
const ROWS = 20_000;

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a process killed during an import leaves: its job running, the last heartbeat an hour ago. */
async function orphan(): Promise<number> {
  const [row] = await api.database.client.rows<{ id: number }>(sql`
    insert into import_jobs (kind, mode, status, phase, file_name, file_path, file_bytes, username, started_at, heartbeat_at)
    values ('talents', 'all-or-nothing', 'running', 'reading', 'gone.csv', '/nonexistent/gone.upload', 1, 'admin', now() - interval '1 hour', now() - interval '1 hour')
    returning id`);
  return Number(row?.id);
}

const statuses = async (...ids: number[]) =>
  Object.fromEntries(
    (await api.database.client.rows<{ id: number; status: string }>(sql`select id, status from import_jobs where id in ${ids}`)).map((r) => [
      Number(r.id),
      r.status,
    ]),
  );

describe(`the stale-import sweep on ${testDriver}`, () => {
  it('interrupts a job whose process is gone while the server runs, and leaves the job it runs itself alone', { timeout: 300_000 }, async () => {
    const admin = api.as('admin');
    const template = (await admin.download('/api/imports/templates/talents?format=csv')).body.toString('utf8');
    const upload = await admin.upload<{ id: number }>(
      '/api/imports',
      { kind: 'talents', mode: 'all-or-nothing' },
      { name: 'own.csv', content: talentsCsv(template, ROWS, 'SWEEP').csv },
    );
    expect(upload.status).toBe(202);
    const own = upload.body.id;
    await until(async () => (await admin.get<ImportJob>(`/api/imports/${own}`)).body.status === 'running', 30_000, `import ${own} running`);

    // The own job's heartbeat made as old as the orphan's: only being this process's job spares it.
    const gone = await orphan();
    await api.database.client.rows(sql`update import_jobs set heartbeat_at = now() - interval '1 hour' where id = ${own}`);
    await api.app.importService.sweep();
    expect(await statuses(gone, own)).toEqual({ [gone]: 'interrupted', [own]: 'running' });

    // Nobody calls it: the timer sweeps every IMPORT_SWEEP_SECONDS.
    const later = await orphan();
    await until(async () => (await statuses(later))[later] === 'interrupted', 5_000, `orphan ${later} interrupted by the timer`);

    let job: ImportJob | undefined;
    await until(async () => (job = (await admin.get<ImportJob>(`/api/imports/${own}`)).body).phase === 'done', 240_000, `import ${own} done`);
    expect(job).toMatchObject({ status: 'committed', inserted: ROWS });
  });
});
