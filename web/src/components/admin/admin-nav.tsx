import type { MouseEvent } from 'react';
import { can } from '../../lib/access';
import { stateHref, type AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { useSession } from '../auth/use-session';

/** The header's 审计日志 link, for an admin only. */
export function AdminNav({ state, update }: { state: AppState; update: UpdateState }) {
  const { viewer } = useSession();
  if (!can(viewer, 'auditLog')) return null;
  const active = state.page === 'audit';
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    update({ page: 'audit' });
  };
  return (
    <a
      href={stateHref({ ...state, page: 'audit' })}
      className={`journeys__link${active ? ' journeys__link--active' : ''}`}
      aria-current={active ? 'page' : undefined}
      onClick={go}
      data-testid="nav-audit"
    >
      审计日志
    </a>
  );
}
