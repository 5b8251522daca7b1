import type { GeoJSONSource, GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl';

export interface TooltipLine {
  label: string;
  value: string;
}

/** What the tooltip shows for a feature under the pointer. */
export interface TooltipContent {
  title: string;
  lines: TooltipLine[];
}

/** A feature's properties as MapLibre hands them back from a query. */
export type FeatureProperties = Record<string, unknown>;

type GeoJSONData = Parameters<GeoJSONSource['setData']>[0];

/** Every source starts empty (the map draws at once); its layer module fills it when the data arrive. */
export function emptySource(options: Omit<GeoJSONSourceSpecification, 'type' | 'data'> = {}): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, ...options };
}

export function setSourceData(map: MapLibreMap, source: string, data: GeoJSONData): void {
  map.getSource<GeoJSONSource>(source)?.setData(data);
}

export function setVisible(map: MapLibreMap, layers: readonly string[], visible: boolean): void {
  for (const id of layers) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}
