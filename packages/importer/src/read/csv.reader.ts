import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { TableReadError } from './table-error.js';
import { isBlankRow, type TableRow } from './table-row.js';

export interface CsvReadOptions {
  encoding: 'utf-8' | 'gb18030';
  delimiter: ',' | '\t';
  /** Counted in characters after decoding, which is what csv-parse buffers. */
  maxRecordBytes: number;
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function csvFailure(error: CsvError, maxRecordBytes: number): TableReadError {
  // The parser reads ahead of the consumer, so its own count, not ours, locates the failing record.
  const row = (typeof error.records === 'number' ? error.records : 0) + 1;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new TableReadError('too-large-record', `第${row}行过大（超过 ${sizeText(maxRecordBytes)}），请检查是否有引号未闭合或单元格内容过长`, {
      cause: error,
    });
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new TableReadError('corrupt', `CSV 格式错误：第${row}行起的引号没有闭合`, { cause: error });
  }
  return new TableReadError('corrupt', `CSV 格式错误（第${row}行附近）`, { cause: error });
}

/** Streams the records of a CSV file; memory holds one record at a time, however large the file. */
export async function* readCsvRows(path: string, options: CsvReadOptions): AsyncGenerator<TableRow> {
  const file = createReadStream(path);
  const decoder = iconv.decodeStream(options.encoding);
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    relax_column_count: true,
    // A stray quote inside a cell (5"寸) is text, as Excel reads it.
    relax_quotes: true,
    max_record_size: options.maxRecordBytes,
  });
  // .pipe() does not forward errors; the parser is what we iterate, so it must hear of them.
  file.on('error', (e) => parser.destroy(e));
  decoder.on('error', (e) => parser.destroy(e));
  file.pipe(decoder).pipe(parser);

  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (isBlankRow(record)) continue;
      // Invalid UTF-8 after the sample that decided the encoding decodes to U+FFFD: a mixed or misdetected file.
      if (options.encoding === 'utf-8' && record.some((c) => c.includes('\uFFFD'))) {
        throw new TableReadError('encoding', `第${row}行含有无法识别的字符：文件编码不是 UTF-8，请另存为 UTF-8 编码的 CSV 或 xlsx`);
      }
      yield { row, cells: record, formulas: [] };
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvFailure(error, options.maxRecordBytes);
    throw error;
  } finally {
    file.destroy();
    parser.destroy();
  }
}
