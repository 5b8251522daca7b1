import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry) and data states for one query, worded the same everywhere. */
export function QueryState<T>({ query, what, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <p className="loading-line" role="status">
        <span className="spinner spinner--small" aria-hidden="true" />
        正在加载{what}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="error-box" role="alert">
        <p>
          {what}加载失败：{query.error instanceof Error ? query.error.message : '未知错误'}
        </p>
        <button type="button" className="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? '正在重试…' : '重试'}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
