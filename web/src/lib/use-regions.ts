import { useCallback, useMemo, useState } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { AppState } from './url-state';

/** The city boundaries: on the first paint's critical path, so main.tsx asks for them before React renders. */
export const citiesQuery = queryOptions({ queryKey: ['regions', 'city'], queryFn: ({ signal }) => api.regions('city', null, signal), staleTime: Infinity });

export type Regions = ReturnType<typeof useRegions>;

/** The boundaries and names of the cities and districts, and the region pickers' options. */
export function useRegions(state: AppState) {
  const [mapDrawn, setMapDrawn] = useState(false);
  const onMapReady = () => setMapDrawn(true);
  const cities = useQuery(citiesQuery);
  // All districts (≈95, 0.7 MB): loaded once the city map is drawn (not competing with the
  // first paint), or at once when the view needs them.
  const needDistricts = state.city !== null || state.journey !== 'planner';
  const districts = useQuery({
    queryKey: ['regions', 'district'],
    queryFn: ({ signal }) => api.regions('district', null, signal),
    enabled: cities.isSuccess && (mapDrawn || needDistricts),
    staleTime: Infinity,
  });

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of cities.data?.features ?? []) m.set(f.properties.code, f.properties.name);
    for (const f of districts.data?.features ?? []) m.set(f.properties.code, f.properties.name);
    return m;
  }, [cities.data, districts.data]);
  const regionName = useCallback((code: string | null) => (code === null ? '江苏省' : (names.get(code) ?? code)), [names]);
  const cityOptions = useMemo(
    () => (cities.data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name })).sort((a, b) => a.code.localeCompare(b.code)),
    [cities.data],
  );
  const districtOptions = useMemo(
    () =>
      (districts.data?.features ?? [])
        .map((f) => ({ code: f.properties.code, name: f.properties.name, parentCode: f.properties.parentCode }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    [districts.data],
  );

  return { cities, districts: districts.data, regionName, cityOptions, districtOptions, onMapReady };
}
