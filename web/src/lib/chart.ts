/** Scales and ticks for the small SVG charts (no chart library in the bundle). */

export interface LinearScale {
  (value: number): number;
  ticks: number[];
  domain: [number, number];
}

/** Round tick step for a span divided into about `count` parts. */
export function tickStep(span: number, count: number): number {
  if (!(span > 0) || count <= 0) return 1;
  const raw = span / count;
  const base = 10 ** Math.floor(Math.log10(raw));
  const f = raw / base;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * base;
}

/**
 * A linear scale from [min, max] (extended to round ticks, and to 0 when `zero`) onto
 * [rangeStart, rangeEnd] pixels.
 */
export function linearScale(values: number[], range: [number, number], { zero = true, ticks = 4 } = {}): LinearScale {
  const finite = values.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (zero) lo = Math.min(0, lo);
  if (hi === lo) hi = lo + 1;
  const step = tickStep(hi - lo, ticks);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const tickValues: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) tickValues.push(Number(v.toPrecision(12)));
  const [r0, r1] = range;
  const scale = ((value: number) => r0 + ((value - lo) / (hi - lo)) * (r1 - r0)) as LinearScale;
  scale.ticks = tickValues;
  scale.domain = [lo, hi];
  return scale;
}

/** SVG path through points, skipping gaps (null values break the line). */
export function linePath(points: ReadonlyArray<[number, number] | null>): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Closed band between an upper and a lower line (same x positions). */
export function bandPath(upper: ReadonlyArray<[number, number]>, lower: ReadonlyArray<[number, number]>): string {
  if (upper.length === 0) return '';
  const top = upper.map((p, i) => `${i ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('');
  const bottom = [...lower]
    .reverse()
    .map((p) => `L${p[0].toFixed(1)},${p[1].toFixed(1)}`)
    .join('');
  return `${top}${bottom}Z`;
}
