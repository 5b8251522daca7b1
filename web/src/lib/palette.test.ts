import { describe, expect, it } from 'vitest';
import type { RegionFeature } from '@talentmap/core';
import { REGION_PALETTE, colourIndices, neighbours, paletteColor } from './palette';

const square = (x: number, y: number, size = 1): RegionFeature['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

describe('paletteColor', () => {
  it('wraps round the palette', () => {
    expect(paletteColor(0)).toBe(REGION_PALETTE[0]);
    expect(paletteColor(REGION_PALETTE.length)).toBe(paletteColor(0));
    expect(paletteColor(-1)).toBe(REGION_PALETTE[REGION_PALETTE.length - 1]);
  });
});

describe('neighbours and colourIndices', () => {
  // A 3×3 grid of unit squares plus one far-away island.
  const grid = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => ({ geometry: square(120 + col, 30 + row) })));
  const features = [...grid, { geometry: square(130, 40) }];

  it('finds squares sharing an edge or a corner, and not the island', () => {
    const adjacency = neighbours(features);
    expect([...(adjacency[4] ?? [])].sort()).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect([...(adjacency[0] ?? [])].sort()).toEqual([1, 3, 4]);
    expect(adjacency[9]?.size).toBe(0);
  });

  it('gives touching regions different colours', () => {
    const colours = colourIndices(features);
    const adjacency = neighbours(features);
    adjacency.forEach((others, i) => {
      for (const j of others) expect(colours[i]).not.toBe(colours[j]);
    });
    for (const c of colours) expect(c).toBeGreaterThanOrEqual(0);
    for (const c of colours) expect(c).toBeLessThan(REGION_PALETTE.length);
  });

  it('is deterministic', () => {
    expect(colourIndices(features)).toEqual(colourIndices(features));
  });
});
