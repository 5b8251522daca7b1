import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** The quarters with data (the province's series); the latest is the default quarter. */
export function useQuarters() {
  const series = useQuery({ queryKey: ['timeseries', 'province'], queryFn: ({ signal }) => api.timeseries({}, signal), staleTime: 10 * 60_000 });
  const quarters = useMemo(() => series.data?.items.map((i) => i.quarter) ?? [], [series.data]);
  return { quarters, latestQuarter: quarters[quarters.length - 1] ?? null };
}
