import type { CandidatesResponse, RegionCollection } from '@talentmap/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { can } from '../../lib/access';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { LoginPrompt } from '../auth/login-prompt';
import { useSession } from '../auth/use-session';
import { CandidateContact } from '../contact-requests/candidate-contact';
import { MyContactRequests } from '../contact-requests/my-contact-requests';
import { ImportShortcut } from '../imports/import-shortcut';
import { CandidateCard } from './candidate-card';
import { useCandidates } from './use-candidates';
import { VacancyForm } from './vacancy-form';

export interface EnterprisePanelProps {
  state: AppState;
  update: UpdateState;
  districts: RegionCollection | undefined;
  pickMode: boolean;
  onPickMode: (on: boolean) => void;
  regionName: (code: string | null) => string;
}

/**
 * 企业: describe a vacancy, get ranked, explained, pseudonymous candidates. Anyone may describe
 * the vacancy; the candidates are for an enterprise or planner account, others see the login prompt.
 */
export function EnterprisePanel(props: EnterprisePanelProps) {
  const { state } = props;
  const { query: candidates, allowed, known } = useCandidates(state, props.districts);
  return (
    <div className="panel-body">
      {known && !allowed && <LoginPrompt journey="enterprise" />}
      <VacancyForm {...props} />
      <ImportShortcut kind="vacancies" state={state} update={props.update} />
      {allowed && <CandidateResults state={state} candidates={candidates} />}
      <MyContactRequests />
    </div>
  );
}

function CandidateResults({ state, candidates }: { state: AppState; candidates: UseQueryResult<CandidatesResponse> }) {
  const data = candidates.data;
  const hasRequest = state.skills.length > 0 || state.vacancyOccupation !== null;
  const { viewer } = useSession();
  const mayContact = can(viewer, 'requestContact');
  return (
    <section className="results" aria-labelledby="results-title" aria-busy={candidates.isFetching} data-testid="candidates">
      <h2 id="results-title" className="panel__title">
        匹配人才
        {data && (
          <span className="panel__title-sub">
            共 {data.results.length} 人 · 用时 {Math.round(data.tookMs)} 毫秒
          </span>
        )}
      </h2>
      <p className="privacy-note">
        隐私保护：仅显示化名编号、等级、所在区县与距离范围，不显示姓名、电话、证件号；地图按区县汇总，少于 5 人的区县不显示人数。
        {mayContact && '如需联系，点击“请求联系”，由公共就业服务机构转介。'}
      </p>
      {!hasRequest && <p className="empty">先描述岗位（粘贴招聘文本或选择职业），匹配结果会显示在这里和地图上。</p>}
      {hasRequest && candidates.isPending && candidates.fetchStatus !== 'idle' && (
        <p className="loading-line" role="status">
          <span className="spinner spinner--small" aria-hidden="true" />
          正在匹配…
        </p>
      )}
      {candidates.isError && (
        <p className="error-line" role="alert">
          {(candidates.error as { status?: number }).status === 403
            ? '所选地点不在当前账号的范围内，请在范围内选择工作地点。'
            : `匹配失败：${candidates.error.message}`}
        </p>
      )}
      {data && data.results.length === 0 && <p className="empty">没有符合条件的人才{data.reason ? `（${data.reason}）` : ''}。可放宽等级或扩大半径。</p>}
      {data && data.results.length > 0 && (
        <ol className="candidate-list">
          {data.results.map((c, i) => (
            <li key={c.talentId}>
              <CandidateCard
                candidate={c}
                rank={i + 1}
                occupationCode={state.skills.length ? null : state.vacancyOccupation}
                actions={mayContact ? <CandidateContact talentId={c.talentId} /> : undefined}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
