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
  let atRisk = 0;
  for (const o of observations) if (o.count > 0) atRisk += o.count;
  if (atRisk === 0) return null;
  // By duration, fills before censorings at the same duration; callers that build large
  // inputs in that order (the slice builder) skip the sort.
  const sorted = isOrdered(observations) ? observations : [...observations].sort((a, b) => a.days - b.days || Number(a.open) - Number(b.open));
  let survival = 1;
  for (let i = 0; i < sorted.length;) {
    const day = (sorted[i] as DurationObservation).days;
    let filled = 0;
    let open = 0;
    for (; i < sorted.length && (sorted[i] as DurationObservation).days === day; i++) {
      const o = sorted[i] as DurationObservation;
      if (o.open) open += o.count;
      else filled += o.count;
    }
    if (filled > 0) {
      survival *= 1 - filled / atRisk;
      if (survival <= 0.5 + 1e-12) return { days: day, reached: true };
    }
    atRisk -= filled + open;
  }
  return { days: (sorted[sorted.length - 1] as DurationObservation).days, reached: false };
}

function isOrdered(observations: readonly DurationObservation[]): boolean {
  for (let i = 1; i < observations.length; i++) {
    const a = observations[i - 1] as DurationObservation;
    const b = observations[i] as DurationObservation;
    if (a.days > b.days || (a.days === b.days && a.open && !b.open)) return false;
  }
  return true;
}
