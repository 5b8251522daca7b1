import { cellToBoundary, getHexagonEdgeLengthAvg, latLngToCell, UNITS } from 'h3-js';

/**
 * Hexagonal binning on the H3 grid: weighted points → hexagons with counts. H3 gives
 * equal-area-ish cells that line up across zoom levels and requests, so two maps of the same
 * area always share cell boundaries (a home-made grid would shift with its bounding box).
 */
export function h3ResolutionFor(edgeKm: number): number {
  let best = 0;
  for (let res = 0; res <= 9; res++)
    if (Math.abs(getHexagonEdgeLengthAvg(res, UNITS.km) - edgeKm) < Math.abs(getHexagonEdgeLengthAvg(best, UNITS.km) - edgeKm)) best = res;
  return best;
}

export interface HexCount {
  cell: string;
  count: number;
  /** Closed ring of [lng, lat], GeoJSON order. */
  ring: [number, number][];
}

export function hexbin(points: Iterable<{ lng: number; lat: number; weight: number }>, resolution: number): HexCount[] {
  const counts = new Map<string, number>();
  for (const p of points) {
    const cell = latLngToCell(p.lat, p.lng, resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + p.weight);
  }
  return (
    [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      // GeoJSON format: [lng, lat] pairs, the ring closed by repeating the first vertex.
      .map(([cell, count]) => ({ cell, count, ring: cellToBoundary(cell, true) as [number, number][] }))
  );
}
