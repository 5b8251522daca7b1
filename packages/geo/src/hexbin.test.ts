import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point, polygon } from '@turf/turf';
import { h3ResolutionFor, hexbin } from './hexbin.js';

describe('hexbin', () => {
  it('picks the H3 resolution whose edge is nearest the requested size', () => {
    expect(h3ResolutionFor(8.5)).toBe(5);
    expect(h3ResolutionFor(3)).toBe(6);
    expect(h3ResolutionFor(22)).toBe(4);
  });

  it('sums weights per cell and returns closed rings that contain their points', () => {
    const pts = [
      { lng: 120.62, lat: 31.3, weight: 3 },
      { lng: 120.6201, lat: 31.3001, weight: 2 },
      { lng: 118.78, lat: 32.04, weight: 1 },
    ];
    const cells = hexbin(pts, 6);
    expect(cells).toHaveLength(2);
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(6);
    const suzhou = cells.find((c) => c.count === 5);
    expect(suzhou).toBeDefined();
    expect(suzhou!.ring[0]).toEqual(suzhou!.ring.at(-1));
    expect(booleanPointInPolygon(point([120.62, 31.3]), polygon([suzhou!.ring]))).toBe(true);
  });
});
