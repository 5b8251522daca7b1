import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishCatalog } from '@talentmap/core';
import { api } from '../../lib/api';

/** The published catalogues of a region, newest first (public). */
export function usePublications(region: string) {
  return useQuery({
    queryKey: ['publications', region],
    queryFn: ({ signal }) => api.publications({ region, limit: 20 }, signal),
    staleTime: 60_000,
  });
}

/** POST /api/shortage/catalog/publications (a planner): the list and the public catalogue change with it. */
export function usePublishCatalog() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishCatalog) => api.publishCatalog(body),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['publications'] }), client.invalidateQueries({ queryKey: ['catalog'] })]);
    },
  });
}
