import { ForbiddenError, InvalidInputError, type ViewerContext } from '@talentmap/core';
import { vectorLiteral, type WeightedSkill } from '@talentmap/matcher';
import type { MatchService } from './match.service.js';

/** The enterprise or institution an account works for; another role may not keep records here. */
export function ownerOf(viewer: ViewerContext, kind: 'enterprise' | 'institution'): number {
  const scope = viewer.scope;
  if (kind === 'enterprise' && scope?.kind === 'enterprise') return scope.enterpriseId;
  if (kind === 'institution' && scope?.kind === 'institution') return scope.institutionId;
  throw new ForbiddenError(`only an ${kind} account keeps its own records here`);
}

/** The weighted skills of a record: the names given (weight 1), else the occupations' profiles. */
export function recordSkills(match: MatchService, names: string[] | undefined, occupationCodes: string[]): WeightedSkill[] {
  if (names) return match.resolveSkillNames(names, 'skills');
  const weights = new Map<number, number>();
  for (const code of occupationCodes) for (const s of match.occupation(code).skills) weights.set(s.skillId, Math.max(weights.get(s.skillId) ?? 0, s.weight));
  return [...weights].map(([skillId, weight]) => ({ skillId, weight }));
}

/** The vector the candidate and program searches retrieve by, as the seed computes it. */
export function recordEmbedding(match: MatchService, skills: WeightedSkill[]): string | null {
  const vector = match.space.embed(skills);
  return vector ? vectorLiteral(vector) : null;
}

/** A district code, or the field's 400. */
export function districtCode(match: MatchService, code: string, field: string): string {
  const districts = match.regionFilter(code, field);
  if (districts?.length !== 1 || districts[0] !== code) throw new InvalidInputError(field, `${code} is not a district`);
  return code;
}
