import type { RegionFeature } from '@talentmap/core';

/**
 * Soft, muted categorical tones for region fills: distinguishable side by side, calm enough
 * that later choropleths and labels sit on top without shouting.
 */
export const REGION_PALETTE = ['#a9c9e3', '#f2d3a5', '#bcdab3', '#d9c5e6', '#f2bfb5', '#a6d8cf', '#dcd3c0', '#c5cbeb'] as const;

/** Colour for the i-th entry; wraps round for indices beyond the palette. */
export function paletteColor(index: number): string {
  const n = REGION_PALETTE.length;
  const i = ((Math.trunc(index) % n) + n) % n;
  return REGION_PALETTE[i] ?? REGION_PALETTE[0];
}

type Geometry = RegionFeature['geometry'];

function eachVertex(geometry: Geometry, visit: (lng: number, lat: number) => void): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [lng, lat] of ring) if (lng !== undefined && lat !== undefined) visit(lng, lat);
}

/**
 * Which regions touch: two regions are neighbours when they have vertices in the same or an
 * adjacent grid cell of `tolerance` degrees. Robust to borders simplified independently
 * (shared edges need not share exact vertices); may also join regions across a strait
 * narrower than the tolerance, which for colouring is harmless.
 */
export function neighbours(features: ReadonlyArray<{ geometry: Geometry }>, tolerance = 0.02): Set<number>[] {
  const cells = new Map<string, Set<number>>();
  features.forEach((feature, index) => {
    eachVertex(feature.geometry, (lng, lat) => {
      const key = `${Math.floor(lng / tolerance)}:${Math.floor(lat / tolerance)}`;
      let owners = cells.get(key);
      if (!owners) cells.set(key, (owners = new Set()));
      owners.add(index);
    });
  });
  const result = features.map(() => new Set<number>());
  for (const [key, owners] of cells) {
    const [cx, cy] = key.split(':').map(Number) as [number, number];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const other = cells.get(`${cx + dx}:${cy + dy}`);
        if (!other) continue;
        for (const a of owners) for (const b of other) if (a !== b) result[a]?.add(b);
      }
    }
  }
  return result;
}

/**
 * A palette index per feature such that touching regions get different colours (greedy
 * DSatur colouring, deterministic for a given input order). Falls back to reusing colours
 * only if a region has more coloured neighbours than the palette has entries.
 */
export function colourIndices(features: ReadonlyArray<{ geometry: Geometry }>, paletteSize = REGION_PALETTE.length): number[] {
  const adjacency = neighbours(features);
  const colour = features.map(() => -1);
  for (let step = 0; step < features.length; step++) {
    // Pick the uncoloured region with the most distinctly-coloured neighbours, then the most neighbours.
    let pick = -1;
    let bestSaturation = -1;
    let bestDegree = -1;
    colour.forEach((c, i) => {
      if (c !== -1) return;
      const saturation = new Set([...(adjacency[i] ?? [])].map((j) => colour[j]).filter((k) => k !== -1)).size;
      const degree = adjacency[i]?.size ?? 0;
      if (saturation > bestSaturation || (saturation === bestSaturation && degree > bestDegree)) {
        pick = i;
        bestSaturation = saturation;
        bestDegree = degree;
      }
    });
    const used = new Set([...(adjacency[pick] ?? [])].map((j) => colour[j]));
    // Prefer the least-used free colour so the map is balanced, not dominated by colour 0.
    const counts = Array.from({ length: paletteSize }, (_, k) => colour.filter((c) => c === k).length);
    let choice = -1;
    for (let k = 0; k < paletteSize; k++) {
      if (used.has(k)) continue;
      if (choice === -1 || (counts[k] ?? 0) < (counts[choice] ?? 0)) choice = k;
    }
    colour[pick] = choice === -1 ? step % paletteSize : choice;
  }
  return colour;
}
