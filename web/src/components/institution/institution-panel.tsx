import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InstitutionFit, InstitutionSummary } from '@talentmap/core';
import { plannerCity } from '../../lib/access';
import { formatCount, formatPercent } from '../../lib/format';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { LoginPrompt } from '../auth/login-prompt';
import { useSession } from '../auth/use-session';
import { QueryState } from '../common/query-state';
import { DisclosureNote } from '../disclosure-note';
import { ImportShortcut } from '../imports/import-shortcut';
import { INSTITUTION_ICONS } from '../map/map-icons';
import { InstitutionPicker } from './institution-picker';
import { ProgramFitList } from './program-fit-list';
import { RecommendationList } from './recommendation-list';
import { useShownInstitution } from './use-institution-journey';
import { institutionsQuery, useInstitutionFit } from './use-institutions';

export interface InstitutionPanelProps {
  state: AppState;
  update: UpdateState;
  regionName: (code: string | null) => string;
}

/**
 * 院校/培训机构: how current programs fit local industry, and which courses to add where. The
 * list is public; the analysis is for an institution (its own), planner or admin account.
 */
export function InstitutionPanel({ state, update, regionName }: InstitutionPanelProps) {
  const list = useQuery(institutionsQuery);
  // A city planner sees the 吻合度 of its city's institutions only: the list offers those.
  const city = plannerCity(useSession().me);
  const all = list.data?.items;
  const institutions = useMemo(() => (city && all ? all.filter((i) => i.cityCode === city) : all), [all, city]);
  const institutionsError = list.isError ? list.error.message : null;
  const { id, own } = useShownInstitution(state);
  const { query: fit, allowed, known } = useInstitutionFit(id);
  const back = own === null ? () => update({ institution: null, recommendation: null }) : null;
  return (
    <div className="panel-body">
      {known && !allowed && <LoginPrompt journey="institution" />}
      {institutionsError && (
        <p className="error-line" role="alert">
          院校列表加载失败：{institutionsError}
        </p>
      )}
      {!institutions && !institutionsError && (
        <p className="loading-line" role="status">
          <span className="spinner spinner--small" aria-hidden="true" />
          正在加载院校…
        </p>
      )}
      {institutions && id === null && (
        <InstitutionPicker items={institutions} selected={id} onSelect={(i) => update({ institution: i, recommendation: null })} regionName={regionName} />
      )}
      {id !== null && !allowed && back && <ChosenInstitution institution={all?.find((i) => i.id === id)} onBack={back} />}
      {id !== null && allowed && (
        <QueryState query={fit} what="吻合度分析">
          {(data) => <FitView data={data} state={state} update={update} regionName={regionName} onBack={back} />}
        </QueryState>
      )}
    </div>
  );
}

/** The institution chosen by someone who may not see its analysis: its name and the way back to the list. */
function ChosenInstitution({ institution, onBack }: { institution: InstitutionSummary | undefined; onBack: () => void }) {
  return (
    <div className="inst-header">
      <button type="button" className="link" onClick={onBack}>
        ‹ 返回院校列表
      </button>
      {institution && <h2 className="panel__title">{institution.name}</h2>}
    </div>
  );
}

interface FitViewProps {
  data: InstitutionFit;
  state: AppState;
  update: UpdateState;
  regionName: (code: string | null) => string;
  /** back to the list; null for an institution account (it sees its own only) */
  onBack: (() => void) | null;
}

function FitView({ data, state, update, regionName, onBack }: FitViewProps) {
  const i = data.institution;
  return (
    <div data-testid="institution-fit">
      <div className="inst-header">
        {onBack && (
          <button type="button" className="link" onClick={onBack}>
            ‹ 返回院校列表
          </button>
        )}
        <h2 className="panel__title">{i.name}</h2>
        <p className="inst-header__meta">
          {INSTITUTION_ICONS[i.kind].label} · {regionName(i.cityCode)} {i.regionName} · 年培训能力 {formatCount(i.capacity)} 人 · {i.programCount} 个项目
        </p>
        <dl className="kpis kpis--2">
          <div className="kpi">
            <dt>平均专业与产业吻合度</dt>
            <dd>{formatPercent(data.averageFit, 0)}</dd>
          </div>
          <div className="kpi">
            <dt>建议新增方向</dt>
            <dd>
              {data.recommendations.length}
              <span className="kpi__sub">个</span>
            </dd>
          </div>
        </dl>
      </div>
      <h3 className="section-title">建议新开专业/课程（按缓解短缺 × 可转化人才排序）</h3>
      <p className="hint">
        点击一项，在地图上查看这些“差一点就能胜任”的人才分布在哪些区县（按区县汇总）。人数：
        <DisclosureNote disclosure={data.disclosure} />
      </p>
      <RecommendationList
        fit={data}
        selected={state.recommendation ?? data.recommendations[0]?.occupation.code ?? null}
        onSelect={(code) => update({ recommendation: code })}
      />
      <h3 className="section-title">现有项目的专业与产业吻合度</h3>
      <ProgramFitList programs={data.programs} />
      <ImportShortcut kind="programs" state={state} update={update} />
    </div>
  );
}
