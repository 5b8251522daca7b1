/**
 * 求人倍率: vacancies (headcount asked for) per job seeker in the same place and period.
 * With no seekers the ratio is unbounded, so the denominator is floored at one seeker:
 * 6 vacancies and nobody registered reads as 6.0, a conservative lower bound that still
 * ranks by demand; no vacancies and no seekers is 0 (no market to speak of).
 */
export function vacancySeekerRatio(vacancies: number, seekers: number): number {
  if (vacancies <= 0) return 0;
  return vacancies / Math.max(seekers, 1);
}

/** Relative change `current / previous − 1`; null when there is no previous level to compare with. */
export function growthRate(current: number, previous: number): number | null {
  return previous > 0 ? current / previous - 1 : null;
}
