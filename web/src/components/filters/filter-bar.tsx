import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { OccupationPicker } from '../common/occupation-picker';
import { QuarterSlider } from './quarter-slider';

export interface FilterBarProps {
  state: AppState;
  update: UpdateState;
  quarters: string[];
  latestQuarter: string | null;
}

/** 集群 → 产业链 → 职业 cascade, 新八级工 grade and the quarter: the filters every layer shares. */
export function FilterBar({ state, update, quarters, latestQuarter }: FilterBarProps) {
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: ({ signal }) => api.clusters(signal), staleTime: Infinity });
  const chains = useQuery({ queryKey: ['chains'], queryFn: ({ signal }) => api.chains(null, signal), staleTime: Infinity });
  const grades = useQuery({ queryKey: ['grades'], queryFn: ({ signal }) => api.grades(signal), staleTime: Infinity });
  // A chain's occupations (its chain → occupation matrix): offered first in the occupation box.
  const chainMatrix = useQuery({
    queryKey: ['occupations', 'chain', state.chain],
    queryFn: ({ signal }) => api.chainOccupations(state.chain as string, signal),
    enabled: state.chain !== null,
    staleTime: Infinity,
  });
  const chainOccupations = (chainMatrix.data?.items ?? []).map((o) => ({ code: o.code, name: o.name }));

  const chainOptions = (chains.data?.items ?? []).filter((c) => !state.cluster || c.clusterCode === state.cluster);
  const active = [state.cluster, state.chain, state.occupation, state.grade].filter((x) => x !== null).length;

  return (
    <div className="filter-bar" role="search" aria-label="筛选条件" data-testid="filter-bar">
      <div className="field">
        <label className="field__label" htmlFor="f-cluster">
          先进制造业集群
        </label>
        <select id="f-cluster" className="input" value={state.cluster ?? ''} onChange={(e) => update({ cluster: e.target.value || null })}>
          <option value="">全部集群</option>
          {clusters.data?.items.map((c) => (
            <option key={c.code} value={c.code}>
              {c.shortName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="f-chain">
          产业链
        </label>
        <select id="f-chain" className="input" value={state.chain ?? ''} onChange={(e) => update({ chain: e.target.value || null })}>
          <option value="">{state.cluster ? '本集群全部产业链' : '全部产业链'}</option>
          {chainOptions.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
              {c.kind === 'excellence' ? '（卓越）' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--wide">
        <OccupationPicker
          label="职业"
          value={state.occupation}
          onChange={(code) => update({ occupation: code })}
          suggestions={chainOccupations}
          suggestionsTitle="本产业链紧缺/关注职业"
          placeholder="全部职业（可搜索名称、编码、别名）"
          testId="filter-occupation"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="f-grade">
          等级（新八级工）
        </label>
        <select id="f-grade" className="input" value={state.grade ?? ''} onChange={(e) => update({ grade: e.target.value ? Number(e.target.value) : null })}>
          <option value="">全部等级</option>
          {grades.data?.items.map((g) => (
            <option key={g.level} value={g.level}>
              {g.level}级 {g.name}
            </option>
          ))}
        </select>
      </div>
      <QuarterSlider
        quarters={quarters}
        value={state.quarter ?? latestQuarter}
        onChange={(q) => update({ quarter: q === latestQuarter ? null : q }, { push: false })}
      />
      {/* Always laid out (hidden when idle) so the bar, and the map under it, never change size. */}
      <button
        type="button"
        className="button button--ghost filter-bar__reset"
        style={{ visibility: active > 0 ? 'visible' : 'hidden' }}
        aria-hidden={active === 0}
        tabIndex={active > 0 ? 0 : -1}
        onClick={() => update({ cluster: null, chain: null, occupation: null, grade: null, quarter: null })}
        aria-label={`清除全部筛选（${active}）`}
      >
        清除（{active}）
      </button>
    </div>
  );
}
