import { describe, expect, it } from 'vitest';
import { TooManyAttemptsError } from '@talentmap/core';
import { AccountRateLimit } from './account-rate-limit.js';

describe('AccountRateLimit', () => {
  it('allows perMinute requests per account per minute, then refuses with the wait', () => {
    let now = 0;
    const limit = new AccountRateLimit(3, () => now);
    const a = { role: 'enterprise', accountId: 1 } as const;
    const b = { role: 'enterprise', accountId: 2 } as const;
    for (let i = 0; i < 3; i++) limit.take(a);
    now = 20_000;
    const refused = (() => {
      try {
        limit.take(a);
      } catch (err) {
        return err;
      }
    })();
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    expect((refused as TooManyAttemptsError).retryAfterSeconds).toBe(40);
    expect(() => limit.take(b)).not.toThrow();
    now = 60_000;
    expect(() => limit.take(a)).not.toThrow();
  });
});
