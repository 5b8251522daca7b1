import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../write/xlsx.writer.js';
import { openTable } from './table.js';
import { TableReadError } from './table-error.js';
import type { TableRow } from './table-row.js';

const dir = mkdtempSync(join(tmpdir(), 'importer-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function readAll(path: string, options?: Parameters<typeof openTable>[1]) {
  const table = await openTable(path, options);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { ...table, rows };
}

async function failure(promise: Promise<unknown>): Promise<TableReadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TableReadError);
  return error as TableReadError;
}

// A stream error that escaped our handling would surface here rather than as a test failure.
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
beforeEach(() => void process.on('unhandledRejection', onUnhandled));
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const csv = '外部编号,姓名,技能\r\nT-2024-0001,测试甲,"电气控制；PLC编程"\r\nT-2024-0002,测试乙,"焊接,\n气割"\r\n';
const expectedRows = [
  { row: 2, cells: ['T-2024-0001', '测试甲', '电气控制；PLC编程'], formulas: [] },
  { row: 3, cells: ['T-2024-0002', '测试乙', '焊接,\n气割'], formulas: [] },
];

describe('openTable: CSV', () => {
  it('reads UTF-8, UTF-8 with BOM and GBK versions of a file alike', async () => {
    const utf8 = await readAll(file('utf8.csv', csv));
    const bom = await readAll(file('bom.csv', '\uFEFF' + csv));
    const gbk = await readAll(file('gbk.csv', iconv.encode(csv, 'gbk')));
    expect(utf8).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headers: ['外部编号', '姓名', '技能'], rows: expectedRows });
    expect(bom).toMatchObject({ encoding: 'utf-8', headers: utf8.headers, rows: utf8.rows });
    expect(gbk).toMatchObject({ encoding: 'gb18030', headers: utf8.headers, rows: utf8.rows });
  });

  it('reads tab-delimited files', async () => {
    const table = await readAll(file('tab.tsv', '外部编号\t姓名\nT-2024-0001\t测试甲\n'));
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([{ row: 2, cells: ['T-2024-0001', '测试甲'], formulas: [] }]);
  });

  it('skips blank lines but counts them, as Excel numbers rows', async () => {
    const table = await readAll(file('blank.csv', '\n 外部编号 , 姓名 ,,\n\n,\nT-1,测试甲\n  \n'));
    expect(table.headers).toEqual(['外部编号', '姓名']);
    expect(table.rows).toEqual([{ row: 5, cells: ['T-1', '测试甲'], formulas: [] }]);
  });

  it('keeps short and long rows as they are', async () => {
    const table = await readAll(file('ragged.csv', 'a,b,c\n1\n1,2,3,4\n'));
    expect(table.rows.map((r) => r.cells)).toEqual([['1'], ['1', '2', '3', '4']]);
  });

  it('treats a stray quote inside a cell as text', async () => {
    const table = await readAll(file('quote.csv', 'a,b\n5"寸,x\n'));
    expect(table.rows[0]?.cells).toEqual(['5"寸', 'x']);
  });

  it.each([
    ['0 bytes', ''],
    ['a BOM only', '\uFEFF'],
    ['whitespace only', ' \r\n\t\n'],
  ])('refuses a file of %s as empty', async (_, content) => {
    const error = await failure(openTable(file('empty.csv', content)));
    expect(error).toMatchObject({ code: 'empty', message: '文件为空' });
  });

  it('returns the header and no rows for a header-only file', async () => {
    const table = await readAll(file('header.csv', '外部编号,姓名\r\n'));
    expect(table.headers).toEqual(['外部编号', '姓名']);
    expect(table.rows).toEqual([]);
  });

  it('refuses a record over the size limit, naming its row', async () => {
    const path = file('big.csv', `a,b\n1,2\n3,${'x'.repeat(5000)}\n5,6\n`);
    const error = await failure(readAll(path, { maxRecordBytes: 1000 }));
    expect(error.code).toBe('too-large-record');
    expect(error.message).toContain('第3行');
  });

  it('refuses an unclosed quote as corrupt', async () => {
    const error = await failure(readAll(file('unclosed.csv', 'a,b\n1,"2\n3,4\n')));
    expect(error.code).toBe('corrupt');
  });

  it('refuses GBK text after a UTF-8-looking start', async () => {
    const ascii = `a,b\n${'1,2\n'.repeat(20_000)}`;
    const path = file('mixed.csv', Buffer.concat([Buffer.from(ascii), iconv.encode('3,测试\n', 'gbk')]));
    const error = await failure(readAll(path));
    expect(error.code).toBe('encoding');
    expect(error.message).toContain('第20002行');
  });

  it('refuses UTF-16 and old .xls files', async () => {
    expect(await failure(openTable(file('utf16.csv', Buffer.from('\uFEFFa,b\n', 'utf16le'))))).toMatchObject({ code: 'encoding' });
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 7)]);
    expect(await failure(openTable(file('old.xls', xls)))).toMatchObject({
      code: 'unsupported',
      message: '不支持 .xls（Excel 97-2003）格式，请另存为 .xlsx 或 CSV',
    });
  });

  it('goes by content, not by the file name', async () => {
    expect((await readAll(file('really-a-csv.xlsx', csv))).format).toBe('csv');
  });

  it('can be closed before the rows are read to the end', async () => {
    const table = await openTable(file('close.csv', csv));
    await table.close();
    const rest: TableRow[] = [];
    for await (const row of table.rows) rest.push(row);
    expect(rest).toEqual([]);
  });
});

