// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_KINDS, type ImportJob, type Me } from '@talentmap/core';
import { importKinds } from '../../lib/access';
import { ApiRequestError, setCsrfToken } from '../../lib/api';
import { stubFetch, unauthenticated, type Call } from '../../test/fetch-stub';
import { click, render, waitFor, type Rendered } from '../../test/render';
import { DEFAULT_STATE } from '../../lib/url-state';
import { ImportJobStatus } from './import-job-status';
import { ImportShortcut } from './import-shortcut';
import { ImportsPage } from './imports-page';
import { POLL_MS, pollInterval } from './use-imports';

const account = (role: Me['role'], username = `${role}-demo`): Me => ({
  username,
  role,
  scope:
    role === 'enterprise'
      ? { kind: 'enterprise', enterpriseId: 3 }
      : role === 'institution'
        ? { kind: 'institution', institutionId: 7 }
        : { kind: 'region', regionCode: '320000' },
  csrfToken: `csrf-${role}`,
});

const job = (patch: Partial<ImportJob> = {}): ImportJob => ({
  id: 5,
  kind: 'vacancies',
  mode: 'all-or-nothing',
  status: 'running',
  phase: 'checking',
  fileName: '岗位.xlsx',
  fileBytes: 20_480,
  createdBy: 'enterprise-demo',
  rowsRead: 120,
  rowsValid: 118,
  rowsRejected: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  warnings: 0,
  createdAt: '2026-03-01T08:00:00Z',
  startedAt: '2026-03-01T08:00:01Z',
  finishedAt: null,
  message: null,
  ...patch,
});

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const $ = (testId: string) => document.querySelector(`[data-testid="${testId}"]`);
const jobCalls = (calls: Call[], id: number) => calls.filter((c) => c.method === 'GET' && c.url === `/api/imports/${id}`).length;

describe('which kinds a role may import', () => {
  it('gives an admin every kind, an enterprise its vacancies, an institution its programs, nobody else anything', () => {
    expect(importKinds('admin')).toEqual(IMPORT_KINDS);
    expect(importKinds('enterprise')).toEqual(['vacancies']);
    expect(importKinds('institution')).toEqual(['programs']);
    expect(importKinds('planner')).toEqual([]);
    expect(importKinds('anonymous')).toEqual([]);
    expect(importKinds(undefined)).toEqual([]);
  });

  it.each([
    ['admin', ['技能人才', '求职登记', '企业', '岗位需求', '培训机构', '培训项目']],
    ['enterprise', ['岗位需求']],
    ['institution', ['培训项目']],
  ] as const)('offers a %s account only its kinds, with their templates', async (role, names) => {
    stubFetch({ 'GET /api/auth/me': { status: 200, body: account(role) } });
    view = render(<ImportsPage />);
    await waitFor(() => $('import-kind') !== null, 'the kind picker');
    expect([...$('import-kind')!.querySelectorAll('option')].map((o) => o.textContent)).toEqual(names);
    const kind = role === 'institution' ? 'programs' : role === 'enterprise' ? 'vacancies' : 'talents';
    expect($('template-xlsx')!.getAttribute('href')).toBe(`/api/imports/templates/${kind}?format=xlsx`);
    expect($('template-csv')!.getAttribute('href')).toBe(`/api/imports/templates/${kind}?format=csv`);
    expect($('login-prompt')).toBeNull();
  });

  it('asks a planner or a visitor for another account, and asks the server nothing about imports', async () => {
    for (const me of [account('planner'), null]) {
      const calls = stubFetch({ 'GET /api/auth/me': me ? { status: 200, body: me } : unauthenticated });
      view = render(<ImportsPage />);
      await waitFor(() => $('login-prompt') !== null, 'the prompt');
      expect($('login-prompt')!.textContent).toContain(me ? '当前账号不能导入数据' : '请登录');
      expect($('import-upload')).toBeNull();
      expect(calls.some((c) => c.url.startsWith('/api/imports'))).toBe(false);
      view.unmount();
      view = undefined;
    }
  });

  it('shows an enterprise the way to import from its panel for its vacancies only', async () => {
    stubFetch({ 'GET /api/auth/me': { status: 200, body: account('enterprise') } });
    const update = vi.fn();
    view = render(
      <>
        <ImportShortcut kind="vacancies" state={DEFAULT_STATE} update={update} />
        <ImportShortcut kind="programs" state={DEFAULT_STATE} update={update} />
      </>,
    );
    await waitFor(() => $('import-shortcut-vacancies') !== null, 'the shortcut');
    expect($('import-shortcut-programs')).toBeNull();
    const link = $('import-shortcut-vacancies')!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/imports');
    click(link);
    expect(update).toHaveBeenCalledWith({ page: 'imports' });
  });
});

