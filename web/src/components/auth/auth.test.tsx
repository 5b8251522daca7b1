// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Health, Me } from '@talentmap/core';
import { setCsrfToken } from '../../lib/api';
import { DEFAULT_STATE } from '../../lib/url-state';
import { stubFetch, unauthenticated, type Call } from '../../test/fetch-stub';
import { click, render, submit, type, waitFor, type Rendered } from '../../test/render';
import { DatasetBanner } from '../dataset-banner';
import { AuthProvider } from './auth-provider';
import { SessionControls } from './session-controls';

const suzhou: Me = { username: 'planner-suzhou', role: 'planner', scope: { kind: 'region', regionCode: '320500' }, csrfToken: 'csrf-1' };
const health: Health = { status: 'ok', database: 'pglite', dataset: 'synthetic-demo', synthetic: true };
const demo = {
  synthetic: true,
  items: [
    { username: 'planner-suzhou', role: 'planner', scope: suzhou.scope, label: '苏州市人社局规划者' },
    { username: 'enterprise-demo', role: 'enterprise', scope: { kind: 'enterprise', enterpriseId: 3 }, label: '演示企业' },
  ],
};

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const $ = (testId: string) => document.querySelector(`[data-testid="${testId}"]`);

function server(): Call[] {
  return stubFetch({
    'GET /api/auth/me': unauthenticated,
    'GET /api/auth/demo-accounts': { status: 200, body: demo },
    'POST /api/auth/login': (call) =>
      (call.body as { password: string }).password === 'right'
        ? { status: 200, body: suzhou }
        : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } } },
    'POST /api/auth/logout': { status: 204 },
  });
}

function mount(update = vi.fn()) {
  view = render(
    <AuthProvider state={DEFAULT_STATE} update={update}>
      <SessionControls regionName={(c) => (c === '320500' ? '苏州市' : c)} />
      <DatasetBanner health={health} />
    </AuthProvider>,
  );
  return update;
}

function signIn(username: string, password: string) {
  type($('login-username') as HTMLInputElement, username);
  type($('login-password') as HTMLInputElement, password);
  submit($('login-dialog')!.querySelector('form'));
}

describe('signing in and out', () => {
  it('lists the demo accounts in the banner without passwords, and fills the username from one', async () => {
    server();
    mount();
    await waitFor(() => $('demo-accounts') !== null, 'demo accounts');
    const text = $('demo-accounts')!.textContent!;
    expect(text).toContain('planner-suzhou');
    expect(text).toContain('苏州市人社局规划者');
    expect(text).toContain('enterprise-demo');
    expect(text).toContain('DEMO_PASSWORD');
    click([...$('demo-accounts')!.querySelectorAll('button')].find((b) => b.textContent === 'enterprise-demo')!);
    expect(($('login-username') as HTMLInputElement).value).toBe('enterprise-demo');
    expect(($('login-password') as HTMLInputElement).value).toBe('');
  });

  it('says only that the credentials did not match, then signs in, shows who and where, and signs out', async () => {
    const calls = server();
    const update = mount();
    await waitFor(() => $('login-open') !== null, 'the login button');
    click($('login-open'));
    expect($('login-dialog')).not.toBeNull();
    signIn('planner-suzhou', 'wrong');
    await waitFor(() => $('login-error') !== null, 'the error');
    expect($('login-error')!.textContent).toBe('用户名或密码错误');
    expect(($('login-password') as HTMLInputElement).value).toBe('');

    signIn('planner-suzhou', 'right');
    await waitFor(() => $('session-user') !== null, 'the signed-in header');
    expect($('session-user')!.textContent).toBe('planner-suzhou规划者苏州市');
    expect($('login-dialog')).toBeNull();
    expect(update).toHaveBeenCalledWith({ journey: 'planner', city: '320500', region: '320500', view: null });

    click($('logout'));
    await waitFor(() => $('login-open') !== null, 'signed out');
    expect(calls.find((c) => c.url === '/api/auth/logout')?.headers['x-csrf-token']).toBe('csrf-1');
    expect(calls.filter((c) => c.url === '/api/auth/me')).toHaveLength(1);
  });
});
