/** Signals the browser tests read (test/e2e). */
declare global {
  interface Window {
    /** true once the city layer is on the map, its data loaded and the map went idle. */
    __mapReady?: boolean;
    /** Distinct city codes MapLibre actually rendered in the city fill layer. */
    __renderedCities?: number;
    /** The last choropleth painted: its data key and when the frame with it rendered (performance.now()). */
    __mapUpdate?: { key: string; at: number };
    /** The map's current centre and zoom. */
    __mapView?: () => { lng: number; lat: number; zoom: number };
  }
}

export {};
