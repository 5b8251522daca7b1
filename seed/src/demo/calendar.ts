/**
 * The demo period: eight full quarters, 2024Q4–2026Q3, so that year-on-year growth and
 * vacancy durations can be computed from the synthetic records.
 */
export const DEMO_PERIOD = { start: '2024-10-01', end: '2026-09-30', quarters: 8 } as const;

const DAY_MS = 86_400_000;
const startMs = Date.parse(`${DEMO_PERIOD.start}T00:00:00Z`);
const endMs = Date.parse(`${DEMO_PERIOD.end}T00:00:00Z`);

export const periodDays = Math.round((endMs - startMs) / DAY_MS) + 1;

/** ISO date of the day `offset` days after the period start. */
export function dayToIso(offset: number): string {
  return new Date(startMs + Math.floor(offset) * DAY_MS).toISOString().slice(0, 10);
}

/** Day offsets where each quarter begins, plus the period end (exclusive). */
export const quarterBounds: number[] = (() => {
  const bounds: number[] = [];
  for (let q = 0; q <= DEMO_PERIOD.quarters; q++) {
    const d = new Date(startMs);
    d.setUTCMonth(d.getUTCMonth() + 3 * q);
    bounds.push(Math.round((d.getTime() - startMs) / DAY_MS));
  }
  return bounds;
})();

/** Calendar quarter (1–4) of the i-th demo quarter; the period starts in a Q4. */
export const calendarQuarter = (i: number) => ((i + 3) % 4) + 1;
