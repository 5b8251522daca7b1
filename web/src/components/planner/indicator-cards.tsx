import type { IndicatorProgress } from '@talentmap/core';
import { formatPercent, formatWithUnit } from '../../lib/format';

/** 专栏1: one card per indicator with baseline, target, current value and progress toward the target. */
export function IndicatorCards({ items }: { items: IndicatorProgress[] }) {
  return (
    <ul className="indicator-cards" data-testid="indicator-cards">
      {items.map((i) => {
        const pct = i.progress === null ? null : Math.max(0, Math.min(1, i.progress));
        return (
          <li key={i.code} className="indicator-card" tabIndex={0} aria-label={`${i.name}：进度 ${formatPercent(i.progress, 0)}`}>
            <div className="indicator-card__head">
              <h3 className="indicator-card__name">{i.name}</h3>
              <span className="tag">{i.attribute}</span>
            </div>
            <dl className="indicator-card__figures">
              <div>
                <dt>2020 基线</dt>
                <dd>{formatWithUnit(i.baseline2020, i.unit)}</dd>
              </div>
              <div>
                <dt>2025 目标</dt>
                <dd>{formatWithUnit(i.target2025, i.unit)}</dd>
              </div>
              <div>
                <dt>当前</dt>
                <dd>{i.currentValue === null ? '待录入' : formatWithUnit(i.currentValue, i.unit)}</dd>
              </div>
            </dl>
            <div
              className="progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct === null ? undefined : Math.round(pct * 100)}
              aria-label="完成进度"
            >
              <div className="progress__bar" style={{ width: `${(pct ?? 0) * 100}%` }} />
            </div>
            <p className="indicator-card__progress">
              进度 {i.progress === null ? '—' : formatPercent(i.progress, 0)}
              {i.progress !== null && (i.progress < 0 || i.progress > 1) && '（超出 0–100%，见说明）'}
              <span className="indicator-card__source">{i.source === 'computed' ? '由数据计算' : '管理员录入'}</span>
            </p>
            {i.note && <p className="indicator-card__note">{i.note}</p>}
          </li>
        );
      })}
    </ul>
  );
}
