import type { Map as MapLibreMap } from 'maplibre-gl';
import { countDistinctCodes } from '../../lib/rendered';
import { CITY_FILL_LAYER, REGION_SOURCE } from './layers/choropleth';

/**
 * Watches the city boundaries reach the screen: marks `map-first-paint` on the first frame
 * that draws city fills, and once the map is idle with them, publishes `__renderedCities` and
 * `__mapReady` for the browser tests, marks `map-ready` and calls `onReady`. Returns the cleanup.
 */
export function watchCitiesDrawn(map: MapLibreMap, onReady: () => void): () => void {
  const source = REGION_SOURCE.city;
  let cancelled = false;
  const onRender = () => {
    if (cancelled || !map.isSourceLoaded(source)) return;
    if (map.queryRenderedFeatures({ layers: [CITY_FILL_LAYER] }).length === 0) return;
    map.off('render', onRender);
    if (performance.getEntriesByName('map-first-paint').length === 0) performance.mark('map-first-paint');
  };
  const onIdle = () => {
    if (cancelled) return;
    if (!map.isSourceLoaded(source)) {
      map.once('idle', onIdle);
      return;
    }
    window.__renderedCities = countDistinctCodes(map.queryRenderedFeatures({ layers: [CITY_FILL_LAYER] }));
    if (!window.__mapReady) performance.mark('map-ready');
    window.__mapReady = true;
    onReady();
  };
  map.on('render', onRender);
  map.once('idle', onIdle);
  return () => {
    cancelled = true;
    map.off('idle', onIdle);
    map.off('render', onRender);
  };
}
