import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { TalentDensity } from '@talentmap/core';
import { classColor, NO_DATA_COLOR, type ScaleClass } from '../../../lib/scale';
import { emptySource, setSourceData, setVisible, type FeatureProperties, type TooltipContent } from './common';

const SOURCE = 'hex';
export const HEX_FILL_LAYER = 'hex-fill';
const HEX_LINE_LAYER = 'hex-line';

export const hexbinSources = { [SOURCE]: emptySource() };

export const hexbinLayers: LayerSpecification[] = [
  {
    id: HEX_FILL_LAYER,
    type: 'fill',
    source: SOURCE,
    layout: { visibility: 'none' },
    paint: { 'fill-color': ['coalesce', ['get', 'color'], NO_DATA_COLOR], 'fill-opacity': ['case', ['get', 'suppressed'], 0.22, 0.8] },
  },
  {
    id: HEX_LINE_LAYER,
    type: 'line',
    source: SOURCE,
    layout: { visibility: 'none' },
    paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 },
  },
];

/** Talent density cells coloured by count class; suppressed cells (under 5) stay grey. null hides the layer. */
export function showHexbins(map: MapLibreMap, hexbins: TalentDensity | null, classes: readonly ScaleClass[]): void {
  setVisible(map, [HEX_FILL_LAYER, HEX_LINE_LAYER], hexbins !== null);
  if (!hexbins) return;
  const features = hexbins.features.map((f) => ({
    ...f,
    properties: { ...f.properties, color: f.properties.suppressed ? NO_DATA_COLOR : classColor(f.properties.count, classes) },
  }));
  setSourceData(map, SOURCE, { type: 'FeatureCollection', features });
}

export function describeHexbin(p: FeatureProperties): TooltipContent {
  return {
    title: '技能人才密度',
    lines: [{ label: '人数', value: p['suppressed'] ? '少于 5 人（隐私保护，不显示）' : `${Number(p['count']).toLocaleString('zh-CN')} 人` }],
  };
}
