/**
 * Everything a person chooses — journey, filters, selection, map view — lives in the URL, so a
 * link reproduces the view exactly. This module is the pure half: parse and serialise with a
 * fixed key order (the same state always gives the same URL). use-url-state.ts binds it to history.
 */

export const JOURNEYS = ['planner', 'enterprise', 'institution'] as const;
export type Journey = (typeof JOURNEYS)[number];

/** Pages beside the journeys, each at its own path (/audit: the admin's audit log; /imports: 数据导入). */
export const PAGES = ['audit', 'imports'] as const;
export type Page = (typeof PAGES)[number];

export const LAYER_KEYS = ['hex', 'enterprises', 'institutions'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export const PLANNER_TABS = ['overview', 'catalog', 'indicators', 'requests'] as const;
export type PlannerTab = (typeof PLANNER_TABS)[number];

export interface MapView {
  lng: number;
  lat: number;
  zoom: number;
}

export interface AppState {
  journey: Journey;
  /** a page shown instead of the journeys' map (its path replaces the journey's) */
  page: Page | null;
  // shared filters
  cluster: string | null;
  chain: string | null;
  occupation: string | null;
  grade: number | null;
  quarter: string | null;
  /** the city drilled into (its districts shown), or null for the province */
  city: string | null;
  layers: LayerKey[];
  view: MapView | null;
  // planner
  region: string | null;
  tab: PlannerTab;
  // enterprise: the vacancy
  vacancyOccupation: string | null;
  skills: string[];
  minGrade: number | null;
  headcount: number | null;
  /** a district picked from the list */
  place: string | null;
  /** a point clicked on the map */
  at: [number, number] | null;
  radiusKm: number | null;
  // institution
  institution: number | null;
  recommendation: string | null;
}

export const DEFAULT_STATE: AppState = {
  journey: 'planner',
  page: null,
  cluster: null,
  chain: null,
  occupation: null,
  grade: null,
  quarter: null,
  city: null,
  layers: [],
  view: null,
  region: null,
  tab: 'overview',
  vacancyOccupation: null,
  skills: [],
  minGrade: null,
  headcount: null,
  place: null,
  at: null,
  radiusKm: null,
  institution: null,
  recommendation: null,
};

const REGION = /^\d{6}$/;
const OCCUPATION = /^\d-\d{2}-\d{2}-\d{2}$/;
const QUARTER = /^\d{4}Q[1-4]$/;
const GROUP = /^[A-Za-z0-9_-]{1,16}$/;

const str = (value: string | null, pattern: RegExp) => (value !== null && pattern.test(value) ? value : null);
function int(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}
function num(value: string | null, min: number, max: number): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}
const oneOf = <T extends string>(value: string | null, options: readonly T[], fallback: T): T =>
  value !== null && (options as readonly string[]).includes(value) ? (value as T) : fallback;

/** The journey from the path: /planner, /enterprise, /institution (anything else → planner). */
export function journeyFromPath(pathname: string): Journey {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  return oneOf(first, JOURNEYS, 'planner');
}

/** The page from the path: /audit or /imports, else null (a journey). */
export function pageFromPath(pathname: string): Page | null {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  return (PAGES as readonly string[]).includes(first) ? (first as Page) : null;
}

