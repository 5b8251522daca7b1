import type { WeightedSkill } from './skill-graph.js';

/**
 * How each kind of entity weights its skills before embedding, so that a vacancy, a talent,
 * an occupation and a program land in the same space comparably.
 * Talents: proficiency 1–5 → 0.55…1.15 (a skill one barely has still counts for something).
 */
export const talentSkillWeights = (skills: readonly { skillId: number; level: number }[]): WeightedSkill[] =>
  skills.map((s) => ({ skillId: s.skillId, weight: 0.4 + 0.15 * s.level }));

/** Vacancies, occupations and programs carry explicit weights already. */
export const weightedSkills = (skills: readonly WeightedSkill[]): WeightedSkill[] => skills.map((s) => ({ skillId: s.skillId, weight: s.weight }));

/**
 * pgvector's text form at 4 decimals, written as integers with an exponent ("123e-4"):
 * ample for cosine ranking, and several times faster to format than toFixed, which
 * dominated the cost of seeding a million talents.
 */
export function vectorLiteral(v: readonly number[]): string {
  const parts = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) parts[i] = Math.round((v[i] as number) * 1e4);
  return `[${parts.join('e-4,')}e-4]`;
}
