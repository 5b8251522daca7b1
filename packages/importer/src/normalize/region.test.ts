import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRegionResolver, shortRegionName, type RegionRef } from './region.js';

const geojson = JSON.parse(readFileSync(new URL('../../../../seed/reference/regions.geojson', import.meta.url), 'utf8')) as {
  features: { properties: RegionRef }[];
};
const resolve = createRegionResolver(geojson.features.map((f) => f.properties));
const code = (s: string) => {
  const r = resolve(s);
  return r.ok ? r.code : null;
};

describe('shortRegionName', () => {
  it('drops 市/区/县 but keeps zone names and one-character stems whole', () => {
    expect(shortRegionName('苏州市')).toBe('苏州');
    expect(shortRegionName('姑苏区')).toBe('姑苏');
    expect(shortRegionName('睢宁县')).toBe('睢宁');
    expect(shortRegionName('沛县')).toBeNull();
    expect(shortRegionName('苏州工业园区')).toBeNull();
    expect(shortRegionName('江北新区')).toBeNull();
  });
});

describe('createRegionResolver', () => {
  it('resolves codes, full names and names without their suffix', () => {
    expect(resolve('320508')).toEqual({ ok: true, code: '320508', name: '姑苏区', level: 'district' });
    expect(code('苏州市')).toBe('320500');
    expect(code('苏州')).toBe('320500');
    expect(code('姑苏区')).toBe('320508');
    expect(code('姑苏')).toBe('320508');
    expect(code('玄武区')).toBe('320102');
    expect(code('江阴市')).toBe('320281');
    expect(code('江阴')).toBe('320281');
    expect(code('沛县')).toBe('320322');
    expect(code('江苏省')).toBe('320000');
    expect(code(' 姑苏区 ')).toBe('320508');
  });

  it('prefers the city when a bare stem names a city and one of its districts', () => {
    expect(code('淮安')).toBe('320800');
    expect(code('淮安区')).toBe('320803');
    expect(code('淮安市淮安区')).toBe('320803');
  });

  it('resolves a city and district written together', () => {
    expect(code('苏州市姑苏区')).toBe('320508');
    expect(code('苏州姑苏区')).toBe('320508');
    expect(code('苏州姑苏')).toBe('320508');
    expect(code('江苏省苏州市姑苏区')).toBe('320508');
    expect(code('江苏苏州姑苏区')).toBe('320508');
    expect(code('南京市鼓楼区')).toBe('320106');
    expect(code('徐州鼓楼区')).toBe('320302');
  });

  it('refuses a district name shared by two cities, suggesting both', () => {
    const r = resolve('鼓楼区');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions).toEqual(['南京市鼓楼区', '徐州市鼓楼区']);
    for (const s of r.ok ? [] : r.suggestions) expect(resolve(s).ok).toBe(true);
    expect(resolve('鼓楼').ok).toBe(false);
  });

  it('refuses unknown places, codes and mismatched cities', () => {
    expect(resolve('火星区')).toEqual({ ok: false, reason: '未找到区县“火星区”', suggestions: [] });
    expect(resolve('110101').ok).toBe(false);
    expect(resolve('苏州市鼓楼区').ok).toBe(false);
    expect(resolve('').ok).toBe(false);
  });

  it('resolves 苏州工业园区 only when the list has it', () => {
    // The reference list follows the civil-affairs divisions, in which the park is not a district.
    const r = resolve('苏州工业园区');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions).toContain('苏州市');
    const withPark = createRegionResolver([
      ...geojson.features.map((f) => f.properties),
      { code: '320571', name: '苏州工业园区', level: 'district', parentCode: '320500' },
    ]);
    expect(withPark('苏州工业园区')).toMatchObject({ ok: true, code: '320571' });
    expect(withPark('苏州市苏州工业园区')).toMatchObject({ ok: true, code: '320571' });
  });
});
