/**
 * Where a talent lives, at the precision matching needs and no finer: the centre of a grid cell
 * 0.025° of longitude by 0.025° of latitude (about 2.4 × 2.8 km in Jiangsu). Radius filters and
 * distance bands are computed from this point only, so however many queries an attacker sends —
 * sliding `near`, bisecting `radiusKm` — the most they can recover is the cell, a few square
 * kilometres holding thousands of residents in a town, never a home. The raw point is never stored.
 */
export const TALENT_CELL_DEG = 0.025;

/** Half the cell's diagonal in km (at most, in Jiangsu's latitudes): how far the cell centre may lie from the true point. */
export const TALENT_CELL_HALF_DIAGONAL_KM = 1.9;

const snap = (degrees: number) => Math.round((Math.floor(degrees / TALENT_CELL_DEG) + 0.5) * TALENT_CELL_DEG * 1e6) / 1e6;

/** The centre of the cell holding [lng, lat]. */
export function talentCell(at: readonly [number, number]): [number, number] {
  return [snap(at[0]), snap(at[1])];
}
