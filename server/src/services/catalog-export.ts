import { writeCsv, writeXlsx } from '@talentmap/importer';
import type { Catalog, CatalogEntry, CatalogQuery } from '@talentmap/core';
import { attachment, CONTENT_TYPES } from './downloads.js';

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

/** UTF-8 with a byte-order mark (without it Excel on Windows reads the Chinese as GBK); cells neutralised against formulas. */
const catalogCsv = (entries: readonly CatalogEntry[]): string =>
  writeCsv(
    COLUMNS.map((c) => c.header),
    entries.map((e) => COLUMNS.map((c) => c.value(e))),
  );

const catalogXlsx = (entries: readonly CatalogEntry[]): Promise<Buffer> =>
  writeXlsx([
    { name: '紧缺职业目录', columns: COLUMNS.map((c) => ({ header: c.header, width: c.width })), rows: entries.map((e) => COLUMNS.map((c) => c.value(e))) },
  ]);

export type DownloadFormat = Exclude<CatalogQuery['format'], 'json'>;

/** The catalogue as a file: its body, content type and content disposition (named after the region and year). */
export async function catalogDownload(catalog: Pick<Catalog, 'year' | 'region' | 'items'>, format: DownloadFormat) {
  const title = `紧缺职业目录-${catalog.region.name}-${catalog.year}`;
  const body = format === 'csv' ? catalogCsv(catalog.items) : await catalogXlsx(catalog.items);
  const disposition = attachment(`shortage-catalog-${catalog.region.code}-${catalog.year}.${format}`, `${title}.${format}`);
  return { body, contentType: CONTENT_TYPES[format], disposition };
}
