import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Me } from '@talentmap/core';
import { ROLE_LABEL } from '../../lib/access';
import type { Journey } from '../../lib/url-state';
import { DEMO_PASSWORD_NOTE, useDemoAccounts } from './use-demo-accounts';
import { loginErrorMessage, useSignIn } from './use-session';

const ASKED_BY: Partial<Record<Journey, string>> = { enterprise: '企业账号', institution: '院校账号' };

export interface LoginDialogProps {
  username?: string | undefined;
  /** the journey whose prompt opened it (named in the title) */
  journey?: Journey | undefined;
  onClose: () => void;
  onSignedIn: (me: Me) => void;
}

/** 登录: username and password in a modal dialog; a failure says only that they did not match. */
export function LoginDialog({ username: initialUsername = '', journey, onClose, onSignedIn }: LoginDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const signIn = useSignIn(onSignedIn);
  const demo = useDemoAccounts(false);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    (initialUsername ? passwordRef : usernameRef).current?.focus();
  }, [initialUsername]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password || signIn.isPending) return;
    signIn.mutate({ username: username.trim(), password }, { onError: () => setPassword('') });
  };
  const pick = (name: string) => {
    setUsername(name);
    passwordRef.current?.focus();
  };
  const asked = journey ? ASKED_BY[journey] : undefined;

  return (
    <dialog ref={ref} className="login-dialog" aria-labelledby={`${id}-title`} onCancel={onClose} onClose={onClose} data-testid="login-dialog">
      <form className="login-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="login-form__title">
          登录{asked ? `（${asked}）` : ''}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-user`} className="field__label">
            用户名
          </label>
          <input
            ref={usernameRef}
            id={`${id}-user`}
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="login-username"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`} className="field__label">
            密码
          </label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            maxLength={256}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </div>
        {signIn.isError && (
          <p className="error-line" role="alert" data-testid="login-error">
            {loginErrorMessage(signIn.error)}
          </p>
        )}
        <div className="form-row login-form__actions">
          <button type="submit" className="button button--primary" disabled={!username.trim() || !password || signIn.isPending} data-testid="login-submit">
            {signIn.isPending ? '正在登录…' : '登录'}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            取消
          </button>
        </div>
        {demo.length > 0 && (
          <div className="login-form__demo">
            <p className="hint">演示账号（{DEMO_PASSWORD_NOTE}）：</p>
            <ul className="demo-accounts">
              {demo.map((a) => (
                <li key={a.username}>
                  <button type="button" className="link" onClick={() => pick(a.username)}>
                    {a.username}
                  </button>
                  <span className="demo-accounts__label">
                    {ROLE_LABEL[a.role]} · {a.label}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </dialog>
  );
}