describe('openTable: XLSX', () => {
  it('round-trips a file written by writeXlsx', async () => {
    const buffer = await writeXlsx([
      {
        name: '技能人才',
        columns: [{ header: ' 外部编号 ' }, { header: '姓名' }, { header: '工作年限' }, { header: '登记日期' }, { header: '接受岗位推荐' }],
        rows: [
          ['T-2024-0001', '测试甲', 5, new Date(Date.UTC(2024, 0, 5)), true],
          [],
          ['T-2024-0002', '测试乙', 12.5, null, false],
          ['T-2024-0003', '', null, null, null],
        ],
      },
      { name: '说明', columns: [{ header: '不读' }], rows: [['第二张表']] },
    ]);
    const table = await readAll(file('round.xlsx', buffer));
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(table.headers).toEqual(['外部编号', '姓名', '工作年限', '登记日期', '接受岗位推荐']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['T-2024-0001', '测试甲', '5', '2024-01-05', 'TRUE'], formulas: [] },
      { row: 4, cells: ['T-2024-0002', '测试乙', '12.5', '', 'FALSE'], formulas: [] },
      { row: 5, cells: ['T-2024-0003'], formulas: [] },
    ]);
  });

  it('reports formula cells with their cached results', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('技能人才');
    sheet.addRow(['姓名', '工作年限', '备注']);
    sheet.addRow([{ formula: 'HYPERLINK("https://example.com","测试甲")', result: '测试甲' }, { formula: '1+1', result: 2 }, '无']);
    const table = await readAll(file('formula.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(table.rows).toEqual([{ row: 2, cells: ['测试甲', '2', '无'], formulas: [0, 1] }]);
  });

  it('reads inline strings in a file without a shared-strings part, as WPS writes', async () => {
    const path = join(dir, 'inline.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Sheet1');
    // exceljs writes a one-run rich text as <c t="inlineStr"><is>…</is></c>.
    const inline = (text: string) => ({ richText: [{ text }] });
    sheet.addRow([inline('外部编号'), inline('姓名')]).commit();
    sheet.addRow([inline('T-2024-0001'), '测试甲']).commit();
    sheet.commit();
    await workbook.commit();
    const table = await readAll(path);
    expect(table.headers).toEqual(['外部编号', '姓名']);
    expect(table.rows).toEqual([{ row: 2, cells: ['T-2024-0001', '测试甲'], formulas: [] }]);
  });

  it('keeps Chinese text whole across the zip stream’s chunk boundaries', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`T-${i}`, `测试${i}甲乙丙丁`.repeat(3)]);
    const table = await readAll(file('chunks.xlsx', await writeXlsx([{ name: 'a', columns: [{ header: '编号' }, { header: '姓名' }], rows }])));
    expect(table.rows).toHaveLength(5000);
    expect(table.rows.filter((r) => r.cells.join('').includes('\uFFFD'))).toEqual([]);
    expect(table.rows[4999]?.cells[1]).toBe('测试4999甲乙丙丁'.repeat(3));
  });

  it('refuses a truncated file cleanly, wherever it was cut', { timeout: 20_000 }, async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`T-${i}`, `测试${i}`, i]);
    const whole = await writeXlsx([{ name: 'a', columns: [{ header: '编号' }, { header: '姓名' }, { header: '年限' }], rows }]);
    for (const fraction of [0.02, 0.3, 0.5, 0.8, 0.97]) {
      const path = file(`cut-${fraction}.xlsx`, whole.subarray(0, Math.floor(whole.length * fraction)));
      const error = await failure(readAll(path));
      expect(error).toMatchObject({ code: 'corrupt', message: '文件已损坏或不是有效的 xlsx 文件' });
    }
  });

  it('refuses a zip that is not a workbook', async () => {
    const error = await failure(readAll(file('junk.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 1)]))));
    expect(error.code).toBe('corrupt');
  });

  it('refuses a workbook whose first sheet is empty', async () => {
    const buffer = await writeXlsx([{ name: 'a', columns: [], rows: [] }]);
    // Known exceljs race (workbooks with no shared strings go through temporary files): now and then
    // the sheet is never emitted, and the file is then refused as corrupt rather than empty.
    expect(['empty', 'corrupt']).toContain((await failure(readAll(file('blank.xlsx', buffer)))).code);
  });
});
