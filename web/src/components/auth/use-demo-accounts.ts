import { queryOptions, useQuery } from '@tanstack/react-query';
import { auth } from '../../lib/api';

/** The demo accounts of the synthetic dataset (GET /api/auth/demo-accounts; no passwords), null elsewhere. */
export const demoAccountsQuery = queryOptions({
  queryKey: ['demo-accounts'],
  queryFn: ({ signal }) => auth.demoAccounts(signal),
  staleTime: Infinity,
  retry: false,
});

/** Asks only when `ask` (the data are synthetic); otherwise gives what an earlier ask cached. */
export function useDemoAccounts(ask: boolean) {
  return useQuery({ ...demoAccountsQuery, enabled: ask }).data?.items ?? [];
}

/** Where the demo accounts' password comes from, said wherever they are listed. */
export const DEMO_PASSWORD_NOTE = '密码为服务器环境变量 DEMO_PASSWORD 的值';
