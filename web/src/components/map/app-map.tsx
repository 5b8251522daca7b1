import type { Regions } from '../../lib/use-regions';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { MapStatus } from '../map-status';
import type { Choropleth } from './layers/choropleth';
import type { MapPlace } from './layers/place';
import { LayerSwitches } from './layer-switches';
import { MapLegend, type LegendSection } from './map-legend';
import { TalentMap } from './talent-map';
import { useEnterpriseLayer, useHexbinLayer, useInstitutionLayer } from './use-layer-data';

/** What a journey shows on the map. */
export interface JourneyMap {
  /** its choropleth with the legend, null until the data are there */
  choropleth: (Choropleth & { legend: LegendSection }) | null;
  /** the region outlined */
  selectedRegion: string | null;
  /** the vacancy's place (enterprise journey) */
  place: MapPlace | null;
  /** the institution shown (institution journey) */
  highlightInstitution: number | null;
  /** its map data are being fetched */
  busy: boolean;
}

export interface AppMapProps {
  state: AppState;
  update: UpdateState;
  regions: Regions;
  journey: JourneyMap;
  /** the "updating" badge */
  busy: boolean;
  pickMode: boolean;
  onPick: (at: [number, number]) => void;
}

/** The map of the current journey with the optional layers, their switches, the legend and the drill-up control. */
export function AppMap({ state, update, regions, journey, busy, pickMode, onPick }: AppMapProps) {
  const hex = useHexbinLayer(state);
  const enterprises = useEnterpriseLayer(state);
  const institutions = useInstitutionLayer(state, journey.highlightInstitution);
  const { cities } = regions;
  return (
    <>
      <TalentMap
        cities={cities.data}
        districts={regions.districts}
        choropleth={journey.choropleth}
        drillCity={state.city}
        selectedRegion={journey.selectedRegion}
        onRegionClick={(code, level) => update(level === 'city' ? { city: code, region: code, view: null } : { region: code })}
        hexbins={hex.data}
        hexClasses={hex.classes}
        enterprises={enterprises.data}
        chainColours={enterprises.colours}
        institutions={institutions.data}
        highlightInstitution={journey.highlightInstitution}
        onInstitutionClick={(id) => update({ journey: 'institution', institution: id, recommendation: null })}
        place={journey.place}
        pickMode={pickMode}
        onPick={onPick}
        initialView={state.view}
        onViewChange={(view) => update({ view }, { push: false })}
        onReady={regions.onMapReady}
      >
        <div className="map-overlay map-overlay--top-left">
          {state.city && (
            <button type="button" className="button drill-up" onClick={() => update({ city: null, region: null, view: null })} data-testid="drill-up">
              ‹ 返回全省
            </button>
          )}
          {state.city && <span className="map-overlay__where">{regions.regionName(state.city)} · 各区县</span>}
        </div>
        <div className="map-overlay map-overlay--bottom-left">
          <LayerSwitches
            active={state.layers}
            onToggle={(key, on) => update({ layers: on ? [...state.layers, key] : state.layers.filter((k) => k !== key) })}
            status={{ hex: hex.status, enterprises: enterprises.status, institutions: institutions.status }}
          />
          <MapLegend choropleth={journey.choropleth?.legend ?? null} hex={hex.legend} chains={enterprises.legend} institutions={institutions.shown} />
        </div>
        {busy && (
          <div className="map-busy" role="status" aria-label="地图数据更新中">
            <span className="spinner spinner--small" aria-hidden="true" />
            更新中…
          </div>
        )}
      </TalentMap>
      {cities.isPending && <MapStatus kind="loading" />}
      {cities.isError && <MapStatus kind="error" message={cities.error.message} onRetry={() => void cities.refetch()} retrying={cities.isFetching} />}
    </>
  );
}
