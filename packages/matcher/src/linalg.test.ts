import { describe, expect, it } from 'vitest';
import { Rng } from '@talentmap/core';
import { matrix, multiply, symmetricEigen, topEigen, transpose } from './linalg.js';

const fromRows = (rows: number[][]) => {
  const m = matrix(rows.length, rows[0]?.length ?? 0);
  rows.flat().forEach((x, i) => (m.data[i] = x));
  return m;
};

describe('symmetricEigen', () => {
  it('diagonalises a known 2×2 matrix', () => {
    // [[2,1],[1,2]] has eigenvalues 3 and 1 with eigenvectors (1,1)/√2 and (1,−1)/√2.
    const { values, vectors } = symmetricEigen(
      fromRows([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(Math.abs(vectors.data[0] as number)).toBeCloseTo(Math.SQRT1_2, 10);
  });

  it('reconstructs a random symmetric matrix', () => {
    const rng = new Rng(5);
    const n = 12;
    const a = matrix(n, n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a.data[i * n + j] = a.data[j * n + i] = rng.next() - 0.5;
    const { values, vectors } = symmetricEigen(a);
    const lambda = matrix(n, n);
    values.forEach((v, i) => (lambda.data[i * n + i] = v));
    const back = multiply(multiply(vectors, lambda), transpose(vectors));
    for (let i = 0; i < n * n; i++) expect(back.data[i]).toBeCloseTo(a.data[i] as number, 8);
  });
});

describe('topEigen', () => {
  it('finds the dominant eigenvalues of a low-rank matrix', () => {
    // A = 5·u uᵀ + 2·w wᵀ with orthonormal u, w in 40 dimensions.
    const n = 40;
    const u = Array.from({ length: n }, (_, i) => (i < 20 ? 1 : 0) / Math.sqrt(20));
    const w = Array.from({ length: n }, (_, i) => (i >= 20 ? 1 : 0) / Math.sqrt(20));
    const a = matrix(n, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) a.data[i * n + j] = 5 * (u[i] as number) * (u[j] as number) + 2 * (w[i] as number) * (w[j] as number);
    const rng = new Rng(1);
    const { values } = topEigen(a, 2, () => rng.next());
    expect(values[0]).toBeCloseTo(5, 8);
    expect(values[1]).toBeCloseTo(2, 8);
  });
});
