import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { InstitutionSummary } from '@talentmap/core';
import { INSTITUTION_ICONS } from '../map-icons';
import { emptySource, setSourceData, setVisible, type FeatureProperties, type TooltipContent } from './common';

const SOURCE = 'institutions';
export const INSTITUTIONS_LAYER = 'institutions';

export const institutionSources = { [SOURCE]: emptySource({ promoteId: 'id' }) };

/** Symbols drawn from the canvas icons (map-icons.ts); the highlighted one is larger and on top. */
export const institutionLayer: LayerSpecification = {
  id: INSTITUTIONS_LAYER,
  type: 'symbol',
  source: SOURCE,
  layout: {
    visibility: 'none',
    'icon-image': ['case', ['get', 'highlight'], ['concat', 'inst-', ['get', 'kind'], '-on'], ['concat', 'inst-', ['get', 'kind']]],
    'icon-allow-overlap': true,
    'icon-size': ['case', ['get', 'highlight'], 1.35, 1],
    'symbol-sort-key': ['case', ['get', 'highlight'], 1, 0],
  },
};

/** null hides the layer. */
export function showInstitutions(map: MapLibreMap, institutions: InstitutionSummary[] | null, highlight: number | null): void {
  setVisible(map, [INSTITUTIONS_LAYER], institutions !== null);
  const features = (institutions ?? []).map((i) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [i.lng, i.lat] },
    properties: {
      id: i.id,
      name: i.name,
      kind: i.kind,
      regionName: i.regionName,
      capacity: i.capacity,
      programCount: i.programCount,
      highlight: i.id === highlight,
    },
  }));
  setSourceData(map, SOURCE, { type: 'FeatureCollection', features });
}

const KIND_LABEL: Record<string, string> = Object.fromEntries(Object.entries(INSTITUTION_ICONS).map(([kind, icon]) => [kind, icon.label]));

export function describeInstitution(p: FeatureProperties): TooltipContent {
  return {
    title: String(p['name']),
    lines: [
      { label: '类型', value: KIND_LABEL[String(p['kind'])] ?? String(p['kind']) },
      { label: '所在地', value: String(p['regionName']) },
      { label: '开设项目', value: `${String(p['programCount'])} 个` },
    ],
  };
}
