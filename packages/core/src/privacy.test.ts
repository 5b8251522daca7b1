import { describe, expect, it } from 'vitest';
import { disclosureFor } from './access.js';
import { protectCount, protectGroup, ratePer10k, regionWithin } from './privacy.js';

describe('protectCount', () => {
  it('keeps 0, suppresses 1–4, rounds the rest to a multiple of 5 (never below 5)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 1234].map(protectCount)).toEqual([0, null, null, null, null, 5, 5, 5, 10, 10, 15, 1235]);
  });

  it('makes every difference of two published counts a multiple of 5: subtraction never shows 1–4', () => {
    const shown = Array.from({ length: 300 }, (_, n) => protectCount(n)).filter((n): n is number => n !== null);
    const small = shown.flatMap((a) => shown.map((b) => Math.abs(a - b))).filter((d) => d >= 1 && d <= 4);
    expect(shown.length).toBeGreaterThan(290);
    expect(small).toEqual([]);
  });
});

describe('protectGroup (complementary suppression)', () => {
  it('hides the smallest other cell beside a lone suppressed one', () => {
    expect(protectGroup([3, 40, 12, 0])).toEqual([null, 40, null, 0]);
  });
  it('leaves a group with no or several suppressed cells as protectCount has it', () => {
    expect(protectGroup([30, 40])).toEqual([30, 40]);
    expect(protectGroup([2, 3, 50])).toEqual([null, null, 50]);
  });
  it('has nothing to add when the only other cells are zero', () => {
    expect(protectGroup([2, 0, 0])).toEqual([null, 0, 0]);
  });
});

describe('ratePer10k and regionWithin', () => {
  it('computes a rate from published counts, null when one is suppressed', () => {
    expect(ratePer10k(15, 3000)).toBe(50);
    expect(ratePer10k(null, 3000)).toBeNull();
    expect(ratePer10k(0, 0)).toBe(0);
  });
  it('places districts in their city and everything in the province', () => {
    expect(regionWithin('320506', '320500')).toBe(true);
    expect(regionWithin('320506', '320000')).toBe(true);
    expect(regionWithin('320106', '320500')).toBe(false);
    expect(regionWithin('320500', '320506')).toBe(false);
  });
});

describe('disclosureFor', () => {
  const suzhou = { role: 'planner', accountId: 1, scope: { kind: 'region', regionCode: '320500' } } as const;
  const province = { role: 'planner', accountId: 2, scope: { kind: 'region', regionCode: '320000' } } as const;
  it('is exact for a planner inside its region only, protected for everyone else', () => {
    expect(disclosureFor(suzhou, '320506')).toBe('exact');
    expect(disclosureFor(suzhou, '320100')).toBe('protected');
    expect(disclosureFor(suzhou, null)).toBe('protected');
    expect(disclosureFor(province, null)).toBe('exact');
    expect(disclosureFor({ role: 'anonymous' }, '320506')).toBe('protected');
    expect(disclosureFor({ role: 'enterprise', accountId: 3, scope: { kind: 'enterprise', enterpriseId: 1 } }, '320506')).toBe('protected');
  });
});
