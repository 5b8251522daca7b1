import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ImportJob, ImportKind, ImportMode } from '@talentmap/core';
import { importKinds } from '../../lib/access';
import { ApiRequestError, api, type UploadProgress } from '../../lib/api';
import { privateKey, useSession } from '../auth/use-session';
import { isFinal } from './import-labels';

/** How often a job still under way is asked again (GET /api/imports/:id). */
export const POLL_MS = 1000;
/** How often the history is asked again while one of its jobs is under way (another tab's, say). */
const HISTORY_POLL_MS = 5000;
export const HISTORY_PAGE_SIZE = 20;

/** The kinds the signed-in account may import; none for a planner or a visitor. */
export function useImportAccess() {
  const { viewer, user } = useSession();
  const kinds = importKinds(viewer);
  return { kinds, allowed: kinds.length > 0, known: viewer !== undefined, user };
}

/** Poll a job until it is final; stop too when the server says it is not there or not ours. */
export function pollInterval(job: ImportJob | undefined, error: unknown): number | false {
  if (job && isFinal(job)) return false;
  if (error instanceof ApiRequestError && error.status !== undefined && error.status >= 400 && error.status < 500) return false;
  return POLL_MS;
}

/** One job, followed every second until committed, failed or interrupted; the history is refreshed when it ends. */
export function useImportJob(id: number | null) {
  const { allowed, user } = useImportAccess();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: privateKey('imports', user, 'job', id),
    queryFn: ({ signal }) => api.importJob(id!, signal),
    enabled: allowed && id !== null,
    refetchInterval: (q) => pollInterval(q.state.data, q.state.error),
    staleTime: 0,
  });
  const status = query.data?.status;
  useEffect(() => {
    if (status && isFinal({ status })) void client.invalidateQueries({ queryKey: privateKey('imports', user, 'list') });
  }, [client, status, user]);
  return query;
}

/** The account's imports (an admin's: everyone's), newest first, one page at a time. */
export function useImportHistory(page: number) {
  const { allowed, user } = useImportAccess();
  return useQuery({
    queryKey: privateKey('imports', user, 'list', page),
    queryFn: ({ signal }) => api.imports({ limit: HISTORY_PAGE_SIZE, offset: page * HISTORY_PAGE_SIZE }, signal),
    enabled: allowed,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((job) => !isFinal(job)) ? HISTORY_POLL_MS : false),
    staleTime: 0,
  });
}

export interface StartImport {
  kind: ImportKind;
  mode: ImportMode;
  file: File;
}

/** POST /api/imports with the upload's progress (0–1, null before it starts), and a way to cancel it. */
export function useStartImport(onStarted: (id: number) => void) {
  const { user } = useImportAccess();
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: (body: StartImport) => {
      abort.current = new AbortController();
      setProgress(0);
      return api.startImport(body, (p: UploadProgress) => setProgress(p.total > 0 ? p.loaded / p.total : 0), abort.current.signal);
    },
    onSuccess: ({ id }) => {
      void client.invalidateQueries({ queryKey: privateKey('imports', user, 'list') });
      onStarted(id);
    },
    onSettled: () => {
      abort.current = null;
      setProgress(null);
    },
  });
  return { mutation, progress, cancel: () => abort.current?.abort() };
}

/** POST /api/imports/:id/retry: the job runs again (answering the id to follow). */
export function useRetryImport(onStarted: (id: number) => void) {
  const { user } = useImportAccess();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.retryImport(id),
    onSuccess: ({ id }) => {
      void client.invalidateQueries({ queryKey: privateKey('imports', user) });
      onStarted(id);
    },
  });
}

/** The message for a refused upload, in the planner's words. */
export function uploadErrorMessage(error: unknown): string {
  if (error instanceof DOMException && error.name === 'AbortError') return '上传已取消。';
  const status = (error as { status?: number } | null)?.status;
  if (status === 413) return '文件超过大小上限，请拆分后分批导入。';
  if (status === 403) return '当前账号不能导入这类数据。';
  return error instanceof Error ? error.message : '上传失败，请稍后重试。';
}
