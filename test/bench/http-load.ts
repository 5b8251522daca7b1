import autocannon from 'autocannon';
import { percentiles } from './stats.js';

export interface LoadResult {
  latencyMs: ReturnType<typeof percentiles>;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
}

/**
 * Drives POST requests over HTTP with autocannon, cycling through the given bodies, and
 * measures every response time itself (autocannon's summary has no p95).
 */
export async function load(
  url: string,
  bodies: unknown[],
  options: { connections: number; durationSeconds?: number; amount?: number; headers?: Record<string, string>; timeoutSeconds?: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const options_: autocannon.Options = {
    url,
    method: 'POST',
    connections: options.connections,
    ...(options.timeoutSeconds ? { timeout: options.timeoutSeconds } : {}),
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(bodies[next++ % bodies.length]) }) }],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options_, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    latencyMs: percentiles(latencies),
    requestsPerSecond: Math.round(result.requests.average),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
