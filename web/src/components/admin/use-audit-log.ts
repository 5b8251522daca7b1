import { useInfiniteQuery } from '@tanstack/react-query';
import { can } from '../../lib/access';
import { api } from '../../lib/api';
import { privateKey, useSession } from '../auth/use-session';

const PAGE_SIZE = 100;

/** The audit log, newest first, one account's entries when `account` is given; pages of 100 (admin only). */
export function useAuditLog(account: string | null) {
  const { viewer, user } = useSession();
  const allowed = can(viewer, 'auditLog');
  const query = useInfiniteQuery({
    queryKey: privateKey('audit-log', user, account),
    queryFn: ({ pageParam, signal }) => api.auditLog({ account, before: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
    enabled: allowed,
    staleTime: 0,
  });
  return { query, allowed, known: viewer !== undefined };
}
