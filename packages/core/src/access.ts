import { ROLES, type Scope, type Viewer } from './auth.schema.js';
import { PROVINCE_CODE } from './constants.js';
import { regionWithin, type Disclosure } from './privacy.js';

/** Every viewer: nobody signed in, then each role. */
export const VIEWERS = ['anonymous', ...ROLES] as const satisfies readonly Viewer[];

const PUBLIC: readonly Viewer[] = VIEWERS;
const SIGNED_IN: readonly Viewer[] = ROLES;

/**
 * Who may call each route of the API: the one declaration. Keys are `METHOD /url/pattern` as
 * Fastify reports the route (a HEAD route follows its GET). The server refuses to start when an
 * /api route is missing here, answers 401 to anonymous callers and 403 to signed-in roles not
 * listed, and the access-matrix test calls every entry as every viewer. Scope narrows further
 * inside the services: a city planner sees its city only, an institution its own fit only, and
 * `POST /api/match/programs` with a `talentId` (one talent's gap) is for planners and enterprises.
 */
export const ACCESS = {
  'GET /api/health': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /api/regions': PUBLIC,
  'GET /api/clusters': PUBLIC,
  'GET /api/chains': PUBLIC,
  'GET /api/grades': PUBLIC,
  'GET /api/occupations': PUBLIC,
  'GET /api/occupations/tree': PUBLIC,
  'POST /api/occupations/classify': PUBLIC,
  'GET /api/occupations/:code/related': PUBLIC,
  'GET /api/skills': PUBLIC,
  'GET /api/map/talents': PUBLIC,
  'GET /api/map/enterprises': PUBLIC,
  'GET /api/shortage/heatmap': PUBLIC,
  'GET /api/shortage/timeseries': PUBLIC,
  'GET /api/shortage/catalog': PUBLIC,
  'POST /api/shortage/catalog/publications': ['planner'],
  'GET /api/shortage/catalog/publications': PUBLIC,
  'GET /api/shortage/catalog/publications/:id': PUBLIC,
  'GET /api/indicators': PUBLIC,
  'GET /api/forecast': PUBLIC,
  'GET /api/institutions': PUBLIC,
  'GET /api/institutions/:id/fit': ['institution', 'planner', 'admin'],
  'POST /api/match/candidates': ['planner', 'enterprise'],
  'POST /api/match/programs': PUBLIC,
  'GET /api/talents/:id/pathways': ['planner'],
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /api/auth/me': PUBLIC,
  'GET /api/auth/demo-accounts': PUBLIC,
  'POST /api/auth/tokens': SIGNED_IN,
  'GET /api/audit-log': ['admin'],
  'GET /api/vacancies': ['enterprise', 'planner'],
  'POST /api/vacancies': ['enterprise'],
  'GET /api/vacancies/:id': ['enterprise', 'planner'],
  'PATCH /api/vacancies/:id': ['enterprise'],
  'POST /api/vacancies/:id/candidates': ['enterprise', 'planner'],
  'GET /api/programs': ['institution', 'planner', 'admin'],
  'POST /api/programs': ['institution'],
  'GET /api/programs/:id': ['institution', 'planner', 'admin'],
  'PATCH /api/programs/:id': ['institution'],
  'GET /api/imports/templates/:kind': ['admin', 'enterprise', 'institution'],
  'POST /api/imports': ['admin', 'enterprise', 'institution'],
  'GET /api/imports': ['admin', 'enterprise', 'institution'],
  'GET /api/imports/:id': ['admin', 'enterprise', 'institution'],
  'GET /api/imports/:id/errors': ['admin', 'enterprise', 'institution'],
  'POST /api/imports/:id/retry': ['admin', 'enterprise', 'institution'],
  'POST /api/contact-requests': ['enterprise'],
  'GET /api/contact-requests': ['planner', 'enterprise'],
  'PATCH /api/contact-requests/:id': ['planner'],
} as const satisfies Record<string, readonly Viewer[]>;
export type RouteKey = keyof typeof ACCESS;

/**
 * Who may ask about one talent by pseudonym inside a public route (`POST /api/match/programs`
 * with a `talentId`): the match service enforces it, since the route itself is public.
 */
export const TALENT_LEVEL: readonly Viewer[] = ['planner', 'enterprise'];

/** swagger-ui's own pages and assets: public, whichever routes its version brings. */
export const DOCS_PREFIX = '/api/docs';

/** The key of a route in ACCESS; HEAD answers what GET answers. */
export const routeKey = (method: string, url: string): string => `${method === 'HEAD' ? 'GET' : method} ${url}`;

const isRouteKey = (key: string): key is RouteKey => Object.hasOwn(ACCESS, key);

/**
 * The viewers a route admits: from ACCESS for an API route, everyone for the docs and for
 * anything outside /api (the web app), undefined for an API route nobody declared.
 */
export function viewersOf(method: string, url: string): readonly Viewer[] | undefined {
  const key = routeKey(method, url);
  if (isRouteKey(key)) return ACCESS[key];
  if (url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`) || !(url === '/api' || url.startsWith('/api/'))) return PUBLIC;
  return undefined;
}

/** Who is calling, as the services see it: the role and, for an account, its name and scope. */
export interface ViewerContext {
  role: Viewer;
  accountId?: number;
  username?: string;
  scope?: Scope;
}

export const ANONYMOUS: ViewerContext = Object.freeze({ role: 'anonymous' });

/** The region a planner works in (PROVINCE_CODE for the whole province); null for other viewers. */
export const plannerRegion = (viewer: ViewerContext): string | null =>
  viewer.role === 'planner' && viewer.scope?.kind === 'region' ? viewer.scope.regionCode : null;

/** A planner limited to one city: its city code; null for a provincial planner and other viewers. */
export function plannerCity(viewer: ViewerContext): string | null {
  const region = plannerRegion(viewer);
  return region === null || region === PROVINCE_CODE ? null : region;
}

/**
 * Whose eyes a pseudonym is made for: an enterprise (all its accounts see the same ids, none
 * other does), or one account. Anonymous callers get no talent-level data, hence no pseudonyms.
 */
export function pseudonymViewer(viewer: ViewerContext): string | null {
  if (viewer.scope?.kind === 'enterprise') return `enterprise:${viewer.scope.enterpriseId}`;
  return viewer.accountId === undefined ? null : `account:${viewer.accountId}`;
}

/**
 * How a viewer sees counts of people about a region (null: province-wide data such as the map's
 * hexagons): exactly for a planner whose region holds it, protected for everyone else
 * (privacy.ts). Outside its region a planner sees what anonymous sees.
 */
export function disclosureFor(viewer: ViewerContext, regionCode: string | null): Disclosure {
  const region = plannerRegion(viewer);
  if (region === null) return 'protected';
  if (regionCode === null) return region === PROVINCE_CODE ? 'exact' : 'protected';
  return regionWithin(regionCode, region) ? 'exact' : 'protected';
}
