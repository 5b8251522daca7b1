import type { Me } from '@talentmap/core';
import { can, importKinds, isCityCode, ownInstitution, type Feature } from '../../lib/access';
import type { AppState, Journey } from '../../lib/url-state';

/** The part of a journey that needs an account, and which accounts the prompt asks for. */
export const JOURNEY_FEATURE: Partial<Record<Journey, Feature>> = {
  enterprise: 'candidates',
  institution: 'institutionFit',
};

/**
 * Where an account lands after signing in: an institution on the institution journey with its
 * own institution chosen, an enterprise on the enterprise journey, a planner on the planner
 * journey (drilled into its city when its scope is one). Signing in from a journey's login
 * prompt stays on that journey when the account may use it; signing in on 数据导入 stays there
 * when the account may import.
 */
export function landingPatch(me: Me, state: AppState, from: Journey | null): Partial<AppState> {
  if (state.page === 'imports' && importKinds(me.role).length > 0) return {};
  const own = ownInstitution(me);
  if (own !== null) return { journey: 'institution', institution: own, recommendation: state.institution === own ? state.recommendation : null };
  const feature = from ? JOURNEY_FEATURE[from] : undefined;
  if (from && feature && can(me.role, feature)) return from === state.journey ? {} : { journey: from };
  if (me.role === 'enterprise') return { journey: 'enterprise' };
  if (me.role === 'planner') {
    const patch: Partial<AppState> = { journey: 'planner' };
    if (me.scope.kind === 'region' && isCityCode(me.scope.regionCode) && state.city === null) {
      Object.assign(patch, { city: me.scope.regionCode, region: me.scope.regionCode, view: null });
    }
    return patch;
  }
  return {};
}
