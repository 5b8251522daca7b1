import type { AuditAction, AuditEntry } from '@talentmap/core';
import { ROLE_LABEL } from '../../lib/access';
import { formatDateTime, shortPseudonym } from '../../lib/format';

export const ACTION_LABEL: Record<AuditAction, string> = {
  'candidate-search': '人才搜索',
  'talent-pathways': '查看人才发展路径',
  'talent-gap': '查看人才技能差距',
  'contact-request': '联系请求',
  'contact-request-update': '处理联系请求',
};

const roleLabel = (role: string) => (role in ROLE_LABEL ? ROLE_LABEL[role as keyof typeof ROLE_LABEL] : role);

/** Non-personal context as short `key: value` pairs (filters, vacancy, result count). */
function detailsText(details: AuditEntry['details']): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');
}

/** The audit entries as a table: time, account, role, action, purpose, the pseudonyms shown and the details. */
export function AuditLogTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">账号</th>
            <th scope="col">角色</th>
            <th scope="col">操作</th>
            <th scope="col">用途</th>
            <th scope="col">涉及人才（化名）</th>
            <th scope="col">详情</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-action={e.action}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>{e.username ?? '—'}</td>
              <td>{roleLabel(e.role)}</td>
              <td>{ACTION_LABEL[e.action] ?? e.action}</td>
              <td>{e.purpose}</td>
              <td title={e.pseudonyms.join('\n')}>
                {e.pseudonyms.length === 0 ? '—' : e.pseudonyms.length <= 3 ? e.pseudonyms.map(shortPseudonym).join('、') : `${e.pseudonyms.length} 人`}
              </td>
              <td className="audit-table__details">{detailsText(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
