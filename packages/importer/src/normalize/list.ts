import { toHalfWidth } from './half-width.js';

// Split before toHalfWidth, which would fold newlines into spaces; full-width forms are listed here for that reason.
const SEPARATORS = /[；;、，,|｜\r\n]+/;

/** Multi-value cells (技能, 证书): whatever separator the office used, in order, without repeats. */
export function splitList(s: string): string[] {
  const seen = new Set<string>();
  for (const item of s.split(SEPARATORS)) {
    const value = toHalfWidth(item);
    if (value !== '') seen.add(value);
  }
  return [...seen];
}
