import { describe, expect, it } from 'vitest';
import { applyPatch, DEFAULT_STATE, parseState, serializeState, stateHref, type AppState } from './url-state';

describe('url state', () => {
  it('round-trips a full state', () => {
    const state: AppState = {
      ...DEFAULT_STATE,
      journey: 'enterprise',
      cluster: 'C01',
      chain: 'CH01',
      occupation: '6-18-02-04',
      grade: 4,
      quarter: '2026Q3',
      city: '320500',
      region: '320506',
      tab: 'catalog',
      layers: ['hex', 'institutions'],
      view: { lng: 120.6123, lat: 31.3, zoom: 8.25 },
      vacancyOccupation: '6-18-02-04',
      skills: ['熔化极气体保护焊', '钨极氩弧焊'],
      minGrade: 3,
      headcount: 3,
      at: [120.58, 31.3],
      radiusKm: 30,
      institution: 17,
      recommendation: '6-20-01-01',
    };
    const { pathname, search } = serializeState(state);
    expect(pathname).toBe('/enterprise');
    expect(parseState(pathname, search)).toEqual(state);
  });

  it('leaves defaults out and keeps a stable key order', () => {
    expect(stateHref(DEFAULT_STATE)).toBe('/planner');
    const a = stateHref({ ...DEFAULT_STATE, grade: 5, cluster: 'C02' });
    const b = stateHref({ ...DEFAULT_STATE, cluster: 'C02', grade: 5 });
    expect(a).toBe(b);
    expect(a).toBe('/planner?cluster=C02&grade=5');
  });

  it('ignores malformed values', () => {
    const s = parseState('/nowhere', '?grade=12&occ=abc&q=2026Q7&v=1,2&city=32&layers=hex,bogus,hex&r=-3&inst=x');
    expect(s.journey).toBe('planner');
    expect(s.grade).toBeNull();
    expect(s.occupation).toBeNull();
    expect(s.quarter).toBeNull();
    expect(s.view).toBeNull();
    expect(s.city).toBeNull();
    expect(s.layers).toEqual(['hex']);
    expect(s.radiusKm).toBeNull();
    expect(s.institution).toBeNull();
  });

  it('cascades cluster → chain → occupation', () => {
    const s = { ...DEFAULT_STATE, cluster: 'C01', chain: 'CH01', occupation: '6-18-02-04' };
    expect(applyPatch(s, { cluster: 'C02' })).toMatchObject({ cluster: 'C02', chain: null, occupation: null });
    expect(applyPatch(s, { chain: 'CH09' })).toMatchObject({ cluster: 'C01', chain: 'CH09', occupation: null });
    expect(applyPatch(s, { cluster: 'C01' })).toMatchObject({ chain: 'CH01', occupation: '6-18-02-04' });
  });

  it('drilling into a city selects it; a picked district replaces a clicked point', () => {
    expect(applyPatch(DEFAULT_STATE, { city: '320500' }).region).toBe('320500');
    expect(applyPatch({ ...DEFAULT_STATE, city: '320500', region: '320506' }, { city: null }).region).toBeNull();
    expect(applyPatch({ ...DEFAULT_STATE, at: [120, 31] }, { place: '320506' }).at).toBeNull();
    expect(applyPatch({ ...DEFAULT_STATE, place: '320506' }, { at: [120, 31] }).place).toBeNull();
  });

  it('puts a page (the audit log) at its own path; choosing a journey leaves it', () => {
    const audit = parseState('/audit', '');
    expect(audit.page).toBe('audit');
    expect(audit.journey).toBe('planner');
    expect(stateHref(audit)).toBe('/audit');
    expect(parseState('/imports', '').page).toBe('imports');
    expect(parseState('/enterprise', '').page).toBeNull();
    expect(applyPatch(audit, { journey: 'enterprise' }).page).toBeNull();
    expect(stateHref(applyPatch(audit, { journey: 'enterprise' }))).toBe('/enterprise');
  });
});
