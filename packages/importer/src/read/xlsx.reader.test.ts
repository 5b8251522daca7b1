import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalXlsx } from './minimal-xlsx.js';
import { openTable } from './table.js';
import type { TableRow } from './table-row.js';

const dir = mkdtempSync(join(tmpdir(), 'importer-wps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(name: string, content: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const table = await openTable(path);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { headers: table.headers, rows };
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('openTable: hand-built workbooks', () => {
  it('reads plain inline strings with no shared-strings or styles part, as WPS writes them', async () => {
    const rowsXml = `<row r="1">${inline('A1', '外部编号')}${inline('B1', '姓名')}${inline('C1', '工作年限')}</row><row r="2">${inline('A2', 'T-2024-0001')}${inline('B2', '测试&amp;甲')}<c r="C2"><v>5</v></c></row>`;
    const table = await readAll('wps.xlsx', minimalXlsx([{ name: 'Sheet1', file: 1, rowsXml }]));
    expect(table.headers).toEqual(['外部编号', '姓名', '工作年限']);
    expect(table.rows).toEqual([{ row: 2, cells: ['T-2024-0001', '测试&甲', '5'], formulas: [] }]);
  });
});
