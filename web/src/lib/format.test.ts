import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_LABEL,
  formatCount,
  formatDateTime,
  formatDistanceBand,
  formatKm,
  formatNumber,
  formatPercent,
  formatQuarter,
  formatWage,
  formatWithUnit,
  shortPseudonym,
} from './format';

describe('formatCount', () => {
  it('groups small counts and switches to 万 and 亿', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9876)).toBe('9,876');
    expect(formatCount(10_000)).toBe('1万');
    expect(formatCount(12_345)).toBe('1.2万');
    expect(formatCount(455_000)).toBe('45.5万');
    expect(formatCount(4_550_000)).toBe('455万');
    expect(formatCount(123_456_789)).toBe('1.2亿');
  });
  it('does not print 10000万', () => {
    expect(formatCount(99_999_999)).toBe('1亿');
  });
  it('keeps the sign and handles missing values', () => {
    expect(formatCount(-25_000)).toBe('-2.5万');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
  });
  it('honours the decimals asked for', () => {
    expect(formatCount(12_345, 2)).toBe('1.23万');
  });
});

describe('formatPercent', () => {
  it('formats ratios as percentages', () => {
    expect(formatPercent(0.123)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.6667, 0)).toBe('67%');
  });
  it('signs growth when asked', () => {
    expect(formatPercent(0.05, 1, true)).toBe('+5%');
    expect(formatPercent(-0.05, 1, true)).toBe('-5%');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('other formats', () => {
  it('numbers, units, quarters, distances and wages', () => {
    expect(formatNumber(2.9695)).toBe('2.97');
    expect(formatNumber(3)).toBe('3');
    expect(formatWithUnit(530, '万人')).toBe('530 万人');
    expect(formatWithUnit(33.5, '%')).toBe('33.5%');
    expect(formatQuarter('2026Q3')).toBe('2026年第3季度');
    expect(formatQuarter('2026Q3', true)).toBe('26Q3');
    expect(formatQuarter('bad')).toBe('bad');
    expect(formatKm(6.72)).toBe('6.7 公里');
    expect(formatKm(0.4)).toBe('400 米');
    expect(formatKm(25.2)).toBe('25 公里');
    expect(formatWage(11_940.7)).toBe('1.19万元/月');
    expect(formatWage(8_500)).toBe('8,500元/月');
  });
});

describe('privacy-minded labels', () => {
  it('names a distance band, never a figure', () => {
    expect(formatDistanceBand('0-5')).toBe('≤5 公里');
    expect(formatDistanceBand('5-10')).toBe('5–10 公里');
    expect(formatDistanceBand('50+')).toBe('50 公里以上');
  });

  it('says how counts were published, shortens a pseudonym, writes a time to the minute', () => {
    expect(DISCLOSURE_LABEL.protected).toBe('小数保护：少于5人不显示，其余按5取整');
    expect(DISCLOSURE_LABEL.exact).toBe('精确数据（规划人员）');
    expect(shortPseudonym('PAB3RO77QWERTYUIOPASDFGHJKL')).toBe('PAB3RO77');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime(new Date(2026, 11, 3, 9, 5).toISOString())).toBe('2026-12-03 09:05');
  });
});
