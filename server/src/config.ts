import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's names for the loopback and private ranges, which Fastify's trustProxy accepts. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IPv4/IPv6 address, a CIDR block of either, or one of PROXY_RANGES. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Which X-Forwarded-* headers to believe, as Fastify's trustProxy: off (the default: the client
 * is the socket's peer) or the addresses of the proxies in front of the app. Never `true`:
 * trusting every hop lets any client name its own address in X-Forwarded-For and so get a
 * fresh rate-limit bucket per request. Nor a hop count: it cannot check that the request came
 * through the proxy at all (a client that reaches the app directly spoofs as before), which is
 * why Fastify 5 ignores numeric trustProxy; rejecting it here beats silently trusting nothing.
 */
const trustProxySchema = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx): false | string[] => {
    if (value === '' || value === 'false') return false;
    const entries = value.split(',').map((entry) => entry.trim());
    const invalid = entries.filter((entry) => !isProxyAddress(entry));
    if (invalid.length === 0) return entries;
    let message = `not a proxy address or CIDR: ${invalid.join(', ')}`;
    if (value === 'true') message = 'true would believe any X-Forwarded-For; list the proxy addresses or CIDRs';
    else if (/^\d+$/.test(value)) message = 'a hop count cannot tell the proxy from a client that connects directly; list the proxy addresses or CIDRs';
    ctx.issues.push({ code: 'custom', input: value, message });
    return z.NEVER;
  });

/** The environment, validated once at start-up: a typo in DATABASE_URL fails loudly, not later. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Comma-separated postgres:// URLs of streaming replicas of DATABASE_URL: searches, map, heatmap,
   * catalogue and reference reads go to them (plugins/app/database.ts); unset = everything on the primary.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((url) => url.trim())
        .filter((url) => url !== ''),
    )
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'each must be a postgres:// URL'))),
  /** Where the embedded PGlite keeps its files when DATABASE_URL is unset. */
  DATA_DIR: z.string().default('./data/pglite'),
  /** Load the synthetic demo dataset when the database holds none. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  DEMO_TALENTS: z.coerce.number().int().min(100).max(5_000_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Per signed-in account, on candidate search, pathways and one talent's gap (on top of the per-address limit). */
  RATE_LIMIT_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Comma-separated proxy addresses/CIDRs (or loopback, linklocal, uniquelocal); unset = no proxy. */
  TRUST_PROXY: trustProxySchema,
  /** Optional MapLibre style URL for deployments that have a tile server; unset = boundaries only. Its origin is allowed in the CSP's connect-src. */
  BASEMAP_STYLE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  // ---- accounts (plugins/app/auth.ts, seed/src/demo-accounts.ts)
  /** Signs session cookies; required unless the dataset is the synthetic demo (then random per start). */
  SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** The demo accounts' password; unset = a random one, printed once when the accounts are created. */
  DEMO_PASSWORD: z.string().min(8, 'at least 8 characters').max(256).optional(),
  // ---- personal information (@talentmap/core/pii, plugins/app/keys.ts)
  /** 32 bytes, base64: seals identities, keys the ID-number blind index and the per-viewer pseudonyms. Required unless the dataset is the synthetic demo. */
  PII_KEY: z.string().optional(),
  /** Where the synthetic demo keeps a generated key when PII_KEY is unset. */
  PII_KEY_FILE: z.string().default('./data/pii.key'),
  // ---- imports (plugins/app/imports.ts)
  /** Largest upload accepted, in bytes (default 200 MB). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(200 * 1024 * 1024),
  /** Where uploads are kept (so that an interrupted job can run again). */
  IMPORT_DIR: z.string().default('./data/imports'),
  /** A running import whose heartbeat is older than this many seconds belongs to a stopped process (PostgreSQL; on PGlite every running job at start is). */
  IMPORT_STALE_SECONDS: z.coerce.number().int().min(5).default(30),
  /** How often a running server looks for such imports of other processes; unset = half of IMPORT_STALE_SECONDS. */
  IMPORT_SWEEP_SECONDS: z.coerce.number().int().min(1).optional(),
});
export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
