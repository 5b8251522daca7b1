import { useQuery } from '@tanstack/react-query';
import type { Heatmap } from '@talentmap/core';
import { api } from '../../lib/api';
import { formatQuarter } from '../../lib/format';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { QueryState } from '../common/query-state';
import { DisclosureNote } from '../disclosure-note';
import { catalogQuery } from './catalog-tab';
import { RegionSummary } from './region-summary';
import { TimeseriesChart } from './timeseries-chart';
import { useHeatmap } from './use-planner-map';

export interface OverviewTabProps {
  state: AppState;
  update: UpdateState;
  regionName: (code: string | null) => string;
  latestQuarter: string | null;
}

/** The selection's shortage figures and top occupations, and its demand over time with the forecast. */
export function OverviewTab({ state, update, regionName, latestQuarter }: OverviewTabProps) {
  const region = state.region;
  const isDistrict = region !== null && !region.endsWith('00');
  const cityHeat = useHeatmap(state, 'city');
  const districtHeat = useHeatmap(state, 'district', isDistrict || state.city !== null);
  const heat = isDistrict ? districtHeat : cityHeat;
  const item = region ? (heat.data?.heatmap.items.find((i) => i.regionCode === region) ?? null) : null;
  const province = region === null && cityHeat.data ? provinceTotals(cityHeat.data.heatmap.items) : null;

  const catalog = useQuery(catalogQuery(state));
  const seriesQuery = { region, occupation: state.occupation, chain: state.chain, cluster: state.chain ? null : state.cluster };
  const series = useQuery({ queryKey: ['timeseries', seriesQuery], queryFn: ({ signal }) => api.timeseries(seriesQuery, signal), staleTime: 5 * 60_000 });
  const forecast = useQuery({
    queryKey: ['forecast', region, state.occupation],
    queryFn: ({ signal }) => api.forecast({ region, occupation: state.occupation }, signal),
    staleTime: 5 * 60_000,
  });
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
  const byGroup = Boolean(state.chain || state.cluster);
  const chartTitle = `${name}${occupationName ? ` · ${occupationName}` : ''}${byGroup ? '（产业链/集群口径）' : ''}`;

  return (
    <>
      <RegionSummary
        name={name}
        item={item}
        province={province}
        quarterLabel={quarter ? formatQuarter(quarter) : ''}
        catalog={catalog.data}
        catalogLoading={catalog.isPending}
        onSelectOccupation={(code) => update({ occupation: state.occupation === code ? null : code })}
        selectedOccupation={state.occupation}
      />
      <h3 className="section-title">需求趋势与预测</h3>
      <QueryState query={series} what="时间序列">
        {(data) => (
          <>
            {data.note && <p className="hint">{data.note}</p>}
            <TimeseriesChart series={data} forecast={byGroup ? null : (forecast.data ?? null)} title={chartTitle} />
            <p className="hint">
              求职人数：
              <DisclosureNote disclosure={data.disclosure} />
            </p>
          </>
        )}
      </QueryState>
    </>
  );
}

/** The province as the sum of its cities (the composite score is not additive: count cities by status instead). */
function provinceTotals(items: Heatmap['items']) {
  const vacancies = items.reduce((n, i) => n + i.vacancies, 0);
  // Suppressed rows (null) count as 0 here: a lower bound, as the protected figures are.
  const seekers = items.reduce((n, i) => n + (i.seekers ?? 0), 0);
  return {
    vacancies,
    seekers,
    ratio: vacancies / Math.max(seekers, 1),
    bottleneck: items.filter((i) => i.status === 'bottleneck').length,
    watch: items.filter((i) => i.status === 'watch').length,
    cities: items.length,
  };
}
