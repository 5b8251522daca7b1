/**
 * The little dense linear algebra the skill space needs (n ≈ 700 skills): enough for a
 * truncated eigendecomposition of a symmetric matrix by subspace iteration, deterministic
 * and dependency-free. Matrices are row-major Float64Arrays.
 */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export const matrix = (rows: number, cols: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols) });

/** A · B */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`shape mismatch ${a.rows}x${a.cols} · ${b.rows}x${b.cols}`);
  const out = matrix(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    const outRow = i * b.cols;
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k] as number;
      if (aik === 0) continue;
      const bRow = k * b.cols;
      for (let j = 0; j < b.cols; j++) out.data[outRow + j] = (out.data[outRow + j] as number) + aik * (b.data[bRow + j] as number);
    }
  }
  return out;
}

export function transpose(a: Matrix): Matrix {
  const out = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j] as number;
  return out;
}

/** Orthonormalises the columns in place (modified Gram–Schmidt); dependent columns become zero. */
export function orthonormalizeColumns(a: Matrix): Matrix {
  const { rows, cols, data } = a;
  for (let j = 0; j < cols; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += (data[i * cols + j] as number) * (data[i * cols + p] as number);
      for (let i = 0; i < rows; i++) data[i * cols + j] = (data[i * cols + j] as number) - dot * (data[i * cols + p] as number);
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += (data[i * cols + j] as number) ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < rows; i++) data[i * cols + j] = norm > 1e-12 ? (data[i * cols + j] as number) / norm : 0;
  }
  return a;
}

/**
 * All eigenpairs of a small symmetric matrix by cyclic Jacobi rotations.
 * Returns eigenvalues and the eigenvectors as columns, sorted by eigenvalue, largest first.
 */
export function symmetricEigen(input: Matrix, maxSweeps = 60): { values: number[]; vectors: Matrix } {
  const n = input.rows;
  const a = new Float64Array(input.data);
  const v = matrix(n, n);
  for (let i = 0; i < n; i++) v.data[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v.data[k * n + p] as number;
          const vkq = v.data[k * n + q] as number;
          v.data[k * n + p] = c * vkp - s * vkq;
          v.data[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((i, j) => (a[j * n + j] as number) - (a[i * n + i] as number));
  const vectors = matrix(n, n);
  order.forEach((src, dst) => {
    for (let k = 0; k < n; k++) vectors.data[k * n + dst] = v.data[k * n + src] as number;
  });
  return { values: order.map((i) => a[i * n + i] as number), vectors };
}

/**
 * The top-k eigenpairs of a large symmetric matrix by randomized subspace iteration
 * (Halko, Martinsson & Tropp 2011): project onto a random subspace, iterate, then solve
 * the small projected problem exactly.
 */
export function topEigen(m: Matrix, k: number, random: () => number, iterations = 6, oversample = 16): { values: number[]; vectors: Matrix } {
  const width = Math.min(m.rows, k + oversample);
  let q = matrix(m.rows, width);
  for (let i = 0; i < q.data.length; i++) q.data[i] = random() * 2 - 1;
  q = orthonormalizeColumns(multiply(m, q));
  for (let it = 0; it < iterations; it++) q = orthonormalizeColumns(multiply(m, q));
  const small = multiply(transpose(q), multiply(m, q));
  const { values, vectors } = symmetricEigen(small);
  const full = multiply(q, vectors);
  const take = Math.min(k, width);
  const out = matrix(m.rows, take);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < take; j++) out.data[i * take + j] = full.data[i * width + j] as number;
  return { values: values.slice(0, take), vectors: out };
}
