import { Marker, type GeoJSONSource, type LayerSpecification, type MapGeoJSONFeature, type Map as MapLibreMap } from 'maplibre-gl';
import type { EnterprisePoints } from '@talentmap/core';
import { OTHER_CHAIN_COLOR } from '../../../lib/geo';
import { emptySource, setSourceData, setVisible, type FeatureProperties, type TooltipContent } from './common';

const SOURCE = 'enterprises';
export const ENTERPRISE_CLUSTERS_LAYER = 'enterprise-clusters';
export const ENTERPRISE_POINTS_LAYER = 'enterprise-points';

export const enterpriseSources = { [SOURCE]: emptySource({ cluster: true, clusterRadius: 42, clusterMaxZoom: 11 }) };

export const enterpriseLayers: LayerSpecification[] = [
  {
    id: ENTERPRISE_CLUSTERS_LAYER,
    type: 'circle',
    source: SOURCE,
    filter: ['has', 'point_count'],
    layout: { visibility: 'none' },
    paint: {
      'circle-color': '#1f4e79',
      'circle-opacity': 0.85,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
      'circle-radius': ['step', ['get', 'point_count'], 13, 20, 17, 80, 22, 250, 28],
    },
  },
  {
    id: ENTERPRISE_POINTS_LAYER,
    type: 'circle',
    source: SOURCE,
    filter: ['!', ['has', 'point_count']],
    layout: { visibility: 'none' },
    paint: {
      'circle-color': ['coalesce', ['get', 'color'], OTHER_CHAIN_COLOR],
      'circle-radius': ['case', ['get', 'chainLeader'], 8, ['match', ['get', 'size'], 'large', 6.5, 'medium', 5.5, 4.5]],
      'circle-stroke-color': ['case', ['get', 'chainLeader'], '#111827', '#ffffff'],
      'circle-stroke-width': 1.5,
    },
  },
];

/**
 * Enterprises coloured by chain, clustered when zoomed out, with the clusters' counts as HTML
 * markers. null hides the layer but keeps its data, so turning it back on does not reload it.
 * Returns the cleanup of the count markers.
 */
export function showEnterprises(map: MapLibreMap, enterprises: EnterprisePoints | null, chainColours: Record<string, string>): (() => void) | undefined {
  setVisible(map, [ENTERPRISE_CLUSTERS_LAYER, ENTERPRISE_POINTS_LAYER], enterprises !== null);
  if (!enterprises) return undefined;
  const features = enterprises.features.map((f) => ({
    ...f,
    properties: { ...f.properties, color: chainColours[f.properties.chainCode] ?? OTHER_CHAIN_COLOR },
  }));
  setSourceData(map, SOURCE, { type: 'FeatureCollection', features });
  return clusterCounts(map);
}

/** Cluster counts as HTML markers: no glyph server needed. Kept in step with the clusters on screen. */
function clusterCounts(map: MapLibreMap): () => void {
  const markers = new Map<number, Marker>();
  const refresh = () => {
    if (!map.getSource(SOURCE)) return;
    const seen = new Set<number>();
    for (const feature of map.querySourceFeatures(SOURCE, { filter: ['has', 'point_count'] })) {
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
    if (e.sourceId === SOURCE && e.isSourceLoaded) refresh();
  };
  map.on('moveend', refresh);
  map.on('sourcedata', onData);
  refresh();
  return () => {
    map.off('moveend', refresh);
    map.off('sourcedata', onData);
    for (const m of markers.values()) m.remove();
  };
}

/** Zooms in far enough for a cluster to break apart. */
export function expandCluster(map: MapLibreMap, cluster: MapGeoJSONFeature): void {
  const center = (cluster.geometry as { coordinates: [number, number] }).coordinates;
  void map
    .getSource<GeoJSONSource>(SOURCE)
    ?.getClusterExpansionZoom(cluster.properties['cluster_id'] as number)
    .then((zoom) => map.easeTo({ center, zoom }));
}

const SIZE_LABEL: Record<string, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

export function describeEnterprise(p: FeatureProperties): TooltipContent {
  return {
    title: String(p['name']),
    lines: [
      { label: '产业链', value: String(p['chainName']) },
      { label: '规模', value: `${SIZE_LABEL[String(p['size'])] ?? String(p['size'])}企业${p['chainLeader'] ? ' · 链主' : ''}` },
    ],
  };
}

export function describeCluster(p: FeatureProperties): TooltipContent {
  return { title: `${String(p['point_count'])} 家企业`, lines: [{ label: '操作', value: '点击放大查看' }] };
}
