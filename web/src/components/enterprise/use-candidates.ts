import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegionCollection } from '@talentmap/core';
import { can } from '../../lib/access';
import { api, type CandidatesBody } from '../../lib/api';
import type { AppState } from '../../lib/url-state';
import { privateKey, useSession } from '../auth/use-session';

export const DEFAULT_RADIUS_KM = 30;

/** Where the vacancy is: a clicked point, or a picked district's centroid. */
export function vacancyPlace(state: AppState, districts: RegionCollection | undefined): { lng: number; lat: number; radiusKm: number | null } | null {
  if (state.at) return { lng: state.at[0], lat: state.at[1], radiusKm: state.radiusKm ?? DEFAULT_RADIUS_KM };
  if (!state.place) return null;
  const f = districts?.features.find((d) => d.properties.code === state.place);
  if (!f) return null;
  return { lng: f.properties.centroid[0], lat: f.properties.centroid[1], radiusKm: state.radiusKm };
}

/**
 * The candidates request for the vacancy in the URL: the skill chips are the requirement (the
 * occupation's profile only when no chips are left), the place is a radius around a point or
 * a district, the headcount widens the shortlist.
 */
export function candidatesBody(state: AppState, districts: RegionCollection | undefined): CandidatesBody | null {
  if (state.skills.length === 0 && !state.vacancyOccupation) return null;
  const body: CandidatesBody = state.skills.length ? { skills: state.skills } : { occupationCode: state.vacancyOccupation! };
  if (state.minGrade) body.minGrade = state.minGrade;
  const place = vacancyPlace(state, districts);
  if (place?.radiusKm) body.near = { lng: place.lng, lat: place.lat, radiusKm: place.radiusKm };
  else if (state.place) body.regionCode = state.place;
  else if (state.at) return null; // a point without a radius cannot be expressed; vacancyPlace gives it the default
  body.limit = Math.min(100, Math.max(20, (state.headcount ?? 1) * 10));
  return body;
}

/**
 * The ranked candidates for the vacancy, asked only for an account that may see them (planner or
 * enterprise): `allowed` is false for anyone else, who is shown the login prompt instead.
 */
export function useCandidates(state: AppState, districts: RegionCollection | undefined) {
  const { viewer, user } = useSession();
  const allowed = can(viewer, 'candidates');
  // A district place needs the district centroids before the request can be formed.
  const waiting = state.place !== null && state.radiusKm !== null && !districts;
  const body = waiting ? null : candidatesBody(state, districts);
  const query = useQuery({
    queryKey: privateKey('candidates', user, body),
    queryFn: ({ signal }) => api.candidates(body!, signal),
    enabled: allowed && body !== null && state.journey === 'enterprise',
    // the previous answer while the next loads, but never another account's
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === user ? keepPreviousData(previous) : undefined),
    staleTime: 60_000,
  });
  return { query, allowed, known: viewer !== undefined };
}
