import { useQuery } from '@tanstack/react-query';
import type { RegionCollection } from '@talentmap/core';
import { plannerCity } from '../../lib/access';
import { api } from '../../lib/api';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { useSession } from '../auth/use-session';
import { DEFAULT_RADIUS_KM } from './use-candidates';

const RADII = [10, 20, 30, 50, 100];

export interface VacancyFieldsProps {
  state: AppState;
  update: UpdateState;
  districts: RegionCollection | undefined;
  regionName: (code: string | null) => string;
}

/** The districts grouped by city; only `only`'s when given. */
function districtsByCity(districts: RegionCollection | undefined, only: string | null): Map<string, RegionCollection['features']> {
  const cities = new Map<string, RegionCollection['features']>();
  for (const d of districts?.features ?? []) {
    const key = d.properties.parentCode ?? '';
    if (only !== null && key !== only) continue;
    cities.set(key, [...(cities.get(key) ?? []), d]);
  }
  return cities;
}

/**
 * Minimum grade, headcount, and the workplace (a district, or a point picked on the map) with the
 * search radius. A city planner is offered its city's districts (the server searches only there).
 */
export function VacancyFields({ state, update, districts, regionName }: VacancyFieldsProps) {
  const city = plannerCity(useSession().me);
  const grades = useQuery({ queryKey: ['grades'], queryFn: ({ signal }) => api.grades(signal), staleTime: Infinity });
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor="v-grade" className="field__label">
          最低等级
        </label>
        <select
          id="v-grade"
          className="input"
          value={state.minGrade ?? ''}
          onChange={(e) => update({ minGrade: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">不限</option>
          {grades.data?.items.map((g) => (
            <option key={g.level} value={g.level}>
              {g.level}级 {g.name}及以上
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="v-headcount" className="field__label">
          招聘人数
        </label>
        <input
          id="v-headcount"
          className="input"
          type="number"
          min={1}
          max={999}
          value={state.headcount ?? 1}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            update({ headcount: Number.isFinite(n) && n >= 1 ? Math.min(999, n) : null }, { push: false });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="v-place" className="field__label">
          工作地点（区县）
        </label>
        <select id="v-place" className="input" value={state.place ?? ''} onChange={(e) => update({ place: e.target.value || null, at: null })}>
          <option value="">{state.at ? '地图选点' : city ? `${regionName(city)}全市` : '全省'}</option>
          {[...districtsByCity(districts, city).entries()].map(([city, list]) => (
            <optgroup key={city} label={regionName(city)}>
              {list.map((d) => (
                <option key={d.properties.code} value={d.properties.code}>
                  {d.properties.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="v-radius" className="field__label">
          半径
        </label>
        <select
          id="v-radius"
          className="input"
          value={state.radiusKm ?? (state.at ? DEFAULT_RADIUS_KM : '')}
          onChange={(e) => update({ radiusKm: e.target.value ? Number(e.target.value) : null })}
          disabled={!state.place && !state.at}
        >
          {!state.at && <option value="">仅本区县</option>}
          {RADII.map((r) => (
            <option key={r} value={r}>
              {r} 公里内
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
