import { describe, expect, it } from 'vitest';
import { bandPath, linearScale, linePath, tickStep } from './chart';

describe('chart scales', () => {
  it('rounds tick steps to 1, 2, 5 × 10^k', () => {
    expect(tickStep(2189, 4)).toBe(1000);
    expect(tickStep(3, 4)).toBe(1);
    expect(tickStep(0.9, 4)).toBe(0.5);
    expect(tickStep(0, 4)).toBe(1);
  });
  it('maps the domain onto the range with round ticks from zero', () => {
    const y = linearScale([1664, 2222], [200, 0]);
    expect(y.domain[0]).toBe(0);
    expect(y.domain[1]).toBeGreaterThanOrEqual(2222);
    expect(y(0)).toBe(200);
    expect(y(y.domain[1])).toBe(0);
    expect(y.ticks[0]).toBe(0);
    expect(y.ticks[y.ticks.length - 1]).toBe(y.domain[1]);
  });
  it('copes with a flat series', () => {
    const y = linearScale([5, 5], [100, 0], { zero: false });
    expect(y.domain[1]).toBeGreaterThan(y.domain[0]);
  });
  it('draws lines with gaps and closed bands', () => {
    expect(linePath([[0, 0], [1, 1], null, [3, 3]])).toBe('M0.0,0.0L1.0,1.0M3.0,3.0');
    expect(
      bandPath(
        [
          [0, 0],
          [1, 0],
        ],
        [
          [0, 2],
          [1, 2],
        ],
      ),
    ).toBe('M0.0,0.0L1.0,0.0L1.0,2.0L0.0,2.0Z');
  });
});
