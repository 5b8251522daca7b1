import { IMPORT_KIND_NAMES, IMPORT_PHASES, type ImportJob } from '@talentmap/core';
import { formatDateTime } from '../../lib/format';
import { ImportFigures } from './import-figures';
import { MODE_LABEL, PHASE_LABEL, STATUS_LABEL, formatBytes, isFinal, mayRetry } from './import-labels';
import { ImportReportLinks } from './import-report-links';
import { useImportJob, useRetryImport } from './use-imports';

/** The job being followed: polled every second until it ends, with its figures, message, report and retry. */
export function ImportJobStatus({ id, onFollow }: { id: number; onFollow: (id: number) => void }) {
  const job = useImportJob(id);
  return (
    <section className="import-job" aria-labelledby="import-job-title" aria-busy={job.data ? !isFinal(job.data) : true} data-testid="import-job">
      <h3 id="import-job-title" className="section-title">
        导入任务 #{id}
      </h3>
      {job.isPending && (
        <p className="loading-line" role="status">
          <span className="spinner spinner--small" aria-hidden="true" />
          正在查询任务…
        </p>
      )}
      {job.isError && (
        <p className="error-line" role="alert">
          任务状态查询失败：{job.error.message}
        </p>
      )}
      {job.data && <JobDetails job={job.data} onFollow={onFollow} />}
    </section>
  );
}

/** Which of the phases the job is in, as "校验数据（2/5）"; the final phase without a number. */
const phaseText = (job: ImportJob) => {
  const step = IMPORT_PHASES.indexOf(job.phase);
  const last = IMPORT_PHASES.length - 1;
  return step <= 0 || step === last ? PHASE_LABEL[job.phase] : `${PHASE_LABEL[job.phase]}（${step}/${last - 1}）`;
};

function JobDetails({ job, onFollow }: { job: ImportJob; onFollow: (id: number) => void }) {
  const retry = useRetryImport(onFollow);
  const final = isFinal(job);
  return (
    <div data-testid="import-job-details" data-status={job.status}>
      <p className="import-job__meta">
        {IMPORT_KIND_NAMES[job.kind]} · {MODE_LABEL[job.mode].title} · {job.fileName}（{formatBytes(job.fileBytes)}）· {job.createdBy} ·{' '}
        {formatDateTime(job.createdAt)}
      </p>
      <p className="import-job__status">
        <span className={`import-status import-status--${job.status}`} data-testid="import-status">
          {STATUS_LABEL[job.status]}
        </span>
        {!final && (
          <span className="import-job__phase" data-testid="import-phase">
            <span className="spinner spinner--small" aria-hidden="true" />
            {phaseText(job)}
          </span>
        )}
        {job.finishedAt && <span className="import-job__time">完成于 {formatDateTime(job.finishedAt)}</span>}
      </p>
      <ImportFigures job={job} />
      {job.message && (
        <p className={mayRetry(job) ? 'error-line' : 'hint'} data-testid="import-message">
          {job.message}
        </p>
      )}
      <div className="form-row">
        <ImportReportLinks job={job} />
        {mayRetry(job) && (
          <button type="button" className="button" onClick={() => retry.mutate(job.id)} disabled={retry.isPending} data-testid="import-retry">
            {retry.isPending ? '正在重新提交…' : '重新导入'}
          </button>
        )}
      </div>
      {retry.isError && (
        <p className="error-line" role="alert">
          重新导入失败：{retry.error.message}
        </p>
      )}
    </div>
  );
}
