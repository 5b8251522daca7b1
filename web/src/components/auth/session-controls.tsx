import { useQuery } from '@tanstack/react-query';
import { ROLE_LABEL, scopeLabel } from '../../lib/access';
import { institutionsQuery } from '../institution/use-institutions';
import { useLoginDialog } from './auth-context';
import { useSession, useSignOut } from './use-session';

/** The header's account line: who is signed in (username, role, scope) and 退出, or 登录. */
export function SessionControls({ regionName }: { regionName: (code: string) => string }) {
  const { me } = useSession();
  const openLogin = useLoginDialog();
  const signOut = useSignOut();
  // An institution account's scope is named from the institutions list (shared with the map's symbols).
  const institutions = useQuery({ ...institutionsQuery, enabled: me?.scope.kind === 'institution' });
  if (me === undefined) return <div className="session" aria-hidden="true" />;
  if (me === null) {
    return (
      <div className="session">
        <button type="button" className="button button--small" onClick={() => openLogin()} data-testid="login-open">
          登录
        </button>
      </div>
    );
  }
  const institutionName = (id: number) => institutions.data?.items.find((i) => i.id === id)?.name;
  const scope = scopeLabel(me.scope, { regionName, institutionName });
  return (
    <div className="session" data-testid="session">
      <p className="session__who" data-testid="session-user">
        <span className="session__name">{me.username}</span>
        <span className="session__role">{ROLE_LABEL[me.role]}</span>
        {scope && <span className="session__scope">{scope}</span>}
      </p>
      <button type="button" className="button button--small button--ghost" onClick={() => signOut.mutate()} disabled={signOut.isPending} data-testid="logout">
        {signOut.isPending ? '正在退出…' : '退出'}
      </button>
    </div>
  );
}
