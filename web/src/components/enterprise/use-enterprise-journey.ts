import { useMemo, useState } from 'react';
import type { RegionCollection } from '@talentmap/core';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { countByDistrict, districtCountChoropleth } from '../map/district-counts';
import type { JourneyMap } from '../map/app-map';
import { DEFAULT_RADIUS_KM, useCandidates, vacancyPlace } from './use-candidates';

/**
 * 企业 on the map: the matched candidates counted by district, the workplace with its radius,
 * and "pick mode", in which a click on the map sets the workplace.
 */
export function useEnterpriseJourney(state: AppState, update: UpdateState, districts: RegionCollection | undefined) {
  const [pickMode, setPickMode] = useState(false);
  const { query: candidates } = useCandidates(state, districts);
  const data = candidates.data;
  const choropleth = useMemo(() => {
    if (!data) return null;
    const c = districtCountChoropleth(countByDistrict(data.results), `candidates|${data.results.length}`, '匹配人才');
    return { ...c, legend: { title: '匹配人才 · 按区县', classes: c.legend } };
  }, [data]);

  // A new object only when the place moves, so the map does not redraw it on every render.
  const { lng, lat, radiusKm } = vacancyPlace(state, districts) ?? {};
  const place = useMemo(() => (lng === undefined || lat === undefined ? null : { lng, lat, radiusKm: radiusKm ?? null }), [lng, lat, radiusKm]);

  const onPick = (at: [number, number]) => {
    update({ at, place: null, radiusKm: state.radiusKm ?? DEFAULT_RADIUS_KM });
    setPickMode(false);
  };

  const map: JourneyMap = { choropleth, selectedRegion: state.place, place, highlightInstitution: null, busy: candidates.isFetching };
  return { map, pickMode, setPickMode, onPick };
}
