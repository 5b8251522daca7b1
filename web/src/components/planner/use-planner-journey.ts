import { useMemo } from 'react';
import { DISCLOSURE_LABEL, formatQuarter } from '../../lib/format';
import { SHORTAGE_CLASSES } from '../../lib/scale';
import type { AppState } from '../../lib/url-state';
import type { JourneyMap } from '../map/app-map';
import { heatmapChoropleth, useHeatmap } from './use-planner-map';

/** 规划者 on the map: the shortage choropleth of the cities, or of the drilled city's districts. */
export function usePlannerJourney(state: AppState): JourneyMap {
  const query = useHeatmap(state, state.city ? 'district' : 'city');
  const data = query.data;
  const choropleth = useMemo(() => {
    if (!data) return null;
    const { heatmap, key } = data;
    return {
      ...heatmapChoropleth(heatmap, key),
      legend: {
        title: `短缺指数 · ${formatQuarter(heatmap.quarter)}`,
        classes: SHORTAGE_CLASSES,
        noDataLabel: '无数据或无法评分',
        note: [heatmap.note, `求职人数：${DISCLOSURE_LABEL[heatmap.disclosure]}`].filter(Boolean).join('；'),
      },
    };
  }, [data]);
  return { choropleth, selectedRegion: state.region, place: null, highlightInstitution: null, busy: query.isFetching };
}
