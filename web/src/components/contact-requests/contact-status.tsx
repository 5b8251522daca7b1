import type { ContactRequest } from '@talentmap/core';

export const STATUS_LABEL: Record<ContactRequest['status'], string> = {
  pending: '待处理',
  forwarded: '已转介',
  declined: '已婉拒',
  closed: '已关闭',
};

/** A request's status as a small badge; `data-status` carries the API's value for tests. */
export function ContactStatus({ status }: { status: ContactRequest['status'] }) {
  return (
    <span className={`contact-status contact-status--${status}`} data-status={status} data-testid="contact-status">
      {STATUS_LABEL[status]}
    </span>
  );
}
