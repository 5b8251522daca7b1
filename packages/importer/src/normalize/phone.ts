import { fail, ok, type Parsed } from '../result.js';
import { toHalfWidth } from './half-width.js';

const MOBILE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

/** Mainland mobile numbers, as typed with a country code or grouped with spaces or dashes; returns the 11 digits. */
export function validatePhone(s: string): Parsed<string> {
  const text = toHalfWidth(s).replace(/[\s\-()]/g, '');
  if (text === '') return fail('手机号为空');
  const match = MOBILE.exec(text);
  if (match) return ok(match[1]!);
  return fail(`“${toHalfWidth(s)}”不是有效的手机号（应为1开头的11位数字）`);
}
