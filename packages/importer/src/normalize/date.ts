import { fail, ok, type Parsed } from '../result.js';
import { toHalfWidth } from './half-width.js';

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
/** Serial of 2099-12-31 in Excel's 1900 date system. */
const MAX_SERIAL = 73050;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatYmd(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function checkYmd(year: number, month: number, day: number): Parsed<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(`年份超出范围（${MIN_YEAR}–${MAX_YEAR}）`);
  if (month < 1 || month > 12) return fail('日期不存在');
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return fail('日期不存在');
  return ok(formatYmd(year, month, day));
}

/**
 * Excel's 1900 date system counts 1900-02-29, which never existed (a Lotus 1-2-3 bug Excel kept),
 * so serials from 61 on are one day ahead of a plain day count; 60 itself names no real day.
 */
export function excelSerialToYmd(serial: number): Parsed<string> {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL) return fail(`Excel 日期序列号超出范围（1–${MAX_SERIAL}）`);
  if (whole === 60) return fail('日期不存在（Excel 序列号 60 即不存在的 1900-02-29）');
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + whole * DAY_MS);
  return ok(formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;

/** Dates as 人社 offices type them, or as Excel stores them when a CSV export loses the cell format. */
export function parseDate(s: string): Parsed<string> {
  const text = toHalfWidth(s).replace(/\s*([年月日])\s*/g, '$1');
  if (text === '') return fail('日期为空');
  const separated = SEPARATED.exec(text);
  if (separated) return checkYmd(Number(separated[1]), Number(separated[3]), Number(separated[4]));
  const parts = CHINESE.exec(text) ?? COMPACT.exec(text);
  if (parts) return checkYmd(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  if (SERIAL.test(text)) return excelSerialToYmd(Number(text));
  return fail(`无法识别的日期“${text}”，请写作 2024-01-05`);
}
