import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '@talentmap/server';
import { TEST_PII_KEYS, testDriver } from '../support/database.js';
import { TEST_SESSION_SECRET } from '../support/app.js';
import { useApi } from '../support/api.js';

const api = useApi({ seed: false });

describe(`memory settings at start on ${testDriver}`, () => {
  it('warns with the recommended value for each setting below it, on PostgreSQL only', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      piiKeys: TEST_PII_KEYS,
      client: api.database.client,
      serveWeb: false,
      logStream: { write: (line) => void lines.push(line) },
      config: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: 100_000, SESSION_SECRET: TEST_SESSION_SECRET },
    });
    await app.ready();
    await app.close();
    const warned = lines.filter((l) => l.includes('is recommended'));
    if (testDriver === 'pglite') {
      expect(warned).toEqual([]);
      return;
    }
    // The server's own figure, read independently of the check: 1 GB is the floor it recommends.
    const [row] = await api.database.client.rows<{ bytes: number }>(sql`select pg_size_bytes(current_setting('shared_buffers'))::float8 as bytes`);
    const low = Number(row?.bytes) < 1024 ** 3;
    expect(warned.some((l) => /PostgreSQL shared_buffers is \d+(\.\d)?[MG]B; \d+(\.\d)?GB is recommended/.test(l))).toBe(low);
  });
});
