import { useEffect, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { RegionCollection } from '@talentmap/core';
import { collectionBounds } from '../../lib/bounds';
import type { MapPlace } from './layers/place';

const FIT_PADDING = { top: 56, bottom: 40, left: 40, right: 56 };
/** a drilled city fills the view: keep it clear of the layer switches and legend (bottom left) */
const DRILL_PADDING = { top: 60, bottom: 30, left: 250, right: 60 };

/**
 * Fits the view to the province, or to the drilled city once its districts are there, when the
 * drill target changes (not when the level or the data refresh). On load a view from the URL wins.
 */
export function useDrillFit(
  map: MapLibreMap | null,
  drillCity: string | null,
  cities: RegionCollection | undefined,
  districts: RegionCollection | undefined,
  urlView: boolean,
) {
  /** the drill target the view was last fitted to (undefined before the first fit) */
  const fittedFor = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!map || fittedFor.current === drillCity) return;
    const first = fittedFor.current === undefined;
    if (first && urlView) {
      fittedFor.current = drillCity;
      return;
    }
    if (drillCity) {
      if (!districts) return;
      const bounds = collectionBounds({ features: districts.features.filter((f) => f.properties.parentCode === drillCity) });
      if (bounds) map.fitBounds(bounds, { padding: DRILL_PADDING, duration: first ? 0 : 600 });
    } else {
      if (!cities) return;
      const bounds = collectionBounds(cities);
      if (bounds) map.fitBounds(bounds, first ? { padding: FIT_PADDING, animate: false } : { padding: FIT_PADDING, duration: 600 });
    }
    fittedFor.current = drillCity;
  }, [map, drillCity, cities, districts, urlView]);
}

/** Brings a newly chosen place into view (not on load when the URL carries a view). */
export function usePlaceFit(map: MapLibreMap | null, place: MapPlace | null, urlView: boolean) {
  /** the place last brought into view (undefined before the first) */
  const placeKey = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!map) return;
    const key = place ? `${place.lng},${place.lat},${place.radiusKm}` : null;
    const previous = placeKey.current;
    placeKey.current = key;
    if (!place || key === previous || (previous === undefined && urlView)) return;
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
  }, [map, place, urlView]);
}
