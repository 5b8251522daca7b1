import { useId, useState } from 'react';
import type { ContactRequest, ContactRequestUpdate } from '@talentmap/core';
import { formatDateTime, shortPseudonym } from '../../lib/format';
import { ContactStatus } from './contact-status';
import { useUpdateContactRequest } from './use-contact-requests';

const ACTIONS: { status: ContactRequestUpdate['status']; label: string; primary?: boolean }[] = [
  { status: 'forwarded', label: '转介', primary: true },
  { status: 'declined', label: '婉拒' },
  { status: 'closed', label: '关闭' },
];

/** One request in the planner's inbox: who asks, for which talent (by the planner's pseudonym), and 转介/婉拒/关闭 with a note. */
export function ContactInboxItem({ request: r }: { request: ContactRequest }) {
  const id = useId();
  const [note, setNote] = useState('');
  const update = useUpdateContactRequest();
  const act = (status: ContactRequestUpdate['status']) =>
    update.mutate({ id: r.id, change: { status, ...(note.trim() ? { note: note.trim() } : {}) } }, { onSuccess: () => setNote('') });
  const open = r.status === 'pending' || r.status === 'forwarded';
  return (
    <li className="contact-item" data-testid="inbox-request" data-request-id={r.id} data-status={r.status}>
      <p className="contact-item__head">
        <span className="contact-item__enterprise">{r.enterprise.name}</span>
        <span className="contact-item__meta">
          <span title={r.talentId}>人才 {shortPseudonym(r.talentId)}</span> · {r.regionName} · {formatDateTime(r.createdAt)}
          {r.vacancy && ` · 岗位：${r.vacancy.title}`}
        </span>
        <ContactStatus status={r.status} />
      </p>
      <p className="contact-item__message">{r.message}</p>
      {r.note && (
        <p className="contact-item__note">
          备注：{r.note}
          {r.handledAt && `（${formatDateTime(r.handledAt)}）`}
        </p>
      )}
      {open && (
        <div className="contact-item__actions">
          <label className="visually-hidden" htmlFor={`${id}-note`}>
            备注（可选）
          </label>
          <input
            id={`${id}-note`}
            className="input input--small"
            maxLength={500}
            placeholder="备注（可选）"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="inbox-note"
          />
          {ACTIONS.filter((a) => r.status === 'pending' || a.status === 'closed').map((a) => (
            <button
              key={a.status}
              type="button"
              className={`button button--small${a.primary ? ' button--primary' : ''}`}
              disabled={update.isPending}
              onClick={() => act(a.status)}
              data-testid={`inbox-${a.status}`}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
      {update.isError && (
        <p className="error-line" role="alert">
          操作失败：{update.error.message}
        </p>
      )}
    </li>
  );
}
