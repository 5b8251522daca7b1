import { skillGap } from './gap.js';
import type { WeightedSkill } from './skill-graph.js';

/**
 * 专业与产业吻合度 of a program, in [0, 1]:
 *   shortage       0.4  the target occupation's shortage score in the institution's city / 3
 *   chainDemand    0.3  how much the city's industry chains employ the occupation (matrix weight)
 *   skillAlignment 0.3  cosine of the program's skills with the occupation's profile
 * A program fits local industry when it teaches what a locally short, chain-relevant job needs.
 */
export const FIT_WEIGHTS = { shortage: 0.4, chainDemand: 0.3, skillAlignment: 0.3 } as const;
/** A shortage score of 3 or more (the bottleneck range) counts as fully short. */
export const FULL_SHORTAGE_SCORE = 3;
/** Course priority: shortage relieved weighs more than talents unlocked. */
export const COURSE_PRIORITY_WEIGHTS = { shortage: 0.6, nearMatch: 0.4 } as const;

export type FitParts = Record<keyof typeof FIT_WEIGHTS, number>;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The three parts of the fit from their raw measures, each clamped to [0, 1] and rounded. */
export function fitParts(input: { shortageScore: number | undefined; chainWeight: number | undefined; alignment: number | null }): FitParts {
  return {
    shortage: round3(clamp01((input.shortageScore ?? 0) / FULL_SHORTAGE_SCORE)),
    chainDemand: round3(clamp01(input.chainWeight ?? 0)),
    skillAlignment: round3(clamp01(input.alignment ?? 0)),
  };
}

export function programFit(parts: FitParts): number {
  return round3(FIT_WEIGHTS.shortage * parts.shortage + FIT_WEIGHTS.chainDemand * parts.chainDemand + FIT_WEIGHTS.skillAlignment * parts.skillAlignment);
}

/** The mean fit of an institution's programs; null when it has none. */
export function averageFit(fits: readonly number[]): number | null {
  return fits.length ? round3(fits.reduce((s, f) => s + f, 0) / fits.length) : null;
}

/**
 * Priority of a course to add, in [0, 1]: shortage relieved and near-match talents unlocked,
 * the latter on a log scale relative to the best candidate course (so one large pool does not
 * flatten the rest).
 */
export function coursePriority(shortageScore: number, nearMatchTalents: number, maxNearMatchTalents: number): number {
  const unlocked = Math.log1p(nearMatchTalents) / Math.log1p(Math.max(1, maxNearMatchTalents));
  return round3(COURSE_PRIORITY_WEIGHTS.shortage * clamp01(shortageScore / FULL_SHORTAGE_SCORE) + COURSE_PRIORITY_WEIGHTS.nearMatch * unlocked);
}

/** The profile skills most near-match talents lack, weighted by importance, most common first (what a course should teach). */
export function commonGaps(talents: readonly { skills: readonly { skillId: number }[] }[], profile: readonly WeightedSkill[], top = 5): number[] {
  const missing = new Map<number, number>();
  for (const t of talents) for (const s of skillGap(t.skills, profile).missing) missing.set(s.skillId, (missing.get(s.skillId) ?? 0) + s.weight);
  return [...missing]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, top)
    .map(([id]) => id);
}
