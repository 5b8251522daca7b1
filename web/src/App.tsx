import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AppHeader, JOURNEY_LABEL } from './components/app-header';
import { DatasetBanner } from './components/dataset-banner';
import { MapStatus } from './components/map-status';
import { EnterprisePanel } from './components/enterprise/enterprise-panel';
import { useCandidates, vacancyPlace } from './components/enterprise/use-candidates';
import { FilterBar } from './components/filters/filter-bar';
import { InstitutionPanel, useInstitutionFit } from './components/institution/institution-panel';
import { countByDistrict, districtCountChoropleth, SMALL_CELL_THRESHOLD } from './components/map/district-counts';
import { LayerSwitches } from './components/map/layer-switches';
import { MapLegend, type LegendSection } from './components/map/map-legend';
import { TalentMap, type Choropleth } from './components/map/talent-map';
import { PlannerPanel } from './components/planner/planner-panel';
import { heatmapChoropleth, useHeatmap } from './components/planner/use-planner-map';
import { api } from './lib/api';
import { formatCount, formatQuarter } from './lib/format';
import { chainColours } from './lib/geo';
import { countClasses, SHORTAGE_CLASSES } from './lib/scale';
import { stateHref, type Journey, type LayerKey, type MapView } from './lib/url-state';
import { useUrlState } from './lib/use-url-state';

