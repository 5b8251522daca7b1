import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * `n` points uniformly inside a (multi)polygon by rejection from its bounding box.
 * `random` returns [0, 1); pass a seeded generator for reproducible output.
 */
export function samplePointsInPolygon(geometry: Polygon | MultiPolygon, n: number, random: () => number): [number, number][] {
  const [minX, minY, maxX, maxY] = bbox(geometry);
  const points: [number, number][] = [];
  let attempts = 0;
  while (points.length < n) {
    if (++attempts > n * 1000) throw new Error('polygon too thin to sample');
    const candidate: [number, number] = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
    if (booleanPointInPolygon(point(candidate), geometry)) points.push(candidate);
  }
  return points;
}

const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine); cheap enough for re-ranking thousands of rows. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = toRad(b[1] - a[1]);
  const dLng = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a point [lng, lat] lies inside a (multi)polygon (on the boundary counts as inside). */
export function containsPoint(geometry: Polygon | MultiPolygon, at: readonly [number, number]): boolean {
  return booleanPointInPolygon(point([at[0], at[1]]), geometry);
}
