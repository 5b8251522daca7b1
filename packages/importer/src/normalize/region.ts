import { toHalfWidth } from './half-width.js';

export type RegionLevel = 'province' | 'city' | 'district';

/** A row of seed/reference/regions.geojson's feature properties. */
export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export type RegionResolution = { ok: true; code: string; name: string; level: RegionLevel } | { ok: false; reason: string; suggestions: string[] };

const MAX_SUGGESTIONS = 5;

/**
 * "苏州" for 苏州市, "姑苏" for 姑苏区, "江苏" for 江苏省. Names ending 新区 or 园区 are proper names of zones and keep
 * their suffix, as do names that would shrink to a single character (沛县 is not written 沛).
 */
export function shortRegionName(name: string): string | null {
  if (/(?:新区|园区)$/.test(name)) return null;
  const short = name.replace(/(?:省|市|区|县)$/, '');
  return short !== name && short.length >= 2 ? short : null;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/**
 * Matches what offices write in a 所在区县 column: a code, a name with or without its suffix, or a
 * city and district run together. A district name shared by two cities (鼓楼区 in 南京 and 徐州)
 * is refused with both as suggestions rather than guessed.
 */
export function createRegionResolver(regions: readonly RegionRef[]) {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = groupBy(regions, (r) => r.name);
  const byShort = groupBy(regions, (r) => shortRegionName(r.name));
  const provinces = regions.filter((r) => r.level === 'province');
  const cities = regions.filter((r) => r.level === 'city');

  // Suggestions name the city too, so that feeding one back resolves it uniquely.
  const label = (r: RegionRef) => {
    const parent = r.level === 'district' && r.parentCode !== null ? byCode.get(r.parentCode) : undefined;
    return parent?.level === 'city' ? parent.name + r.name : r.name;
  };
  const found = (r: RegionRef): RegionResolution => ({ ok: true, code: r.code, name: r.name, level: r.level });

  const lookup = (text: string, within?: RegionRef): RegionRef[] => {
    const inScope = (list: RegionRef[] | undefined) => (list ?? []).filter((r) => !within || r.parentCode === within.code);
    const exact = inScope(byName.get(text));
    if (exact.length > 0) return exact;
    const short = inScope(byShort.get(text));
    // "淮安" is both 淮安市 and 淮安区; written bare it means the city.
    const city = short.filter((r) => r.level === 'city');
    return city.length === 1 ? city : short;
  };

  const namesOf = (r: RegionRef) => [r.name, shortRegionName(r.name)].filter((n): n is string => n !== null);

  const stripPrefix = (text: string, parents: RegionRef[]): { parent: RegionRef; rest: string }[] =>
    parents.flatMap((parent) => {
      const prefix = namesOf(parent).find((n) => text.startsWith(n) && text.length > n.length);
      return prefix ? [{ parent, rest: text.slice(prefix.length) }] : [];
    });

  const suggest = (text: string): string[] => {
    const stem = shortRegionName(text) ?? text;
    if (stem.length < 2) return [];
    return regions
      .filter((r) => namesOf(r).some((n) => n.includes(stem) || stem.includes(n)))
      .slice(0, MAX_SUGGESTIONS)
      .map(label);
  };

  return function resolve(input: string): RegionResolution {
    const text = toHalfWidth(input).replace(/\s/g, '');
    if (text === '') return { ok: false, reason: '所在区县为空', suggestions: [] };
    if (/^\d{6}$/.test(text)) {
      const region = byCode.get(text);
      return region ? found(region) : { ok: false, reason: `行政区划代码 ${text} 不在范围内`, suggestions: [] };
    }

    const whole = lookup(text);
    const withoutProvince = whole.length > 0 ? text : (stripPrefix(text, provinces)[0]?.rest ?? text);
    const direct = whole.length > 0 ? whole : lookup(withoutProvince);
    if (direct.length === 1) return found(direct[0]!);
    if (direct.length > 1) {
      return { ok: false, reason: `“${text}”有${direct.length}个同名区县，请写明所属城市`, suggestions: direct.map(label) };
    }

    const combined = stripPrefix(withoutProvince, cities).flatMap(({ parent, rest }) => lookup(rest, parent));
    if (combined.length === 1) return found(combined[0]!);
    return { ok: false, reason: `未找到区县“${text}”`, suggestions: suggest(withoutProvince) };
  };
}

export type RegionResolver = ReturnType<typeof createRegionResolver>;
