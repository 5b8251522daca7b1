/** Small geometry helpers for the map (no turf needed in the browser bundle). */

const EARTH_RADIUS_KM = 6371.0088;

/** A closed ring approximating a circle of `radiusKm` around [lng, lat] on the sphere. */
export function circleRing(center: [number, number], radiusKm: number, steps = 64): [number, number][] {
  const [lng, lat] = center;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lng * Math.PI) / 180;
  const δ = radiusKm / EARTH_RADIUS_KM;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const θ = ((i % steps) / steps) * 2 * Math.PI;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  return ring;
}

/** Great-circle distance in km. */
export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dφ = (b[1] - a[1]) * rad;
  const dλ = (b[0] - a[0]) * rad;
  const h = Math.sin(dφ / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dλ / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Colours for enterprise points by chain: the `max` most frequent chains in view get distinct
 * colours, the rest share a neutral grey, so the legend stays readable with 30 chains.
 */
export const CHAIN_COLORS = ['#1f77b4', '#e6550d', '#2ca02c', '#9467bd', '#d62728', '#17becf', '#8c564b', '#e377c2'] as const;
export const OTHER_CHAIN_COLOR = '#8795a1';

export interface ChainLegendEntry {
  code: string;
  name: string;
  color: string;
  count: number;
}

export function chainColours(
  features: ReadonlyArray<{ properties: { chainCode: string; chainName: string } }>,
  max: number = CHAIN_COLORS.length,
): { colours: Record<string, string>; legend: ChainLegendEntry[]; others: number } {
  const counts = new Map<string, { name: string; count: number }>();
  for (const { properties } of features) {
    const entry = counts.get(properties.chainCode);
    if (entry) entry.count++;
    else counts.set(properties.chainCode, { name: properties.chainName, count: 1 });
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const colours: Record<string, string> = {};
  const legend: ChainLegendEntry[] = [];
  let others = 0;
  ranked.forEach(([code, { name, count }], i) => {
    if (i < max) {
      const color = CHAIN_COLORS[i % CHAIN_COLORS.length]!;
      colours[code] = color;
      legend.push({ code, name, color, count });
    } else {
      colours[code] = OTHER_CHAIN_COLOR;
      others += count;
    }
  });
  return { colours, legend, others };
}
