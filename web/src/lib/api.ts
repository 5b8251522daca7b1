import type { z } from 'zod';
import type {
  AuditLog,
  CandidatesResponse,
  Catalog,
  Chain,
  ClassifyResponse,
  Cluster,
  ContactRequest,
  ContactRequestCreate,
  ContactRequestUpdate,
  DemoAccount,
  EnterprisePoints,
  Forecast,
  Grade,
  Health,
  Heatmap,
  IndicatorProgress,
  ImportJob,
  ImportKind,
  ImportMode,
  InstitutionFit,
  LoginRequest,
  Me,
  Occupation,
  PublicationSummary,
  PublishCatalog,
  RegionCollection,
  Skill,
  TalentDensity,
  Timeseries,
  candidatesRequestSchema,
  programsRequestSchema,
  programsResponseSchema,
  institutionsSchema,
  importCreatedSchema,
  importJobListSchema,
  importListQuerySchema,
  IMPORT_FILE_FORMATS,
} from '@talentmap/core';

/** Request bodies as the client may send them (server defaults optional): inferred from core's schemas. */
export type CandidatesBody = z.input<typeof candidatesRequestSchema>;
export type ProgramsBody = z.input<typeof programsRequestSchema>;
export type ProgramsResponse = z.infer<typeof programsResponseSchema>;
export type Institutions = z.infer<typeof institutionsSchema>;
export type ImportCreated = z.infer<typeof importCreatedSchema>;
export type ImportJobList = z.infer<typeof importJobListSchema>;
export type ImportListQuery = z.infer<typeof importListQuerySchema>;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMATS)[number];

/** A failed API call, with a message fit to show a planner (Chinese), the HTTP status and the error code if any. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

// ------------------------------------------------------------ the session's CSRF token

/** The CSRF token of the signed-in session (from login or me), sent on every write while known. */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const getCsrfToken = () => csrfToken;

