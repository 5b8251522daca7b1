import type { OccupationScore } from './classify.js';

/**
 * Calibrated confidence of the classifier's answer: P(right) as a logistic function of the
 * best score and its lead over the runner-up, at two levels — the 细类 (the top occupation) and
 * the 小类 (the best group: its best score, and the lead over the best occupation outside it).
 * Coefficients are fitted by logistic regression (`pnpm eval:match --calibrate`) on the team's
 * own adverts (test/fixtures/adverts.json, both splits), never on the frozen fresh set, which
 * only reports how well they hold (expected calibration error).
 */
export interface Logistic {
  bias: number;
  score: number;
  lead: number;
}

export const CONFIDENCE_MODEL: { occupation: Logistic; minorGroup: Logistic } = {
  // Fitted 2026-12-03 on the 200 adverts with the full 2022 catalogue loaded (`pnpm eval:match --classification-only --calibrate`).
  occupation: { bias: -2.287, score: 3.708, lead: 5.42 },
  minorGroup: { bias: -1.491, score: 2.689, lead: 5.373 },
};
/** At or above: the 细类 is the answer. */
export const CONFIDENT_OCCUPATION = 0.5;
/** At or above (and the 细类 not confident): the 小类 is the safe answer; below both, no confident match. */
export const CONFIDENT_MINOR_GROUP = 0.5;

export const logistic = (m: Logistic, score: number, lead: number) => 1 / (1 + Math.exp(-(m.bias + m.score * score + m.lead * lead)));

/** The features the model reads for the 细类 and for each 小类 of a ranked list. */
export function confidenceFeatures(ranked: readonly Pick<OccupationScore, 'code' | 'score'>[]): {
  occupation: { score: number; lead: number };
  minorGroup: { code: string; score: number; lead: number } | null;
} {
  const [top, next] = ranked;
  if (!top) return { occupation: { score: 0, lead: 0 }, minorGroup: null };
  const minor = top.code.slice(0, 7);
  const outside = ranked.find((r) => r.code.slice(0, 7) !== minor);
  return {
    occupation: { score: top.score, lead: top.score - (next?.score ?? 0) },
    minorGroup: { code: minor, score: top.score, lead: top.score - (outside?.score ?? 0) },
  };
}

export type ClassifyLevel = 'occupation' | 'minorGroup' | 'none';

export interface ClassifyVerdict {
  level: ClassifyLevel;
  /** P(the top 细类 is right). */
  confidence: number;
  minorGroup: { code: string; confidence: number } | null;
}

/** What the ranked list supports: the 细类, only its 小类, or nothing confident. */
export function classifyVerdict(ranked: readonly Pick<OccupationScore, 'code' | 'score'>[], model = CONFIDENCE_MODEL): ClassifyVerdict {
  const f = confidenceFeatures(ranked);
  if (!f.minorGroup) return { level: 'none', confidence: 0, minorGroup: null };
  const confidence = round(logistic(model.occupation, f.occupation.score, f.occupation.lead));
  const minorConfidence = round(Math.max(confidence, logistic(model.minorGroup, f.minorGroup.score, f.minorGroup.lead)));
  const level = confidence >= CONFIDENT_OCCUPATION ? 'occupation' : minorConfidence >= CONFIDENT_MINOR_GROUP ? 'minorGroup' : 'none';
  return { level, confidence, minorGroup: { code: f.minorGroup.code, confidence: minorConfidence } };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
