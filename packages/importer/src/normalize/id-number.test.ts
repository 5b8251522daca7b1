import { describe, expect, it } from 'vitest';
import { idCheckDigit, validateIdNumber } from './id-number.js';

const withCheck = (first17: string) => first17 + idCheckDigit(first17);
const flip = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const today = new Date('2025-06-01T00:00:00Z');

describe('idCheckDigit', () => {
  it('matches the GB 11643 example', () => expect(idCheckDigit('11010519491231002')).toBe('X'));
});

describe('validateIdNumber', () => {
  const valid = withCheck('32010619900101123');

  it('accepts a valid ID and normalises x and full-width digits', () => {
    expect(validateIdNumber(valid, today)).toEqual({ ok: true, value: valid });
    expect(validateIdNumber('11010519491231002x', today)).toEqual({ ok: true, value: '11010519491231002X' });
    const fullWidth = valid.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(validateIdNumber(` ${fullWidth} `, today)).toEqual({ ok: true, value: valid });
  });

  it('rejects a wrong check digit', () => expect(validateIdNumber(flip(valid), today)).toEqual({ ok: false, reason: '校验位错误' }));

  it('rejects impossible or future birth dates', () => {
    expect(validateIdNumber(withCheck('32010619900230123'), today)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('32010618991231123'), today)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('32010620250602123'), today)).toEqual({ ok: false, reason: '出生日期无效' });
  });

  it('rejects the wrong length, old 15-digit IDs and stray characters', () => {
    expect(validateIdNumber('320106900101123', today)).toEqual({ ok: false, reason: '15位旧身份证号请换算为18位' });
    expect(validateIdNumber('3201061990010112', today)).toMatchObject({ ok: false, reason: expect.stringContaining('应为18位') });
    expect(validateIdNumber('32010619900101123A', today).ok).toBe(false);
    expect(validateIdNumber('', today).ok).toBe(false);
    // What an 18-digit ID becomes after Excel stored it as a number.
    expect(validateIdNumber('3.20106E+17', today).ok).toBe(false);
  });
});
