import type { MultiPolygon, Polygon } from 'geojson';
import { samplePointsInPolygon } from '@talentmap/geo';
import type { RegionRef } from '../reference.js';
import { type Rng, WeightedPicker } from '@talentmap/core';

/**
 * Relative economic weight of each city, used only to spread synthetic records the way
 * activity is spread in Jiangsu (more in 苏州/南京/无锡). Approximate 2023 GDP in 亿元 from
 * the cities' statistical communiqués, rounded; curated by the project.
 */
export const CITY_WEIGHTS: Record<string, number> = {
  '320500': 24650, // 苏州
  '320100': 17420, // 南京
  '320200': 15460, // 无锡
  '320600': 11810, // 南通
  '320400': 10120, // 常州
  '320300': 8900, // 徐州
  '321000': 7420, // 扬州
  '320900': 7400, // 盐城
  '321200': 6730, // 泰州
  '321100': 5260, // 镇江
  '320800': 5020, // 淮安
  '321300': 4400, // 宿迁
  '320700': 4360, // 连云港
};

export interface District {
  code: string;
  name: string;
  cityCode: string;
  /** Pre-sampled points inside the district: drawing from a pool keeps a million talents fast. */
  points: [number, number][];
}

export interface Geography {
  cityCodes: string[];
  cityName: Map<string, string>;
  districtsByCity: Map<string, District[]>;
  cityPicker: WeightedPicker<string>;
  /** A point near a random spot inside a random district of the city. */
  place(rng: Rng, cityCode: string): { district: District; lng: number; lat: number };
}

export function buildGeography(regions: RegionRef[], rng: Rng, pointsPerDistrict = 64): Geography {
  const cities = regions.filter((r) => r.properties.level === 'city');
  const districtsByCity = new Map<string, District[]>();
  for (const r of regions) {
    if (r.properties.level !== 'district' || r.properties.parentCode === null) continue;
    const district: District = {
      code: r.properties.code,
      name: r.properties.name,
      cityCode: r.properties.parentCode,
      points: samplePointsInPolygon(r.geometry as Polygon | MultiPolygon, pointsPerDistrict, () => rng.next()),
    };
    const list = districtsByCity.get(district.cityCode) ?? [];
    list.push(district);
    districtsByCity.set(district.cityCode, list);
  }
  const cityCodes = cities.map((c) => c.properties.code).sort();
  for (const code of cityCodes) if (!districtsByCity.get(code)?.length) throw new Error(`city ${code} has no districts`);
  return {
    cityCodes,
    cityName: new Map(cities.map((c) => [c.properties.code, c.properties.name])),
    districtsByCity,
    cityPicker: new WeightedPicker(
      cityCodes,
      cityCodes.map((c) => CITY_WEIGHTS[c] ?? 4000),
    ),
    place(r, cityCode) {
      const district = r.pick(districtsByCity.get(cityCode) as District[]);
      const [lng, lat] = r.pick(district.points);
      // ~300 m of jitter so pooled points do not stack exactly.
      return { district, lng: round5(lng + r.normal(0, 0.003)), lat: round5(lat + r.normal(0, 0.003)) };
    },
  };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
