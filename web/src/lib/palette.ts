/**
 * Soft, muted categorical tones for city fills: distinguishable side by side, calm enough that
 * later choropleths and labels sit on top without shouting. 13 entries, one per Jiangsu city.
 */
export const CITY_PALETTE = [
  '#a8c8e1',
  '#b9d7b0',
  '#f0d3a4',
  '#d6c1e0',
  '#f2b8b0',
  '#a9d8d1',
  '#e6dca0',
  '#c5cbe8',
  '#d9c2a7',
  '#b5d3e8',
  '#cfe0a8',
  '#eac0d3',
  '#bfd9c4',
] as const;

/** Colour for the i-th feature; wraps round for collections larger than the palette. */
export function paletteColor(index: number): string {
  const n = CITY_PALETTE.length;
  const i = ((Math.trunc(index) % n) + n) % n;
  return CITY_PALETTE[i] ?? CITY_PALETTE[0];
}
