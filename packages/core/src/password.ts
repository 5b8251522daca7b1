import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// Node-only (node:crypto): reached through '@talentmap/core/password', never through the index
// the web app imports.

/**
 * scrypt cost for new hashes: N = 2^15, r = 8, p = 1 — 32 MiB and about 0.1–0.2 s per hash on a
 * two-core server, so a guessed password costs an attacker the same. Every hash carries its own
 * parameters, so raising them later leaves existing hashes verifiable.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on parameters read back from a stored hash, so a corrupt row cannot ask for gigabytes. */
const MAX_N = 2 ** 20;
const MAX_RP = 16;

type Cost = { N: number; r: number; p: number };

function derive(password: string, salt: Buffer, cost: Cost, bytes: number): Promise<Buffer> {
  // Node refuses when 128·N·r exceeds maxmem (32 MiB by default, exactly this cost): leave room.
  const options = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, bytes, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash` (salt and hash in base64), with a fresh random salt per call. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST, KEY_BYTES);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(encoded: string): { cost: Cost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key, ...rest] = encoded.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || key === undefined) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(cost.N) && cost.N > 1 && cost.N <= MAX_N && (cost.N & (cost.N - 1)) === 0;
  const small = (v: number) => Number.isInteger(v) && v >= 1 && v <= MAX_RP;
  if (!powerOfTwo || !small(cost.r) || !small(cost.p)) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** Whether the password matches the stored hash; compares in constant time. A malformed hash matches nothing. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const stored = parse(encoded);
  if (!stored || stored.key.length === 0) return false;
  const key = await derive(password, stored.salt, stored.cost, stored.key.length);
  return timingSafeEqual(key, stored.key);
}

/** A random password for generated accounts: 16 URL-safe characters (96 bits). */
export const randomPassword = (): string => randomBytes(12).toString('base64url');
