import { IMPORT_KIND_NAMES, type ImportKind } from '@talentmap/core';
import { importTemplateUrl } from '../../lib/api';

/** The kind's template (Chinese headers and one example row) in Excel and CSV. */
export function ImportTemplateLinks({ kind }: { kind: ImportKind }) {
  const name = `${IMPORT_KIND_NAMES[kind]}导入模板`;
  return (
    <p className="import-templates" data-testid="import-templates">
      <span className="field__label">下载模板</span>
      <a className="button button--small" href={importTemplateUrl(kind, 'xlsx')} download={`${name}.xlsx`} data-testid="template-xlsx">
        Excel（.xlsx）
      </a>
      <a className="button button--small" href={importTemplateUrl(kind, 'csv')} download={`${name}.csv`} data-testid="template-csv">
        CSV
      </a>
    </p>
  );
}
