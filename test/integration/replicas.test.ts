import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import type { CandidatesResponse, PublicationSummary } from '@talentmap/core';
import { CatalogPublicationRepository } from '@talentmap/db';
import { replicaPort, replicaUrlsOf } from '../support/database.js';
import { useApi } from '../support/api.js';

/**
 * Reads on a real streaming replica (scripts/replica.sh, port TEST_REPLICA_PORT): the suite's replica
 * run only. The replica is paused, stopped and started under the app to see where reads go.
 */
const replicaScript = fileURLToPath(new URL('../../scripts/replica.sh', import.meta.url));
const replicaCommand = (action: 'start' | 'stop') =>
  promisify(execFile)('bash', [replicaScript, action], { env: { ...process.env, REPLICA_PORT: String(replicaPort) } });

const api = useApi();
const planner = api.as('planner-suzhou');

describe.skipIf(replicaPort === null)('reads on a streaming replica', () => {
  let replicaSql: postgres.Sql | undefined;
  const replica = () => (replicaSql ??= postgres(replicaUrlsOf(api.database.client)[0] ?? '', { max: 1, onnotice: () => {} }));
  afterAll(async () => {
    await replicaSql?.end();
  });
  const transactionsOnReplica = async () => {
    const [row] = await replica()<{ n: string }[]>`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`;
    return Number(row?.n);
  };
  const titles = async (viewer: { get: typeof api.get }) =>
    (await viewer.get<{ items: PublicationSummary[] }>('/api/shortage/catalog/publications?region=320500&limit=100')).body.items.map((p) => p.title);
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('serves searches, the map, the heatmap and the catalogue from the replica: its own statistics move', async () => {
    const before = await transactionsOnReplica();
    const servedBefore = api.app.reads.status()[0]?.served ?? 0;
    for (let i = 0; i < 5; i++) {
      const search = await planner.post<CandidatesResponse>('/api/match/candidates', { occupationCode: '6-18-02-04', regionCode: '320500', limit: 10 });
      expect(search.status).toBe(200);
      expect(search.body.results.length).toBeGreaterThan(0);
      for (const url of [
        '/api/map/talents?occupation=6-18-02-04',
        '/api/shortage/heatmap?level=city',
        '/api/shortage/catalog?region=320500',
        '/api/regions?level=city',
      ])
        expect((await api.get(url)).status, url).toBe(200);
    }
    expect((api.app.reads.status()[0]?.served ?? 0) - servedBefore).toBeGreaterThanOrEqual(20);
    // The standby's statistics are its own: they count what ran there (flushed within a second or so).
    await until(async () => (await transactionsOnReplica()) - before >= 20, 'the replica to count the reads');
  });

  it('sends an account’s reads to the primary after its own write until the replica has replayed it, and everyone’s after a publication', async () => {
    await replica()`select pg_wal_replay_pause()`;
    try {
      // Written behind the app's back: the router knows of no write, so reads stay on the (frozen) replica.
      await new CatalogPublicationRepository(api.database.client).create({
        year: '2026',
        regionCode: '320500',
        title: '副本测试·未通知',
        period: '2026',
        publishedBy: null,
        entries: [],
      });
      expect(await titles(api)).not.toContain('副本测试·未通知');
      expect(await titles(planner)).not.toContain('副本测试·未通知');
      // The planner writes (a token for a script): from now on the planner reads on the primary, the public still on the replica.
      expect((await planner.post('/api/auth/tokens', { name: '副本测试' })).status).toBe(201);
      expect(await titles(planner)).toContain('副本测试·未通知');
      expect(await titles(api)).not.toContain('副本测试·未通知');
      // A publication is for everyone: the public's next read waits for it too.
      const published = await planner.post<PublicationSummary>('/api/shortage/catalog/publications', { title: '副本测试·已发布' });
      expect(published.status).toBe(201);
      expect(await titles(api)).toEqual(expect.arrayContaining(['副本测试·已发布', '副本测试·未通知']));
    } finally {
      await replica()`select pg_wal_replay_resume()`;
    }
    // Caught up, the replica answers the public again (served moves) with everything.
    const served = api.app.reads.status()[0]?.served ?? 0;
    await until(async () => (await titles(api)).includes('副本测试·已发布') && (api.app.reads.status()[0]?.served ?? 0) > served, 'the replica to catch up');
  });

  it('loses the replica in the middle of a load without a failed request, and takes it back when it returns', async () => {
    const statuses: number[] = [];
    const failures: string[] = [];
    let stopped = false;
    const load = async () => {
      while (!stopped) {
        const search = await planner.post('/api/match/candidates', { occupationCode: '4-10-01-05', limit: 10 });
        const map = await api.get('/api/shortage/heatmap?level=district');
        statuses.push(search.status, map.status);
        for (const answer of [search, map]) if (answer.status !== 200) failures.push(`${answer.status} ${JSON.stringify(answer.body)}`);
      }
    };
    const clients = Array.from({ length: 4 }, load);
    await until(async () => statuses.length >= 40, 'the load to run');
    await replicaCommand('stop');
    const atStop = statuses.length;
    await until(async () => statuses.length >= atStop + 80, 'the load to go on without the replica');
    stopped = true;
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(api.app.reads.status()[0]?.healthy).toBe(false);

    await replicaCommand('start');
    await until(async () => api.app.reads.status()[0]?.healthy === true, 'the health check to take the replica back');
    const served = api.app.reads.status()[0]?.served ?? 0;
    expect((await api.get('/api/shortage/heatmap?level=city')).status).toBe(200);
    expect(api.app.reads.status()[0]?.served).toBeGreaterThan(served);
  }, 120_000);
});
