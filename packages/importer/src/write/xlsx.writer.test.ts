import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from './xlsx.writer.js';

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;

describe('writeXlsx', () => {
  it('writes a bold, frozen header row and the rows', async () => {
    const buffer = await writeXlsx([
      { name: '技能人才', columns: [{ header: '姓名', width: 12 }, { header: '工作年限' }], rows: [['测试甲', 5]] },
      { name: '说明', columns: [{ header: '说明' }], rows: [['第二张表']] },
    ]);
    const workbook = await load(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['技能人才', '说明']);
    const sheet = workbook.getWorksheet('技能人才')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '工作年限']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(12);
    expect(sheet.getRow(2).values).toEqual([undefined, '测试甲', 5]);
  });

  it('neutralises text cells, including headers, but not numbers', async () => {
    const buffer = await writeXlsx([{ name: 'a', columns: [{ header: '=备注' }, { header: 'n' }], rows: [['=1+1', -3]] }]);
    const sheet = (await load(buffer)).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "'=备注", 'n']);
    expect(sheet.getRow(2).values).toEqual([undefined, "'=1+1", -3]);
  });

  it('puts a short list inline as a drop-down on rows 2 to 10000', async () => {
    const buffer = await writeXlsx([{ name: 'a', columns: [{ header: '姓名' }, { header: '接受岗位推荐', validation: { list: ['是', '否'] } }], rows: [] }]);
    const workbook = await load(buffer);
    expect(workbook.worksheets).toHaveLength(1);
    const model = validations(workbook.worksheets[0]!);
    expect(model['B2']).toMatchObject({ type: 'list', formulae: ['"是,否"'], showErrorMessage: true });
    expect(model['B10000']).toBeDefined();
    expect(model['B10001']).toBeUndefined();
  });

  it('puts a list too long for Excel’s 255-character limit on a hidden sheet', async () => {
    const districts = Array.from({ length: 120 }, (_, i) => `区县${i}`);
    const buffer = await writeXlsx([
      {
        name: 'a',
        columns: [
          { header: '所在区县', validation: { list: districts } },
          { header: '证书', validation: { list: ['低压电工作业证', '有逗号,的证书'] } },
        ],
        rows: [],
      },
    ]);
    const workbook = await load(buffer);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['a', 'visible'],
      ['_lists', 'hidden'],
    ]);
    const model = validations(workbook.worksheets[0]!);
    expect(model['A2']?.formulae).toEqual(["'_lists'!$A$1:$A$120"]);
    expect(model['B2']?.formulae).toEqual(["'_lists'!$B$1:$B$2"]);
    const lists = workbook.getWorksheet('_lists')!;
    expect(lists.getCell('A120').value).toBe('区县119');
    expect(lists.getCell('B2').value).toBe('有逗号,的证书');
  });
});
