import type { Candidate } from '@talentmap/core';
import { formatPercent } from '../../lib/format';

/** The documented re-rank weights (README "Candidate score", packages/matcher/src/score.ts). */
export const SCORE_PARTS: { key: keyof Candidate['breakdown']; label: string; weight: number }[] = [
  { key: 'similarity', label: '技能画像相似度', weight: 0.35 },
  { key: 'coverage', label: '所需技能覆盖', weight: 0.35 },
  { key: 'grade', label: '等级匹配', weight: 0.15 },
  { key: 'distance', label: '距离', weight: 0.1 },
  { key: 'availability', label: '可到岗', weight: 0.05 },
];

/** One bar per part of the score: its value (0–1) and, in text, its weighted contribution. */
export function ScoreBreakdown({ breakdown }: { breakdown: Candidate['breakdown'] }) {
  return (
    <dl className="breakdown" aria-label="得分构成">
      {SCORE_PARTS.map((p) => {
        const v = Math.max(0, Math.min(1, breakdown[p.key]));
        return (
          <div key={p.key} className="breakdown__row">
            <dt className="breakdown__label">
              {p.label}
              <span className="breakdown__weight">×{p.weight}</span>
            </dt>
            <dd className="breakdown__value">
              <span className="breakdown__track" aria-hidden="true">
                <span className="breakdown__bar" style={{ width: `${v * 100}%` }} />
              </span>
              <span className="breakdown__num">{formatPercent(v, 0)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
