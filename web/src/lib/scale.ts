/**
 * Class breaks and colours for the choropleths. The shortage classes follow the project's
 * shortage rule (packages/analytics SHORTAGE_RULE: score 0–3, 关注 from 1.5, 紧缺 from 2.0 with
 * 求人倍率 ≥ 1); counts get "nice" breaks a person can read off the legend.
 */

export interface ScaleClass {
  /** inclusive lower bound; null for the "no data" class */
  from: number | null;
  /** exclusive upper bound; null = open-ended */
  to: number | null;
  color: string;
  label: string;
}

export const NO_DATA_COLOR = '#d6dce2';

/** Mirrors SHORTAGE_RULE.watch and .bottleneck (packages/analytics/src/shortage-rule.ts). */
export const SHORTAGE_WATCH = 1.5;
export const SHORTAGE_BOTTLENECK = 2.0;

export const SHORTAGE_CLASSES: readonly ScaleClass[] = [
  { from: 0, to: 1, color: '#fdf0d5', label: '0–1 供需基本平衡' },
  { from: 1, to: SHORTAGE_WATCH, color: '#fdc47d', label: '1–1.5 略偏紧' },
  { from: SHORTAGE_WATCH, to: SHORTAGE_BOTTLENECK, color: '#f0793f', label: '1.5–2 关注' },
  { from: SHORTAGE_BOTTLENECK, to: null, color: '#c2261b', label: '≥2 紧缺' },
];

export const STATUS_LABEL: Record<'bottleneck' | 'watch' | 'none' | 'insufficient', string> = {
  bottleneck: '紧缺',
  watch: '关注',
  none: '未达关注线',
  insufficient: '数据不足，无法评分',
};

/** Index of the class holding `value`, or -1 for null / not finite / below every class. */
export function classIndex(value: number | null | undefined, classes: readonly ScaleClass[]): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return -1;
  for (let i = classes.length - 1; i >= 0; i--) {
    const c = classes[i]!;
    if (c.from !== null && value >= c.from) return i;
  }
  return -1;
}

export function classColor(value: number | null | undefined, classes: readonly ScaleClass[]): string {
  const i = classIndex(value, classes);
  return i < 0 ? NO_DATA_COLOR : classes[i]!.color;
}

/** Sequential blues for counts (talents, candidates), light to dark. */
export const COUNT_COLORS = ['#deebf7', '#9ecae1', '#5aa2d0', '#2b74b3', '#0b4486'] as const;

/** 1, 2, 2.5, 5 × 10^k: the numbers people read easily. */
function niceStep(raw: number): number {
  if (raw <= 0) return 1;
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  const f = raw / base;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return Math.max(1, nice * base);
}

/**
 * Up to `colors.length` classes for non-negative counts with round-number bounds, spread by
 * quantiles of the data so a skewed distribution still uses every colour. `format` renders the
 * bounds in the legend.
 */
export function countClasses(
  values: ReadonlyArray<number | null | undefined>,
  format: (n: number) => string = String,
  colors: readonly string[] = COUNT_COLORS,
  /** the smallest count shown (5 where smaller counts are suppressed) */
  min = 0,
): ScaleClass[] {
  const data = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min).sort((a, b) => a - b);
  if (data.length === 0) return [];
  const max = data[data.length - 1]!;
  const bounds: number[] = [min];
  for (let k = 1; k < colors.length; k++) {
    const q = data[Math.min(data.length - 1, Math.floor((k / colors.length) * data.length))]!;
    const b = niceRound(q);
    if (b > bounds[bounds.length - 1]! && b <= max) bounds.push(b);
  }
  const n = bounds.length;
  // Spread the palette over however many classes survived, darkest for the top class.
  // one class alone takes a middle tone (a lone darkest class would shout)
  const pick = (i: number) => colors[n === 1 ? Math.ceil((colors.length - 1) / 2) : Math.round((i * (colors.length - 1)) / (n - 1))]!;
  return bounds.map((from, i) => {
    const to = i + 1 < n ? bounds[i + 1]! : null;
    return { from, to, color: pick(i), label: countLabel(from, to, format) };
  });
}

/** Counts are whole numbers: a class [5, 10) reads "5–9", [5, 6) reads "5", [5, ∞) reads "≥ 5". */
export function countLabel(from: number, to: number | null, format: (n: number) => string = String): string {
  if (to === null) return `≥ ${format(from)}`;
  const last = Math.ceil(to) - 1;
  return last <= from ? format(from) : `${format(from)}–${format(last)}`;
}

function niceRound(value: number): number {
  if (value <= 0) return 0;
  const step = niceStep(value / 2);
  return Math.max(1, Math.round(value / step) * step);
}
