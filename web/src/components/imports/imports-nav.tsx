import type { MouseEvent } from 'react';
import { stateHref, type AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { useImportAccess } from './use-imports';

/** The header's 数据导入 link, for the accounts that may import something (admin, enterprise, institution). */
export function ImportsNav({ state, update }: { state: AppState; update: UpdateState }) {
  const { allowed } = useImportAccess();
  if (!allowed) return null;
  const active = state.page === 'imports';
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    update({ page: 'imports' });
  };
  return (
    <a
      href={stateHref({ ...state, page: 'imports' })}
      className={`journeys__link${active ? ' journeys__link--active' : ''}`}
      aria-current={active ? 'page' : undefined}
      onClick={go}
      data-testid="nav-imports"
    >
      数据导入
    </a>
  );
}
