import type { RegionCollection, RegionFeature } from '@talentmap/core';

/** [[west, south], [east, north]] in degrees, the shape MapLibre's fitBounds accepts. */
export type LngLatBounds = [[number, number], [number, number]];

type Geometry = RegionFeature['geometry'];
type Position = number[];

function* positions(geometry: Geometry): Generator<Position> {
  if (geometry.type === 'Polygon') {
    for (const ring of geometry.coordinates) yield* ring;
  } else {
    for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
  }
}

/**
 * Bounding box of every vertex in a collection of (Multi)Polygon features.
 * Returns null for a collection with no coordinates (nothing to fit the map to).
 */
export function collectionBounds(collection: Pick<RegionCollection, 'features'>): LngLatBounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of collection.features) {
    for (const position of positions(feature.geometry)) {
      const [lng, lat] = position;
      if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) continue;
      if (lng < west) west = lng;
      if (lng > east) east = lng;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  }
  if (west > east || south > north) return null;
  return [
    [west, south],
    [east, north],
  ];
}
