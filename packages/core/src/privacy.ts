import { SMALL_CELL_THRESHOLD } from './map.schema.js';
import { PROVINCE_CODE } from './constants.js';

/** A count small enough to single out a person is not shown: null in place of the number. */
export const suppressSmall = (n: number): number | null => (n < SMALL_CELL_THRESHOLD ? null : n);

/**
 * How counts of people (talents, job seekers, near-match talents) are published:
 * - `exact` for a planner within its own region — the public employment service's own data;
 * - `protected` for everyone else, with the threshold-and-rounding rule statistical offices use
 *   for small-area tables (ONS, Statistics Canada): a count of 1–4 is suppressed (null), every
 *   other count is rounded to a multiple of 5, and totals are rounded from the true value, never
 *   summed from shown cells. Any difference of two published counts is then a multiple of 5, so
 *   subtracting one answer from another (a total minus its cells, a filter minus a narrower one)
 *   can never show a count of 1–4. Complementary suppression (protectGroup) hides a second cell
 *   beside a lone suppressed one as well, so not even the bounds of one cell follow from a total.
 * Vacancies, postings and enterprises are not people and are published as they are.
 */
export type Disclosure = 'exact' | 'protected';
export const ROUNDING_BASE = 5;

/** One count under `protected`: 0 stays 0, 1–4 become null, the rest the nearest multiple of 5. */
export function protectCount(n: number): number | null {
  if (n <= 0) return 0;
  if (n < SMALL_CELL_THRESHOLD) return null;
  return Math.max(SMALL_CELL_THRESHOLD, Math.round(n / ROUNDING_BASE) * ROUNDING_BASE);
}

/** A count as this disclosure publishes it. */
export const disclose = (disclosure: Disclosure, n: number): number | null => (disclosure === 'exact' ? n : protectCount(n));

/**
 * The cells of one additive group (they sum to a total published beside them or elsewhere) under
 * `protected`: each cell protected, and where exactly one cell is suppressed, the smallest other
 * non-zero cell is suppressed too (complementary suppression).
 */
export function protectGroup(counts: readonly number[]): (number | null)[] {
  const out = counts.map(protectCount);
  const suppressed = out.filter((n) => n === null).length;
  if (suppressed !== 1) return out;
  let partner = -1;
  counts.forEach((n, i) => {
    if (out[i] !== null && n > 0 && (partner < 0 || n < (counts[partner] as number))) partner = i;
  });
  if (partner >= 0) out[partner] = null;
  return out;
}

/** A group's cells as this disclosure publishes them. */
export const discloseGroup = (disclosure: Disclosure, counts: readonly number[]): (number | null)[] =>
  disclosure === 'exact' ? [...counts] : protectGroup(counts);

/**
 * A rate per 10,000 of a count over its base, from the published counts: under `protected` the
 * rate cannot be multiplied back into an exact small count. Null when either count is suppressed.
 */
export function ratePer10k(count: number | null, base: number | null): number | null {
  if (count === null || base === null) return null;
  return base > 0 ? Math.round((count / base) * 1e6) / 100 : 0;
}

/** Whether a region code lies within a region (the province holds every code; a city its districts). */
export function regionWithin(code: string, region: string): boolean {
  if (region === PROVINCE_CODE || code === region) return true;
  return region.endsWith('00') && code.slice(0, 4) === region.slice(0, 4);
}
