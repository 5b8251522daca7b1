import { describe, expect, it } from 'vitest';
import { Rng } from '@talentmap/core';
import { idCheckDigit, syntheticIdentity } from './identity.js';

describe('identity', () => {
  it('computes the GB 11643 check character', () => {
    // The standard's own worked example: 11010519491231002X.
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });

  it('builds well-formed synthetic identities', () => {
    const id = syntheticIdentity(new Rng(3), 17, '320583', 1990);
    expect(id.idNumber).toMatch(/^3205831990\d{4}017[\dX]$/);
    expect(id.idNumber.at(-1)).toBe(idCheckDigit(id.idNumber.slice(0, 17)));
    expect(id.phone).toMatch(/^1[35789]\d{9}$/);
    expect(id.fullName.length).toBeGreaterThanOrEqual(2);
  });
});
