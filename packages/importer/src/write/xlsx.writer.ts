import ExcelJS from 'exceljs';
import { neutraliseCell } from '../normalize/neutralise.js';

export interface XlsxColumn {
  header: string;
  width?: number;
  /** Offers these values as a drop-down on the column's data rows. */
  validation?: { list: string[] };
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: unknown[][];
}

/** Templates get the drop-down on this many rows; the validation is one range, not a rule per cell. */
const VALIDATED_ROWS = 10_000;
/** Excel refuses an inline list formula longer than this; longer lists are referenced from a hidden sheet. */
const INLINE_LIST_LIMIT = 255;
const LISTS_SHEET = '_lists';

/** exceljs supports range validations (one rule, one sqref) but leaves them out of its types. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function cellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return neutraliseCell(String(value));
}

/** An inline list is a quoted, comma-separated formula, so an item holding a comma or quote cannot go inline. */
function inlineList(list: readonly string[]): string | null {
  const formula = `"${list.join(',')}"`;
  return formula.length <= INLINE_LIST_LIMIT && !list.some((v) => /[,"]/.test(v)) ? formula : null;
}

/** The XLSX for templates, error reports and exports: one bold, frozen header row per sheet. */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const longLists: string[][] = [];
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({ header: neutraliseCell(c.header), width: c.width }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(cellValue));
    sheet.columns.forEach((column, index) => {
      if (!column.validation) return;
      const list = column.validation.list;
      let formula = inlineList(list);
      if (formula === null) {
        longLists.push(list);
        const letter = columnLetter(longLists.length - 1);
        formula = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(list.length, 1)}`;
      }
      const letter = columnLetter(index);
      (worksheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: '输入有误',
        error: `请从下拉列表中选择“${column.header}”`,
      });
    });
  }
  // Added last so that the data sheets keep their positions (the reader takes the first sheet).
  if (longLists.length > 0) {
    const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    longLists.forEach((list, index) => {
      list.forEach((value, row) => (lists.getCell(row + 1, index + 1).value = value));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
