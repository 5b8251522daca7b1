import type { ProgramFit } from '@talentmap/core';
import { formatPercent } from '../../lib/format';

const PARTS: { key: keyof ProgramFit['parts']; label: string }[] = [
  { key: 'shortage', label: '对应职业短缺程度' },
  { key: 'chainDemand', label: '本地产业链需求' },
  { key: 'skillAlignment', label: '课程与职业技能契合' },
];

export const fitLevel = (fit: number) =>
  fit >= 0.7 ? { label: '高', tone: 'good' } : fit >= 0.45 ? { label: '中', tone: 'mid' } : { label: '低', tone: 'low' };

/** Current programs with their 专业与产业吻合度 and its parts, weakest fit first to act on. */
export function ProgramFitList({ programs }: { programs: ProgramFit[] }) {
  if (programs.length === 0) return <p className="empty">该机构暂无在册培训项目。</p>;
  const sorted = [...programs].sort((a, b) => b.fit - a.fit);
  return (
    <ol className="fit-list" data-testid="program-fits">
      {sorted.map((p) => {
        const level = fitLevel(p.fit);
        return (
          <li key={p.programId} className="fit" tabIndex={0} aria-label={`${p.name}，吻合度 ${formatPercent(p.fit, 0)}`}>
            <div className="fit__head">
              <strong className="fit__name">{p.name}</strong>
              <span className={`fit__score fit__score--${level.tone}`}>
                吻合度 {formatPercent(p.fit, 0)} · {level.label}
              </span>
            </div>
            <div className="fit__meta">
              对应职业：{p.occupation.name}（{p.occupation.code}）· {p.hours} 学时 · {p.grade}级 · 每年 {p.capacity} 人
            </div>
            <dl className="breakdown breakdown--compact">
              {PARTS.map((part) => {
                const v = Math.max(0, Math.min(1, p.parts[part.key]));
                return (
                  <div key={part.key} className="breakdown__row">
                    <dt className="breakdown__label">{part.label}</dt>
                    <dd className="breakdown__value">
                      <span className="breakdown__track" aria-hidden="true">
                        <span className="breakdown__bar breakdown__bar--teal" style={{ width: `${v * 100}%` }} />
                      </span>
                      <span className="breakdown__num">{formatPercent(v, 0)}</span>
                    </dd>
                  </div>
                );
              })}
            </dl>
            {p.missingSkills.length > 0 && (
              <p className="fit__missing">
                课程未覆盖的关键技能：
                {p.missingSkills.map((s) => (
                  <span key={s} className="chip chip--missing">
                    {s}
                  </span>
                ))}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
