/** Postings that waited `days`: filled after that long, or still open (censored) at the as-of date. */
export interface DurationObservation {
  days: number;
  open: boolean;
  /** How many postings share this duration and state. */
  count: number;
}

export interface MedianDuration {
  /** The median, or when it is not reached the longest follow-up (a lower bound). */
  days: number;
  /** false when more than half the postings were still open at the longest follow-up. */
  reached: boolean;
}

/**
 * Kaplan–Meier median time to fill. Open postings are censored at their age, not dropped
 * (dropping them would bias the median down, since the hardest vacancies are the ones still
 * open) and not counted as filled (which would bias it down too). The median is the first
 * duration at which the survival estimate S(t) falls to 0.5 or below. At ties a fill counts
 * before a censoring, the usual convention. Null when there are no postings.
 */
export function medianDuration(observations: readonly DurationObservation[]): MedianDuration | null {
  const byDay = new Map<number, { filled: number; open: number }>();
  let atRisk = 0;
  for (const o of observations) {
    if (o.count <= 0) continue;
    const slot = byDay.get(o.days) ?? { filled: 0, open: 0 };
    if (o.open) slot.open += o.count;
    else slot.filled += o.count;
    byDay.set(o.days, slot);
    atRisk += o.count;
  }
  if (atRisk === 0) return null;
  const days = [...byDay.keys()].sort((a, b) => a - b);
  let survival = 1;
  for (const day of days) {
    const { filled, open } = byDay.get(day) as { filled: number; open: number };
    if (filled > 0) {
      survival *= 1 - filled / atRisk;
      if (survival <= 0.5 + 1e-12) return { days: day, reached: true };
    }
    atRisk -= filled + open;
  }
  return { days: days[days.length - 1] as number, reached: false };
}
