import { describe, expect, it } from 'vitest';
import { ACCESS, VIEWERS } from '@talentmap/core';
import { can, ownInstitution, plannerCity, scopeLabel, type Feature } from './access';

/** The route each feature stands for in the server's access declaration. */
const ROUTE: Record<Exclude<Feature, 'talentPrograms'>, keyof typeof ACCESS> = {
  candidates: 'POST /api/match/candidates',
  institutionFit: 'GET /api/institutions/:id/fit',
  pathways: 'GET /api/talents/:id/pathways',
  requestContact: 'POST /api/contact-requests',
  handleContactRequests: 'PATCH /api/contact-requests/:id',
  publishCatalog: 'POST /api/shortage/catalog/publications',
  auditLog: 'GET /api/audit-log',
};

describe('access', () => {
  it('mirrors the server policy: candidates for planner and enterprise, 吻合度 for institution, planner and admin', () => {
    expect(['anonymous', 'planner', 'enterprise', 'institution', 'admin', undefined].map((v) => can(v as never, 'candidates'))).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(['anonymous', 'planner', 'enterprise', 'institution', 'admin'].map((v) => can(v as never, 'institutionFit'))).toEqual([
      false,
      true,
      false,
      true,
      true,
    ]);
    expect(can('planner', 'pathways')).toBe(true);
    expect(can('enterprise', 'pathways')).toBe(false);
    expect(can('enterprise', 'requestContact')).toBe(true);
    expect(can('planner', 'requestContact')).toBe(false);
    expect(can('planner', 'handleContactRequests')).toBe(true);
    expect(can('admin', 'auditLog')).toBe(true);
    expect(can('planner', 'auditLog')).toBe(false);
  });

  it("agrees with the server's access declaration (core ACCESS) for every viewer", () => {
    for (const [feature, route] of Object.entries(ROUTE) as [Feature, keyof typeof ACCESS][]) {
      for (const viewer of VIEWERS)
        expect([feature, viewer, can(viewer, feature)]).toEqual([feature, viewer, (ACCESS[route] as readonly string[]).includes(viewer)]);
    }
  });

  it('names a scope: the province, a city, an institution, an enterprise, none', () => {
    const names = { regionName: (c: string) => (c === '320500' ? '苏州市' : c), institutionName: (id: number) => (id === 7 ? '苏州技师学院' : undefined) };
    expect(scopeLabel({ kind: 'region', regionCode: '320000' }, names)).toBe('江苏省');
    expect(scopeLabel({ kind: 'region', regionCode: '320500' }, names)).toBe('苏州市');
    expect(scopeLabel({ kind: 'institution', institutionId: 7 }, names)).toBe('苏州技师学院');
    expect(scopeLabel({ kind: 'institution', institutionId: 8 }, names)).toBe('院校编号 8');
    expect(scopeLabel({ kind: 'enterprise', enterpriseId: 3 }, names)).toBe('企业编号 3');
    expect(scopeLabel({ kind: 'none' }, names)).toBeNull();
    expect(ownInstitution({ username: 'i', role: 'institution', scope: { kind: 'institution', institutionId: 7 }, csrfToken: 't' })).toBe(7);
    expect(ownInstitution(null)).toBeNull();
    expect(plannerCity({ username: 'p', role: 'planner', scope: { kind: 'region', regionCode: '320500' }, csrfToken: 't' })).toBe('320500');
    expect(plannerCity({ username: 'p', role: 'planner', scope: { kind: 'region', regionCode: '320000' }, csrfToken: 't' })).toBeNull();
  });
});
