import type { ImportJob } from '@talentmap/core';
import { importErrorsUrl } from '../../lib/api';
import { hasReport } from './import-labels';

/** The error report (row, column, value, message) in Excel and CSV, when the job rejected rows or warned. */
export function ImportReportLinks({ job, small = false }: { job: ImportJob; small?: boolean }) {
  if (!hasReport(job)) return null;
  const name = `导入${job.id}错误报告`;
  const className = `button${small ? ' button--small' : ''}`;
  return (
    <span className="import-report" data-testid="import-report">
      {!small && <span className="field__label">错误报告</span>}
      <a className={className} href={importErrorsUrl(job.id, 'xlsx')} download={`${name}.xlsx`} data-testid="report-xlsx">
        {small ? '报告 xlsx' : 'Excel（.xlsx）'}
      </a>
      <a className={className} href={importErrorsUrl(job.id, 'csv')} download={`${name}.csv`} data-testid="report-csv">
        {small ? '报告 csv' : 'CSV'}
      </a>
    </span>
  );
}