/** Told when a call other than /auth/* is refused as unauthenticated or forbidden: the session may have ended. */
let onAuthRefused: (() => void) | null = null;
export function setAuthRefusedListener(listener: (() => void) | null) {
  onAuthRefused = listener;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x?a=1&b=2` leaving out empty values, so equal filters give equal URLs (and cache keys). */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function requestHeaders(init: RequestInit): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...((init.headers as Record<string, string> | undefined) ?? {}) };
  const method = (init.method ?? 'GET').toUpperCase();
  if (csrfToken && !SAFE_METHODS.has(method)) headers['x-csrf-token'] = csrfToken;
  return headers;
}

async function failure(url: string, response: Response): Promise<ApiRequestError> {
  let detail = '';
  let code: string | undefined;
  try {
    // the error shape (core's ApiError), with codes the server may add (UNAUTHENTICATED)
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    detail = body.error?.message ?? '';
    code = body.error?.code;
  } catch {
    // not JSON: keep the status line only
  }
  if ((response.status === 401 || response.status === 403) && !url.startsWith('/api/auth/')) onAuthRefused?.();
  if (response.status === 404 && !detail) detail = '接口不存在';
  return new ApiRequestError(`服务器返回错误 ${response.status}${detail ? `：${detail}` : ''}`, response.status, code);
}

async function request<T>(url: string, init: RequestInit & { signal?: AbortSignal | undefined }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin', headers: requestHeaders(init) });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiRequestError('无法连接服务器，请检查网络或稍后重试。');
  }
  if (!response.ok) throw await failure(url, response);
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  return (await response.json()) as T;
}

const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(apiUrl(path, query), { signal });
const send = <T>(method: 'POST' | 'PATCH', path: string, body: unknown, signal?: AbortSignal) =>
  request<T>(apiUrl(path), { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, signal });
const post = <T>(path: string, body: unknown, signal?: AbortSignal) => send<T>('POST', path, body, signal);

interface List<T> {
  items: T[];
  total: number;
}

export interface ShortageFilters {
  chain?: string | null;
  cluster?: string | null;
  occupation?: string | null;
  grade?: number | null;
  quarter?: string | null;
}

/** The heatmap takes a chain or a cluster, not both: the chain is the finer choice. */
const group = (f: ShortageFilters) => (f.chain ? { chain: f.chain } : { cluster: f.cluster });

export interface DemoAccounts {
  items: DemoAccount[];
  synthetic: true;
}

/** Who is signed in, or null: a 401 is the anonymous answer, a 404 a server without accounts. */
async function me(signal?: AbortSignal): Promise<Me | null> {
  try {
    const who = await get<Me>('/auth/me', undefined, signal);
    setCsrfToken(who.csrfToken);
    return who;
  } catch (error) {
    if (error instanceof ApiRequestError && (error.status === 401 || error.status === 404)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const auth = {
  me,
  login: async (body: LoginRequest): Promise<Me> => {
    setCsrfToken(null);
    const who = await post<Me>('/auth/login', body);
    setCsrfToken(who.csrfToken);
    return who;
  },
  logout: async (): Promise<void> => {
    try {
      await post<unknown>('/auth/logout', {}).catch((error: unknown) => {
        // an empty 200 is a success; an expired session is already signed out
        if (error instanceof SyntaxError || (error instanceof ApiRequestError && error.status === 401)) return;
        throw error;
      });
    } finally {
      setCsrfToken(null);
    }
  },
  /** The synthetic dataset's demo accounts (no passwords), or null where there are none (404). */
  demoAccounts: (signal?: AbortSignal): Promise<DemoAccounts | null> =>
    get<DemoAccounts>('/auth/demo-accounts', undefined, signal).catch((error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) return null;
      throw error;
    }),
};

export const api = {
  health: (signal?: AbortSignal) => get<Health>('/health', undefined, signal),
  regions: (level: 'city' | 'district', parent?: string | null, signal?: AbortSignal) => get<RegionCollection>('/regions', { level, parent }, signal),
  clusters: (signal?: AbortSignal) => get<List<Cluster>>('/clusters', undefined, signal),
  chains: (cluster?: string | null, signal?: AbortSignal) => get<List<Chain>>('/chains', { cluster }, signal),
  grades: (signal?: AbortSignal) => get<List<Grade>>('/grades', undefined, signal),
  occupations: (q: string | null, limit = 20, signal?: AbortSignal) => get<List<Occupation>>('/occupations', { q, limit }, signal),
  chainOccupations: (chain: string, signal?: AbortSignal) => get<List<Occupation>>('/occupations', { chain, limit: 100 }, signal),
  skills: (q: string, limit = 10, signal?: AbortSignal) => get<List<Skill>>('/skills', { q, limit }, signal),

  heatmap: (level: 'city' | 'district', f: ShortageFilters, signal?: AbortSignal) =>
    get<Heatmap>('/shortage/heatmap', { level, ...group(f), occupation: f.occupation, grade: f.grade, quarter: f.quarter }, signal),
  timeseries: (q: { region?: string | null; occupation?: string | null; chain?: string | null; cluster?: string | null }, signal?: AbortSignal) =>
    get<Timeseries>('/shortage/timeseries', { region: q.region, occupation: q.occupation, ...group(q) }, signal),
  forecast: (q: { region?: string | null; occupation?: string | null }, signal?: AbortSignal) =>
    get<Forecast>('/forecast', { region: q.region, occupation: q.occupation, horizon: 4 }, signal),
  catalog: (q: CatalogScope & { limit?: number }, signal?: AbortSignal) =>
    get<Catalog>('/shortage/catalog', { region: q.region, ...group(q), grade: q.grade, limit: q.limit ?? 100 }, signal),
  indicators: (signal?: AbortSignal) => get<List<IndicatorProgress>>('/indicators', undefined, signal),

  classify: (text: string, signal?: AbortSignal) => post<ClassifyResponse>('/occupations/classify', { text, limit: 5 }, signal),
  candidates: (body: CandidatesBody, signal?: AbortSignal) => post<CandidatesResponse>('/match/candidates', body, signal),
  programs: (body: ProgramsBody, signal?: AbortSignal) => post<ProgramsResponse>('/match/programs', body, signal),

  talentDensity: (q: { occupation?: string | null; minGrade?: number | null; cellKm?: number }, signal?: AbortSignal) =>
    get<TalentDensity>('/map/talents', { occupation: q.occupation, minGrade: q.minGrade, cellKm: q.cellKm }, signal),
  enterprises: (q: { chain?: string | null; cluster?: string | null }, signal?: AbortSignal) => get<EnterprisePoints>('/map/enterprises', group(q), signal),
  institutions: (q: { q?: string | null; region?: string | null; kind?: string | null; limit?: number }, signal?: AbortSignal) =>
    get<Institutions>('/institutions', { q: q.q, region: q.region, kind: q.kind, limit: q.limit ?? 2000 }, signal),
  institutionFit: (id: number, signal?: AbortSignal) => get<InstitutionFit>(`/institutions/${id}/fit`, undefined, signal),

  publications: (q: { region?: string | null; limit?: number }, signal?: AbortSignal) =>
    get<{ items: PublicationSummary[] }>('/shortage/catalog/publications', { region: q.region, limit: q.limit }, signal),
  publishCatalog: (body: PublishCatalog) => post<PublicationSummary>('/shortage/catalog/publications', body),

  contactRequests: (signal?: AbortSignal) => get<{ items: ContactRequest[] }>('/contact-requests', undefined, signal),
  createContactRequest: (body: ContactRequestCreate) => post<ContactRequest>('/contact-requests', body),
  updateContactRequest: (id: number, body: ContactRequestUpdate) => send<ContactRequest>('PATCH', `/contact-requests/${id}`, body),

  auditLog: (q: { account?: string | null; before?: number | null; limit?: number }, signal?: AbortSignal) =>
    get<AuditLog>('/audit-log', { account: q.account, before: q.before, limit: q.limit }, signal),

  imports: (q: ImportListQuery, signal?: AbortSignal) => get<ImportJobList>('/imports', q, signal),
  importJob: (id: number, signal?: AbortSignal) => get<ImportJob>(`/imports/${id}`, undefined, signal),
  retryImport: (id: number) => post<ImportCreated>(`/imports/${id}/retry`, {}),
  /** POST /api/imports as multipart (kind and mode before the file, so the server knows them before it reads the file). */
  startImport: (q: { kind: ImportKind; mode: ImportMode; file: File }, onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal) => {
    const form = new FormData();
    form.append('kind', q.kind);
    form.append('mode', q.mode);
    form.append('file', q.file, q.file.name);
    return upload<ImportCreated>('/imports', form, onProgress, signal);
  },
};

// ------------------------------------------------------------ uploads

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * POST a form with XMLHttpRequest rather than fetch: only XHR reports upload progress. Same
 * headers (CSRF), same errors (ApiRequestError, the session re-checked on 401/403) as `request`.
 */
function upload<T>(path: string, form: FormData, onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  const url = apiUrl(path);
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('上传已取消', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    // the browser writes the multipart content-type (with its boundary) itself
    for (const [name, value] of Object.entries(requestHeaders({ method: 'POST' }))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onerror = () => reject(new ApiRequestError('无法连接服务器，请检查网络或稍后重试。'));
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    xhr.onload = () => {
      const response = new Response(NULL_BODY.has(xhr.status) ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (!response.ok) return void failure(url, response).then(reject, reject);
      response.json().then(resolve, () => resolve(undefined as T));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** The catalogue's scope: a region, a chain or a cluster, a grade. */
export type CatalogScope = { region?: string | null; chain?: string | null; cluster?: string | null; grade?: number | null };

/** Download URLs of an import template (Chinese headers, one example row) and of a job's error report. */
export const importTemplateUrl = (kind: ImportKind, format: ImportFileFormat) => apiUrl(`/imports/templates/${kind}`, { format });
export const importErrorsUrl = (id: number, format: ImportFileFormat) => apiUrl(`/imports/${id}/errors`, { format });

/** Download URL of the catalogue in CSV (UTF-8 with BOM) or XLSX, same scope as the table. */
export const catalogDownloadUrl = (format: 'csv' | 'xlsx', q: CatalogScope & { limit?: number }) =>
  apiUrl('/shortage/catalog', { region: q.region, ...group(q), grade: q.grade, limit: q.limit ?? 500, format });
