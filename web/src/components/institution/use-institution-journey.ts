import { useMemo } from 'react';
import type { AppState } from '../../lib/url-state';
import { districtCountChoropleth } from '../map/district-counts';
import type { JourneyMap } from '../map/app-map';
import { useInstitutionFit } from './use-institutions';

/** 院校 on the map: the chosen institution, and where the near-match talents of the chosen recommendation live. */
export function useInstitutionJourney(state: AppState): JourneyMap {
  const institution = state.journey === 'institution' ? state.institution : null;
  const fit = useInstitutionFit(institution);
  const data = fit.data;
  const { recommendation } = state;
  const choropleth = useMemo(() => {
    if (!data) return null;
    const rec = recommendation ?? data.recommendations[0]?.occupation.code ?? null;
    const rows = data.nearMatchByDistrict.find((d) => d.occupationCode === rec)?.districts ?? [];
    const recName = data.recommendations.find((r) => r.occupation.code === rec)?.occupation.name ?? '';
    const c = districtCountChoropleth(rows, `near|${institution}|${rec}`, '可转化人才');
    return { ...c, legend: { title: `可转化人才 · ${recName}`, classes: c.legend } };
  }, [data, recommendation, institution]);
  return { choropleth, selectedRegion: null, place: null, highlightInstitution: institution, busy: fit.isFetching };
}
