import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { decryptField } from '@talentmap/core/pii';
import type { CandidatesResponse } from '@talentmap/core';
import { TEST_PII_KEYS, testDriver } from '../support/database.js';
import { useApi, type ViewerApi } from '../support/api.js';

/**
 * No answer of any endpoint, to any viewer, carries a talent's phone number, ID number or name —
 * checked against the real identities, decrypted with the test key — and the table itself holds
 * none of them in the clear.
 */
const api = useApi();
const viewers: Record<string, () => ViewerApi> = {
  anonymous: () => api,
  admin: () => api.as('admin'),
  planner: () => api.as('planner'),
  'planner-suzhou': () => api.as('planner-suzhou'),
  'enterprise-demo': () => api.as('enterprise-demo'),
  'institution-demo': () => api.as('institution-demo'),
};

const phones = new Set<string>();
const idNumbers = new Set<string>();
/** Three-character names only: two-character ones (王伟) also occur as ordinary words and place names. */
const names = new Set<string>();

beforeAll(async () => {
  const rows = await api.database.client.rows<{ talent_id: number; full_name_sealed: Buffer; phone_sealed: Buffer; id_number_sealed: Buffer }>(sql`
    select talent_id, full_name_sealed, phone_sealed, id_number_sealed from talent_identities`);
  for (const r of rows) {
    const open = (sealed: Buffer, column: string) => decryptField(TEST_PII_KEYS, Buffer.from(sealed), `talent:${r.talent_id}:${column}`);
    phones.add(open(r.phone_sealed, 'phone'));
    idNumbers.add(open(r.id_number_sealed, 'id_number'));
    const name = open(r.full_name_sealed, 'full_name');
    if ([...name].length === 3) names.add(name);
  }
});

const GETS = [
  '/api/regions?level=district',
  '/api/chains',
  '/api/occupations?q=%E7%84%8A',
  '/api/skills?q=%E7%84%8A',
  '/api/map/talents?cellKm=3',
  '/api/map/enterprises',
  '/api/shortage/heatmap?level=district',
  '/api/shortage/timeseries?region=320500',
  '/api/shortage/catalog?region=320500',
  '/api/shortage/catalog/publications',
  '/api/indicators',
  '/api/forecast',
  '/api/institutions?region=320500',
  '/api/auth/me',
  '/api/auth/demo-accounts',
  '/api/audit-log?limit=50',
  '/api/contact-requests',
];

function leaks(body: string): string[] {
  const found = [...(body.match(/1[3-9]\d{9}/g) ?? [])].filter((p) => phones.has(p));
  found.push(...(body.match(/\d{17}[\dX]/g) ?? []).filter((id) => idNumbers.has(id)));
  for (const name of names) if (body.includes(name)) found.push(name);
  return found;
}

describe(`identities on ${testDriver}`, () => {
  it('are sealed in the table: no column holds a phone, an ID number or a name in the clear', async () => {
    expect(phones.size).toBeGreaterThan(1000);
    expect(names.size).toBeGreaterThan(100);
    const [row] = await api.database.client.rows<{ dump: string }>(sql`select string_agg(t::text, ' ') as dump from talent_identities t`);
    expect(leaks(row!.dump)).toEqual([]);
  });

  it.each(Object.keys(viewers))('never reach %s through any endpoint', async (name) => {
    const viewer = viewers[name]!();
    const bodies: string[] = [];
    for (const url of GETS) {
      const res = await viewer.get<unknown>(url);
      bodies.push(JSON.stringify(res.body));
    }
    const search = await viewer.post<CandidatesResponse>('/api/match/candidates', { occupationCode: '6-18-02-04', limit: 100 });
    bodies.push(search.raw);
    const first = search.status === 200 ? search.body.results[0]?.talentId : undefined;
    if (first) {
      bodies.push(JSON.stringify((await viewer.get(`/api/talents/${first}/pathways`)).body));
      bodies.push((await viewer.post('/api/match/programs', { talentId: first, occupationCode: '6-31-01-03' })).raw);
    }
    bodies.push((await viewer.post('/api/occupations/classify', { text: '招聘电焊工，联系王师傅' })).raw);
    const all = bodies.join('\n');
    expect(all.length).toBeGreaterThan(10_000);
    expect(leaks(all)).toEqual([]);
  });
});
