import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** Every institution: the panel's list and the map's symbols share it. */
export const institutionsQuery = queryOptions({
  queryKey: ['institutions'],
  queryFn: ({ signal }) => api.institutions({ limit: 5000 }, signal),
  staleTime: 10 * 60_000,
});

export function useInstitutionFit(id: number | null) {
  return useQuery({
    queryKey: ['institution-fit', id],
    queryFn: id === null ? skipToken : ({ signal }) => api.institutionFit(id, signal),
    staleTime: 5 * 60_000,
  });
}
