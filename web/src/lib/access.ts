import {
  ACCESS,
  IMPORT_KINDS_BY_ROLE,
  PROVINCE_CODE,
  TALENT_LEVEL,
  plannerCity as corePlannerCity,
  type ImportKind,
  type Me,
  type Role,
  type Scope,
  type Viewer,
} from '@talentmap/core';

/**
 * The parts of the app that are not public, each by the route it calls: the roles come from the
 * server's own access declaration (core's ACCESS), so the app asks only for what the viewer may
 * see (and shows a login prompt instead of collecting 401s). Scope narrows further on the server.
 */
const ALLOWED = {
  candidates: ACCESS['POST /api/match/candidates'],
  /** POST /api/match/programs with a talentId */
  talentPrograms: TALENT_LEVEL,
  /** an institution account: its own only */
  institutionFit: ACCESS['GET /api/institutions/:id/fit'],
  pathways: ACCESS['GET /api/talents/:id/pathways'],
  requestContact: ACCESS['POST /api/contact-requests'],
  /** the planner's inbox: requests about talents of its region, and acting on them */
  handleContactRequests: ACCESS['PATCH /api/contact-requests/:id'],
  publishCatalog: ACCESS['POST /api/shortage/catalog/publications'],
  auditLog: ACCESS['GET /api/audit-log'],
} satisfies Record<string, readonly Viewer[]>;
export type Feature = keyof typeof ALLOWED;

/** Whether the viewer may use a feature; `undefined` (not known yet) may not. */
export function can(viewer: Viewer | undefined, feature: Feature): boolean {
  return viewer !== undefined && viewer !== 'anonymous' && (ALLOWED[feature] as readonly Viewer[]).includes(viewer);
}

/** The kinds of record the viewer may import (数据导入): every kind for an admin, its own vacancies or programs for an enterprise or institution. */
export function importKinds(viewer: Viewer | undefined): readonly ImportKind[] {
  return viewer !== undefined && Object.hasOwn(IMPORT_KINDS_BY_ROLE, viewer) ? IMPORT_KINDS_BY_ROLE[viewer as keyof typeof IMPORT_KINDS_BY_ROLE] : [];
}

export const ROLE_LABEL: Record<Role, string> = {
  planner: '规划者',
  enterprise: '企业',
  institution: '院校',
  admin: '管理员',
};

/** A city code (32xx00 other than the province). */
export const isCityCode = (code: string) => /^32\d{2}00$/.test(code) && code !== PROVINCE_CODE;

export interface ScopeNames {
  regionName: (code: string) => string;
  institutionName?: (id: number) => string | undefined;
}

/** The scope in words for the header: 江苏省, 苏州市, the institution's name, 企业编号 n; null for none. */
export function scopeLabel(scope: Scope, names: ScopeNames): string | null {
  switch (scope.kind) {
    case 'region':
      return scope.regionCode === PROVINCE_CODE ? '江苏省' : names.regionName(scope.regionCode);
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
export function plannerCity(me: Me | null | undefined): string | null {
  const region = me ? corePlannerCity({ role: me.role, scope: me.scope }) : null;
  return region !== null && isCityCode(region) ? region : null;
}
