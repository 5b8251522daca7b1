import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { DISCLOSURE_LABEL, formatCount } from '../../lib/format';
import { chainColours } from '../../lib/geo';
import { countClasses } from '../../lib/scale';
import type { AppState } from '../../lib/url-state';
import { institutionsQuery } from '../institution/use-institutions';
import { SMALL_CELL_THRESHOLD } from './district-counts';
import type { LayerStatus } from './layer-switches';
import type { LegendSection } from './map-legend';

const HEX_COLORS = ['#efedf5', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'];
/** One object for "no chains", so the enterprise layer is not re-run by a fresh {} on every render. */
const NO_COLOURS: Record<string, string> = {};

function layerStatus(q: { isFetching: boolean; isError: boolean; data?: unknown }, empty: boolean): LayerStatus {
  return q.isError ? 'error' : q.isFetching && !q.data ? 'loading' : empty ? 'empty' : 'ready';
}

/** Talent density cells for the occupation and grade filters, while the layer is on. */
export function useHexbinLayer(state: AppState) {
  const on = state.layers.includes('hex');
  const hex = useQuery({
    queryKey: ['map-talents', state.occupation, state.grade],
    queryFn: ({ signal }) => api.talentDensity({ occupation: state.occupation, minGrade: state.grade }, signal),
    enabled: on,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const classes = useMemo(
    () => countClasses(hex.data?.features.map((f) => f.properties.count) ?? [], (n) => formatCount(n), HEX_COLORS, SMALL_CELL_THRESHOLD),
    [hex.data],
  );
  const legend: LegendSection | null =
    on && hex.data
      ? { title: `人才密度（每格约 ${hex.data.cellKm} 公里）`, classes, noDataLabel: '少于 5 人（不显示）', note: DISCLOSURE_LABEL[hex.data.disclosure] }
      : null;
  return { data: on ? (hex.data ?? null) : null, classes, legend, status: layerStatus(hex, (hex.data?.features.length ?? 1) === 0) };
}

/** Enterprises of the chain (or cluster) filter, coloured by their six most frequent chains, while the layer is on. */
export function useEnterpriseLayer(state: AppState) {
  const on = state.layers.includes('enterprises');
  const filter = { chain: state.chain, cluster: state.chain ? null : state.cluster };
  const enterprises = useQuery({
    queryKey: ['map-enterprises', filter],
    queryFn: ({ signal }) => api.enterprises(filter, signal),
    enabled: on,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const chains = useMemo(() => (enterprises.data ? chainColours(enterprises.data.features, 6) : null), [enterprises.data]);
  return {
    data: on ? (enterprises.data ?? null) : null,
    colours: chains?.colours ?? NO_COLOURS,
    legend: on && chains ? { entries: chains.legend, others: chains.others } : null,
    status: layerStatus(enterprises, (enterprises.data?.features.length ?? 1) === 0),
  };
}

/** All institutions while the layer is on; otherwise only the one the institution journey shows (`highlight`). */
export function useInstitutionLayer(state: AppState, highlight: number | null) {
  const on = state.layers.includes('institutions');
  const shown = on || highlight !== null;
  const institutions = useQuery({ ...institutionsQuery, enabled: shown });
  const list = institutions.data?.items;
  const data = useMemo(() => {
    if (!list || !shown) return null;
    return on ? list : list.filter((i) => i.id === highlight);
  }, [list, shown, on, highlight]);
  return { data, shown, status: layerStatus(institutions, (list?.length ?? 1) === 0) };
}
