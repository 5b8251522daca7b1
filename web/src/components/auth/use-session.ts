import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me, Viewer } from '@talentmap/core';
import { auth } from '../../lib/api';

/** Who is signed in (GET /api/auth/me): asked once, then changed only by signing in or out. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: ({ signal }) => auth.me(signal),
  staleTime: Infinity,
  retry: false,
});

/** Queries whose answers depend on who asks: their keys carry the username (see privateKey). */
const PRIVATE = new Set(['candidates', 'programs', 'institution-fit', 'contact-requests', 'audit-log', 'imports']);

/** A query key for an answer only the signed-in account may see: one cache entry per account. */
export const privateKey = (name: string, user: string | null, ...rest: unknown[]) => [name, user, ...rest];

/**
 * Public answers whose counts of people depend on the viewer (exact for a planner in its region,
 * protected for others; the catalogue live or published): asked again when the account changes.
 */
const BY_DISCLOSURE = new Set(['catalog', 'heatmap', 'timeseries', 'map-talents']);

/** Forgets what other accounts were shown (signing in or out on a shared computer). */
function forgetOthers(client: QueryClient, user: string | null) {
  client.removeQueries({ predicate: (q) => PRIVATE.has(String(q.queryKey[0])) && q.queryKey[1] !== user });
  void client.invalidateQueries({ predicate: (q) => BY_DISCLOSURE.has(String(q.queryKey[0])) });
}

export interface Session {
  /** the account, null when nobody is signed in, undefined until known */
  me: Me | null | undefined;
  /** its role, 'anonymous', or undefined until known */
  viewer: Viewer | undefined;
  /** the username, null when nobody is (known to be) signed in */
  user: string | null;
}

export function useSession(): Session {
  const query = useQuery(sessionQuery);
  // A failing /me (server down) counts as signed out: the public parts keep working.
  const me = query.data !== undefined ? query.data : query.isError ? null : undefined;
  return { me, viewer: me === undefined ? undefined : (me?.role ?? 'anonymous'), user: me?.username ?? null };
}

/** POST /api/auth/login; on success the session is the account's and other accounts' answers are gone. */
export function useSignIn(onSignedIn: (me: Me) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => auth.login(body),
    onSuccess: (me) => {
      client.setQueryData(sessionQuery.queryKey, me);
      forgetOthers(client, me.username);
      onSignedIn(me);
    },
  });
}

/** POST /api/auth/logout; signed out here whatever the server answered. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => auth.logout(),
    onSettled: () => {
      client.setQueryData(sessionQuery.queryKey, null);
      forgetOthers(client, null);
    },
  });
}

/** The message for a failed sign-in: never says whether the username exists. */
export function loginErrorMessage(error: unknown): string {
  const status = (error as { status?: number } | null)?.status;
  if (status === 401 || status === 400) return '用户名或密码错误';
  if (status === 429) return '登录尝试过于频繁，请稍后再试';
  if (status === undefined) return '无法连接服务器，请检查网络或稍后重试';
  return '登录失败，请稍后重试';
}
