/** Calendar quarters as `2025Q3`; years as `2025`. The period keys of every rollup. */
export type Quarter = `${number}Q${1 | 2 | 3 | 4}`;

const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

export const isQuarter = (value: string): value is Quarter => QUARTER_PATTERN.test(value);

/** Quarter of an ISO date (`2025-08-14` → `2025Q3`). */
export function quarterOf(isoDate: string): Quarter {
  const month = Number(isoDate.slice(5, 7));
  return `${Number(isoDate.slice(0, 4))}Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`;
}

/** Quarters since year 0: an ordinal that makes shifting and distances plain arithmetic. */
export function quarterIndex(q: Quarter): number {
  const m = QUARTER_PATTERN.exec(q);
  if (!m) throw new Error(`not a quarter: ${q}`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

export function quarterFromIndex(index: number): Quarter {
  return `${Math.floor(index / 4)}Q${((index % 4) + 1) as 1 | 2 | 3 | 4}`;
}

export const shiftQuarter = (q: Quarter, by: number): Quarter => quarterFromIndex(quarterIndex(q) + by);

/** Calendar quarter number 1–4 (the season). */
export const seasonOf = (q: Quarter): number => (quarterIndex(q) % 4) + 1;

export const yearOf = (q: Quarter): string => q.slice(0, 4);

/** Every quarter from `first` to `last`, inclusive. */
export function quarterRange(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let i = quarterIndex(first); i <= quarterIndex(last); i++) out.push(quarterFromIndex(i));
  return out;
}
