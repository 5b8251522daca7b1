import ExcelJS from 'exceljs';
import type { Catalog, CatalogEntry, CatalogQuery } from '@talentmap/core';

/** Chinese column headers, in order, with how each cell is written. */
const COLUMNS: { header: string; width: number; value: (e: CatalogEntry) => string | number | null }[] = [
  { header: '排名', width: 6, value: (e) => e.rank },
  { header: '职业编码', width: 12, value: (e) => e.occupationCode },
  { header: '职业名称', width: 22, value: (e) => e.occupationName },
  { header: '技能等级', width: 10, value: (e) => e.gradeName },
  { header: '区域', width: 10, value: (e) => e.regionName },
  { header: '紧缺程度', width: 9, value: (e) => (e.status === 'bottleneck' ? '紧缺' : '关注') },
  { header: '紧缺指数', width: 9, value: (e) => round(e.score) },
  { header: '求人倍率', width: 9, value: (e) => round(e.ratio) },
  { header: '岗位需求人数', width: 12, value: (e) => e.vacancies },
  { header: '求职登记人数', width: 12, value: (e) => e.seekers },
  { header: '空缺中位时长（天）', width: 16, value: (e) => e.medianDays },
  { header: '列入理由', width: 60, value: (e) => e.reasons.join('；') },
  { header: '相关产业链', width: 40, value: (e) => e.chains.map((c) => c.name).join('、') },
];

const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** UTF-8 with a byte-order mark: without it Excel on Windows reads the Chinese as GBK. */
function catalogCsv(entries: readonly CatalogEntry[]): string {
  const lines = [COLUMNS.map((c) => c.header), ...entries.map((e) => COLUMNS.map((c) => c.value(e)))];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

async function catalogXlsx(entries: readonly CatalogEntry[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '江苏省高技能人才地图';
  const sheet = workbook.addWorksheet('紧缺职业目录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) sheet.addRow(COLUMNS.map((c) => c.value(e)));
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `attachment` with an ASCII fallback name and the Chinese one for clients that read RFC 5987. */
function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export type DownloadFormat = Exclude<CatalogQuery['format'], 'json'>;

/** The catalogue as a file: its body, content type and content disposition (named after the region and year). */
export async function catalogDownload(catalog: Pick<Catalog, 'year' | 'region' | 'items'>, format: DownloadFormat) {
  const title = `紧缺职业目录-${catalog.region.name}-${catalog.year}`;
  const body = format === 'csv' ? catalogCsv(catalog.items) : await catalogXlsx(catalog.items, title);
  const disposition = attachment(`shortage-catalog-${catalog.region.code}-${catalog.year}.${format}`, `${title}.${format}`);
  return { body, contentType: CONTENT_TYPES[format], disposition };
}
