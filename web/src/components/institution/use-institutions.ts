import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { can } from '../../lib/access';
import { api } from '../../lib/api';
import { privateKey, useSession } from '../auth/use-session';

/** Every institution: the panel's list and the map's symbols share it. */
export const institutionsQuery = queryOptions({
  queryKey: ['institutions'],
  queryFn: ({ signal }) => api.institutions({ limit: 5000 }, signal),
  staleTime: 10 * 60_000,
});

/**
 * An institution's 吻合度 analysis, asked only for an account that may see it (an institution
 * its own, a planner, an admin); `allowed` is false for anyone else, who is shown the login prompt.
 */
export function useInstitutionFit(id: number | null) {
  const { viewer, user } = useSession();
  const allowed = can(viewer, 'institutionFit');
  const query = useQuery({
    queryKey: privateKey('institution-fit', user, id),
    queryFn: id === null || !allowed ? skipToken : ({ signal }) => api.institutionFit(id, signal),
    staleTime: 5 * 60_000,
  });
  return { query, allowed, known: viewer !== undefined };
}
