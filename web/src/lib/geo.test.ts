import { describe, expect, it } from 'vitest';
import { chainColours, circleRing, distanceKm, OTHER_CHAIN_COLOR } from './geo';

describe('circleRing', () => {
  it('is closed and every vertex lies at the radius', () => {
    const ring = circleRing([120.6, 31.3], 30, 32);
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const p of ring) expect(distanceKm([120.6, 31.3], p)).toBeCloseTo(30, 3);
  });
});

describe('distanceKm', () => {
  it('measures 南京 → 苏州 at about 190 km', () => {
    expect(distanceKm([118.7969, 32.0603], [120.5853, 31.2989])).toBeGreaterThan(180);
    expect(distanceKm([118.7969, 32.0603], [120.5853, 31.2989])).toBeLessThan(200);
  });
});

describe('chainColours', () => {
  const f = (chainCode: string) => ({ properties: { chainCode, chainName: `链${chainCode}` } });
  it('colours the most frequent chains and greys the rest', () => {
    const features = [f('A'), f('A'), f('A'), f('B'), f('B'), f('C')];
    const { colours, legend, others } = chainColours(features, 2);
    expect(legend.map((l) => l.code)).toEqual(['A', 'B']);
    expect(legend[0]!.count).toBe(3);
    expect(colours['C']).toBe(OTHER_CHAIN_COLOR);
    expect(colours['A']).not.toBe(colours['B']);
    expect(others).toBe(1);
  });
});
