import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@talentmap/core';
import { stubFetch, unauthenticated } from '../test/fetch-stub';
import { api, ApiRequestError, auth, getCsrfToken, setAuthRefusedListener, setCsrfToken } from './api';

const planner: Me = { username: 'planner', role: 'planner', scope: { kind: 'region', regionCode: '320000' }, csrfToken: 'tok-1' };

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setAuthRefusedListener(null);
});

describe('api client and the session', () => {
  it('sends the CSRF token from login on every write, never on reads, and forgets it on logout', async () => {
    const calls = stubFetch({
      'POST /api/auth/login': { status: 200, body: planner },
      'POST /api/match/candidates': { status: 200, body: { results: [] } },
      'POST /api/occupations/classify': { status: 200, body: { results: [] } },
      'POST /api/auth/logout': { status: 204 },
    });
    await api.classify('焊工');
    expect(calls[0]!.headers['x-csrf-token']).toBeUndefined();
    await expect(auth.login({ username: 'planner', password: 'pw' })).resolves.toEqual(planner);
    expect(calls[1]!.headers['x-csrf-token']).toBeUndefined();
    expect(getCsrfToken()).toBe('tok-1');
    await api.candidates({ skills: ['焊接'] });
    await api.classify('焊工');
    await api.grades();
    expect(calls.slice(2).map((c) => [c.method, c.headers['x-csrf-token']])).toEqual([
      ['POST', 'tok-1'],
      ['POST', 'tok-1'],
      ['GET', undefined],
    ]);
    await auth.logout();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'tok-1' } });
    expect(getCsrfToken()).toBeNull();
  });

  it('reads an anonymous /me (401) and a server without accounts (404) as nobody signed in', async () => {
    stubFetch({ 'GET /api/auth/me': unauthenticated });
    await expect(auth.me()).resolves.toBeNull();
    stubFetch({ 'GET /api/auth/me': { status: 404 } });
    await expect(auth.me()).resolves.toBeNull();
    stubFetch({ 'GET /api/auth/me': { status: 200, body: planner } });
    await expect(auth.me()).resolves.toEqual(planner);
    expect(getCsrfToken()).toBe('tok-1');
  });

  it('gives a failed login its status and code, and says when another call is refused', async () => {
    const refused = vi.fn();
    setAuthRefusedListener(refused);
    stubFetch({
      'POST /api/auth/login': { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } } },
      'POST /api/match/candidates': unauthenticated,
      'GET /api/auth/demo-accounts': { status: 404 },
    });
    const error = await auth.login({ username: 'x', password: 'y' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(refused).not.toHaveBeenCalled();
    await expect(api.candidates({ skills: ['焊接'] })).rejects.toMatchObject({ status: 401 });
    expect(refused).toHaveBeenCalledTimes(1);
    await expect(auth.demoAccounts()).resolves.toBeNull();
  });
});