describe('following a job', () => {
  it('polls every second while the job is under way and stops at a final status', async () => {
    expect(pollInterval(undefined, null)).toBe(POLL_MS);
    expect(pollInterval(job({ status: 'queued' }), null)).toBe(POLL_MS);
    for (const status of ['committed', 'failed', 'interrupted'] as const) expect(pollInterval(job({ status }), null)).toBe(false);
    expect(pollInterval(undefined, new ApiRequestError('无', 404))).toBe(false);

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const answers = [
      job({ status: 'queued', phase: 'queued' }),
      job(),
      job({ status: 'committed', phase: 'done', inserted: 100, updated: 10, unchanged: 8, message: '已写入 118 行' }),
    ];
    const calls = stubFetch({
      'GET /api/auth/me': { status: 200, body: account('enterprise') },
      'GET /api/imports/5': () => ({ status: 200, body: answers.shift() ?? job({ status: 'running' }) }),
    });
    view = render(<ImportJobStatus id={5} onFollow={vi.fn()} />);
    await waitFor(() => $('import-status')?.textContent === '排队中', 'the queued job');
    const tick = async () => {
      await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
      await waitFor(() => true);
    };
    await tick();
    await waitFor(() => $('import-phase')?.textContent?.includes('校验数据') === true, 'the checking phase');
    await tick();
    await waitFor(() => $('import-status')?.textContent === '已写入', 'the committed job');
    expect(jobCalls(calls, 5)).toBe(3);
    expect($('import-phase')).toBeNull();
    expect($('figure-inserted')!.textContent).toBe('100');
    expect($('import-message')!.textContent).toBe('已写入 118 行');
    await tick();
    await tick();
    expect(jobCalls(calls, 5)).toBe(3);
  });

  it('links the error report only when rows were rejected or warned about', async () => {
    for (const [patch, shown] of [
      [{ status: 'committed', rowsRejected: 0, warnings: 0 }, false],
      [{ status: 'committed', rowsRejected: 0, warnings: 2 }, true],
      [{ status: 'failed', rowsRejected: 3, warnings: 0 }, true],
    ] as const) {
      stubFetch({ 'GET /api/auth/me': { status: 200, body: account('admin') }, 'GET /api/imports/5': { status: 200, body: job(patch) } });
      view = render(<ImportJobStatus id={5} onFollow={vi.fn()} />);
      await waitFor(() => $('import-job-details') !== null, 'the job');
      expect($('import-report') !== null).toBe(shown);
      if (shown) {
        expect($('report-xlsx')!.getAttribute('href')).toBe('/api/imports/5/errors?format=xlsx');
        expect($('report-csv')!.getAttribute('href')).toBe('/api/imports/5/errors?format=csv');
      }
      view.unmount();
      view = undefined;
    }
  });

  it('offers 重新导入 for an interrupted job and follows the job the server answers', async () => {
    const calls = stubFetch({
      'GET /api/auth/me': { status: 200, body: account('admin') },
      'GET /api/imports/5': { status: 200, body: job({ status: 'interrupted', message: '服务重启，任务中断，未写入任何数据' }) },
      'POST /api/imports/5/retry': { status: 202, body: { id: 6 } },
    });
    const onFollow = vi.fn();
    view = render(<ImportJobStatus id={5} onFollow={onFollow} />);
    await waitFor(() => $('import-retry') !== null, 'the retry button');
    click($('import-retry'));
    await waitFor(() => onFollow.mock.calls.length > 0, 'the retried job');
    expect(onFollow).toHaveBeenCalledWith(6);
    expect(calls.find((c) => c.method === 'POST')?.headers['x-csrf-token']).toBe('csrf-admin');
  });

  it('offers no retry for a committed job', async () => {
    stubFetch({ 'GET /api/auth/me': { status: 200, body: account('admin') }, 'GET /api/imports/5': { status: 200, body: job({ status: 'committed' }) } });
    view = render(<ImportJobStatus id={5} onFollow={vi.fn()} />);
    await waitFor(() => $('import-job-details') !== null, 'the job');
    expect($('import-retry')).toBeNull();
  });
});

