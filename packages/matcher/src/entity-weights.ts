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

/** pgvector's text form, 4 decimals: ample for cosine ranking and half the bytes of full precision. */
export const vectorLiteral = (v: readonly number[]) => `[${v.map((x) => x.toFixed(4)).join(',')}]`;
