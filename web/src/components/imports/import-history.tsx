import { useState } from 'react';
import { HISTORY_PAGE_SIZE, useImportHistory } from './use-imports';
import { ImportHistoryTable } from './import-history-table';

/** 导入记录: GET /api/imports a page at a time (an admin sees everyone's, others their own). */
export function ImportHistory({ current, onShow }: { current: number | null; onShow: (id: number) => void }) {
  const [page, setPage] = useState(0);
  const history = useImportHistory(page);
  const data = history.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / HISTORY_PAGE_SIZE)) : 1;
  return (
    <section className="import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h3 id="import-history-title" className="section-title">
        导入记录
        {data && <span className="panel__title-sub">共 {data.total} 次</span>}
        {history.isFetching && <span className="spinner spinner--small" role="status" aria-label="正在加载" />}
      </h3>
      {history.isError && (
        <p className="error-line" role="alert">
          导入记录加载失败：{history.error.message}
        </p>
      )}
      {data && data.items.length === 0 && <p className="empty">还没有导入记录。</p>}
      {data && data.items.length > 0 && <ImportHistoryTable jobs={data.items} current={current} onShow={onShow} />}
      {pages > 1 && (
        <div className="form-row pager">
          <button type="button" className="button button--small" onClick={() => setPage((p) => p - 1)} disabled={page === 0} data-testid="import-prev">
            上一页
          </button>
          <span>
            第 {page + 1} / {pages} 页
          </span>
          <button type="button" className="button button--small" onClick={() => setPage((p) => p + 1)} disabled={page + 1 >= pages} data-testid="import-next">
            下一页
          </button>
        </div>
      )}
    </section>
  );
}
