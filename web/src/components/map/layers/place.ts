import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { circleRing } from '../../../lib/geo';
import { emptySource, setSourceData } from './common';

/** The vacancy's workplace and the radius its candidates are searched in. */
export interface MapPlace {
  lng: number;
  lat: number;
  radiusKm: number | null;
}

const SOURCE = 'place';

export const placeSources = { [SOURCE]: emptySource() };

/** The radius circle, drawn under the enterprises and institutions. */
export const placeRadiusLayers: LayerSpecification[] = [
  {
    id: 'place-radius-fill',
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': '#0f766e', 'fill-opacity': 0.08 },
  },
  {
    id: 'place-radius-line',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': '#0f766e', 'line-width': 2, 'line-dasharray': [3, 2] },
  },
];

/** The workplace itself, drawn on top of everything. */
export const placePointLayer: LayerSpecification = {
  id: 'place-point',
  type: 'circle',
  source: SOURCE,
  filter: ['==', ['geometry-type'], 'Point'],
  paint: { 'circle-color': '#0f766e', 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
};

export function showPlace(map: MapLibreMap, place: MapPlace | null): void {
  const features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: number[] } | { type: 'Polygon'; coordinates: number[][][] };
    properties: Record<string, never>;
  }[] = [];
  if (place) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [place.lng, place.lat] }, properties: {} });
    if (place.radiusKm)
      features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing([place.lng, place.lat], place.radiusKm)] }, properties: {} });
  }
  setSourceData(map, SOURCE, { type: 'FeatureCollection', features });
}
