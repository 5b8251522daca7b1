import { DISTANCE_BAND_LOWER_KM, DISTANCE_BANDS, GRADE_MAX, GRADE_MIN, distanceBandOf, type DistanceBand } from '@talentmap/core';
import { distanceKm } from '@talentmap/geo';
import type { WeightedSkill } from './skill-graph.js';
import type { SkillSpace } from './skill-space.js';

/**
 * The re-rank score of a talent for a vacancy, in [0, 1], a weighted sum of five parts:
 *   similarity   0.35  cosine of the two vectors in the skill space (overall profile fit)
 *   coverage     0.35  share of the required skills (by weight) the talent has: an exact skill
 *                      counts 0.6 + 0.1 × proficiency (capped at 1); a closely related skill
 *                      (skill-space similarity ≥ 0.6) counts half its similarity
 *   grade        0.15  1 within two grades above the minimum, less when far over-qualified;
 *                      without a minimum, higher grades score higher
 *   distance     0.10  by distance band from the search centre (DISTANCE_BAND_FIT), else 1.
 *                      A step function of the band alone, not of the figure, and the talent's
 *                      willing radius plays no part: any use of it would show through the score
 *                      (a band halved beyond it tells which band edge the radius passes), so the
 *                      score and its breakdown reveal no more than the band itself.
 *   availability 0.05  open to offers and unemployed 1, student 0.8, employed 0.7, not open 0.2
 * Hard filters (minimum grade, region, radius, availability) are applied before scoring.
 */
export const MATCH_WEIGHTS = { similarity: 0.35, coverage: 0.35, grade: 0.15, distance: 0.1, availability: 0.05 } as const;
export const RELATED_SKILL_MIN = 0.6;
export const DISTANCE_BAND_FIT: Record<DistanceBand, number> = { '0-5': 1, '5-10': 0.8, '10-20': 0.6, '20-50': 0.3, '50+': 0 };

export interface MatchQuery {
  skills: WeightedSkill[];
  vector: number[];
  minGrade?: number | undefined;
  near?: { lng: number; lat: number; radiusKm: number } | undefined;
}

export interface CandidateProfile {
  grade: number;
  skills: { skillId: number; level: number }[];
  employmentStatus: 'employed' | 'unemployed' | 'student';
  openToOffers: boolean;
  /** The talent's grid cell centre (@talentmap/geo talentCell), never a finer point. */
  lng: number;
  lat: number;
  /** Cosine distance from the query vector, as the database computed it. */
  cosineDistance: number;
}

export interface Breakdown {
  similarity: number;
  coverage: number;
  grade: number;
  distance: number;
  availability: number;
}

