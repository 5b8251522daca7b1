import { useQuery } from '@tanstack/react-query';
import { can } from '../../lib/access';
import { api, type ProgramsBody } from '../../lib/api';
import { formatKm, formatPercent } from '../../lib/format';
import { privateKey, useSession } from '../auth/use-session';

const MODE: Record<string, string> = { online: '线上', offline: '线下', blended: '线上线下结合' };

/** Programs that would close a candidate's gap (POST /api/match/programs). */
export function GapPrograms({
  talentId,
  occupationCode,
  missing,
  regionCode,
}: {
  talentId: string;
  occupationCode: string | null;
  missing: string[];
  regionCode: string;
}) {
  const { viewer, user } = useSession();
  // A talent's own gap (talentId) is for the accounts that see candidates; the missing skills are public.
  const body: ProgramsBody =
    occupationCode && can(viewer, 'talentPrograms')
      ? { talentId, occupationCode, regionCode, limit: 5 }
      : { skills: missing.slice(0, 50), regionCode, limit: 5 };
  const programs = useQuery({ queryKey: privateKey('programs', user, body), queryFn: ({ signal }) => api.programs(body, signal), staleTime: 5 * 60_000 });
  if (programs.isPending)
    return (
      <p className="loading-line">
        <span className="spinner spinner--small" aria-hidden="true" />
        正在查找补齐技能的培训项目…
      </p>
    );
  if (programs.isError)
    return (
      <p className="error-line" role="alert">
        培训项目加载失败：{programs.error.message}
      </p>
    );
  const { results, gap } = programs.data;
  if (results.length === 0) return <p className="empty">暂无能补齐这些技能的培训项目。</p>;
  return (
    <div className="gap-programs" data-testid="gap-programs">
      <p className="hint">
        需补齐：
        {gap
          .slice(0, 6)
          .map((g) => g.name)
          .join('、')}
      </p>
      <ol className="program-list">
        {results.map((p) => (
          <li key={p.programId} className="program">
            <div className="program__head">
              <strong>{p.name}</strong>
              <span className="score-pill" title="覆盖缺口技能的比例">
                覆盖 {formatPercent(p.coverage, 0)}
              </span>
            </div>
            <div className="program__meta">
              {p.institution.name} · {p.institution.regionName} · {p.hours} 学时 · {MODE[p.mode] ?? p.mode}
              {p.subsidyEligible && ' · 可享补贴'}
              {p.distanceKm !== null && ` · ${formatKm(p.distanceKm)}`}
            </div>
            {p.coversSkills.length > 0 && <div className="program__covers">教授：{p.coversSkills.join('、')}</div>}
          </li>
        ))}
      </ol>
    </div>
  );
}
