import { describe, expect, it } from 'vitest';
import { distanceKm } from './sample.js';
import { TALENT_CELL_DEG, TALENT_CELL_HALF_DIAGONAL_KM, talentCell } from './talent-cell.js';

describe('talentCell', () => {
  it('maps every point of a cell to the same centre, within the half diagonal', () => {
    const centre = talentCell([120.6, 31.3]);
    for (let i = 0; i < 50; i++) {
      const point: [number, number] = [centre[0] - TALENT_CELL_DEG / 2 + (i / 50) * TALENT_CELL_DEG * 0.999, centre[1] + TALENT_CELL_DEG * 0.49 * Math.sin(i)];
      expect(talentCell(point)).toEqual(centre);
      expect(distanceKm(point, centre)).toBeLessThanOrEqual(TALENT_CELL_HALF_DIAGONAL_KM);
    }
  });

  it('puts neighbouring cells one cell apart', () => {
    const a = talentCell([118.7876, 32.0415]);
    const b = talentCell([118.7876 + TALENT_CELL_DEG, 32.0415]);
    expect(b[0] - a[0]).toBeCloseTo(TALENT_CELL_DEG, 6);
    expect(b[1]).toBe(a[1]);
  });

  it('is idempotent', () => {
    const c = talentCell([119.41, 32.39]);
    expect(talentCell(c)).toEqual(c);
  });
});