export interface ScoredCandidate {
  score: number;
  breakdown: Breakdown;
  matchedSkillIds: number[];
  /** Required skills the talent lacks, with the related skill that partly covers it, if any. */
  missing: { skillId: number; relatedSkillId: number | null }[];
  distanceBand: DistanceBand | null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

export function gradeFit(grade: number, minGrade: number | undefined): number {
  if (minGrade === undefined) return 0.5 + (0.5 * (grade - 1)) / 7;
  if (grade < minGrade) return 0;
  return clamp01(1 - 0.1 * Math.max(0, grade - minGrade - 2));
}

export function availabilityFit(status: CandidateProfile['employmentStatus'], open: boolean): number {
  if (!open) return 0.2;
  return status === 'unemployed' ? 1 : status === 'student' ? 0.8 : 0.7;
}

/** An exact skill earns its weight times this; a related one half its similarity (below). */
const exactCredit = (level: number) => Math.min(1, 0.6 + 0.1 * level);

/**
 * The score of scoreCandidate as plain numbers, so that a database can compute it over many rows
 * and keep the best (MatchRepository.scoredCandidates): per required skill, the credit each skill a
 * talent may hold earns towards it — the skill itself its weight × `levelCredit[level]`, a related
 * skill (similarity ≥ RELATED_SKILL_MIN) its weight × ½ × similarity; the best one counts. Grade
 * and availability fits as lookup tables, distance as bands. Equal to scoreCandidate up to its
 * rounding to thousandths.
 */
export interface ScoreTerms {
  weights: typeof MATCH_WEIGHTS;
  totalWeight: number;
  credits: { required: number; skillId: number; credit: number; exact: boolean }[];
  /** Index = proficiency level (0 … 10). */
  levelCredit: number[];
  /** Index = grade (GRADE_MIN … GRADE_MAX; 0 unused). */
  gradeFit: number[];
  availability: { notOpen: number; unemployed: number; student: number; employed: number };
  near?: { lng: number; lat: number; bands: { fromKm: number; fit: number }[] } | undefined;
}

export function scoreTerms(query: Omit<MatchQuery, 'vector'>, space: SkillSpace): ScoreTerms {
  const credits: ScoreTerms['credits'] = [];
  let totalWeight = 0;
  for (const req of query.skills) {
    totalWeight += req.weight;
    credits.push({ required: req.skillId, skillId: req.skillId, credit: req.weight, exact: true });
    if (!space.has(req.skillId)) continue;
    for (const [skillId, similarity] of space.related(req.skillId, RELATED_SKILL_MIN))
      credits.push({ required: req.skillId, skillId, credit: req.weight * 0.5 * similarity, exact: false });
  }
  const grades = Array.from({ length: GRADE_MAX + 1 }, (_, g) => (g < GRADE_MIN ? 0 : gradeFit(g, query.minGrade)));
  return {
    weights: MATCH_WEIGHTS,
    totalWeight,
    credits,
    levelCredit: Array.from({ length: 11 }, (_, level) => exactCredit(level)),
    gradeFit: grades,
    availability: {
      notOpen: availabilityFit('employed', false),
      unemployed: availabilityFit('unemployed', true),
      student: availabilityFit('student', true),
      employed: availabilityFit('employed', true),
    },
    near: query.near && {
      lng: query.near.lng,
      lat: query.near.lat,
      bands: DISTANCE_BANDS.map((band) => ({ fromKm: DISTANCE_BAND_LOWER_KM[band], fit: DISTANCE_BAND_FIT[band] })),
    },
  };
}

/**
 * The coverage a talent outside a candidate set needs to score above `score`, when every such
 * talent's similarity is at most `similarityCeiling` (the candidates were the nearest by vector)
 * and its grade, distance and availability are at their best: the rest must come from coverage.
 */
export function coverageToBeat(terms: ScoreTerms, score: number, similarityCeiling: number): number {
  const w = terms.weights;
  const best = (values: number[]) => Math.max(0, ...values);
  const bestDistance = terms.near ? best(terms.near.bands.map((b) => b.fit)) : 1;
  const rest =
    w.similarity * similarityCeiling + w.grade * best(terms.gradeFit) + w.distance * bestDistance + w.availability * best(Object.values(terms.availability));
  return (score - rest) / w.coverage;
}

/**
 * The skills of which a talent must hold one — a required skill or one related to it — for its
 * coverage to reach `coverage`: the heaviest required skills, until the others, all held at full
 * credit, would fall short. Empty when no talent can reach it; null when one holding none could.
 */
export function skillsToReach(terms: ScoreTerms, coverage: number): number[] | null {
  const needed = coverage * terms.totalWeight;
  if (needed <= 0) return null;
  const heaviest = terms.credits.filter((c) => c.exact).sort((a, b) => b.credit - a.credit || a.required - b.required);
  let rest = terms.totalWeight;
  const must = new Set<number>();
  for (const c of heaviest) {
    if (rest < needed) break;
    must.add(c.required);
    rest -= c.credit;
  }
  if (rest >= needed) return null;
  return [...new Set(terms.credits.filter((c) => must.has(c.required)).map((c) => c.skillId))];
}

/** The documented score of one talent (see candidateScorer for many). */
export function scoreCandidate(query: MatchQuery, c: CandidateProfile, space: SkillSpace): ScoredCandidate {
  return candidateScorer(query, space).explain(c);
}

export interface CandidateScorer {
  /** The score alone, allocating nothing: what exhaustive scoring asks of every row. */
  score(c: CandidateProfile): number;
  /** The score with its breakdown and skills, for the rows an answer shows. */
  explain(c: CandidateProfile): ScoredCandidate;
}

/**
 * scoreCandidate for one query over many talents. The query is indexed once — where each required
 * skill stands, and for each skill related to a required one (similarity ≥ RELATED_SKILL_MIN) which
 * required skills it partly covers and how well — so a talent costs one pass over its own few
 * skills, not one per required skill. Sums in the order of the required skills, as documented, so
 * score and explain agree to the last bit.
 */
export function candidateScorer(query: MatchQuery, space: SkillSpace): CandidateScorer {
  const required = query.skills;
  const positions = new Map<number, number[]>();
  const relatedOf = new Map<number, { at: number; similarity: number }[]>();
  required.forEach((req, at) => {
    positions.set(req.skillId, [...(positions.get(req.skillId) ?? []), at]);
    if (!space.has(req.skillId)) return;
    for (const [skillId, similarity] of space.related(req.skillId, RELATED_SKILL_MIN)) {
      let list = relatedOf.get(skillId);
      if (!list) relatedOf.set(skillId, (list = []));
      list.push({ at, similarity });
    }
  });
  // Per required skill, for the talent being scored: its level held exactly (NaN: not held), and
  // the best related skill it holds (the first of equals in the talent's order).
  const level = new Float64Array(required.length);
  const bestSimilarity = new Float64Array(required.length);
  const bestSkill = new Float64Array(required.length);

  const evaluate = (c: CandidateProfile, explain: ScoredCandidate | null): number => {
    level.fill(NaN);
    bestSkill.fill(NaN);
    for (const s of c.skills) {
      // A skill listed twice counts at its last level (as a map of the talent's skills would).
      for (const at of positions.get(s.skillId) ?? []) level[at] = s.level;
      for (const { at, similarity } of relatedOf.get(s.skillId) ?? [])
        if (Number.isNaN(bestSkill[at] as number) || similarity > (bestSimilarity[at] as number)) {
          bestSimilarity[at] = similarity;
          bestSkill[at] = s.skillId;
        }
    }
    let covered = 0;
    let total = 0;
    for (let at = 0; at < required.length; at++) {
      const req = required[at] as WeightedSkill;
      total += req.weight;
      const held = level[at] as number;
      if (!Number.isNaN(held)) {
        covered += req.weight * exactCredit(held);
        explain?.matchedSkillIds.push(req.skillId);
        continue;
      }
      const related = bestSkill[at] as number;
      if (!Number.isNaN(related)) covered += req.weight * 0.5 * (bestSimilarity[at] as number);
      explain?.missing.push({ skillId: req.skillId, relatedSkillId: Number.isNaN(related) ? null : related });
    }
    const band = query.near ? distanceBandOf(distanceKm([query.near.lng, query.near.lat], [c.lng, c.lat])) : null;
    const similarity = round3(clamp01(1 - c.cosineDistance));
    const coverage = round3(total > 0 ? covered / total : 0);
    const grade = round3(gradeFit(c.grade, query.minGrade));
    const distance = round3(band === null ? 1 : DISTANCE_BAND_FIT[band]);
    const availability = availabilityFit(c.employmentStatus, c.openToOffers);
    if (explain) {
      explain.breakdown = { similarity, coverage, grade, distance, availability };
      explain.distanceBand = band;
    }
    return round3(
      MATCH_WEIGHTS.similarity * similarity +
        MATCH_WEIGHTS.coverage * coverage +
        MATCH_WEIGHTS.grade * grade +
        MATCH_WEIGHTS.distance * distance +
        MATCH_WEIGHTS.availability * availability,
    );
  };

  return {
    score: (c) => evaluate(c, null),
    explain(c) {
      const scored: ScoredCandidate = {
        score: 0,
        breakdown: { similarity: 0, coverage: 0, grade: 0, distance: 0, availability: 0 },
        matchedSkillIds: [],
        missing: [],
        distanceBand: null,
      };
      scored.score = evaluate(c, scored);
      return scored;
    },
  };
}
