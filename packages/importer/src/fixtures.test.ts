// The fixture corpus in test/fixtures/imports, read as its README says a correct importer reads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIXED_DATES, talentRow, TALENT_HEADERS } from '../../../test/fixtures/imports/make-fixtures.js';
import { createRegionResolver, parseDate, parseGrade, validateIdNumber, validatePhone, type GradeRef, type RegionRef } from './normalize.js';
import { openTable, type Table } from './read/table.js';
import type { TableRow } from './read/table-row.js';

const fixture = (name: string) => new URL(`../../../test/fixtures/imports/${name}`, import.meta.url).pathname;
const reference = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../../seed/reference/${name}`, import.meta.url), 'utf8')) as T;
const grades = reference<{ items: GradeRef[] }>('grades.json').items;
const resolveRegion = createRegionResolver(reference<{ features: { properties: RegionRef }[] }>('regions.geojson').features.map((f) => f.properties));

async function read(name: string, options?: Parameters<typeof openTable>[1]): Promise<Omit<Table, 'rows'> & { rows: TableRow[] }> {
  const table = await openTable(fixture(name), options);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { ...table, rows };
}

const talents = Array.from({ length: 20 }, (_, i) => talentRow(i));
const column = (name: string) => TALENT_HEADERS.indexOf(name);

/** Which checks a talents row fails, by column: the part of an importer this package can answer for. */
function problems(cells: string[]): string[] {
  const cell = (name: string) => cells[column(name)] ?? '';
  const failures: string[] = [];
  const id = validateIdNumber(cell('身份证号'));
  if (!id.ok) failures.push(`身份证号：${id.reason}`);
  const phone = validatePhone(cell('手机号'));
  if (!phone.ok) failures.push(`手机号：${phone.reason}`);
  const region = resolveRegion(cell('所在区县'));
  if (!region.ok) failures.push(`所在区县：${region.reason}`);
  const grade = parseGrade(cell('技能等级'), grades);
  if (!grade.ok) failures.push(`技能等级：${grade.reason}`);
  return failures;
}

describe('fixtures: the talents file in every encoding and format', () => {
  it.each([
    ['talents-utf8.csv', { format: 'csv', encoding: 'utf-8', delimiter: ',' }],
    ['talents-utf8-bom.csv', { format: 'csv', encoding: 'utf-8', delimiter: ',' }],
    ['talents-gbk.csv', { format: 'csv', encoding: 'gb18030', delimiter: ',' }],
    ['talents-tab.tsv', { format: 'csv', encoding: 'utf-8', delimiter: '\t' }],
    ['talents.xlsx', { format: 'xlsx', encoding: null, delimiter: null }],
  ])('%s gives the same 20 valid rows', async (name, meta) => {
    const table = await read(name);
    expect(table).toMatchObject({ ...meta, headers: TALENT_HEADERS });
    expect(table.rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(table.rows.map((r) => r.cells)).toEqual(talents);
    for (const row of table.rows) expect(problems(row.cells)).toEqual([]);
  });
});

describe('fixtures: files refused as a whole', () => {
  it.each([
    ['empty.csv', 'empty', '文件为空'],
    ['truncated.xlsx', 'corrupt', '文件已损坏或不是有效的 xlsx 文件'],
    ['legacy.xls', 'unsupported', '不支持 .xls（Excel 97-2003）格式，请另存为 .xlsx 或 CSV'],
  ])('%s → %s', { timeout: 10_000 }, async (name, code, message) => {
    await expect(read(name)).rejects.toMatchObject({ code, message });
  });

  it('big-cell.csv reads under the default limit and is refused under a 256 KiB one', async () => {
    const table = await read('big-cell.csv');
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.cells[column('技能')]!.length).toBeGreaterThan(400_000);
    await expect(read('big-cell.csv', { maxRecordBytes: 256 * 1024 })).rejects.toMatchObject({
      code: 'too-large-record',
      message: expect.stringContaining('第2行'),
    });
  });
});

describe('fixtures: headers', () => {
  it('header-only.csv has the headers and no rows', async () => {
    expect(await read('header-only.csv')).toMatchObject({ headers: TALENT_HEADERS, rows: [] });
  });
  it('missing-columns.csv lacks 身份证号 and 技能等级', async () => {
    const { headers, rows } = await read('missing-columns.csv');
    expect(TALENT_HEADERS.filter((h) => !headers.includes(h))).toEqual(['身份证号', '技能等级']);
    expect(rows).toHaveLength(3);
  });
  it('extra-columns.csv has 备注 after the talents columns', async () => {
    const { headers, rows } = await read('extra-columns.csv');
    expect(headers).toEqual([...TALENT_HEADERS, '备注']);
    expect(rows.map((r) => r.cells.at(-1))).toEqual(['', '夜班可', '外省来苏']);
  });
});

describe('fixtures: cell-level cases', () => {
  it('formula-cells.xlsx reports the two formula cells with their cached values', async () => {
    const { rows } = await read('formula-cells.xlsx');
    expect(rows.map((r) => ({ row: r.row, formulas: r.formulas }))).toEqual([
      { row: 2, formulas: [column('姓名')] },
      { row: 3, formulas: [column('工作年限')] },
    ]);
    expect(rows[0]!.cells[column('姓名')]).toBe('测试甲');
    expect(rows[1]!.cells[column('工作年限')]).toBe('2');
  });

  it('mixed-dates.csv: every 登记日期 is 2024-01-05', async () => {
    const { headers, rows } = await read('mixed-dates.csv');
    expect(headers).toEqual(['外部编号', '所在区县', '职业', '技能等级', '登记日期', '结束日期']);
    expect(rows.map((r) => r.cells[4])).toEqual(MIXED_DATES.map(([start]) => start));
    expect(rows.map((r) => parseDate(r.cells[4]!))).toEqual(rows.map(() => ({ ok: true, value: '2024-01-05' })));
    expect(rows.map((r) => (r.cells[5] ? parseDate(r.cells[5]) : null))).toEqual([
      { ok: true, value: '2024-06-30' },
      { ok: true, value: '2024-06-30' },
      { ok: true, value: '2024-12-31' },
      { ok: true, value: '2024-02-29' },
      { ok: true, value: '2024-03-01' },
      { ok: true, value: '2024-07-01' },
      { ok: true, value: '2024-07-01' },
      { ok: true, value: '2024-07-01' },
      { ok: true, value: '2024-07-01' },
      { ok: true, value: '2024-07-01' },
      null,
    ]);
  });

  it.each([
    ['bad-id.csv', ['身份证号：校验位错误']],
    ['unknown-region.csv', ['所在区县：未找到区县“火星区”']],
    ['unknown-occupation.csv', []],
  ])('%s: only its row 3 is bad', async (name, expected) => {
    const { rows } = await read(name);
    expect(rows.map((r) => [r.row, problems(r.cells)])).toEqual([
      [2, []],
      [3, expected],
      [4, []],
    ]);
  });

  it('unknown-occupation.csv has 量子纠缠调音师 on row 3', async () => {
    const { rows } = await read('unknown-occupation.csv');
    expect(rows[1]!.cells[column('职业')]).toBe('量子纠缠调音师');
  });

  it('mixed-bad.csv (GBK): rows 5, 9, 13 and 17 are bad, each in one way', async () => {
    const table = await read('mixed-bad.csv');
    expect(table.encoding).toBe('gb18030');
    const bad = table.rows.map((r) => [r.row, problems(r.cells)] as const).filter(([, p]) => p.length > 0);
    expect(bad).toEqual([
      [5, ['身份证号：校验位错误']],
      [9, [expect.stringMatching(/^手机号：/)]],
      [13, ['所在区县：未找到区县“火星区”']],
      [17, [expect.stringMatching(/^技能等级：.*九级/)]],
    ]);
  });
});
