import { describe, expect, it } from 'vitest';
import { calendarQuarter, dayToIso, periodDays, quarterBounds } from './calendar.js';

describe('demo calendar', () => {
  it('covers 2024Q4–2026Q3 in eight quarters', () => {
    expect(dayToIso(0)).toBe('2024-10-01');
    expect(dayToIso(periodDays - 1)).toBe('2026-09-30');
    expect(quarterBounds).toHaveLength(9);
    expect(dayToIso(quarterBounds[1] as number)).toBe('2025-01-01');
    expect(quarterBounds[8]).toBe(periodDays);
    expect([0, 1, 2, 3, 4].map(calendarQuarter)).toEqual([4, 1, 2, 3, 4]);
  });
});
