import { describe, expect, it } from 'vitest';
import { parseInteger, parseNumber } from './number.js';

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['12,000', 12000],
    ['1,234,567.5', 1234567.5],
    ['-3.25', -3.25],
    ['.5', 0.5],
    ['１２，０００', 12000],
    ['３０．５', 30.5],
    [' 30 ', 30],
  ])('%s → %d', (s, n) => expect(parseNumber(s)).toEqual({ ok: true, value: n }));

  it.each(['', '1,5', '12,00', 'abc', '1.2.3', '-', '.', '三十'])('rejects %s', (s) => expect(parseNumber(s).ok).toBe(false));

  it('checks the range', () => {
    expect(parseNumber('5', { min: 0, max: 10 }).ok).toBe(true);
    expect(parseNumber('-1', { min: 0 })).toEqual({ ok: false, reason: '应不小于 0' });
    expect(parseNumber('11', { max: 10 })).toEqual({ ok: false, reason: '应不大于 10' });
  });
});

describe('parseInteger', () => {
  it('accepts whole numbers written with a decimal point', () => {
    expect(parseInteger('1.0')).toEqual({ ok: true, value: 1 });
    expect(parseInteger('１２')).toEqual({ ok: true, value: 12 });
    expect(parseInteger('12,000')).toEqual({ ok: true, value: 12000 });
  });
  it('rejects fractions, empties and values out of range', () => {
    expect(parseInteger('1.5').ok).toBe(false);
    expect(parseInteger('').ok).toBe(false);
    expect(parseInteger('70', { min: 0, max: 60 }).ok).toBe(false);
  });
});
