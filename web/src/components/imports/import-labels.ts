import type { ImportJob, ImportMode, ImportPhase, ImportStatus } from '@talentmap/core';

export const MODE_LABEL: Record<ImportMode, { title: string; hint: string }> = {
  'all-or-nothing': { title: '全部成功才写入', hint: '任一行有误，整份文件都不写入；所有有误的行列入错误报告。' },
  'valid-rows': { title: '只写入有效行', hint: '通过校验的行写入，有误的行跳过并列入错误报告。' },
};

export const STATUS_LABEL: Record<ImportStatus, string> = {
  queued: '排队中',
  running: '进行中',
  committed: '已写入',
  failed: '失败',
  interrupted: '已中断',
};

export const PHASE_LABEL: Record<ImportPhase, string> = {
  queued: '等待开始',
  reading: '读取文件',
  checking: '校验数据',
  writing: '写入数据库',
  refreshing: '更新地图与目录',
  done: '完成',
};

/** The files the server reads: delimited text (comma, tab) and Excel. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;
export const acceptsFile = (name: string) => ACCEPTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

const FINAL: ReadonlySet<ImportStatus> = new Set(['committed', 'failed', 'interrupted']);

/** A job that will not change any more: polling stops there. */
export const isFinal = (job: Pick<ImportJob, 'status'>) => FINAL.has(job.status);

/** Whether there is an error report to download: rejected rows or warnings. */
export const hasReport = (job: Pick<ImportJob, 'rowsRejected' | 'warnings'>) => job.rowsRejected + job.warnings > 0;

/** An interrupted or failed job can be run again (the server keeps its file). */
export const mayRetry = (job: Pick<ImportJob, 'status'>) => job.status === 'interrupted' || job.status === 'failed';

/** 12 KB, 3.4 MB: the size of an uploaded file. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ROWS = new Intl.NumberFormat('zh-CN');
/** A count of rows, exact (12,345: an import's figures are checked against the file, not read as magnitudes). */
export const formatRows = (n: number) => ROWS.format(n);

/** The seven figures of a job, in the order the page and the table show them. */
export const FIGURES = [
  ['rowsRead', '读取'],
  ['rowsValid', '有效'],
  ['rowsRejected', '拒绝'],
  ['inserted', '新增'],
  ['updated', '更新'],
  ['unchanged', '未变'],
  ['warnings', '警告'],
] as const satisfies readonly (readonly [keyof ImportJob, string])[];
