import { vi } from 'vitest';

/** One request the app made: method, URL and headers, for asserting what was (not) asked. */
export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = { status: number; body?: unknown } | ((call: Call) => { status: number; body?: unknown });

/**
 * Replaces fetch with answers by "METHOD /path" (no query string); anything else gets 200 with
 * `{ items: [], total: 0 }`. Returns the calls, for assertions.
 */
export function stubFetch(routes: Record<string, Reply>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = { ...((init.headers as Record<string, string> | undefined) ?? {}) };
    const call: Call = { method, url: input, headers, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const route = routes[`${method} ${input.split('?')[0]}`];
    const reply = typeof route === 'function' ? route(call) : (route ?? { status: 200, body: { items: [], total: 0 } });
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

export const unauthenticated = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '未登录' } } };
