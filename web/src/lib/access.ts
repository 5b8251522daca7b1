import type { Me, Role, Scope, Viewer } from '@talentmap/core';

/**
 * The server's access policy as far as the web app needs it: which roles may use the parts of a
 * journey that are not public, so the app asks only for what the viewer may see (and shows a
 * login prompt instead of collecting 401s). The server decides; this mirrors it.
 */
export type Feature = 'candidates' | 'talentPrograms' | 'institutionFit' | 'pathways';

const ALLOWED: Record<Feature, readonly Role[]> = {
  /** POST /api/match/candidates */
  candidates: ['planner', 'enterprise'],
  /** POST /api/match/programs with a talentId */
  talentPrograms: ['planner', 'enterprise'],
  /** GET /api/institutions/:id/fit (an institution account: its own only) */
  institutionFit: ['institution', 'planner', 'admin'],
  /** GET /api/talents/:id/pathways */
  pathways: ['planner'],
};

/** Whether the viewer may use a feature; `undefined` (not known yet) may not. */
export function can(viewer: Viewer | undefined, feature: Feature): boolean {
  return viewer !== undefined && viewer !== 'anonymous' && ALLOWED[feature].includes(viewer);
}

export const ROLE_LABEL: Record<Role, string> = {
  planner: '规划者',
  enterprise: '企业',
  institution: '院校',
  admin: '管理员',
};

const PROVINCE = '320000';

/** A city code (32xx00 other than the province). */
export const isCityCode = (code: string) => /^32\d{2}00$/.test(code) && code !== PROVINCE;

export interface ScopeNames {
  regionName: (code: string) => string;
  institutionName?: (id: number) => string | undefined;
}

/** The scope in words for the header: 江苏省, 苏州市, the institution's name, 企业编号 n; null for none. */
export function scopeLabel(scope: Scope, names: ScopeNames): string | null {
  switch (scope.kind) {
    case 'region':
      return scope.regionCode === PROVINCE ? '江苏省' : names.regionName(scope.regionCode);
    case 'institution':
      return names.institutionName?.(scope.institutionId) ?? `院校编号 ${scope.institutionId}`;
    case 'enterprise':
      return `企业编号 ${scope.enterpriseId}`;
    case 'none':
      return null;
  }
}

/** The institution an institution account works for (its scope), else null. */
export const ownInstitution = (me: Me | null | undefined): number | null =>
  me?.role === 'institution' && me.scope.kind === 'institution' ? me.scope.institutionId : null;

/**
 * The city a city planner works in (its scope, when a city): the server confines its candidate
 * searches and 吻合度 to it, so the pickers offer only that city. Null for everyone else.
 */
export const plannerCity = (me: Me | null | undefined): string | null =>
  me?.role === 'planner' && me.scope.kind === 'region' && isCityCode(me.scope.regionCode) ? me.scope.regionCode : null;