const HEX_COLORS = ['#efedf5', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'];
const forever = { staleTime: Infinity } as const;
const NO_COLOURS: Record<string, string> = {};

export function App() {
  const [state, update] = useUrlState();
  const [pickMode, setPickMode] = useState(false);
  const [mapReady, setMapReady] = useState(false);
  const onMapReady = useCallback(() => setMapReady(true), []);

  const health = useQuery({ queryKey: ['health'], queryFn: ({ signal }) => api.health(signal), staleTime: 60_000 });
  const cities = useQuery({ queryKey: ['regions', 'city'], queryFn: ({ signal }) => api.regions('city', null, signal), ...forever });
  // All districts (≈95, 0.7 MB): loaded once the city map is drawn (not competing with the
  // first paint), or at once when the view needs them.
  const needDistricts = state.city !== null || state.journey !== 'planner';
  const districts = useQuery({
    queryKey: ['regions', 'district'],
    queryFn: ({ signal }) => api.regions('district', null, signal),
    enabled: cities.isSuccess && (mapReady || needDistricts),
    ...forever,
  });
  const provinceSeries = useQuery({ queryKey: ['timeseries', 'province'], queryFn: ({ signal }) => api.timeseries({}, signal), staleTime: 10 * 60_000 });
  const quarters = useMemo(() => provinceSeries.data?.items.map((i) => i.quarter) ?? [], [provinceSeries.data]);
  const latestQuarter = quarters[quarters.length - 1] ?? null;

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of cities.data?.features ?? []) m.set(f.properties.code, f.properties.name);
    for (const f of districts.data?.features ?? []) m.set(f.properties.code, f.properties.name);
    return m;
  }, [cities.data, districts.data]);
  const cityOptions = useMemo(() => (cities.data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name })).sort((a, b) => a.code.localeCompare(b.code)), [cities.data]);
  const districtOptions = useMemo(
    () => (districts.data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name, parentCode: f.properties.parentCode })).sort((a, b) => a.code.localeCompare(b.code)),
    [districts.data],
  );
  const regionName = useCallback((code: string | null) => (code === null ? '江苏省' : (names.get(code) ?? code)), [names]);

  // ------------------------------------------------------------ optional layers
  const layerOn = (k: LayerKey) => state.layers.includes(k);
  const hex = useQuery({
    queryKey: ['map-talents', state.occupation, state.grade],
    queryFn: ({ signal }) => api.talentDensity({ occupation: state.occupation, minGrade: state.grade }, signal),
    enabled: layerOn('hex'),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const enterpriseFilter = { chain: state.chain, cluster: state.chain ? null : state.cluster };
  const enterprises = useQuery({
    queryKey: ['map-enterprises', enterpriseFilter],
    queryFn: ({ signal }) => api.enterprises(enterpriseFilter, signal),
    enabled: layerOn('enterprises'),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const institutions = useQuery({
    queryKey: ['institutions'],
    queryFn: ({ signal }) => api.institutions({ limit: 5000 }, signal),
    enabled: layerOn('institutions') || state.journey === 'institution',
    staleTime: 10 * 60_000,
  });
  const chains = useMemo(() => (enterprises.data ? chainColours(enterprises.data.features, 6) : null), [enterprises.data]);
  const hexClasses = useMemo(
    () => countClasses(hex.data?.features.map((f) => f.properties.count) ?? [], (n) => formatCount(n), HEX_COLORS, SMALL_CELL_THRESHOLD),
    [hex.data],
  );

  // ------------------------------------------------------------ the choropleth of the journey
  const heatLevel = state.city ? 'district' : 'city';
  const heatmap = useHeatmap(state, heatLevel);
  const candidates = useCandidates(state, districts.data);
  const fit = useInstitutionFit(state.journey === 'institution' ? state.institution : null);

  const choropleth = useMemo((): (Choropleth & { legend: LegendSection }) | null => {
    if (state.journey === 'planner') {
      if (!heatmap.data) return null;
      const { heatmap: data, key } = heatmap.data;
      return {
        ...heatmapChoropleth(data, key),
        legend: { title: `短缺指数 · ${formatQuarter(data.quarter)}`, classes: SHORTAGE_CLASSES, noDataLabel: '无数据或无法评分', note: data.note },
      };
    }
    if (state.journey === 'enterprise') {
      if (!candidates.data) return null;
      const c = districtCountChoropleth(countByDistrict(candidates.data.results), `candidates|${candidates.data.results.length}`, '匹配人才');
      return { ...c, legend: { title: '匹配人才 · 按区县', classes: c.legend } };
    }
    if (!fit.data) return null;
    const rec = state.recommendation ?? fit.data.recommendations[0]?.occupation.code ?? null;
    const rows = fit.data.nearMatchByDistrict.find((d) => d.occupationCode === rec)?.districts ?? [];
    const recName = fit.data.recommendations.find((r) => r.occupation.code === rec)?.occupation.name ?? '';
    const c = districtCountChoropleth(rows, `near|${state.institution}|${rec}`, '可转化人才');
    return { ...c, legend: { title: `可转化人才 · ${recName}`, classes: c.legend } };
  }, [state.journey, state.recommendation, state.institution, heatmap.data, candidates.data, fit.data]);

  const placeValue = state.journey === 'enterprise' ? vacancyPlace(state, districts.data) : null;
  const placeKey = placeValue ? `${placeValue.lng},${placeValue.lat},${placeValue.radiusKm}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const place = useMemo(() => placeValue, [placeKey]);
  const institutionList = institutions.data?.items;
  const highlight = state.journey === 'institution' ? state.institution : null;
  const showInstitutions = layerOn('institutions') || (state.journey === 'institution' && state.institution !== null);
  const mapInstitutions = useMemo(() => {
    if (!institutionList || !showInstitutions) return null;
    if (layerOn('institutions')) return institutionList;
    return institutionList.filter((i) => i.id === highlight);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [institutionList, showInstitutions, highlight, state.layers]);

  const onRegionClick = useCallback(
    (code: string, level: 'city' | 'district') => {
      if (level === 'city') update({ city: code, region: code, view: null });
      else update({ region: code });
    },
    [update],
  );
  const onViewChange = useCallback((view: MapView) => update({ view }, { push: false }), [update]);
  const onPick = useCallback(
    (at: [number, number]) => {
      update({ at, place: null, radiusKm: state.radiusKm ?? 30 });
      setPickMode(false);
    },
    [update, state.radiusKm],
  );
  const journeyHref = (j: Journey) => stateHref({ ...state, journey: j });

  const layerStatus = (q: { isFetching: boolean; isError: boolean; data?: unknown }, empty: boolean) =>
    q.isError ? 'error' : q.isFetching && !q.data ? 'loading' : empty ? 'empty' : 'ready';

  return (
    <div className="app">
      <a href="#panel" className="skip-link">跳到分析面板</a>
      <AppHeader health={health.data} healthError={health.isError} journey={state.journey} journeyHref={journeyHref} onJourney={(journey) => update({ journey })} />
      <DatasetBanner health={health.data} />
      <div className={`workspace${state.journey === 'planner' && state.tab === 'catalog' ? ' workspace--wide' : ''}`}>
        <aside id="panel" className="panel" aria-label={`${JOURNEY_LABEL[state.journey].title}分析面板`} tabIndex={-1} data-testid={`panel-${state.journey}`}>
          {state.journey === 'planner' && (
            <PlannerPanel
              state={state}
              update={update}
              regionName={regionName}
              latestQuarter={latestQuarter}
              cities={cityOptions}
              districts={districtOptions}
            />
          )}
          {state.journey === 'enterprise' && (
            <EnterprisePanel state={state} update={update} districts={districts.data} pickMode={pickMode} onPickMode={setPickMode} regionName={regionName} />
          )}
          {state.journey === 'institution' && (
            <InstitutionPanel
              state={state}
              update={update}
              institutions={institutions.data?.items}
              institutionsError={institutions.isError ? institutions.error.message : null}
              regionName={regionName}
            />
          )}
        </aside>
        <main className="map-area" aria-label="地图">
          <FilterBar state={state} update={update} quarters={quarters} latestQuarter={latestQuarter} />
          <div className="map-wrap">
            <TalentMap
              cities={cities.data}
              districts={districts.data}
              choropleth={choropleth}
              drillCity={state.city}
              selectedRegion={state.journey === 'planner' ? state.region : state.journey === 'enterprise' ? state.place : null}
              onRegionClick={onRegionClick}
              hexbins={layerOn('hex') ? (hex.data ?? null) : null}
              hexClasses={hexClasses}
              enterprises={layerOn('enterprises') ? (enterprises.data ?? null) : null}
              chainColours={chains?.colours ?? NO_COLOURS}
              institutions={mapInstitutions}
              highlightInstitution={highlight}
              onInstitutionClick={(id) => update({ journey: 'institution', institution: id, recommendation: null })}
              place={place}
              pickMode={pickMode}
              onPick={onPick}
              initialView={state.view}
              onViewChange={onViewChange}
              onReady={onMapReady}
            >
              <div className="map-overlay map-overlay--top-left">
                {state.city && (
                  <button type="button" className="button drill-up" onClick={() => update({ city: null, region: null, view: null })} data-testid="drill-up">
                    ‹ 返回全省
                  </button>
                )}
                {state.city && <span className="map-overlay__where">{regionName(state.city)} · 各区县</span>}
              </div>
              <div className="map-overlay map-overlay--bottom-left">
                <LayerSwitches
                  active={state.layers}
                  onToggle={(key, on) => update({ layers: on ? [...state.layers, key] : state.layers.filter((k) => k !== key) })}
                  status={{
                    hex: layerStatus(hex, (hex.data?.features.length ?? 1) === 0),
                    enterprises: layerStatus(enterprises, (enterprises.data?.features.length ?? 1) === 0),
                    institutions: layerStatus(institutions, (institutions.data?.items.length ?? 1) === 0),
                  }}
                />
                <MapLegend
                  choropleth={choropleth?.legend ?? null}
                  hex={layerOn('hex') && hex.data ? { title: `人才密度（每格约 ${hex.data.cellKm} 公里）`, classes: hexClasses, noDataLabel: '少于 5 人（不显示）' } : null}
                  chains={layerOn('enterprises') && chains ? { entries: chains.legend, others: chains.others } : null}
                  institutions={showInstitutions}
                />
              </div>
              {(heatmap.isFetching || candidates.isFetching || fit.isFetching) && (
                <div className="map-busy" role="status" aria-label="地图数据更新中">
                  <span className="spinner spinner--small" aria-hidden="true" />
                  更新中…
                </div>
              )}
            </TalentMap>
            {cities.isPending && <MapStatus kind="loading" />}
            {cities.isError && (
              <MapStatus kind="error" message={cities.error.message} onRetry={() => void cities.refetch()} retrying={cities.isFetching} />
            )}
          </div>
        </main>
      </div>
    </div>
  );
}
