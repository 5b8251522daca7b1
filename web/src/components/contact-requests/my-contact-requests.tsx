import { formatDateTime, shortPseudonym } from '../../lib/format';
import { QueryState } from '../common/query-state';
import { ContactStatus } from './contact-status';
import { useContactRequests } from './use-contact-requests';

/** 我的联系请求: the enterprise's requests, newest first, with what the employment service did. */
export function MyContactRequests() {
  const { query, allowed } = useContactRequests();
  if (!allowed) return null;
  return (
    <section className="contact-requests" aria-labelledby="my-contact-requests" data-testid="my-contact-requests">
      <h2 id="my-contact-requests" className="panel__title">
        我的联系请求
      </h2>
      <p className="hint">请求由人才所在地的公共就业服务机构处理：转介后由人才本人决定是否联系企业。</p>
      <QueryState query={query} what="联系请求">
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">还没有联系请求。在匹配结果中点击“请求联系”。</p>
          ) : (
            <ul className="contact-list">
              {data.items.map((r) => (
                <li key={r.id} className="contact-item" data-testid="my-contact-request" data-talent-id={r.talentId}>
                  <p className="contact-item__head">
                    <span title={r.talentId}>人才 {shortPseudonym(r.talentId)}</span>
                    <span className="contact-item__meta">
                      {r.regionName} · {formatDateTime(r.createdAt)}
                      {r.vacancy && ` · ${r.vacancy.title}`}
                    </span>
                    <ContactStatus status={r.status} />
                  </p>
                  <p className="contact-item__message">{r.message}</p>
                  {r.note && <p className="contact-item__note">就业服务机构备注：{r.note}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
