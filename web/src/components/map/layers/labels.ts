import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { RegionCollection } from '@talentmap/core';

/**
 * Region names as HTML markers in the system CJK font: no glyph server. Each `add…` returns
 * the cleanup that removes its markers.
 */
function addLabels(map: MapLibreMap, regions: RegionCollection['features'], className: string): () => void {
  const markers = regions.map(({ properties }) => {
    const element = document.createElement('div');
    element.className = className;
    element.dataset['code'] = properties.code;
    element.textContent = properties.name;
    element.setAttribute('aria-hidden', 'true');
    return new Marker({ element, anchor: 'center' }).setLngLat(properties.centroid).addTo(map);
  });
  return () => {
    for (const m of markers) m.remove();
  };
}

export function addCityLabels(map: MapLibreMap, cities: RegionCollection): () => void {
  return addLabels(map, cities.features, 'city-label');
}

/** The drilled city's districts. */
export function addDistrictLabels(map: MapLibreMap, districts: RegionCollection, city: string): () => void {
  return addLabels(
    map,
    districts.features.filter((f) => f.properties.parentCode === city),
    'district-label',
  );
}

/** Mutes the drilled city's own label (its districts are named instead). */
export function muteCityLabel(map: MapLibreMap, drillCity: string | null): void {
  for (const el of map.getContainer().querySelectorAll<HTMLElement>('.city-label')) {
    el.classList.toggle('city-label--muted', drillCity !== null && el.dataset['code'] === drillCity);
  }
}
