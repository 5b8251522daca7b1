import type { ApiError, Health, RegionCollection } from '@talentmap/core';

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

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
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
    throw new ApiRequestError(`服务器返回错误 ${response.status}${detail ? `：${detail}` : ''}`, response.status);
  }
  return (await response.json()) as T;
}

export const fetchHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', signal);

export const fetchCities = (signal?: AbortSignal) => getJson<RegionCollection>('/api/regions?level=city', signal);
