import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Polygon } from 'geojson';
import { distanceKm, samplePointsInPolygon } from './sample.js';

const triangle: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [0, 4],
      [0, 0],
    ],
  ],
};

const seeded = (seed: number) => () => {
  seed = (seed * 16807) % 2147483647;
  return (seed - 1) / 2147483646;
};

describe('samplePointsInPolygon', () => {
  it('returns n points, all inside, reproducibly', () => {
    const a = samplePointsInPolygon(triangle, 50, seeded(7));
    expect(a).toHaveLength(50);
    for (const p of a) expect(booleanPointInPolygon(point(p), triangle)).toBe(true);
    expect(samplePointsInPolygon(triangle, 50, seeded(7))).toEqual(a);
  });
});

describe('distanceKm', () => {
  it('matches the known 南京–苏州 distance within 2 km', () => {
    // 新街口 (118.78, 32.04) to 观前街 (120.63, 31.31): about 191 km great-circle.
    expect(distanceKm([118.78, 32.04], [120.63, 31.31])).toBeGreaterThan(188);
    expect(distanceKm([118.78, 32.04], [120.63, 31.31])).toBeLessThan(194);
  });
  it('is zero for the same point', () => {
    expect(distanceKm([120, 32], [120, 32])).toBe(0);
  });
});
