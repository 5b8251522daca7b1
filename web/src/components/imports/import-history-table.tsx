import { IMPORT_KIND_NAMES, type ImportJob } from '@talentmap/core';
import { formatDateTime } from '../../lib/format';
import { FIGURES, MODE_LABEL, STATUS_LABEL, formatRows } from './import-labels';
import { ImportReportLinks } from './import-report-links';

export interface ImportHistoryTableProps {
  jobs: readonly ImportJob[];
  /** the job followed above, marked in the table */
  current: number | null;
  onShow: (id: number) => void;
}

/** Past imports: when, who, what, file, status, the seven figures, the report and 详情 (follow it above). */
export function ImportHistoryTable({ jobs, current, onShow }: ImportHistoryTableProps) {
  return (
    <div className="table-wrap import-history__table">
      <table className="table" data-testid="import-history-table">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">账号</th>
            <th scope="col">数据类型</th>
            <th scope="col">文件</th>
            <th scope="col">写入方式</th>
            <th scope="col">状态</th>
            {FIGURES.map(([key, label]) => (
              <th key={key} scope="col" className="num">
                {label}
              </th>
            ))}
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-testid="import-row" data-status={job.status} aria-current={job.id === current ? 'true' : undefined}>
              <td className="nowrap">{formatDateTime(job.createdAt)}</td>
              <td>{job.createdBy}</td>
              <td className="nowrap">{IMPORT_KIND_NAMES[job.kind]}</td>
              <td className="import-history__file" title={job.fileName}>
                {job.fileName}
              </td>
              <td className="nowrap">{MODE_LABEL[job.mode].title}</td>
              <td className="nowrap">
                <span className={`import-status import-status--${job.status}`}>{STATUS_LABEL[job.status]}</span>
              </td>
              {FIGURES.map(([key]) => (
                <td key={key} className="num">
                  {formatRows(job[key])}
                </td>
              ))}
              <td className="nowrap">
                <button type="button" className="link" onClick={() => onShow(job.id)} data-testid="import-show">
                  详情
                </button>{' '}
                <ImportReportLinks job={job} small />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
