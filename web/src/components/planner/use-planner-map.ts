import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Heatmap } from '@talentmap/core';
import { api, type ShortageFilters } from '../../lib/api';
import { formatCount, formatNumber } from '../../lib/format';
import { SHORTAGE_CLASSES, STATUS_LABEL } from '../../lib/scale';
import type { AppState } from '../../lib/url-state';
import type { Choropleth } from '../map/layers/choropleth';

export const shortageFilters = (s: AppState): ShortageFilters => ({
  chain: s.chain,
  cluster: s.chain ? null : s.cluster,
  occupation: s.occupation,
  grade: s.grade,
  quarter: s.quarter,
});

/** The heatmap at the level on screen (cities, or districts once drilled into a city). */
export function useHeatmap(state: AppState, level: 'city' | 'district', enabled = true) {
  const filters = shortageFilters(state);
  return useQuery({
    queryKey: ['heatmap', level, filters],
    // The answer carries the key of the filters it was asked for: while the next filter loads,
    // the previous answer stays on screen under its own key (and the map is not repainted).
    queryFn: async ({ signal }) => ({ heatmap: await api.heatmap(level, filters, signal), key: heatmapKey(level, filters) }),
    // keep the old colours on screen while the next filter loads: no flash of grey
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function heatmapChoropleth(heatmap: Heatmap, key: string): Choropleth {
  const byCode = new Map(heatmap.items.map((i) => [i.regionCode, i]));
  const values: Record<string, number | null> = {};
  for (const item of heatmap.items) values[item.regionCode] = item.vacancies === 0 && item.seekers === 0 ? null : item.score;
  return {
    level: heatmap.level,
    values,
    classes: SHORTAGE_CLASSES,
    key,
    describe: (code) => {
      const item = byCode.get(code);
      if (!item || (item.vacancies === 0 && item.seekers === 0)) return [{ label: '短缺指数', value: '该筛选下无数据' }];
      return [
        { label: '短缺指数', value: `${formatNumber(item.score, 2)}（${STATUS_LABEL[item.status]}）` },
        { label: '求人倍率', value: formatNumber(item.ratio, 2) },
        { label: '岗位需求', value: `${formatCount(item.vacancies)} 个` },
        { label: '求职人数', value: item.seekers === null ? '少于5人' : `${formatCount(item.seekers)} 人` },
        ...(item.topOccupations[0] ? [{ label: '最紧缺职业', value: item.topOccupations[0].occupationName }] : []),
      ];
    },
  };
}

/** A stable key for what the choropleth shows, reported to the browser tests once painted. */
export const heatmapKey = (level: string, f: ShortageFilters) =>
  ['heatmap', level, f.cluster ?? '', f.chain ?? '', f.occupation ?? '', f.grade ?? '', f.quarter ?? ''].join('|');
