import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactRequest, ContactRequestCreate, ContactRequestUpdate } from '@talentmap/core';
import { can } from '../../lib/access';
import { api } from '../../lib/api';
import { privateKey, useSession } from '../auth/use-session';

const KEY = 'contact-requests';

/**
 * The contact requests the signed-in account may see: an enterprise's own, a planner's about
 * talents of its region (the server decides which). Asked only for those two roles.
 */
export function useContactRequests() {
  const { viewer, user } = useSession();
  const allowed = can(viewer, 'requestContact') || can(viewer, 'handleContactRequests');
  const query = useQuery({
    queryKey: privateKey(KEY, user),
    queryFn: ({ signal }) => api.contactRequests(signal),
    enabled: allowed,
    staleTime: 15_000,
  });
  return { query, allowed };
}

/** The latest request per talent pseudonym (the list is newest first). */
export function latestByTalent(items: readonly ContactRequest[]): Map<string, ContactRequest> {
  const byTalent = new Map<string, ContactRequest>();
  for (const item of items) if (!byTalent.has(item.talentId)) byTalent.set(item.talentId, item);
  return byTalent;
}

/** POST /api/contact-requests (an enterprise); the list is asked again afterwards. */
export function useCreateContactRequest() {
  const client = useQueryClient();
  const { user } = useSession();
  return useMutation({
    mutationFn: (body: ContactRequestCreate) => api.createContactRequest(body),
    onSuccess: () => client.invalidateQueries({ queryKey: privateKey(KEY, user) }),
  });
}

/** PATCH /api/contact-requests/:id (a planner: 转介, 婉拒 or 关闭). */
export function useUpdateContactRequest() {
  const client = useQueryClient();
  const { user } = useSession();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: ContactRequestUpdate }) => api.updateContactRequest(id, change),
    onSuccess: () => client.invalidateQueries({ queryKey: privateKey(KEY, user) }),
  });
}
