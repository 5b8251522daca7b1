import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import {
  cleanRing,
  geometryDefects,
  interiorPoint,
  repairPolygonal,
  simplifySharedBorders,
  unionPolygons,
  validateRegions,
  type Polygonal,
  type RegionProperties,
} from './boundaries.js';

const box = (x0: number, y0: number, x1: number, y1: number): Position[][] => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];
const poly = (coords: Position[][], properties: Record<string, unknown> = {}): Feature<Polygon> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: coords },
});
const region = (code: string, level: RegionProperties['level'], parentCode: string | null, coords: Position[][]): Feature<Polygonal, RegionProperties> => ({
  type: 'Feature',
  properties: { code, name: code, level, parentCode },
  geometry: { type: 'Polygon', coordinates: coords },
});

describe('unionPolygons', () => {
  it('unions two adjacent squares into one polygon', () => {
    const u = unionPolygons([poly(box(118, 32, 119, 33)), poly(box(119, 32, 120, 33))], { code: 'x' });
    expect(u.geometry.type).toBe('Polygon');
    expect(u.properties).toEqual({ code: 'x' });
    const [minX, minY, maxX, maxY] = turf.bbox(u);
    expect([minX, minY, maxX, maxY]).toEqual([118, 32, 120, 33]);
    const a = turf.area(u);
    const sum = turf.area(poly(box(118, 32, 119, 33))) + turf.area(poly(box(119, 32, 120, 33)));
    expect(Math.abs(a - sum) / sum).toBeLessThan(1e-9);
    expect(turf.booleanValid(u)).toBe(true);
  });

  it('keeps disjoint pieces as a MultiPolygon', () => {
    const u = unionPolygons([poly(box(0, 0, 1, 1)), poly(box(2, 0, 3, 1))], {});
    expect(u.geometry.type).toBe('MultiPolygon');
  });
});

describe('cleanRing', () => {
  it('drops duplicates and zero-width spikes and closes the ring', () => {
    const r = cleanRing([
      [0, 0],
      [0, 0],
      [2, 0],
      [3, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
    expect(r).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
  });
});

describe('simplifySharedBorders', () => {
  it('keeps the border shared by two neighbours identical', () => {
    // zig-zag shared border along x ≈ 1
    const border: Position[] = [
      [1, 0],
      [1.0004, 0.25],
      [0.9997, 0.5],
      [1.02, 0.75],
      [1, 1],
    ];
    const left = poly([[[0, 0], ...border, [0, 1], [0, 0]]]);
    const right = poly([[[1, 0], [2, 0], [2, 1], ...[...border].reverse().slice(0, -1), [1, 0]]]);
    const [l, r] = simplifySharedBorders([left, right], 0.001);
    const shared = (g: Polygonal) => new Set((g as Polygon).coordinates[0]!.filter((p) => p[0]! > 0.5 && p[0]! < 1.5).map((p) => p.join(',')));
    expect(shared(l!.geometry)).toEqual(shared(r!.geometry));
    expect(shared(l!.geometry).has('1.0004,0.25')).toBe(false); // simplified away
    expect(shared(l!.geometry).has('1.02,0.75')).toBe(true); // kept (beyond tolerance)
    const u = unionPolygons([l!, r!], {});
    expect(u.geometry.type).toBe('Polygon');
    expect((u.geometry as Polygon).coordinates).toHaveLength(1); // no sliver holes
  });
});

describe('repairPolygonal', () => {
  it('removes a pinch (ring touching itself at a vertex)', () => {
    // figure-eight touching at (1,1)
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [2, 0],
          [2, 2],
          [1, 1],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    expect(geometryDefects(g).touches).toBeGreaterThan(0);
    const r = repairPolygonal(g);
    expect(r).not.toBeNull();
    expect(geometryDefects(r!)).toEqual({ crossings: 0, touches: 0 });
    expect(turf.booleanValid(turf.feature(r!))).toBe(true);
  });
});

describe('interiorPoint', () => {
  it('returns a point inside a U-shape whose centroid is outside', () => {
    const u = poly([
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ]);
    expect(turf.booleanPointInPolygon(turf.centroid(u), u)).toBe(false);
    const p = interiorPoint(u);
    expect(turf.booleanPointInPolygon(p, u, { ignoreBoundary: true })).toBe(true);
  });
});

describe('validateRegions', () => {
  const province = region('320000', 'province', null, box(118, 32, 120, 34));
  const city = region('320100', 'city', '320000', box(118, 32, 119, 33));
  const district = region('320102', 'district', '320100', box(118.2, 32.2, 118.6, 32.6));

  it('accepts a consistent set', () => {
    expect(validateRegions([province, city, district])).toEqual([]);
  });

  it('flags a shape outside the Jiangsu bbox', () => {
    const far = region('320200', 'city', '320000', box(124, 32, 125, 33));
    const problems = validateRegions([province, city, district, far]);
    expect(problems.some((p) => p.startsWith('bbox'))).toBe(true);
    expect(problems.some((p) => p.includes('320200') && p.includes('outside parent'))).toBe(true);
  });

  it('flags a district outside its city', () => {
    const stray = region('320104', 'district', '320100', box(119.5, 33.5, 119.9, 33.9));
    const problems = validateRegions([province, city, district, stray]);
    expect(problems.some((p) => p.includes('320104') && p.includes('outside parent 320100'))).toBe(true);
    expect(problems.some((p) => p.includes('320104') && p.includes('overlaps parent'))).toBe(true);
  });

  it('flags a district that only partly overlaps its city', () => {
    const half = region('320105', 'district', '320100', box(118.8, 32.4, 119.2, 32.6));
    const problems = validateRegions([province, city, district, half]);
    expect(problems.some((p) => p.includes('320105') && /only 50\.\d% of its area/.test(p))).toBe(true);
  });

  it('flags invalid rings, unknown parents and duplicate codes', () => {
    const open = region('320106', 'district', '320100', [
      [
        [118.1, 32.1],
        [118.2, 32.1],
        [118.2, 32.2],
      ],
    ]);
    const orphan = region('320107', 'district', '329900', box(118.1, 32.1, 118.2, 32.2));
    const problems = validateRegions([province, city, district, open, orphan, district]);
    expect(problems.some((p) => p.includes('320106') && p.includes('< 4'))).toBe(true);
    expect(problems.some((p) => p.includes('320106') && p.includes('not closed'))).toBe(true);
    expect(problems.some((p) => p.includes('320107') && p.includes('not found'))).toBe(true);
    expect(problems.some((p) => p.includes('duplicate'))).toBe(true);
  });
});
