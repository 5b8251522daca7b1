import type { z } from 'zod';
import type {
  ApiError,
  CandidatesResponse,
  Catalog,
  Chain,
  ClassifyResponse,
  Cluster,
  EnterprisePoints,
  Forecast,
  Grade,
  Health,
  Heatmap,
  IndicatorProgress,
  InstitutionFit,
  Occupation,
  RegionCollection,
  Skill,
  TalentDensity,
  Timeseries,
  candidatesRequestSchema,
  programsRequestSchema,
  programsResponseSchema,
  institutionsSchema,
} from '@talentmap/core';

/** Request bodies as the client may send them (server defaults optional): inferred from core's schemas. */
export type CandidatesBody = z.input<typeof candidatesRequestSchema>;
export type ProgramsBody = z.input<typeof programsRequestSchema>;
export type ProgramsResponse = z.infer<typeof programsResponseSchema>;
export type Institutions = z.infer<typeof institutionsSchema>;

/** A failed API call, with a message fit to show a planner (Chinese) and the HTTP status if any. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

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

async function request<T>(url: string, init: RequestInit & { signal?: AbortSignal | undefined }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiRequestError('无法连接服务器，请检查网络或稍后重试。');
  }
  if (!response.ok) {
    let detail = '';
    try {
      const body = (await response.json()) as Partial<ApiError>;
      detail = body.error?.message ?? '';
    } catch {
      // not JSON: keep the status line only
    }
    if (response.status === 404 && !detail) detail = '接口不存在';
    throw new ApiRequestError(`服务器返回错误 ${response.status}${detail ? `：${detail}` : ''}`, response.status);
  }
  return (await response.json()) as T;
}

const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(apiUrl(path, query), { signal });
const post = <T>(path: string, body: unknown, signal?: AbortSignal) =>
  request<T>(apiUrl(path), { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, signal });

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
};

/** The catalogue's scope: a region, a chain or a cluster, a grade. */
export type CatalogScope = { region?: string | null; chain?: string | null; cluster?: string | null; grade?: number | null };

/** Download URL of the catalogue in CSV (UTF-8 with BOM) or XLSX, same scope as the table. */
export const catalogDownloadUrl = (format: 'csv' | 'xlsx', q: CatalogScope & { limit?: number }) =>
  apiUrl('/shortage/catalog', { region: q.region, ...group(q), grade: q.grade, limit: q.limit ?? 500, format });
