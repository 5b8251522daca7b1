import type { ImportJob } from '@talentmap/core';
import { FIGURES, formatRows } from './import-labels';

/** 读取/有效/拒绝/新增/更新/未变/警告 of one job. */
export function ImportFigures({ job }: { job: ImportJob }) {
  return (
    <dl className="import-figures" data-testid="import-figures">
      {FIGURES.map(([key, label]) => (
        <div key={key} className={`import-figures__item import-figures__item--${key}`}>
          <dt>{label}</dt>
          <dd data-testid={`figure-${key}`}>{formatRows(job[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
