import { ForbiddenError, InvalidInputError, plannerRegion, type ViewerContext } from '@talentmap/core';
import { vectorLiteral, type WeightedSkill } from '@talentmap/matcher';
import type { MatchService } from './match.service.js';

/** The enterprise or institution an account works for; another role may not keep records here. */
export function ownerOf(viewer: ViewerContext, kind: 'enterprise' | 'institution'): number {
  const scope = viewer.scope;
  if (kind === 'enterprise' && scope?.kind === 'enterprise') return scope.enterpriseId;
  if (kind === 'institution' && scope?.kind === 'institution') return scope.institutionId;
  throw new ForbiddenError(`only an ${kind} account keeps its own records here`);
}

/**
 * The districts a planner may read records in (undefined: the whole province), narrowed to the
 * region asked for; a region outside the planner's own is refused, as the candidate search refuses it.
 */
export function plannerDistricts(match: MatchService, viewer: ViewerContext, requested: string | undefined, field = 'regionCode'): string[] | undefined {
  const own = match.regionFilter(plannerRegion(viewer) ?? undefined);
  const asked = match.regionFilter(requested, field);
  if (!asked) return own;
  if (own && asked.some((code) => !own.includes(code))) throw new ForbiddenError(`${field}: ${requested} is outside your region ${plannerRegion(viewer)}`);
  return asked;
}

/** Whether a planner's region holds a district (a provincial planner's holds them all). */
export function inPlannerRegion(match: MatchService, viewer: ViewerContext, district: string): boolean {
  return match.regionFilter(plannerRegion(viewer) ?? undefined)?.includes(district) ?? true;
}

const strongest = (lists: WeightedSkill[][]): WeightedSkill[] => {
  const weights = new Map<number, number>();
  for (const s of lists.flat()) weights.set(s.skillId, Math.max(weights.get(s.skillId) ?? 0, s.weight));
  return [...weights].map(([skillId, weight]) => ({ skillId, weight })).sort((a, b) => b.weight - a.weight || a.skillId - b.skillId);
};

/** The occupations' profiles, merged (each skill at its strongest weight). */
export const profileSkills = (match: MatchService, occupationCodes: string[]): WeightedSkill[] =>
  strongest(occupationCodes.map((code) => match.occupation(code).skills));

/**
 * The weighted skills of a record: the names given (weight 1) and those recognised in the text;
 * with neither, the occupations' profiles. Text in which nothing is recognised is a 400, not a
 * silent fallback, so the owner learns the advert said nothing the matcher understands.
 */
export function recordSkills(
  match: MatchService,
  input: { skills?: string[] | undefined; text?: string | undefined },
  occupationCodes: string[],
): WeightedSkill[] {
  if (!input.skills && !input.text) return profileSkills(match, occupationCodes);
  const named = input.skills ? match.resolveSkillNames(input.skills, 'skills') : [];
  const recognised = input.text ? match.recognizer.recognize(input.text).skills.map((s) => ({ skillId: s.skillId, weight: Math.min(1, s.weight) })) : [];
  if (input.text && !input.skills && recognised.length === 0) throw new InvalidInputError('text', 'no recognisable skill in the text');
  return strongest([named, recognised]);
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
