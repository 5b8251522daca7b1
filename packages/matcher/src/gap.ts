import { distanceKm } from '@talentmap/geo';
import type { WeightedSkill } from './skill-graph.js';

/** The target occupation's skills the talent does not have yet, most important first. */
export function skillGap(have: readonly { skillId: number }[], target: readonly WeightedSkill[]): { missing: WeightedSkill[]; shared: WeightedSkill[] } {
  const owned = new Set(have.map((s) => s.skillId));
  const missing = target.filter((s) => !owned.has(s.skillId)).sort((a, b) => b.weight - a.weight);
  const shared = target.filter((s) => owned.has(s.skillId)).sort((a, b) => b.weight - a.weight);
  return { missing, shared };
}

/**
 * Program rank for closing a gap, in [0, 1]:
 *   coverage 0.6  weighted share of the missing skills the program teaches
 *   subsidy  0.1  eligible for training subsidy (补贴性培训)
 *   duration 0.1  shorter is better: 1 − hours / 1000, floored at 0
 *   place    0.2  online or blended 1; offline 1 − distance / 100 km from the learner, 0.5 unknown
 * (place weighs enough that, among programs covering the gap alike, a nearby one wins)
 */
export const PROGRAM_WEIGHTS = { coverage: 0.6, subsidy: 0.1, duration: 0.1, place: 0.2 } as const;

export interface ProgramCandidate {
  skills: WeightedSkill[];
  hours: number;
  subsidyEligible: boolean;
  mode: 'online' | 'offline' | 'blended';
  lng: number;
  lat: number;
}

export function scoreProgram(
  gap: readonly WeightedSkill[],
  p: ProgramCandidate,
  learner?: { lng: number; lat: number },
): { score: number; coverage: number; coveredSkillIds: number[]; distanceKm: number | null } {
  const taught = new Set(p.skills.map((s) => s.skillId));
  const total = gap.reduce((sum, s) => sum + s.weight, 0);
  const coveredSkillIds = gap.filter((s) => taught.has(s.skillId)).map((s) => s.skillId);
  const coverage = total > 0 ? gap.filter((s) => taught.has(s.skillId)).reduce((sum, s) => sum + s.weight, 0) / total : 0;
  const km = learner ? distanceKm([learner.lng, learner.lat], [p.lng, p.lat]) : null;
  const place = p.mode !== 'offline' ? 1 : km === null ? 0.5 : Math.max(0, 1 - km / 100);
  const score =
    PROGRAM_WEIGHTS.coverage * coverage +
    PROGRAM_WEIGHTS.subsidy * (p.subsidyEligible ? 1 : 0) +
    PROGRAM_WEIGHTS.duration * Math.max(0, 1 - p.hours / 1000) +
    PROGRAM_WEIGHTS.place * place;
  return {
    score: Math.round(score * 1000) / 1000,
    coverage: Math.round(coverage * 1000) / 1000,
    coveredSkillIds,
    distanceKm: km === null ? null : Math.round(km * 10) / 10,
  };
}
