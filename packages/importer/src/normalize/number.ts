import { fail, ok, type Parsed } from '../result.js';
import { toHalfWidth } from './half-width.js';

export interface NumberRange {
  min?: number;
  max?: number;
}

// Thousands separators only in groups of three, so "1,5" (a list typed into the wrong column) is not 15.
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

export function parseNumber(s: string, range: NumberRange = {}): Parsed<number> {
  const text = toHalfWidth(s).replace(/\s/g, '');
  if (text === '') return fail('不能为空');
  if (!NUMBER.test(text) || !/\d/.test(text)) return fail(`“${text}”不是有效的数字`);
  const value = Number(text.replace(/,/g, ''));
  if (range.min !== undefined && value < range.min) return fail(`应不小于 ${range.min}`);
  if (range.max !== undefined && value > range.max) return fail(`应不大于 ${range.max}`);
  return ok(value);
}

/** Excel often stores whole numbers as 1.0 once a column has been through a formula; that is still 1. */
export function parseInteger(s: string, range: NumberRange = {}): Parsed<number> {
  const parsed = parseNumber(s, range);
  if (parsed.ok && !Number.isInteger(parsed.value)) return fail(`“${toHalfWidth(s)}”应为整数`);
  return parsed;
}
