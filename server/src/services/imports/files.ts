import { IMPORT_KIND_NAMES, type ImportIssue, type ImportJob, type ImportKind } from '@talentmap/core';
import { writeCsv, writeXlsx } from '@talentmap/importer';
import { IMPORT_COLUMNS } from './columns.js';
import type { ImportResolvers } from './resolvers.js';
import { attachment, CONTENT_TYPES, type DownloadFile } from '../downloads.js';

export type ImportFileFormat = 'xlsx' | 'csv';

const REGION_KEYS = new Set(['regionCode']);
const OWNER_KEYS = new Set(['enterpriseExternalId', 'institutionExternalId']);

/**
 * A kind's template: its Chinese headers and one example row (which imports as it stands on the demo
 * dataset); in XLSX, lists to choose from (districts written with their city, so none is ambiguous)
 * and a 说明 sheet explaining each column.
 */
export async function importTemplate(kind: ImportKind, format: ImportFileFormat, res: ImportResolvers, ownRecords = false): Promise<DownloadFile> {
  const columns = IMPORT_COLUMNS[kind];
  const title = `导入模板-${IMPORT_KIND_NAMES[kind]}`;
  const disposition = attachment(`import-template-${kind}.${format}`, `${title}.${format}`);
  // An enterprise's or institution's own records name no owner: the example leaves that column empty.
  const example = columns.map((c) => (ownRecords && OWNER_KEYS.has(c.key) ? '' : c.example));
  if (format === 'csv')
    return {
      body: writeCsv(
        columns.map((c) => c.header),
        [example],
      ),
      contentType: CONTENT_TYPES.csv,
      disposition,
    };
  const body = await writeXlsx([
    {
      name: IMPORT_KIND_NAMES[kind],
      columns: columns.map((c) => {
        const list = REGION_KEYS.has(c.key) ? res.districtNames : c.list;
        return { header: c.header, width: Math.max(12, c.header.length * 2 + 4), ...(list ? { validation: { list: [...list] } } : {}) };
      }),
      rows: [example],
    },
    {
      name: '说明',
      columns: [
        { header: '列名', width: 18 },
        { header: '英文键', width: 22 },
        { header: '必填', width: 6 },
        { header: '说明', width: 70 },
        { header: '示例', width: 24 },
      ],
      rows: [
        ...columns.map((c) => [c.header, c.key, c.required ? '是' : '否', c.note, c.example]),
        [],
        ['第一列“外部编号”是记录的唯一键：再次导入相同编号即更新该记录，内容不变则不作改动。'],
        ['列名可用中文或英文键；多余的列会被忽略并给出警告；支持 UTF-8（可带 BOM）与 GBK 编码的 CSV、制表符分隔文本和 XLSX（含 WPS 保存的文件）。'],
      ],
    },
  ]);
  return { body, contentType: CONTENT_TYPES.xlsx, disposition };
}

/** The rejected rows and warnings of a job: row, column, value, level, message (every text cell neutralised against formulas). */
export async function importReport(job: Pick<ImportJob, 'id' | 'kind'>, issues: readonly ImportIssue[], format: ImportFileFormat): Promise<DownloadFile> {
  const headers = ['行号', '列', '值', '级别', '说明'];
  const rows = issues.map((i) => [i.row, i.column, i.value, i.severity === 'error' ? '错误' : '警告', i.message]);
  const title = `导入错误报告-${IMPORT_KIND_NAMES[job.kind]}-${job.id}`;
  const disposition = attachment(`import-${job.id}-errors.${format}`, `${title}.${format}`);
  if (format === 'csv') return { body: writeCsv(headers, rows), contentType: CONTENT_TYPES.csv, disposition };
  const widths = [8, 18, 30, 6, 60];
  const body = await writeXlsx([{ name: '错误报告', columns: headers.map((header, i) => ({ header, width: widths[i] })), rows }]);
  return { body, contentType: CONTENT_TYPES.xlsx, disposition };
}
