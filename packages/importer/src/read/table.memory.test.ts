import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable } from './table.js';

const dir = mkdtempSync(join(tmpdir(), 'importer-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADERS = [
  '外部编号',
  '姓名',
  '身份证号',
  '手机号',
  '所在区县',
  '职业',
  '技能等级',
  '工作年限',
  '就业状态',
  '接受岗位推荐',
  '技能',
  '证书',
  '通勤半径（公里）',
];
const record = (i: number) => [
  `T-2024-${String(i).padStart(6, '0')}`,
  `测试${i}`,
  `3201061990${String(i % 1e8).padStart(8, '0')}`,
  `139${String(i).padStart(8, '0')}`,
  '玄武区',
  '电工',
  '高级工',
  String(i % 40),
  '在职',
  '是',
  `电气控制；PLC编程；技能${i}`,
  '低压电工作业证',
  '30',
];

async function writeLines(path: string, rows: number) {
  const out = createWriteStream(path);
  out.write(`${HEADERS.join(',')}\n`);
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${record(i).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Reads every row while sampling RSS, so a reader that buffered the file would show it at its peak. */
async function peakGrowth(path: string) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let count = 0;
  const table = await openTable(path);
  for await (const _row of table.rows) {
    if (++count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { count, growth: peak - before };
}

describe('openTable memory', () => {
  it('streams a 200k-row CSV in bounded memory', { timeout: 120_000 }, async () => {
    const path = join(dir, 'big.csv');
    await writeLines(path, 200_000);
    const size = statSync(path).size;
    const { count, growth } = await peakGrowth(path);
    expect(count).toBe(200_000);
    expect(size).toBeGreaterThan(30 * 1024 * 1024);
    // Reading it whole would cost well over its size in JS strings and arrays.
    expect(growth).toBeLessThan(size);
  });

  it('streams a 100k-row XLSX in bounded memory', { timeout: 180_000 }, async () => {
    const path = join(dir, 'big.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(HEADERS).commit();
    for (let i = 0; i < 100_000; i++) sheet.addRow(record(i)).commit();
    sheet.commit();
    await workbook.commit();
    // The zip is compressed: compare with the sheet's uncompressed size, roughly its CSV size times the XML overhead.
    const { count, growth } = await peakGrowth(path);
    expect(count).toBe(100_000);
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  });
});
