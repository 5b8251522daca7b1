import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { vacancies } from '@talentmap/db';
import { decryptField } from '@talentmap/core/pii';
import { createTestDatabase, testDriver, TEST_PII_KEYS, TEST_TALENTS, type TestDatabase } from '../support/database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await database.client.rows<T>(query))[0] as T;

describe(`demo data on ${testDriver}`, () => {
  it('loads every table at the requested scale, all labelled synthetic', async () => {
    const counts = await one<Record<string, number>>(sql`select
      (select count(*)::int from talents) as talents,
      (select count(*)::int from talent_identities) as identities,
      (select count(*)::int from talent_truths) as truths,
      (select count(*)::int from enterprises) as enterprises,
      (select count(*)::int from vacancies) as vacancies,
      (select count(*)::int from job_seekers) as seekers,
      (select count(*)::int from institutions) as institutions,
      (select count(*)::int from programs) as programs,
      (select count(*)::int from talents where not synthetic) as real_talents`);
    expect(counts.talents).toBe(TEST_TALENTS);
    expect(counts.identities).toBe(TEST_TALENTS);
    expect(counts.truths).toBe(TEST_TALENTS);
    expect(counts.enterprises).toBeGreaterThan(0);
    expect(counts.vacancies).toBe(TEST_TALENTS / 2);
    expect(counts.seekers).toBeGreaterThan(0);
    expect(counts.programs).toBeGreaterThan(counts.institutions as number);
    expect(counts.real_talents).toBe(0);
  });

  it('spans eight quarters of postings with fill dates after post dates', async () => {
    const span = await one<{ quarters: number; bad: number; open: number }>(sql`select
      count(distinct date_trunc('quarter', posted_on))::int as quarters,
      count(*) filter (where filled_on < posted_on)::int as bad,
      count(*) filter (where filled_on is null)::int as open
      from vacancies`);
    expect(span.quarters).toBe(8);
    expect(span.bad).toBe(0);
    expect(span.open).toBeGreaterThan(0);
  });

  it('puts more talent in 苏州 than in 宿迁 and concentrates chains in their cities', async () => {
    const byCity = await database.client.rows<{ city: string; n: number }>(sql`
      select r.parent_code as city, count(*)::int as n from talents t join regions r on r.code = t.region_code group by 1`);
    const n = (code: string) => byCity.find((r) => r.city === code)?.n ?? 0;
    expect(n('320500')).toBeGreaterThan(2 * n('321300'));
    // Engineering machinery firms: 徐州 should hold the most.
    const machinery = await database.client.rows<{ city: string; n: number }>(sql`
      select r.parent_code as city, count(*)::int as n
      from enterprises e join enterprise_chains ec on ec.enterprise_id = e.id join chains c on c.code = ec.chain_code
      join regions r on r.code = e.region_code where c.name like '%工程机械%' group by 1 order by 2 desc`);
    expect(machinery[0]?.city).toBe('320300');
  });

  it('keeps about a third of talents high-skill (高级工 and above)', async () => {
    const share = await one<{ share: number }>(sql`select avg((grade >= 4)::int)::float as share from talent_truths`);
    expect(share.share).toBeGreaterThan(0.25);
    expect(share.share).toBeLessThan(0.4);
  });

  it('keeps personal fields out of the talents table', async () => {
    const cols = await database.client.rows<{ column_name: string }>(sql`
      select column_name from information_schema.columns where table_name = 'talents'`);
    const names = cols.map((c) => c.column_name);
    expect(names).not.toEqual(expect.arrayContaining(['full_name']));
    for (const personal of ['full_name', 'phone', 'id_number', 'name']) expect(names).not.toContain(personal);
    // Every talent has an identity, sealed: each ID number opens under the key to a well-formed one.
    const sealed = await database.client.rows<{ talent_id: number; id_number_sealed: Buffer }>(sql`select talent_id, id_number_sealed from talent_identities`);
    expect(sealed).toHaveLength(TEST_TALENTS);
    const open = sealed.map((r) => decryptField(TEST_PII_KEYS, Buffer.from(r.id_number_sealed), `talent:${r.talent_id}:id_number`));
    expect(open.filter((id) => /^32[0-9]{15}[0-9X]$/.test(id))).toHaveLength(TEST_TALENTS);
  });

  it('enforces domain constraints', async () => {
    const [v] = await database.client.db.select().from(vacancies).limit(1);
    expect(v).toBeDefined();
    await expect(
      database.client.db.insert(vacancies).values({ ...v!, id: undefined, postedOn: '2026-01-10', filledOn: '2026-01-01', embedding: null } as never),
    ).rejects.toThrow();
    await expect(database.client.rows(sql`insert into grades (level, name, high_skill) values (9, '超级工', true)`)).rejects.toThrow();
  });

  it('ends the bulk load with exactly the migrated indexes and constraints', async () => {
    const schemaOf = async (db: TestDatabase) => ({
      constraints: (
        await db.client.rows<{ n: string }>(
          sql`select conname::text || ':' || contype::text || ':' || pg_get_constraintdef(oid) as n from pg_constraint where connamespace = 'public'::regnamespace order by 1`,
        )
      ).map((r) => r.n),
      indexes: (await db.client.rows<{ n: string }>(sql`select indexdef as n from pg_indexes where schemaname = 'public' order by 1`)).map((r) => r.n),
    });
    const fresh = await createTestDatabase({ seed: false });
    try {
      const [migrated, seeded] = await Promise.all([schemaOf(fresh), schemaOf(database)]);
      expect(seeded.constraints.length).toBeGreaterThan(40);
      expect(seeded).toEqual(migrated);
    } finally {
      await fresh.dispose();
    }
  });

  it('rolls back a failed transaction completely', async () => {
    const before = await one<{ n: number }>(sql`select count(*)::int as n from enterprises`);
    await expect(
      database.client.db.transaction(async (tx) => {
        await tx.execute(sql`insert into enterprises (name, region_code, lng, lat, size) values ('回滚测试', '320102', 118.8, 32.05, 'small')`);
        await tx.execute(sql`insert into enterprises (name, region_code, lng, lat, size) values ('坏行', '000000', 118.8, 32.05, 'small')`);
      }),
    ).rejects.toThrow();
    const after = await one<{ n: number }>(sql`select count(*)::int as n from enterprises`);
    expect(after.n).toBe(before.n);
  });

  it('rolls back COPY inside a failed transaction', async () => {
    const before = await one<{ n: number }>(sql`select count(*)::int as n from institutions`);
    await expect(
      database.client.transaction(async (tx) => {
        await tx.copyCsv(
          'institutions',
          ['name', 'kind', 'region_code', 'lng', 'lat', 'capacity'],
          '"甲技师学院","technical_school","320102","118.8","32.05","100"\n',
        );
        const [inside] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from institutions`);
        expect(inside?.n).toBe(before.n + 1);
        throw new Error('abort the import');
      }),
    ).rejects.toThrow('abort the import');
    const after = await one<{ n: number }>(sql`select count(*)::int as n from institutions`);
    expect(after.n).toBe(before.n);
  });
});
