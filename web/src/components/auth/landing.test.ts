import { describe, expect, it } from 'vitest';
import type { Me } from '@talentmap/core';
import { DEFAULT_STATE } from '../../lib/url-state';
import { landingPatch } from './landing';

const me = (role: Me['role'], scope: Me['scope']): Me => ({ username: role, role, scope, csrfToken: 't' });
const enterprise = me('enterprise', { kind: 'enterprise', enterpriseId: 4 });
const institution = me('institution', { kind: 'institution', institutionId: 12 });
const suzhou = me('planner', { kind: 'region', regionCode: '320500' });
const province = me('planner', { kind: 'region', regionCode: '320000' });
const admin = me('admin', { kind: 'none' });

describe('landingPatch', () => {
  it('keeps an account that may import on 数据导入, and sends a planner to its journey', () => {
    const imports = { ...DEFAULT_STATE, page: 'imports' as const };
    for (const who of [enterprise, institution, admin]) expect(landingPatch(who, imports, null)).toEqual({});
    expect(landingPatch(province, imports, null)).toEqual({ journey: 'planner' });
  });

  it('lands each role on its journey', () => {
    expect(landingPatch(enterprise, DEFAULT_STATE, null)).toEqual({ journey: 'enterprise' });
    expect(landingPatch(institution, DEFAULT_STATE, null)).toEqual({ journey: 'institution', institution: 12, recommendation: null });
    expect(landingPatch(province, { ...DEFAULT_STATE, journey: 'enterprise' }, null)).toEqual({ journey: 'planner' });
    expect(landingPatch(suzhou, DEFAULT_STATE, null)).toEqual({ journey: 'planner', city: '320500', region: '320500', view: null });
    expect(landingPatch(suzhou, { ...DEFAULT_STATE, city: '320100' }, null)).toEqual({ journey: 'planner' });
    expect(landingPatch(admin, DEFAULT_STATE, null)).toEqual({});
  });

  it('stays on the journey whose prompt asked when the account may use it', () => {
    const onEnterprise = { ...DEFAULT_STATE, journey: 'enterprise' as const, skills: ['焊接'] };
    expect(landingPatch(province, onEnterprise, 'enterprise')).toEqual({});
    expect(landingPatch(admin, { ...DEFAULT_STATE, journey: 'institution' }, 'institution')).toEqual({});
    expect(landingPatch(enterprise, { ...DEFAULT_STATE, journey: 'institution' }, 'institution')).toEqual({ journey: 'enterprise' });
    // an institution keeps its recommendation when the link already shows its own institution
    expect(landingPatch(institution, { ...DEFAULT_STATE, journey: 'institution', institution: 12, recommendation: '6-18-02-04' }, 'institution')).toEqual({
      journey: 'institution',
      institution: 12,
      recommendation: '6-18-02-04',
    });
  });
});
