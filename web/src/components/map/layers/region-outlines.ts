import type { FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { NO_REGION, REGION_SOURCE, type RegionLevel } from './choropleth';

const selectedLayer = (level: RegionLevel) => `region-selected-${level}`;
const hoverLayer = (level: RegionLevel) => `region-hover-${level}`;
const LEVELS: RegionLevel[] = ['city', 'district'];

export const regionOutlineLayers: LayerSpecification[] = [
  ...LEVELS.map((level): LayerSpecification => ({
    id: selectedLayer(level),
    type: 'line',
    source: REGION_SOURCE[level],
    filter: NO_REGION,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#0b2545', 'line-width': 3 },
  })),
  ...LEVELS.map((level): LayerSpecification => ({
    id: hoverLayer(level),
    type: 'line',
    source: REGION_SOURCE[level],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#0f766e', 'line-width': 2.2, 'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] },
  })),
];

/** Outlines the selected region (a city code ends in 00), or none. */
export function showSelectedRegion(map: MapLibreMap, code: string | null): void {
  const selected = code ?? '';
  const isCity = selected.endsWith('00');
  map.setFilter(selectedLayer('city'), ['==', ['get', 'code'], isCity ? selected : '']);
  map.setFilter(selectedLayer('district'), ['==', ['get', 'code'], isCity ? '' : selected]);
}

/** Only the districts on screen can be hovered. */
export function setHoverableDistricts(map: MapLibreMap, districts: FilterSpecification): void {
  map.setFilter(hoverLayer('district'), districts);
}

export interface HoveredRegion {
  level: RegionLevel;
  code: string;
}

/** The hover outline: moves the `hover` feature-state to the region under the pointer (null clears it). */
export function hoverOutline(map: MapLibreMap): (next: HoveredRegion | null) => void {
  let hovered: { source: string; id: string } | null = null;
  return (next) => {
    const target = next && { source: REGION_SOURCE[next.level], id: next.code };
    if (hovered && target && hovered.source === target.source && hovered.id === target.id) return;
    if (hovered) map.setFeatureState(hovered, { hover: false });
    hovered = target;
    if (hovered) map.setFeatureState(hovered, { hover: true });
  };
}
