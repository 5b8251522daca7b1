import { useQuery } from '@tanstack/react-query';
import { api, catalogDownloadUrl } from '../../lib/api';
import { formatQuarter } from '../../lib/format';
import { PLANNER_TABS, type AppState, type PlannerTab } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { Tabs } from '../common/tabs';
import { QueryState } from '../common/query-state';
import { CatalogTable } from './catalog-table';
import { IndicatorCards } from './indicator-cards';
import { RegionSummary } from './region-summary';
import { TimeseriesChart } from './timeseries-chart';
import { useHeatmap } from './use-planner-map';

const TAB_LABEL: Record<PlannerTab, string> = { overview: '短缺概览', catalog: '紧缺目录', indicators: '专栏1 指标' };

export interface PlannerPanelProps {
  state: AppState;
  update: UpdateState;
  regionName: (code: string | null) => string;
  latestQuarter: string | null;
  /** cities and districts for the keyboard-friendly region pickers (the map needs a pointer) */
  cities: { code: string; name: string }[];
  districts: { code: string; name: string; parentCode: string | null }[];
}

/** 规划者: where labour is short and why, the catalogue to publish, and the plan's indicators. */
export function PlannerPanel({ state, update, regionName, latestQuarter, cities, districts }: PlannerPanelProps) {
  const region = state.region;
  const isDistrict = region !== null && !region.endsWith('00');
  const cityHeat = useHeatmap(state, 'city');
  const districtHeat = useHeatmap(state, 'district', isDistrict || state.city !== null);
  const heat = isDistrict ? districtHeat : cityHeat;
  const item = region ? (heat.data?.heatmap.items.find((i) => i.regionCode === region) ?? null) : null;
  const province = region === null && cityHeat.data ? provinceTotals(cityHeat.data.heatmap.items) : null;

  const catalogQuery = { region, chain: state.chain, cluster: state.chain ? null : state.cluster, grade: state.grade };
  const catalog = useQuery({
    queryKey: ['catalog', catalogQuery],
    queryFn: ({ signal }) => api.catalog({ ...catalogQuery, limit: 200 }, signal),
    staleTime: 5 * 60_000,
    enabled: state.tab !== 'indicators',
  });
  const seriesQuery = { region, occupation: state.occupation, chain: state.chain, cluster: state.chain ? null : state.cluster };
  const series = useQuery({
    queryKey: ['timeseries', seriesQuery],
    queryFn: ({ signal }) => api.timeseries(seriesQuery, signal),
    staleTime: 5 * 60_000,
    enabled: state.tab === 'overview',
  });
  const forecast = useQuery({
    queryKey: ['forecast', region, state.occupation],
    queryFn: ({ signal }) => api.forecast({ region, occupation: state.occupation }, signal),
    staleTime: 5 * 60_000,
    enabled: state.tab === 'overview',
  });
  const indicators = useQuery({ queryKey: ['indicators'], queryFn: ({ signal }) => api.indicators(signal), staleTime: 5 * 60_000, enabled: state.tab === 'indicators' });

  // same key as the occupation picker's lookup: shared cache
  const occupation = useQuery({
    queryKey: ['occupation', state.occupation],
    queryFn: ({ signal }) => api.occupations(state.occupation, 1, signal),
    enabled: state.occupation !== null,
    staleTime: Infinity,
  });
  const occupationName = state.occupation ? (occupation.data?.items.find((o) => o.code === state.occupation)?.name ?? state.occupation) : null;
  const name = regionName(region);
  const quarter = state.quarter ?? latestQuarter;
  const chartTitle = `${name}${occupationName ? ` · ${occupationName}` : ''}${state.chain || state.cluster ? '（产业链/集群口径）' : ''}`;
  const selectOccupation = (code: string) => update({ occupation: state.occupation === code ? null : code });

  return (
    <div className="panel-body">
      <nav className="breadcrumbs" aria-label="所选范围">
        <button type="button" className="link" onClick={() => update({ city: null, region: null, view: null })} aria-current={region === null ? 'true' : undefined}>
          江苏省
        </button>
        {state.city && (
          <>
            <span aria-hidden="true">›</span>
            <button type="button" className="link" onClick={() => update({ region: state.city })} aria-current={region === state.city ? 'true' : undefined}>
              {regionName(state.city)}
            </button>
          </>
        )}
        {isDistrict && (
          <>
            <span aria-hidden="true">›</span>
            <span aria-current="true">{name}</span>
          </>
        )}
      </nav>
      <div className="region-pickers">
        <label className="visually-hidden" htmlFor="pick-city">选择城市</label>
        <select
          id="pick-city"
          className="input"
          value={state.city ?? ''}
          onChange={(e) => update({ city: e.target.value || null, region: e.target.value || null, view: null })}
        >
          <option value="">全省 13 市</option>
          {cities.map((c) => (
            <option key={c.code} value={c.code}>{c.name}</option>
          ))}
        </select>
        {state.city && (
          <>
            <label className="visually-hidden" htmlFor="pick-district">选择区县</label>
            <select id="pick-district" className="input" value={isDistrict ? (region ?? '') : ''} onChange={(e) => update({ region: e.target.value || state.city })}>
              <option value="">全市各区县</option>
              {districts
                .filter((d) => d.parentCode === state.city)
                .map((d) => (
                  <option key={d.code} value={d.code}>{d.name}</option>
                ))}
            </select>
          </>
        )}
      </div>
      <Tabs
        label="规划者视图"
        tabs={PLANNER_TABS.map((t) => ({ id: t, label: TAB_LABEL[t] }))}
        active={state.tab}
        onChange={(tab) => update({ tab: tab as PlannerTab })}
        idPrefix="planner"
      />
      <div role="tabpanel" id={`planner-panel-${state.tab}`} aria-labelledby={`planner-tab-${state.tab}`} className="tabpanel">
        {state.tab === 'overview' && (
          <>
            <RegionSummary
              name={name}
              item={item}
              province={province}
              quarterLabel={quarter ? formatQuarter(quarter) : ''}
              catalog={catalog.data}
              catalogLoading={catalog.isPending}
              onSelectOccupation={selectOccupation}
              selectedOccupation={state.occupation}
            />
            <h3 className="section-title">需求趋势与预测</h3>
            <QueryState query={series} what="时间序列">
              {(data) => (
                <>
                  {data.note && <p className="hint">{data.note}</p>}
                  <TimeseriesChart series={data} forecast={state.chain || state.cluster ? null : (forecast.data ?? null)} title={chartTitle} />
                </>
              )}
            </QueryState>
          </>
        )}
        {state.tab === 'catalog' && (
          <QueryState query={catalog} what="紧缺职业目录">
            {(data) => (
              <CatalogTable
                catalog={data}
                csvUrl={catalogDownloadUrl('csv', catalogQuery)}
                xlsxUrl={catalogDownloadUrl('xlsx', catalogQuery)}
                onSelectOccupation={(code) => update({ occupation: code, tab: 'overview' })}
              />
            )}
          </QueryState>
        )}
        {state.tab === 'indicators' && (
          <QueryState query={indicators} what="专栏1 指标">
            {(data) => (
              <>
                <h2 className="panel__title">专栏1 “十四五”技能人才发展主要指标</h2>
                <IndicatorCards items={data.items} />
              </>
            )}
          </QueryState>
        )}
      </div>
    </div>
  );
}

type HeatItem = NonNullable<ReturnType<typeof useHeatmap>['data']>['heatmap']['items'][number];

/** The province as the sum of its cities (the composite score is not additive: count cities by status instead). */
function provinceTotals(items: HeatItem[]) {
  const vacancies = items.reduce((n, i) => n + i.vacancies, 0);
  const seekers = items.reduce((n, i) => n + i.seekers, 0);
  return {
    vacancies,
    seekers,
    ratio: vacancies / Math.max(seekers, 1),
    bottleneck: items.filter((i) => i.status === 'bottleneck').length,
    watch: items.filter((i) => i.status === 'watch').length,
    cities: items.length,
  };
}
