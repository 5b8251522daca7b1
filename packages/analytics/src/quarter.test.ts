import { describe, expect, it } from 'vitest';
import { isQuarter, quarterOf, quarterRange, seasonOf, shiftQuarter } from './quarter.js';

describe('quarters', () => {
  it('parses, shifts and ranges over year boundaries', () => {
    expect(quarterOf('2024-10-01')).toBe('2024Q4');
    expect(quarterOf('2026-09-30')).toBe('2026Q3');
    expect(shiftQuarter('2025Q1', -4)).toBe('2024Q1');
    expect(shiftQuarter('2024Q4', 1)).toBe('2025Q1');
    expect(quarterRange('2024Q4', '2025Q2')).toEqual(['2024Q4', '2025Q1', '2025Q2']);
    expect(seasonOf('2026Q3')).toBe(3);
    expect(isQuarter('2025Q5')).toBe(false);
  });
});