/** Parse a location; unknown or malformed values fall back to defaults instead of failing. */
export function parseState(pathname: string, search: string): AppState {
  const p = new URLSearchParams(search);
  const view = (() => {
    const parts = (p.get('v') ?? '').split(',');
    if (parts.length !== 3) return null;
    const [lng, lat, zoom] = [num(parts[0]!, 73, 136), num(parts[1]!, 3, 54), num(parts[2]!, 0, 22)];
    return lng === null || lat === null || zoom === null ? null : { lng, lat, zoom };
  })();
  const at = (() => {
    const parts = (p.get('at') ?? '').split(',');
    if (parts.length !== 2) return null;
    const [lng, lat] = [num(parts[0]!, 73, 136), num(parts[1]!, 3, 54)];
    return lng === null || lat === null ? null : ([lng, lat] as [number, number]);
  })();
  const layers = (p.get('layers') ?? '').split(',').filter((k): k is LayerKey => (LAYER_KEYS as readonly string[]).includes(k));
  const skills = (p.get('skills') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 50)
    .slice(0, 50);
  return {
    journey: journeyFromPath(pathname),
    page: pageFromPath(pathname),
    cluster: str(p.get('cluster'), GROUP),
    chain: str(p.get('chain'), GROUP),
    occupation: str(p.get('occ'), OCCUPATION),
    grade: int(p.get('grade'), 1, 8),
    quarter: str(p.get('q'), QUARTER),
    city: str(p.get('city'), REGION),
    layers: [...new Set(layers)],
    view,
    region: str(p.get('region'), REGION),
    tab: oneOf(p.get('tab'), PLANNER_TABS, 'overview'),
    vacancyOccupation: str(p.get('vocc'), OCCUPATION),
    skills: [...new Set(skills)],
    minGrade: int(p.get('mg'), 1, 8),
    headcount: int(p.get('n'), 1, 999),
    place: str(p.get('place'), REGION),
    at,
    radiusKm: int(p.get('r'), 1, 500),
    institution: int(p.get('inst'), 1, 2 ** 31 - 1),
    recommendation: str(p.get('rec'), OCCUPATION),
  };
}

const round = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** Path and query for a state; defaults are left out, keys always in the same order. */
export function serializeState(state: AppState): { pathname: string; search: string } {
  const p = new URLSearchParams();
  const set = (key: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') p.set(key, String(value));
  };
  set('cluster', state.cluster);
  set('chain', state.chain);
  set('occ', state.occupation);
  set('grade', state.grade);
  set('q', state.quarter);
  set('city', state.city);
  set('region', state.region);
  if (state.tab !== 'overview') set('tab', state.tab);
  if (state.layers.length) set('layers', LAYER_KEYS.filter((k) => state.layers.includes(k)).join(','));
  set('vocc', state.vacancyOccupation);
  if (state.skills.length) set('skills', state.skills.join(','));
  set('mg', state.minGrade);
  set('n', state.headcount);
  set('place', state.place);
  if (state.at) set('at', `${round(state.at[0], 5)},${round(state.at[1], 5)}`);
  set('r', state.radiusKm);
  set('inst', state.institution);
  set('rec', state.recommendation);
  if (state.view) set('v', `${round(state.view.lng, 4)},${round(state.view.lat, 4)},${round(state.view.zoom, 2)}`);
  const search = p.toString();
  return { pathname: `/${state.page ?? state.journey}`, search: search ? `?${search}` : '' };
}

/** The href for a state (path + query). */
export function stateHref(state: AppState): string {
  const { pathname, search } = serializeState(state);
  return pathname + search;
}

/**
 * Apply a change with the cascade rules: a new cluster clears the chain and occupation under
 * it; a new chain clears the occupation; leaving a city clears the region selected inside it.
 */
export function applyPatch(state: AppState, patch: Partial<AppState>): AppState {
  const next = { ...state, ...patch };
  // choosing a journey leaves a page
  if ('journey' in patch && !('page' in patch)) next.page = null;
  if ('cluster' in patch && patch.cluster !== state.cluster) {
    if (!('chain' in patch)) next.chain = null;
    if (!('occupation' in patch)) next.occupation = null;
  }
  if ('chain' in patch && patch.chain !== state.chain && !('occupation' in patch)) next.occupation = null;
  if ('city' in patch && patch.city !== state.city && !('region' in patch)) {
    next.region = patch.city ?? null;
  }
  if ('place' in patch && patch.place && !('at' in patch)) next.at = null;
  if ('at' in patch && patch.at && !('place' in patch)) next.place = null;
  return next;
}
