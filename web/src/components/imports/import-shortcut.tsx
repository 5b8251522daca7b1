import type { MouseEvent } from 'react';
import { IMPORT_KIND_NAMES, type ImportKind } from '@talentmap/core';
import { stateHref, type AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { useImportAccess } from './use-imports';

/** A journey panel's way to 数据导入 (an enterprise's vacancies, an institution's programs), for accounts that may import the kind. */
export function ImportShortcut({ kind, state, update }: { kind: ImportKind; state: AppState; update: UpdateState }) {
  const { kinds } = useImportAccess();
  if (!kinds.includes(kind)) return null;
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    update({ page: 'imports' });
  };
  return (
    <p className="hint" data-testid={`import-shortcut-${kind}`}>
      {IMPORT_KIND_NAMES[kind]}较多时，可用 Excel 或 CSV 文件
      <a href={stateHref({ ...state, page: 'imports' })} onClick={go}>
        批量导入
      </a>
      。
    </p>
  );
}
