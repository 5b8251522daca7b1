import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';

export interface RegionNavProps {
  state: AppState;
  update: UpdateState;
  regionName: (code: string | null) => string;
  /** cities and districts for the keyboard-friendly region pickers (the map needs a pointer) */
  cities: { code: string; name: string }[];
  districts: { code: string; name: string; parentCode: string | null }[];
}

/** The selection as breadcrumbs (province › city › district), and pickers for city and district. */
export function RegionNav({ state, update, regionName, cities, districts }: RegionNavProps) {
  const region = state.region;
  const isDistrict = region !== null && !region.endsWith('00');
  return (
    <>
      <nav className="breadcrumbs" aria-label="所选范围">
        <button
          type="button"
          className="link"
          onClick={() => update({ city: null, region: null, view: null })}
          aria-current={region === null ? 'true' : undefined}
        >
          江苏省
        </button>
        {state.city && (
          <>
            <span aria-hidden="true">›</span>
            <button type="button" className="link" onClick={() => update({ region: state.city })} aria-current={region === state.city ? 'true' : undefined}>
              {regionName(state.city)}
            </button>
          </>
        )}
        {isDistrict && (
          <>
            <span aria-hidden="true">›</span>
            <span aria-current="true">{regionName(region)}</span>
          </>
        )}
      </nav>
      <div className="region-pickers">
        <label className="visually-hidden" htmlFor="pick-city">
          选择城市
        </label>
        <select
          id="pick-city"
          className="input"
          value={state.city ?? ''}
          onChange={(e) => update({ city: e.target.value || null, region: e.target.value || null, view: null })}
        >
          <option value="">全省 13 市</option>
          {cities.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {state.city && (
          <>
            <label className="visually-hidden" htmlFor="pick-district">
              选择区县
            </label>
            <select id="pick-district" className="input" value={isDistrict ? region : ''} onChange={(e) => update({ region: e.target.value || state.city })}>
              <option value="">全市各区县</option>
              {districts
                .filter((d) => d.parentCode === state.city)
                .map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
            </select>
          </>
        )}
      </div>
    </>
  );
}
