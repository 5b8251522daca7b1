import { useEffect, useEffectEvent, useLayoutEffect, type ReactNode } from 'react';
import type { EnterprisePoints, InstitutionSummary, RegionCollection, TalentDensity } from '@talentmap/core';
import type { ScaleClass } from '../../lib/scale';
import type { MapView } from '../../lib/url-state';
import { paintChoropleth, setRegions, showRegionLevel, visibleDistricts, type Choropleth, type RegionLevel } from './layers/choropleth';
import { showEnterprises } from './layers/enterprises';
import { showHexbins } from './layers/hexbins';
import { showInstitutions } from './layers/institutions';
import { addCityLabels, addDistrictLabels, muteCityLabel } from './layers/labels';
import { showPlace, type MapPlace } from './layers/place';
import { setHoverableDistricts, showSelectedRegion } from './layers/region-outlines';
import { MapTooltip } from './map-tooltip';
import { watchCitiesDrawn } from './map-ready';
import { useDrillFit, usePlaceFit } from './use-map-fit';
import { useMapInstance } from './use-map-instance';
import { useMapPointer } from './use-map-pointer';

export interface TalentMapProps {
  cities: RegionCollection | undefined;
  districts: RegionCollection | undefined;
  choropleth: Choropleth | null;
  drillCity: string | null;
  selectedRegion: string | null;
  onRegionClick: (code: string, level: RegionLevel) => void;
  hexbins: TalentDensity | null;
  hexClasses: readonly ScaleClass[];
  enterprises: EnterprisePoints | null;
  chainColours: Record<string, string>;
  institutions: InstitutionSummary[] | null;
  highlightInstitution: number | null;
  onInstitutionClick?: (id: number) => void;
  place: MapPlace | null;
  /** clicks on the map set a place instead of selecting regions */
  pickMode: boolean;
  onPick?: (lngLat: [number, number]) => void;
  initialView: MapView | null;
  onViewChange: (view: MapView) => void;
  /** called once the cities are drawn and the map went idle */
  onReady?: () => void;
  /** overlays drawn over the map (legend, layer switches, drill-up button) */
  children?: ReactNode;
}

/**
 * The one map of the app: region choropleth (province → city → district), talent hexbins,
 * clustered enterprises, institution symbols and the vacancy's place, with tooltips and
 * drill-down. Each layer (layers/) has its own effect, so a filter change only touches its
 * layer and the map stays still otherwise.
 */
export function TalentMap(props: TalentMapProps) {
  const {
    cities,
    districts,
    choropleth,
    drillCity,
    selectedRegion,
    hexbins,
    hexClasses,
    enterprises,
    chainColours,
    institutions,
    highlightInstitution,
    place,
  } = props;
  const { containerRef, map, openedAt } = useMapInstance(props.initialView, props.onViewChange);
  const urlView = openedAt !== null;
  const level = choropleth?.level ?? 'city';
  const onReady = useEffectEvent(() => props.onReady?.());

  // Boundaries and labels.
  useEffect(() => {
    if (map && cities) setRegions(map, 'city', cities);
  }, [map, cities]);
  useEffect(() => (map && cities ? addCityLabels(map, cities) : undefined), [map, cities]);
  useEffect(() => (map && cities ? watchCitiesDrawn(map, () => onReady()) : undefined), [map, cities]);
  useEffect(() => {
    if (map && districts) setRegions(map, 'district', districts);
  }, [map, districts]);
  useEffect(() => {
    if (!map) return;
    showRegionLevel(map, drillCity, level);
    setHoverableDistricts(map, visibleDistricts(drillCity, level));
  }, [map, drillCity, level]);
  useDrillFit(map, drillCity, cities, districts, urlView);
  useEffect(() => (map && drillCity && districts ? addDistrictLabels(map, districts, drillCity) : undefined), [map, drillCity, districts]);
  // `cities` too: the city labels are re-created with them.
  useEffect(() => {
    if (map) muteCityLabel(map, drillCity);
  }, [map, cities, drillCity]);

  // A layout effect: the colours reach MapLibre in the same task as the commit, before the
  // browser paints the rest of the page (a passive effect waits for that paint).
  useLayoutEffect(() => {
    if (map && cities) paintChoropleth(map, cities, districts, choropleth);
  }, [map, cities, districts, choropleth]);
  useEffect(() => {
    if (map) showSelectedRegion(map, selectedRegion);
  }, [map, selectedRegion]);

  // Optional layers and the vacancy's place.
  useEffect(() => {
    if (map) showHexbins(map, hexbins, hexClasses);
  }, [map, hexbins, hexClasses]);
  useEffect(() => (map ? showEnterprises(map, enterprises, chainColours) : undefined), [map, enterprises, chainColours]);
  useEffect(() => {
    if (map) showInstitutions(map, institutions, highlightInstitution);
  }, [map, institutions, highlightInstitution]);
  useEffect(() => {
    if (map) showPlace(map, place);
  }, [map, place]);
  usePlaceFit(map, place, urlView);

  const hover = useMapPointer(map, props);

  return (
    <div className="region-map">
      <div ref={containerRef} className="region-map__canvas" role="region" aria-label="江苏省高技能人才地图" data-testid="map" />
      {hover && <MapTooltip hover={hover} />}
      {props.children}
    </div>
  );
}
