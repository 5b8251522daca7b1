/**
 * Chinese number formatting for the UI: 万/亿 for large counts, 中文 percentages, scores with
 * one decimal. Every figure on screen goes through here so the same number reads the same way
 * in the map tooltip, the panel and the table.
 */

import type { Disclosure, DistanceBand } from '@talentmap/core';

const GROUPED = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Trim a fixed-point string's trailing zeros: "1.50" → "1.5", "2.00" → "2". */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A count the Chinese way: below 10 000 grouped digits (9,876), then 万 (1.2万, 45.5万),
 * then 亿. `digits` is the number of decimals kept for 万/亿.
 */
export function formatCount(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${sign}${trimZeros((abs / 1e8).toFixed(digits))}亿`;
  if (abs >= 1e4) {
    const wan = abs / 1e4;
    // 9999.96万 would round to 10000万: say 1亿 instead.
    if (Number(wan.toFixed(digits)) >= 1e4) return `${sign}${trimZeros((abs / 1e8).toFixed(digits))}亿`;
    return `${sign}${trimZeros(wan.toFixed(digits))}万`;
  }
  return `${sign}${GROUPED.format(Math.round(abs))}`;
}

/** A ratio as a percentage: 0.123 → "12.3%"; `signed` adds + for growth figures. */
export function formatPercent(value: number | null | undefined, digits = 1, signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = `${trimZeros((value * 100).toFixed(digits))}%`;
  return signed && value > 0 ? `+${text}` : text;
}

/** A decimal with at most `digits` places, trailing zeros dropped. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e4) return formatCount(value);
  return trimZeros(value.toFixed(digits));
}

/** A value with its indicator unit; values given in 万人 already carry the 万. */
export function formatWithUnit(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '%') return `${formatNumber(value, 1)}%`;
  return `${formatNumber(value, 2)} ${unit}`;
}

/** 2026Q3 → 2026年第3季度 (or 26Q3 short form). */
export function formatQuarter(quarter: string, short = false): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  const [, year, q] = match;
  return short ? `${year!.slice(2)}Q${q}` : `${year}年第${q}季度`;
}

/** Kilometres: 6.7 km, 12 km, 850 m. */
export function formatKm(km: number | null | undefined): string {
  if (km === null || km === undefined || !Number.isFinite(km)) return '—';
  if (km < 1) return `${Math.round(km * 1000)} 米`;
  return `${trimZeros(km.toFixed(km < 10 ? 1 : 0))} 公里`;
}

const BAND_LABEL: Record<DistanceBand, string> = { '0-5': '≤5 公里', '5-10': '5–10 公里', '10-20': '10–20 公里', '20-50': '20–50 公里', '50+': '50 公里以上' };

/** A candidate's distance band (never a figure: the API gives none). */
export const formatDistanceBand = (band: DistanceBand): string => BAND_LABEL[band];

/** How an aggregate's counts of people were published, in words (the API's `disclosure`). */
export const DISCLOSURE_LABEL: Record<Disclosure, string> = {
  exact: '精确数据（规划人员）',
  protected: '小数保护：少于5人不显示，其余按5取整',
};

/** An ISO time in local time, to the minute: 2026-12-03 14:33. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A talent pseudonym's head (P + 7): enough to tell talents apart on screen; the full id goes in a title. */
export const shortPseudonym = (id: string): string => id.slice(0, 8);

/** 元/月 wage: 11,941 元/月 or 1.2万元/月. */
export function formatWage(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatCount(value, 2)}元/月`;
}
