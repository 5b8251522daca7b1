import { formatCount } from '../../lib/format';
import { countClasses, type ScaleClass } from '../../lib/scale';
import type { Choropleth } from './layers/choropleth';

/**
 * Mirrors SMALL_CELL_THRESHOLD in @talentmap/core (map.schema.ts); a value import from core
 * would pull zod into the bundle, so the test asserts the two agree.
 */
export const SMALL_CELL_THRESHOLD = 5;

/** Colour of districts with fewer than 5 (shown, but without their number). */
export const SUPPRESSED_COLOR = '#eef1f4';

export interface DistrictCount {
  regionCode: string;
  regionName: string;
  /** null = suppressed by the server (under the threshold) */
  count: number | null;
}

/**
 * Counts of people by district as a choropleth, with the privacy rule applied here as well as
 * on the server: a district with 1–4 people shows as "少于 5", never with its number.
 */
export function districtCountChoropleth(counts: DistrictCount[], key: string, what: string): Choropleth & { legend: ScaleClass[] } {
  const shown = counts.filter((c) => c.count !== null && c.count >= SMALL_CELL_THRESHOLD);
  const classes = countClasses(
    shown.map((c) => c.count),
    (n) => formatCount(n),
    undefined,
    SMALL_CELL_THRESHOLD,
  );
  const suppressedClass: ScaleClass = { from: 0.5, to: SMALL_CELL_THRESHOLD, color: SUPPRESSED_COLOR, label: `少于 ${SMALL_CELL_THRESHOLD} 人（不显示人数）` };
  const all = [suppressedClass, ...classes];
  const byCode = new Map(counts.map((c) => [c.regionCode, c]));
  const values: Record<string, number | null> = {};
  for (const c of counts) values[c.regionCode] = c.count === null || c.count < SMALL_CELL_THRESHOLD ? 1 : c.count;
  return {
    level: 'district',
    values,
    classes: all,
    legend: all,
    key,
    describe: (code) => {
      const c = byCode.get(code);
      if (!c) return [{ label: what, value: '0 人' }];
      return [{ label: what, value: c.count === null || c.count < SMALL_CELL_THRESHOLD ? `少于 ${SMALL_CELL_THRESHOLD} 人` : `${formatCount(c.count)} 人` }];
    },
  };
}

/** Candidates (pseudonymous, district only) aggregated by district. */
export function countByDistrict(items: ReadonlyArray<{ regionCode: string; regionName: string }>): DistrictCount[] {
  const map = new Map<string, DistrictCount>();
  for (const i of items) {
    const entry = map.get(i.regionCode);
    if (entry) entry.count = (entry.count ?? 0) + 1;
    else map.set(i.regionCode, { regionCode: i.regionCode, regionName: i.regionName, count: 1 });
  }
  return [...map.values()];
}
