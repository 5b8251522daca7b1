import { useEffect, useEffectEvent, useState } from 'react';
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent, PointLike } from 'maplibre-gl';
import { CITY_FILL_LAYER, cityFillShown, describeRegion, DISTRICT_FILL_LAYER, type Choropleth, type RegionLevel } from './layers/choropleth';
import type { FeatureProperties, TooltipContent } from './layers/common';
import { describeCluster, describeEnterprise, ENTERPRISE_CLUSTERS_LAYER, ENTERPRISE_POINTS_LAYER, expandCluster } from './layers/enterprises';
import { describeHexbin, HEX_FILL_LAYER } from './layers/hexbins';
import { describeInstitution, INSTITUTIONS_LAYER } from './layers/institutions';
import { hoverOutline, type HoveredRegion } from './layers/region-outlines';

/** The tooltip of the feature under the pointer, where it is drawn. */
export interface Hover extends TooltipContent {
  x: number;
  y: number;
  flipX: boolean;
  flipY: boolean;
}

export interface PointerOptions {
  drillCity: string | null;
  choropleth: Choropleth | null;
  /** clicks set a place instead of selecting regions */
  pickMode: boolean;
  onPick?: (lngLat: [number, number]) => void;
  onRegionClick: (code: string, level: RegionLevel) => void;
  onInstitutionClick?: (id: number) => void;
}

const INTERACTIVE = [INSTITUTIONS_LAYER, ENTERPRISE_POINTS_LAYER, ENTERPRISE_CLUSTERS_LAYER, HEX_FILL_LAYER, DISTRICT_FILL_LAYER, CITY_FILL_LAYER];
const REGION_FILLS: Record<string, RegionLevel> = { [CITY_FILL_LAYER]: 'city', [DISTRICT_FILL_LAYER]: 'district' };
/** Tooltips of the point and cell layers; region fills describe themselves with the choropleth. */
const DESCRIBE: Record<string, (p: FeatureProperties) => TooltipContent> = {
  [INSTITUTIONS_LAYER]: describeInstitution,
  [ENTERPRISE_POINTS_LAYER]: describeEnterprise,
  [ENTERPRISE_CLUSTERS_LAYER]: describeCluster,
  [HEX_FILL_LAYER]: describeHexbin,
};

/** The top feature under the pointer, skipping region fills that are transparent under the current view. */
function featureAt(map: MapLibreMap, point: PointLike, drillCity: string | null, level: RegionLevel): MapGeoJSONFeature | undefined {
  const layers = INTERACTIVE.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  return map
    .queryRenderedFeatures(point, { layers })
    .find((f) => f.layer.id !== CITY_FILL_LAYER || cityFillShown(String(f.properties['code']), drillCity, level));
}

/**
 * Pointer on the map: tooltip and hover outline on move, and clicks — a place in pick mode,
 * otherwise zoom into a cluster, choose an institution or a region. Handlers read the latest
 * options without re-binding the map's events.
 */
export function useMapPointer(map: MapLibreMap | null, options: PointerOptions): Hover | null {
  const { drillCity, choropleth, pickMode, onPick, onRegionClick, onInstitutionClick } = options;
  const level = choropleth?.level ?? 'city';
  const [hover, setHover] = useState<Hover | null>(null);

  const onMove = useEffectEvent((instance: MapLibreMap, event: MapMouseEvent, outline: (next: HoveredRegion | null) => void) => {
    const canvas = instance.getCanvas();
    const f = featureAt(instance, event.point, drillCity, level);
    if (!pickMode) canvas.style.cursor = f ? 'pointer' : '';
    if (!f) {
      outline(null);
      setHover(null);
      return;
    }
    const regionLevel = REGION_FILLS[f.layer.id];
    outline(regionLevel ? { level: regionLevel, code: String(f.properties['code']) } : null);
    const { x, y } = event.point;
    const content = DESCRIBE[f.layer.id]?.(f.properties) ?? describeRegion(f.properties, choropleth);
    setHover({ ...content, x, y, flipX: x > canvas.clientWidth - 260, flipY: y > canvas.clientHeight - 140 });
  });

  const onClick = useEffectEvent((instance: MapLibreMap, event: MapMouseEvent) => {
    if (pickMode && onPick) {
      onPick([Number(event.lngLat.lng.toFixed(5)), Number(event.lngLat.lat.toFixed(5))]);
      return;
    }
    const f = featureAt(instance, event.point, drillCity, level);
    if (!f) return;
    const regionLevel = REGION_FILLS[f.layer.id];
    if (f.layer.id === ENTERPRISE_CLUSTERS_LAYER) expandCluster(instance, f);
    else if (f.layer.id === INSTITUTIONS_LAYER) onInstitutionClick?.(Number(f.properties['id']));
    else if (regionLevel) onRegionClick(String(f.properties['code']), regionLevel);
  });

  useEffect(() => {
    if (!map) return;
    const outline = hoverOutline(map);
    const move = (event: MapMouseEvent) => onMove(map, event, outline);
    const leave = () => {
      outline(null);
      setHover(null);
    };
    const click = (event: MapMouseEvent) => onClick(map, event);
    map.on('mousemove', move);
    map.on('mouseout', leave);
    map.on('click', click);
    return () => {
      map.off('mousemove', move);
      map.off('mouseout', leave);
      map.off('click', click);
      outline(null);
    };
  }, [map]);

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = pickMode ? 'crosshair' : '';
  }, [map, pickMode]);

  return hover;
}
