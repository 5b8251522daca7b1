import { useEffect, useEffectEvent, useRef, useState } from 'react';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  type LayerSpecification,
  type SourceSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapView } from '../../lib/url-state';
import { BOUNDARY_ATTRIBUTION, choroplethSources, regionBorderLayers, regionFillLayers } from './layers/choropleth';
import { enterpriseLayers, enterpriseSources } from './layers/enterprises';
import { hexbinLayers, hexbinSources } from './layers/hexbins';
import { institutionLayer, institutionSources } from './layers/institutions';
import { placePointLayer, placeRadiusLayers, placeSources } from './layers/place';
import { regionOutlineLayers } from './layers/region-outlines';
import { addInstitutionIcons } from './map-icons';

/** Jiangsu's extent, used before the boundaries arrive so the first frame is already in place. */
const JIANGSU_BOUNDS: [[number, number], [number, number]] = [
  [116.3, 30.7],
  [121.9, 35.2],
];

/**
 * No tile server, no glyph server, no sprite: a calm background, the boundaries are the base
 * map, labels are HTML markers (system CJK font) and icons are drawn on a canvas.
 */
const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8eef2' } }],
};

const SOURCES: Record<string, SourceSpecification> = { ...choroplethSources, ...hexbinSources, ...enterpriseSources, ...institutionSources, ...placeSources };

/** Bottom to top: region fills, talent cells, region borders and outlines, then the points. */
const LAYERS: LayerSpecification[] = [
  ...regionFillLayers,
  ...hexbinLayers,
  ...regionBorderLayers,
  ...regionOutlineLayers,
  ...placeRadiusLayers,
  ...enterpriseLayers,
  institutionLayer,
  placePointLayer,
];

function createMap(container: HTMLElement, view: MapView | null): MapLibreMap {
  const basemap = import.meta.env['VITE_BASEMAP_STYLE_URL'] as string | undefined;
  const map = new MapLibreMap({
    container,
    style: basemap || BASE_STYLE,
    ...(view ? { center: [view.lng, view.lat] as [number, number], zoom: view.zoom } : { bounds: JIANGSU_BOUNDS, fitBoundsOptions: { padding: 40 } }),
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    minZoom: 4,
    maxZoom: 13,
    renderWorldCopies: false,
    locale: {
      'NavigationControl.ZoomIn': '放大',
      'NavigationControl.ZoomOut': '缩小',
      'NavigationControl.ResetBearing': '重置方向',
      'AttributionControl.ToggleAttribution': '显示/隐藏数据来源',
      'Map.Title': '地图',
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new AttributionControl({ compact: false, customAttribution: BOUNDARY_ATTRIBUTION }), 'bottom-right');
  return map;
}

/**
 * The one MapLibre instance: created once in the container, with every source (empty) and
 * layer added on load. `map` is null until then; layers update once it is set. The view it
 * opened at (`openedAt`, from the URL; null = fitted to the data) is read once.
 */
export function useMapInstance(initialView: MapView | null, onViewChange: (view: MapView) => void) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [openedAt] = useState(initialView);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const viewChanged = useEffectEvent(onViewChange);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = createMap(container, openedAt);
    instance.on('load', () => {
      addInstitutionIcons(instance);
      for (const [id, source] of Object.entries(SOURCES)) instance.addSource(id, source);
      for (const layer of LAYERS) instance.addLayer(layer);
      setMap(instance);
    });
    instance.on('moveend', (event) => {
      // Only a person's pan/zoom goes into the URL; programmatic fits are reproducible from the state.
      if (!(event as { originalEvent?: unknown }).originalEvent) return;
      const c = instance.getCenter();
      viewChanged({ lng: c.lng, lat: c.lat, zoom: instance.getZoom() });
    });
    window.__mapView = () => ({ lng: instance.getCenter().lng, lat: instance.getCenter().lat, zoom: instance.getZoom() });
    return () => {
      window.__mapReady = false;
      setMap(null);
      instance.remove();
    };
  }, [openedAt]);

  return { containerRef, map, openedAt };
}
