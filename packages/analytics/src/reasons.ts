import type { IndicatorPoints } from './shortage-rule.js';

export interface ReasonInput {
  ratio: number;
  seekers: number;
  points: IndicatorPoints;
  medianDays: number | null;
  medianReached: boolean;
  referenceMedianDays: number | null;
  demandGrowth: number | null;
  wageGrowth: number | null;
  pipelineCoverage: number | null;
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;

/**
 * Why a slice is listed, in the words a planner uses: one phrase per indicator that shows
 * at least weak signs of a shortage (2 or 3 points), strongest first.
 */
export function shortageReasons(r: ReasonInput): string[] {
  const out: { points: number; text: string }[] = [];
  const add = (points: number | null, text: () => string) => {
    if (points !== null && points >= 2) out.push({ points, text: text() });
  };
  add(r.points.ratio, () => (r.seekers === 0 ? `求人倍率 ${r.ratio.toFixed(2)}（无求职登记）` : `求人倍率 ${r.ratio.toFixed(2)}`));
  add(r.points.duration, () => {
    const days = `${r.medianReached ? '' : '超过'}${r.medianDays} 天`;
    const multiple = r.medianDays !== null && r.referenceMedianDays ? `，为全省中位数的 ${(r.medianDays / r.referenceMedianDays).toFixed(1)} 倍` : '';
    return `岗位空缺中位时长 ${days}${multiple}`;
  });
  add(r.points.demandGrowth, () => `岗位需求同比 ${pct(r.demandGrowth ?? 0)}`);
  add(r.points.wageGrowth, () => `招聘薪酬同比 ${pct(r.wageGrowth ?? 0)}`);
  add(r.points.pipeline, () => `培训供给仅覆盖年化需求的 ${((r.pipelineCoverage ?? 0) * 100).toFixed(0)}%`);
  return out.sort((a, b) => b.points - a.points).map((x) => x.text);
}
