import { useState, type ReactNode } from 'react';
import type { Candidate } from '@talentmap/core';
import { formatDistanceBand, formatPercent, shortPseudonym } from '../../lib/format';
import { GapPrograms } from './gap-programs';
import { ScoreBreakdown } from './score-breakdown';

export interface CandidateCardProps {
  candidate: Candidate;
  rank: number;
  /**
   * The vacancy's occupation when the request was the occupation's profile: programs then close
   * the talent's gap to that profile. With skill chips the gap is the missing chips themselves.
   */
  occupationCode: string | null;
  /** what the viewer may do about the candidate (an enterprise: 请求联系) */
  actions?: ReactNode;
}

/** A pseudonymous candidate: score and its parts, matched / missing / partly covered skills, and the programs for the gap. */
export function CandidateCard({ candidate: c, rank, occupationCode, actions }: CandidateCardProps) {
  const [showPrograms, setShowPrograms] = useState(false);
  const gaps = c.missingSkills.length;
  return (
    <article className="candidate" aria-labelledby={`cand-${c.talentId}`} data-testid="candidate">
      <header className="candidate__head">
        <span className="candidate__rank">{rank}</span>
        {/* The pseudonym is long (one AES block); its head is enough to tell candidates apart on screen. */}
        <h3 id={`cand-${c.talentId}`} className="candidate__id" title={c.talentId} data-talent-id={c.talentId}>
          人才 {shortPseudonym(c.talentId)}
        </h3>
        <span className="candidate__score" title="综合匹配得分">
          {formatPercent(c.score, 0)}
        </span>
      </header>
      <p className="candidate__meta">
        {c.gradeName}（{c.grade}级）· {c.regionName}
        {c.distanceBand !== null && ` · ${formatDistanceBand(c.distanceBand)}`} · {c.available ? '可到岗' : '在职，需协商'}
      </p>
      <ScoreBreakdown breakdown={c.breakdown} />
      <div className="skills-explain">
        {c.matchedSkills.length > 0 && (
          <p>
            <span className="skills-explain__label skills-explain__label--ok">已具备</span>
            {c.matchedSkills.map((s) => (
              <span key={s} className="chip chip--ok">
                {s}
              </span>
            ))}
          </p>
        )}
        {c.partialSkills.length > 0 && (
          <p>
            <span className="skills-explain__label skills-explain__label--partial">相近</span>
            {c.partialSkills.map((s) => (
              <span key={s.skill} className="chip chip--partial" title={`以「${s.via}」部分覆盖`}>
                {s.skill} ≈ {s.via}
              </span>
            ))}
          </p>
        )}
        {gaps > 0 && (
          <p>
            <span className="skills-explain__label skills-explain__label--missing">欠缺</span>
            {c.missingSkills.map((s) => (
              <span key={s} className="chip chip--missing">
                {s}
              </span>
            ))}
          </p>
        )}
      </div>
      {gaps > 0 && (
        <>
          <button
            type="button"
            className="button button--small"
            aria-expanded={showPrograms}
            onClick={() => setShowPrograms(!showPrograms)}
            data-testid="show-programs"
          >
            {showPrograms ? '收起培训建议' : `补齐 ${gaps} 项技能的培训`}
          </button>
          {showPrograms && <GapPrograms talentId={c.talentId} occupationCode={occupationCode} missing={c.missingSkills} regionCode={c.regionCode} />}
        </>
      )}
      {actions}
    </article>
  );
}
