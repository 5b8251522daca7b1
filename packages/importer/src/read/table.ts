import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { readCsvRows } from './csv.reader.js';
import { detectDelimiter } from './delimiter.js';
import { detectTextEncoding } from './encoding.js';
import { sniffFileKind } from './sniff.js';
import { TableReadError } from './table-error.js';
import type { TableRow } from './table-row.js';
import { readXlsxRows } from './xlsx.reader.js';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: ',' | '\t' | null;
  headers: string[];
  /** The records after the header; can be iterated once. */
  rows: AsyncIterable<TableRow>;
  /** Releases the file if the rows are not read to the end. */
  close(): Promise<void>;
}

export interface OpenTableOptions {
  /** The largest record a CSV may hold before it is refused as malformed; default 4 MiB. */
  maxRecordBytes?: number;
}

const HEAD_BYTES = 64 * 1024;
const DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024;

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const cleanHeader = (h: string) => h.replace(/^\uFEFF/, '').trim();

/** Takes the first row off as the header, so that `rows` starts at the first record. */
async function withHeader(meta: Pick<Table, 'format' | 'encoding' | 'delimiter'>, source: AsyncGenerator<TableRow>): Promise<Table> {
  let first: IteratorResult<TableRow>;
  try {
    first = await source.next();
  } catch (error) {
    await source.return(undefined);
    throw error;
  }
  if (first.done) throw new TableReadError('empty', '文件为空');
  const headers = first.value.cells.map(cleanHeader);
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return {
    ...meta,
    headers,
    rows: { [Symbol.asyncIterator]: () => source },
    close: async () => void (await source.return(undefined)),
  };
}

/** Opens a CSV or XLSX upload as a stream of rows, telling the format by its content rather than its name. */
export async function openTable(path: string, options: OpenTableOptions = {}): Promise<Table> {
  const head = await readHead(path);
  const kind = sniffFileKind(head);
  if (kind === 'xls') throw new TableReadError('unsupported', '不支持 .xls（Excel 97-2003）格式，请另存为 .xlsx 或 CSV');
  if (kind === 'xlsx') return withHeader({ format: 'xlsx', encoding: null, delimiter: null }, readXlsxRows(path));

  const { encoding } = detectTextEncoding(head);
  const delimiter = detectDelimiter(iconv.decode(head, encoding));
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  return withHeader({ format: 'csv', encoding, delimiter }, readCsvRows(path, { encoding, delimiter, maxRecordBytes }));
}
