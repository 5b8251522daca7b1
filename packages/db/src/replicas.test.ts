import { describe, expect, it } from 'vitest';
import { isFailoverError, parseLsn } from './replicas.js';

describe('parseLsn', () => {
  it('orders WAL positions as PostgreSQL does, across the 32-bit boundary', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(() => parseLsn('16-B374D848')).toThrow('not a pg_lsn');
  });
});

describe('isFailoverError', () => {
  it('retries elsewhere on a lost connection, a shutdown or a recovery conflict, not on a bad query', () => {
    for (const code of ['CONNECTION_CLOSED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', '57P01', '08006', '40001'])
      expect(isFailoverError(Object.assign(new Error(code), { code })), code).toBe(true);
    for (const code of ['42P01', '22P02', '23505', undefined]) expect(isFailoverError(Object.assign(new Error('x'), { code })), String(code)).toBe(false);
    expect(isFailoverError(null)).toBe(false);
    // As drizzle throws it: its own error, the driver's as the cause.
    expect(isFailoverError(new Error('Failed query: select 1', { cause: Object.assign(new Error('closed'), { code: 'CONNECTION_CLOSED' }) }))).toBe(true);
    expect(isFailoverError(new Error('Failed query: select x', { cause: Object.assign(new Error('no column'), { code: '42703' }) }))).toBe(false);
  });
});
