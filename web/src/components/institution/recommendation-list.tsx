import type { InstitutionFit } from '@talentmap/core';
import { formatCount, formatNumber } from '../../lib/format';

export interface RecommendationListProps {
  fit: InstitutionFit;
  selected: string | null;
  onSelect: (code: string) => void;
}

/** New programs or courses to offer, ranked by shortage relieved × near-match talents unlocked. */
export function RecommendationList({ fit, selected, onSelect }: RecommendationListProps) {
  if (fit.recommendations.length === 0) return <p className="empty">暂无建议：当地没有与之相关的短缺职业。</p>;
  const max = Math.max(...fit.recommendations.map((r) => r.priority), 1e-9);
  return (
    <ol className="rec-list" data-testid="recommendations">
      {fit.recommendations.map((r, i) => {
        const districts = fit.nearMatchByDistrict.find((d) => d.occupationCode === r.occupation.code)?.districts ?? [];
        const top = districts
          .filter((d) => d.count !== null)
          .sort((a, b) => (b.count ?? 0) - (a.count ?? 0))
          .slice(0, 3);
        const active = selected === r.occupation.code;
        return (
          <li key={r.occupation.code}>
            <button type="button" className={`rec${active ? ' rec--active' : ''}`} aria-pressed={active} onClick={() => onSelect(r.occupation.code)}>
              <span className="rec__head">
                <span className="rec__rank">{i + 1}</span>
                <strong>{r.occupation.name}</strong>
                <span className="rec__code">{r.occupation.code}</span>
              </span>
              <span className="rec__bar" aria-hidden="true">
                <span style={{ width: `${(r.priority / max) * 100}%` }} />
              </span>
              <span className="rec__figures">
                <span>
                  短缺指数 <b>{formatNumber(r.shortageScore, 1)}</b>
                </span>
                <span>
                  求人倍率 <b>{formatNumber(r.ratio, 2)}</b>
                </span>
                <span>
                  可转化人才 <b>{formatCount(r.nearMatchTalents)}</b> 人
                </span>
              </span>
              {r.gapSkills.length > 0 && <span className="rec__teach">建议教授：{r.gapSkills.slice(0, 5).join('、')}</span>}
              {top.length > 0 && <span className="rec__where">主要分布：{top.map((d) => `${d.regionName} ${d.count}人`).join('、')}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
