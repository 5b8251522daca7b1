/** What the talent data holds about the workforce, for the 专栏1 indicators it can support. */
export interface WorkforceCounts {
  talents: number;
  /** 高级工 and above (新八级工 level 4+). */
  highSkillTalents: number;
}

/**
 * 专栏1 indicators the data can compute, by code (the rest are entered by an administrator).
 * I01 is in 万人; I02 uses the talents on record as "workers" because the database holds no
 * labour-force total, so at the demo scale it is a density of the sample, not of Jiangsu.
 */
export const COMPUTED_INDICATORS: Record<string, (w: WorkforceCounts) => number | null> = {
  I01: (w) => w.highSkillTalents / 10_000,
  I02: (w) => (w.talents > 0 ? (w.highSkillTalents / w.talents) * 10_000 : null),
};

/**
 * Share of the way from the 2020 baseline to the 2025 target (1 = target met). Without a
 * baseline (count indicators that start from nothing, "——" in the plan) it is current ÷ target.
 */
export function progressTowardTarget(baseline: number | null, target: number, current: number | null): number | null {
  if (current === null) return null;
  if (baseline === null) return target !== 0 ? current / target : null;
  return target !== baseline ? (current - baseline) / (target - baseline) : null;
}
