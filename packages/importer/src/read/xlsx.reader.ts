import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, isFormulaValue } from './cell-text.js';
import { TableReadError } from './table-error.js';
import { isBlankRow, type TableRow } from './table-row.js';
import { decodeUtf8Chunks, utf8Stream } from './utf8-chunks.js';

/** The two WorkbookReader internals we wrap to fix its chunk-boundary decoding (see utf8-chunks.ts). */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

function workbookReader(input: Readable): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    // Shared strings are held in memory, as Excel does; WPS files often have none (inline strings).
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(decodeUtf8Chunks(iterator), sheetNo);
  internals._parseSharedStrings = (entry) => parseSharedStrings(utf8Stream(entry));
  return reader;
}

function toTableRow(row: ExcelJS.Row): TableRow {
  const cells: string[] = [];
  const formulas: number[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const index = column - 1;
    while (cells.length < index) cells.push('');
    cells[index] = cellText(cell.value);
    if (isFormulaValue(cell.value)) formulas.push(index);
  });
  return { row: row.number, cells, formulas };
}

const corrupt = (cause: unknown) => new TableReadError('corrupt', '文件已损坏或不是有效的 xlsx 文件', { cause });

/** Streams the rows of the first worksheet; the file is read from disk as it is parsed, never whole. */
export async function* readXlsxRows(path: string): AsyncGenerator<TableRow> {
  const input = createReadStream(path);
  const reader = workbookReader(input);
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      sawSheet = true;
      for await (const row of worksheet) {
        const tableRow = toTableRow(row);
        if (!isBlankRow(tableRow.cells)) yield tableRow;
      }
      break;
    }
  } catch (error) {
    throw error instanceof TableReadError ? error : corrupt(error);
  } finally {
    input.destroy();
  }
  // A zip cut short can end without error, having yielded no worksheet at all.
  if (!sawSheet) throw corrupt(new Error('no worksheet found'));
}
