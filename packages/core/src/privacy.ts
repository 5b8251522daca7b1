import { SMALL_CELL_THRESHOLD } from './map.schema.js';

/** A count small enough to single out a person is not shown: null in place of the number. */
export const suppressSmall = (n: number): number | null => (n < SMALL_CELL_THRESHOLD ? null : n);
