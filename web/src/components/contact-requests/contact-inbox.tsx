import { ROLE_LABEL } from '../../lib/access';
import { LoginPrompt } from '../auth/login-prompt';
import { useSession } from '../auth/use-session';
import { QueryState } from '../common/query-state';
import { ContactInboxItem } from './contact-inbox-item';
import { useContactRequests } from './use-contact-requests';

/** 联系请求: the planner's inbox of enterprises' requests about talents of its region, newest first. */
export function ContactInbox() {
  const { me } = useSession();
  const { query } = useContactRequests();
  if (me === undefined) return null;
  if (me?.role !== 'planner') {
    return me ? (
      <p className="empty">联系请求由规划者（公共就业服务机构）处理；当前账号（{ROLE_LABEL[me.role]}）不能查看。</p>
    ) : (
      <LoginPrompt journey="planner" />
    );
  }
  const pending = query.data?.items.filter((r) => r.status === 'pending').length ?? 0;
  return (
    <section aria-labelledby="contact-inbox-title" data-testid="contact-inbox">
      <h3 id="contact-inbox-title" className="section-title">
        联系请求{query.data && <span className="panel__title-sub">待处理 {pending} 条</span>}
      </h3>
      <p className="hint">企业请求联系本辖区的人才：核实后经本机构转介给人才本人，或婉拒；企业只看到处理状态，不会得到人才身份信息。</p>
      <QueryState query={query} what="联系请求">
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">暂无联系请求。</p>
          ) : (
            <ul className="contact-list">
              {data.items.map((r) => (
                <ContactInboxItem key={r.id} request={r} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
