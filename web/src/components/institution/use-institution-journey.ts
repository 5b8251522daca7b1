import { useEffect, useMemo } from 'react';
import { ownInstitution } from '../../lib/access';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { useSession } from '../auth/use-session';
import { districtCountChoropleth } from '../map/district-counts';
import type { JourneyMap } from '../map/app-map';
import { useInstitutionFit } from './use-institutions';

/**
 * The institution shown: the URL's choice, except for an institution account, which sees its
 * own (`own`; the server answers 404 for the others).
 */
export function useShownInstitution(state: AppState): { id: number | null; own: number | null } {
  const own = ownInstitution(useSession().me);
  return { id: own ?? state.institution, own };
}

/** 院校 on the map: the chosen institution, and where the near-match talents of the chosen recommendation live. */
export function useInstitutionJourney(state: AppState, update: UpdateState): JourneyMap {
  const shown = useShownInstitution(state);
  const institution = state.journey === 'institution' ? shown.id : null;
  // An institution account's link names its own institution (replacing the entry, so Back is unchanged).
  const { own } = shown;
  const mismatch = own !== null && state.journey === 'institution' && state.institution !== own;
  useEffect(() => {
    if (mismatch) update({ institution: own, recommendation: null }, { push: false });
  }, [mismatch, own, update]);

  const { query: fit } = useInstitutionFit(institution);
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