/** An XMLHttpRequest that records what is sent and answers as told, reporting progress in two steps. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  static reply = { status: 202, body: '{"id":9}' };
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return 'application/json';
  }
  abort() {
    this.onabort?.();
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
    this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
  }
  finish() {
    this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
    this.status = FakeXhr.reply.status;
    this.responseText = FakeXhr.reply.body;
    this.onload?.();
  }
}

function chooseFile(file: File) {
  const input = $('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('uploading a file', () => {
  it('sends kind and mode before the file with the CSRF token, shows the progress, then follows the new job', async () => {
    FakeXhr.sent = [];
    FakeXhr.reply = { status: 202, body: '{"id":9}' };
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    stubFetch({
      'GET /api/auth/me': { status: 200, body: account('institution') },
      'GET /api/imports/9': { status: 200, body: job({ id: 9, kind: 'programs', status: 'committed', phase: 'done' }) },
    });
    view = render(<ImportsPage />);
    await waitFor(() => $('import-file') !== null, 'the form');
    expect(($('import-submit') as HTMLButtonElement).disabled).toBe(true);
    click(document.querySelector('input[value="valid-rows"]'));
    chooseFile(new File(['名称,专业\n'], '项目.csv', { type: 'text/csv' }));
    click($('import-submit'));
    await waitFor(() => $('upload-progress') !== null, 'the progress bar');
    expect($('upload-progress')!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('50');

    const xhr = FakeXhr.sent[0]!;
    expect([xhr.method, xhr.url]).toEqual(['POST', '/api/imports']);
    expect(xhr.headers['x-csrf-token']).toBe('csrf-institution');
    expect([...xhr.body!.keys()]).toEqual(['kind', 'mode', 'file']);
    expect([xhr.body!.get('kind'), xhr.body!.get('mode'), (xhr.body!.get('file') as File).name]).toEqual(['programs', 'valid-rows', '项目.csv']);

    act(() => xhr.finish());
    await waitFor(() => $('import-job-details') !== null, 'the new job');
    expect($('import-job')!.textContent).toContain('导入任务 #9');
    expect($('upload-progress')).toBeNull();
  });

  it('says so when the file is too large, and refuses other file types before sending', async () => {
    FakeXhr.sent = [];
    FakeXhr.reply = { status: 413, body: '{"error":{"code":"FILE_TOO_LARGE","message":"文件过大"}}' };
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    stubFetch({ 'GET /api/auth/me': { status: 200, body: account('admin') } });
    view = render(<ImportsPage />);
    await waitFor(() => $('import-file') !== null, 'the form');
    chooseFile(new File(['x'], '人才.pdf'));
    expect(($('import-submit') as HTMLButtonElement).disabled).toBe(true);
    expect($('import-upload')!.textContent).toContain('只支持');
    chooseFile(new File(['x'], '人才.XLSX'));
    click($('import-submit'));
    await waitFor(() => FakeXhr.sent.length === 1, 'the upload');
    act(() => FakeXhr.sent[0]!.finish());
    await waitFor(() => $('import-upload-error') !== null, 'the error');
    expect($('import-upload-error')!.textContent).toContain('文件超过大小上限');
  });
});

describe('the history', () => {
  it('lists the imports with their figures, pages through them, and follows one on 详情', async () => {
    const many = { items: [job({ id: 3, status: 'committed', phase: 'done', rowsRejected: 2 }), job({ id: 2, status: 'failed', phase: 'done' })], total: 45 };
    const calls = stubFetch({
      'GET /api/auth/me': { status: 200, body: account('admin') },
      'GET /api/imports': { status: 200, body: many },
      'GET /api/imports/3': { status: 200, body: many.items[0] },
    });
    view = render(<ImportsPage />);
    await waitFor(() => document.querySelectorAll('[data-testid="import-row"]').length === 2, 'the rows');
    const first = document.querySelector('[data-testid="import-row"]')!;
    expect(first.textContent).toContain('已写入');
    expect(first.querySelector('[data-testid="report-xlsx"]')).not.toBeNull();
    expect(document.querySelectorAll('[data-testid="import-row"]')[1]!.querySelector('[data-testid="import-report"]')).toBeNull();
    expect($('import-history')!.textContent).toContain('第 1 / 3 页');
    click($('import-next'));
    await waitFor(() => calls.some((c) => c.url === '/api/imports?limit=20&offset=20'), 'the second page');
    click(first.querySelector('[data-testid="import-show"]'));
    await waitFor(() => $('import-job-details') !== null, 'the job followed');
    expect($('import-job')!.textContent).toContain('导入任务 #3');
  });
});
