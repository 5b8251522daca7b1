import { describe, expect, it } from 'vitest';
import { excelSerialToYmd, parseDate } from './date.js';

const value = (s: string) => {
  const r = parseDate(s);
  return r.ok ? r.value : `✗ ${r.reason}`;
};

describe('parseDate', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024 年 1 月 5 日', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024-01-05T00:00:00', '2024-01-05'],
    ['2024-01-05T08:00:00.000Z', '2024-01-05'],
    ['2024-01-05 08:00', '2024-01-05'],
    ['２０２４－０１－０５', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['45296', '2024-01-05'],
    ['45296.75', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (input, expected) => expect(value(input)).toBe(expected));

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '20241301', '2024-1/5', '1899-12-31', '2100-01-01', '', '明天', '74000'])('rejects %s', (input) =>
    expect(parseDate(input).ok).toBe(false),
  );
});

describe('excelSerialToYmd', () => {
  it('follows the 1900 date system with its fictitious leap day', () => {
    expect(excelSerialToYmd(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(excelSerialToYmd(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(excelSerialToYmd(60).ok).toBe(false);
    expect(excelSerialToYmd(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialToYmd(73050)).toEqual({ ok: true, value: '2099-12-31' });
    expect(excelSerialToYmd(73051).ok).toBe(false);
    expect(excelSerialToYmd(0).ok).toBe(false);
  });
});
