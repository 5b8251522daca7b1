import { fail, ok, type Parsed } from '../result.js';
import { toHalfWidth } from './half-width.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_DIGITS = '10X98765432';

/** ISO 7064 MOD 11-2 check digit of the first 17 digits of a resident ID (GB 11643). */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_DIGITS[sum % 11]!;
}

function birthDateValid(yyyymmdd: string, today: Date): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && y >= 1900 && date.getTime() <= today.getTime();
}

/** Mainland 18-digit resident ID; returns it with an upper-case X. `today` is a parameter so tests do not age. */
export function validateIdNumber(s: string, today: Date = new Date()): Parsed<string> {
  const text = toHalfWidth(s).replace(/\s/g, '').toUpperCase();
  if (text === '') return fail('身份证号为空');
  if (/^\d{15}$/.test(text)) return fail('15位旧身份证号请换算为18位');
  if (text.length !== 18) return fail(`应为18位，实际${text.length}位`);
  if (!/^\d{17}[\dX]$/.test(text)) return fail('应为18位数字，末位可为X');
  if (!birthDateValid(text.slice(6, 14), today)) return fail('出生日期无效');
  if (idCheckDigit(text) !== text[17]) return fail('校验位错误');
  return ok(text);
}
