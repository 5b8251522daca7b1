// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Candidate, InstitutionFit, InstitutionSummary, Me } from '@talentmap/core';
import { setCsrfToken } from '../../lib/api';
import { DEFAULT_STATE, type AppState } from '../../lib/url-state';
import { stubFetch, unauthenticated } from '../../test/fetch-stub';
import { render, waitFor, type Rendered } from '../../test/render';
import { EnterprisePanel } from '../enterprise/enterprise-panel';
import { InstitutionPanel } from '../institution/institution-panel';
import { AuthProvider } from './auth-provider';

const enterpriseDemo: Me = { username: 'enterprise-demo', role: 'enterprise', scope: { kind: 'enterprise', enterpriseId: 3 }, csrfToken: 'csrf-e' };
const institutionDemo: Me = { username: 'institution-demo', role: 'institution', scope: { kind: 'institution', institutionId: 7 }, csrfToken: 'csrf-i' };

const candidate: Candidate = {
  talentId: 'PAB3RO77QWERTYUIOPASDFGHJKL',
  score: 0.9,
  breakdown: { similarity: 0.9, coverage: 1, grade: 1, distance: 0.5, availability: 1 },
  matchedSkills: ['焊接'],
  missingSkills: [],
  partialSkills: [],
  regionCode: '320506',
  regionName: '吴中区',
  grade: 4,
  gradeName: '高级工',
  distanceBand: null,
  available: true,
};
const institution = (id: number, name: string, cityCode = '320500'): InstitutionSummary => ({
  id,
  name,
  kind: 'technical_school',
  regionCode: '320506',
  regionName: '吴中区',
  cityCode,
  capacity: 1000,
  programCount: 0,
  lng: 120.6,
  lat: 31.3,
});
const fit = (id: number, name: string): InstitutionFit => ({
  institution: institution(id, name),
  programs: [],
  averageFit: 0.5,
  recommendations: [],
  nearMatchByDistrict: [],
  disclosure: 'protected',
  synthetic: true,
});

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const $ = (testId: string) => document.querySelector(`[data-testid="${testId}"]`);
const regionName = (c: string | null) => c ?? '江苏省';

function routes(me: Me | null) {
  return stubFetch({
    'GET /api/auth/me': me ? { status: 200, body: me } : unauthenticated,
    'POST /api/match/candidates': { status: 200, body: { results: [candidate], query: { skills: [], occupation: null }, tookMs: 12, synthetic: true } },
    'GET /api/institutions': {
      status: 200,
      body: { items: [institution(7, '苏州技师学院'), institution(8, '无锡技师学院', '320200')], total: 2, synthetic: true },
    },
    'GET /api/institutions/7/fit': { status: 200, body: fit(7, '苏州技师学院') },
    'GET /api/institutions/8/fit': { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such institution' } } },
  });
}

const vacancy: AppState = { ...DEFAULT_STATE, journey: 'enterprise', skills: ['焊接'] };

function enterprise(state: AppState) {
  view = render(
    <AuthProvider state={state} update={vi.fn()}>
      <EnterprisePanel state={state} update={vi.fn()} districts={undefined} pickMode={false} onPickMode={vi.fn()} regionName={regionName} />
    </AuthProvider>,
  );
}

function institutionPanel(state: AppState) {
  view = render(
    <AuthProvider state={state} update={vi.fn()}>
      <InstitutionPanel state={state} update={vi.fn()} regionName={regionName} />
    </AuthProvider>,
  );
}

describe('what each role sees', () => {
  it('asks anonymous visitors of the enterprise journey to sign in, and asks nothing it may not', async () => {
    const calls = routes(null);
    enterprise(vacancy);
    await waitFor(() => $('login-prompt') !== null, 'the login prompt');
    expect($('login-prompt')!.textContent).toContain('请登录（企业账号）');
    expect($('vacancy-form')).not.toBeNull();
    expect($('candidates')).toBeNull();
    expect(calls.some((c) => c.url.startsWith('/api/match/candidates'))).toBe(false);
  });

  it('shows an enterprise account its candidates, the request carrying the CSRF token', async () => {
    const calls = routes(enterpriseDemo);
    enterprise(vacancy);
    await waitFor(() => $('candidate') !== null, 'a candidate');
    expect($('login-prompt')).toBeNull();
    expect(calls.find((c) => c.url === '/api/match/candidates')?.headers['x-csrf-token']).toBe('csrf-e');
  });

  it('tells an institution account on the enterprise journey that another account is needed', async () => {
    const calls = routes(institutionDemo);
    enterprise(vacancy);
    await waitFor(() => $('login-prompt') !== null, 'the prompt');
    expect($('login-prompt')!.textContent).toContain('当前账号（院校）');
    expect($('login-prompt-button')!.textContent).toBe('切换账号');
    expect(calls.some((c) => c.url.startsWith('/api/match/candidates'))).toBe(false);
  });

  it('lets anonymous visitors browse institutions but asks them to sign in for the analysis', async () => {
    const calls = routes(null);
    institutionPanel({ ...DEFAULT_STATE, journey: 'institution' });
    await waitFor(() => $('institution-picker') !== null && $('login-prompt') !== null, 'the list and the prompt');
    expect($('login-prompt')!.textContent).toContain('请登录（院校账号）');
    expect(calls.some((c) => c.url.includes('/fit'))).toBe(false);
  });

  it('offers a city planner the institutions of its city only', async () => {
    routes({ username: 'planner-suzhou', role: 'planner', scope: { kind: 'region', regionCode: '320500' }, csrfToken: 'csrf-p' });
    institutionPanel({ ...DEFAULT_STATE, journey: 'institution' });
    await waitFor(() => document.querySelectorAll('.inst-item__name').length > 0 && $('login-prompt') === null, 'the list');
    expect([...document.querySelectorAll('.inst-item__name')].map((e) => e.textContent)).toEqual(['苏州技师学院']);
  });

  it('shows an institution account its own institution, whatever the link chose, without the list', async () => {
    const calls = routes(institutionDemo);
    institutionPanel({ ...DEFAULT_STATE, journey: 'institution', institution: 8 });
    await waitFor(() => $('institution-fit') !== null, 'the fit');
    expect($('institution-fit')!.querySelector('h2')!.textContent).toBe('苏州技师学院');
    expect($('institution-picker')).toBeNull();
    expect($('institution-fit')!.textContent).not.toContain('返回院校列表');
    expect(calls.filter((c) => c.url.includes('/fit')).map((c) => c.url)).toEqual(['/api/institutions/7/fit']);
  });
});
