import type { Health } from '@talentmap/core';
import { ROLE_LABEL } from '../lib/access';
import { useLoginDialog } from './auth/auth-context';
import { DEMO_PASSWORD_NOTE, useDemoAccounts } from './auth/use-demo-accounts';

/** States plainly that what is on screen is synthetic, whenever the server says so, with the demo accounts to sign in with. */
export function DatasetBanner({ health }: { health: Health | undefined }) {
  const synthetic = health?.synthetic === true;
  const accounts = useDemoAccounts(synthetic);
  const openLogin = useLoginDialog();
  if (!synthetic) return null;
  return (
    <div className="dataset-banner" role="status" data-testid="synthetic-banner">
      <svg className="dataset-banner__icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <path
          fill="currentColor"
          d="M10 1.5 19 17.5H1L10 1.5Zm0 5a1 1 0 0 0-1 1v4.5a1 1 0 1 0 2 0V7.5a1 1 0 0 0-1-1Zm0 8.2a1.1 1.1 0 1 0 0 2.2 1.1 1.1 0 0 0 0-2.2Z"
        />
      </svg>
      <span>演示数据：本系统当前载入的企业、岗位、人才与培训记录均为合成数据（synthetic demo）</span>
      {accounts.length > 0 && (
        <span className="dataset-banner__accounts" data-testid="demo-accounts">
          演示账号：
          {accounts.map((a, i) => (
            <span key={a.username}>
              {i > 0 && '、'}
              <button
                type="button"
                className="link dataset-banner__account"
                title={`${ROLE_LABEL[a.role]} · ${a.label}`}
                onClick={() => openLogin({ username: a.username })}
              >
                {a.username}
              </button>
              （{a.label}）
            </span>
          ))}
          ；{DEMO_PASSWORD_NOTE}
        </span>
      )}
    </div>
  );
}
