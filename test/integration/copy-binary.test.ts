import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { BinaryCopyRows, type BinaryType } from '@talentmap/db';
import { createTestDatabase, testDriver, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  await database.client.rows(sql`create extension if not exists vector`);
  await database.client.rows(sql`
    create table binary_probe (id bigint primary key, label text, x float8, small smallint, flag boolean,
      doc jsonb, tags text[], raw bytea, v vector(3), n integer, day date)`);
});
afterAll(async () => database?.dispose());

const COLUMNS: Record<string, BinaryType> = {
  id: 'int8',
  label: 'text',
  x: 'float8',
  small: 'int2',
  flag: 'bool',
  doc: 'jsonb',
  tags: 'text[]',
  raw: 'bytea',
  v: 'vector',
  n: 'int4',
  day: 'date',
};

describe(`COPY in binary on ${testDriver}`, () => {
  it('loads every type the bulk loads use, NULLs and empty arrays included, as the server reads them', async () => {
    const rows = new BinaryCopyRows(Object.values(COLUMNS));
    rows.add([
      1,
      '苏州工业园区',
      -31.25,
      7,
      true,
      [{ skillId: 3, level: 2 }],
      ['焊工证', 'a"b,c'],
      Buffer.from([0, 255, 10]),
      [0.5, -0.25, 1],
      2_000_000_000,
      '2024-01-05',
    ]);
    rows.add([9_007_199_254_740_991, '', 0, -32_768, false, { nested: { 中文: '值' } }, [], Buffer.alloc(0), [0, 0, 1e-7], -1, '1999-12-31']);
    rows.add([3, null, null, null, null, null, null, null, null, null, null]);
    expect(rows.rows).toBe(3);
    await database.client.copyBinary('binary_probe', Object.keys(COLUMNS), rows.finish());
    const read = await database.client.rows<Record<string, unknown>>(sql`
      select id::text, label, x, small, flag, doc, tags, encode(raw, 'hex') as raw, v::text, n, to_char(day, 'YYYY-MM-DD') as day from binary_probe order by id`);
    expect(read).toEqual([
      {
        id: '1',
        label: '苏州工业园区',
        x: -31.25,
        small: 7,
        flag: true,
        doc: [{ skillId: 3, level: 2 }],
        tags: ['焊工证', 'a"b,c'],
        raw: '00ff0a',
        v: '[0.5,-0.25,1]',
        n: 2_000_000_000,
        day: '2024-01-05',
      },
      { id: '3', label: null, x: null, small: null, flag: null, doc: null, tags: null, raw: null, v: null, n: null, day: null },
      {
        id: '9007199254740991',
        label: '',
        x: 0,
        small: -32768,
        flag: false,
        doc: { nested: { 中文: '值' } },
        tags: [],
        raw: '',
        v: '[0,0,1e-07]',
        n: -1,
        day: '1999-12-31',
      },
    ]);
  });

  it('refuses a row whose values do not match the columns, and a load the server rejects', async () => {
    expect(() => new BinaryCopyRows(['int8', 'text']).add([1])).toThrow(/1 values for 2 columns/);
    const duplicate = new BinaryCopyRows(Object.values(COLUMNS));
    duplicate.add([1, 'again', 0, 0, false, {}, [], Buffer.alloc(0), [1, 0, 0], 0, '2024-02-29']);
    expect(() => new BinaryCopyRows(['date']).add(['2024-13-01'])).toThrow(/not a date/);
    await expect(database.client.copyBinary('binary_probe', Object.keys(COLUMNS), duplicate.finish())).rejects.toThrow(/duplicate key/);
    const [{ n } = { n: 0 }] = await database.client.rows<{ n: number }>(sql`select count(*)::int as n from binary_probe`);
    expect(n).toBe(3);
  });
});
