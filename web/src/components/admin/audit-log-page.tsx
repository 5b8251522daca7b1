import { useState } from 'react';
import { useLoginDialog } from '../auth/auth-context';
import { useSession } from '../auth/use-session';
import { useDebounced } from '../common/use-debounced';
import { AuditLogTable } from './audit-log-table';
import { useAuditLog } from './use-audit-log';

/** 审计日志 (admin): who looked at which talents, when and why; newest first, filtered by account. */
export function AuditLogPage() {
  const [account, setAccount] = useState('');
  const filter = useDebounced(account.trim(), 300);
  const { query, allowed, known } = useAuditLog(filter || null);
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <main className="page" aria-labelledby="audit-title" data-testid="audit-log">
      <h2 id="audit-title" className="page__title">
        审计日志
      </h2>
      <p className="hint">每次人才搜索、查看单个人才的发展路径或技能差距、联系请求及其处理都记入此日志（账号、时间、用途、所见化名）；日志只增不改。</p>
      {known && !allowed && <AdminOnly />}
      {allowed && (
        <>
          <div className="page__filters">
            <label className="field field--inline" htmlFor="audit-account">
              <span className="field__label">账号</span>
              <input
                id="audit-account"
                className="input"
                value={account}
                onChange={(e) => setAccount(e.target.value)}
                placeholder="按用户名筛选，如 enterprise-demo"
                maxLength={64}
                data-testid="audit-account"
              />
            </label>
            {query.isFetching && <span className="spinner spinner--small" role="status" aria-label="正在加载" />}
          </div>
          {query.isError && (
            <p className="error-line" role="alert">
              审计日志加载失败：{query.error.message}
            </p>
          )}
          {query.isSuccess && entries.length === 0 && <p className="empty">没有记录{filter ? `（账号 ${filter}）` : ''}。</p>}
          {entries.length > 0 && <AuditLogTable entries={entries} />}
          {query.hasNextPage && (
            <button type="button" className="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? '正在加载…' : '加载更早的记录'}
            </button>
          )}
        </>
      )}
    </main>
  );
}

function AdminOnly() {
  const { me } = useSession();
  const openLogin = useLoginDialog();
  return (
    <section className="login-prompt" data-testid="login-prompt">
      <h3 className="login-prompt__title">{me ? '当前账号不能查看审计日志' : '请登录（管理员账号）'}</h3>
      <p className="login-prompt__text">审计日志仅供管理员查看。</p>
      <button type="button" className="button button--primary" onClick={() => openLogin()} data-testid="login-prompt-button">
        {me ? '切换账号' : '登录'}
      </button>
    </section>
  );
}
