import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { errorCodeSchema, viewersOf } from '@talentmap/core';
import { ensureDemoAccounts } from '@talentmap/seed';
import { testDriver } from '../support/database.js';
import { useApi } from '../support/api.js';

/**
 * Hostile input for every operation the API documents: the OpenAPI document the app serves
 * says which operations exist and what each accepts, and fast-check makes inputs that are
 * wrong in type, range, length, encoding or shape (plus some that are merely odd but valid, so
 * the handlers and the database see strange values too). Whatever comes in, the answer is never
 * a 5xx, and every 4xx is the one error shape; a 400 names the field it blames.
 *
 * Nothing in the document is left out: the catalog's CSV/XLSX downloads are fuzzed like the
 * rest (only their 4xx answers need to be JSON). The routes the document hides (the document
 * itself, swagger-ui's pages, the web app's catch-all) are not operations of the API.
 */
const SEED = 20_260_603;
/** Inputs per operation: each wrong in one place, then odd but plausible ones that reach the handler. */
const HOSTILE_RUNS = 200;
const PLAUSIBLE_RUNS = 50;
const PASSWORD = 'fuzz-test-password';

const api = useApi({ prepare: async (database) => void (await ensureDemoAccounts(database.client, PASSWORD)) });

// ------------------------------------------------------------ the OpenAPI document

/** The part of JSON Schema that fastify-type-provider-zod writes and the generators read. */
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface Operation {
  method: string;
  /** As the document writes it: /api/institutions/{id}/fit. */
  path: string;
  /** As Fastify and ACCESS write it: /api/institutions/:id/fit. */
  route: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: JsonSchema | undefined;
}

function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      route: path.replace(/\{(\w+)\}/g, ':$1'),
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

// ------------------------------------------------------------ strings and encodings

/** Code units that break naive code: NUL, lone surrogates, bidi and BOM, line ends, quoting and LIKE metacharacters. */
const nastyUnit = fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\u0085', '\r', '\n', '%', '_', '\\', "'", '"', '*', '&', '=');
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  { weight: 2, arbitrary: nastyUnit },
);
const hostileText = fc.string({ unit, maxLength: 40 });
const hugeText = fc.constantFrom(101, 1_000, 5_000, 20_001, 100_000).map((n) => '焊'.repeat(n));

/** UTF-8 bytes of a code point; a lone surrogate gets the (invalid) three bytes WTF-8 gives it. */
function utf8(codePoint: number): number[] {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 63)];
  if (codePoint < 0x10000) return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 63), 0x80 | (codePoint & 63)];
  return [0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 63), 0x80 | ((codePoint >> 6) & 63), 0x80 | (codePoint & 63)];
}
const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
function percentEncode(text: string): string {
  let out = '';
  for (const char of text)
    out += /^[A-Za-z0-9\-_.~]$/.test(char)
      ? char
      : utf8(char.codePointAt(0) ?? 0)
          .map(hex)
          .join('');
  return out;
}

/** Raw URL fragments that are not valid encodings: bad escapes, overlong and truncated UTF-8, arbitrary bytes. */
const brokenEncoding = fc.oneof(
  fc.constantFrom('%', '%%', '%G0', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE', '%F4%90%80%80', '+', '%2B', '%2F', '%5C'),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => [...bytes].map(hex).join('')),
);

// ------------------------------------------------------------ values from a schema

const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Values the schema accepts, or nearly: the handlers and the database must cope with these too. */
function plausible(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return anyJson;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return schema.pattern
        ? fc.stringMatching(new RegExp(schema.pattern))
        : fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, plausible(value)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return anyJson;
  }
}

/** Values the schema should refuse: another type, out of range, too long or short, badly encoded. */
function hostile(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    hostileText,
    fc.array(anyJson, { maxLength: 3 }),
    fc.dictionary(hostileText, anyJson, { maxKeys: 3 }),
  );
  const withNul = plausible(schema).map((value) => (typeof value === 'string' ? `${value}\u0000` : ['\u0000', value]));
  const variants: fc.Arbitrary<unknown>[] = [wrongType, withNul, hostileText];
  const { minimum, maximum } = schema ?? {};
  switch (schema?.enum ? 'enum' : schema?.type) {
    case 'enum':
      variants.push(
        fc
          .constantFrom(...(schema?.enum ?? []))
          .map((value) => [String(value).toUpperCase(), ` ${String(value)}`, `${String(value)}\n`])
          .chain((list) => fc.constantFrom(...list)),
      );
      break;
    case 'string':
      variants.push(
        hugeText,
        fc.constantFrom('', ' ', '\t', '\u3000'),
        plausible(schema).map((value) => ` ${String(value)} `),
      );
      break;
    case 'integer':
    case 'number':
      variants.push(
        fc.constantFrom(
          minimum === undefined ? -1 : minimum - 1,
          maximum === undefined ? 2 ** 53 : maximum + 1,
          (minimum ?? 0) + 0.5,
          1e308,
          -1e308,
          -0,
          2 ** 31,
          2 ** 53 + 2,
        ),
        fc.constantFrom('0x10', '1e2', '+1', ' 1', '1 ', '010', '1.0', 'NaN', 'Infinity', '-Infinity', '1_0', '١'),
      );
      break;
    case 'array':
      variants.push(
        fc.constant([]),
        fc.array(hostile(schema?.items), { minLength: 1, maxLength: 3 }),
        fc.array(plausible(schema?.items), { minLength: (schema?.maxItems ?? 50) + 1, maxLength: (schema?.maxItems ?? 50) + 1 }),
      );
      break;
    case 'object':
      variants.push(hostileObject(schema ?? {}));
      break;
  }
  return fc.oneof(...variants);
}

const nested = (levels: number): unknown => (levels === 0 ? 'x' : { a: nested(levels - 1) });
/** Keys no schema declares: odd ones, and ones aimed at prototype pollution and the depth limit. */
const extraKey = fc.oneof(
  fc.tuple(hostileText, anyJson),
  fc.constantFrom<[string, unknown]>(['__proto__', { admin: true }], ['constructor', { prototype: { x: 1 } }], ['deep', nested(40)], ['', null]),
);

type Spoil = (value: Record<string, unknown>) => Record<string, unknown>;

/** An object for an object schema that is plausible but for one thing: a hostile or missing property, or an extra key. */
function hostileObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const base = plausible({ ...schema, type: 'object' }) as fc.Arbitrary<Record<string, unknown>>;
  const spoils: fc.Arbitrary<Spoil>[] = [
    ...Object.entries(schema.properties ?? {}).map(([key, sub]) =>
      fc.oneof(
        { weight: 3, arbitrary: hostile(sub).map((value): Spoil => (object) => ({ ...object, [key]: value })) },
        { weight: 1, arbitrary: fc.constant<Spoil>((object) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key))) },
      ),
    ),
    // Object.fromEntries makes an own "__proto__" key, as JSON.parse would.
    extraKey.map(
      ([key, value]): Spoil =>
        (object) =>
          Object.fromEntries([...Object.entries(object), [key, value]]),
    ),
  ];
  return fc.tuple(base, fc.oneof(...spoils)).map(([object, spoil]) => spoil(object));
}

// ------------------------------------------------------------ requests

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
const plausibleRaw = (schema: JsonSchema | undefined) => plausible(schema).map((value) => percentEncode(text(value)));
const hostileRaw = (schema: JsonSchema | undefined) =>
  fc.oneof({ weight: 4, arbitrary: hostile(schema).map((value) => percentEncode(text(value))) }, brokenEncoding);

/** A query parameter that is fine: absent unless required, or one plausible value. */
const plausibleQuery = (p: Parameter): fc.Arbitrary<string[]> =>
  fc.oneof(
    ...(p.required ? [] : [fc.constant<string[]>([])]),
    plausibleRaw(p.schema).map((value) => [`${p.name}=${value}`]),
  );
/** A query parameter that is wrong: a hostile value, or several values where one is expected. */
const hostileQuery = (p: Parameter): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileRaw(p.schema).map((value) => [`${p.name}=${value}`]) },
    fc
      .array(fc.oneof(plausibleRaw(p.schema), hostileRaw(p.schema)), { minLength: 2, maxLength: 3 })
      .map((values) => values.map((value) => `${p.name}=${value}`)),
    fc.constant<string[]>([p.name]),
  );
/** Query parameters nobody declared, with odd names, odd values or no value at all. */
const unknownQuery: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc.tuple(fc.oneof(hostileText.map(percentEncode), brokenEncoding), hostileRaw(undefined)).map(([key, value]) => `${key}=${value}`),
    fc.constantFrom('flag', '=', '&', '=x', '%00=1'),
  ),
  { minLength: 1, maxLength: 3 },
);

const hostilePath = (schema: JsonSchema | undefined) =>
  fc.oneof({ weight: 6, arbitrary: hostileRaw(schema) }, fc.constantFrom('', '.', '..', '%2E%2E', 'A'.repeat(150), '%00', '%20'));

interface Body {
  payload?: string;
  contentType?: string;
}
const json = (value: unknown): Body => ({ payload: JSON.stringify(value), contentType: 'application/json' });
const tooLarge = `{"text":"${'x'.repeat(1_100_000)}"}`;

/** A body that is wrong: one bad property, JSON of another shape, not JSON, another content type, none, or too large. */
function hostileBody(schema: JsonSchema): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 8, arbitrary: hostileObject(schema).map(json) },
    { weight: 2, arbitrary: anyJson.map(json) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(hostileText, fc.constantFrom('', '{', '{"text":', '[1,]', "{'a':1}", 'null', '\ufeff{}', '{"a":1}{"b":2}'))
        .map((payload) => ({ payload, contentType: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          plausible(schema),
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/json; charset=latin1',
            'application/json;;',
            'application/jsonx',
          ),
        )
        .map(([value, contentType]) => ({ payload: JSON.stringify(value), contentType })),
    },
    { weight: 1, arbitrary: fc.constantFrom<Body>({}, { contentType: 'application/json' }, { payload: tooLarge, contentType: 'application/json' }) },
  );
}

/**
 * A request to an operation. A hostile one is wrong in exactly one place (a path parameter, a
 * query parameter, the body, or parameters nobody declared), plausible everywhere else, so the
 * wrong part is what the answer is about rather than whichever check happens to run first; a
 * plausible one is odd but mostly valid, and reaches the handler and the database.
 */
function fuzzRequest(op: Operation, headers: Record<string, string>, kind: 'hostile' | 'plausible'): fc.Arbitrary<FuzzRequest> {
  const paths = op.pathParams.length;
  const queries = op.queryParams.length;
  const bodySlot = op.body ? paths + queries : -1;
  const slots = paths + queries + (op.body ? 1 : 0) + 1;
  return (kind === 'hostile' ? fc.nat(slots - 1) : fc.constant(-1)).chain((target) => {
    const path = fc
      .tuple(...op.pathParams.map((p, i) => (i === target ? hostilePath(p.schema) : plausibleRaw(p.schema))))
      .map((values) => op.pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i] ?? ''), op.path));
    const query = fc.tuple(
      fc.tuple(...op.queryParams.map((p, i) => (paths + i === target ? hostileQuery(p) : plausibleQuery(p)))),
      target === slots - 1 ? unknownQuery : fc.constant([]),
    );
    const body: fc.Arbitrary<Body> = op.body ? (target === bodySlot ? hostileBody(op.body) : plausible(op.body).map(json)) : fc.constant({});
    return fc.tuple(path, query, body).map(([url, [known, unknown], { payload, contentType }]) => {
      const search = [...known.flat(), ...unknown].join('&');
      return {
        method: op.method,
        url: search ? `${url}?${search}` : url,
        headers: { ...headers, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
        ...(payload === undefined ? {} : { payload }),
      };
    });
  });
}

// ------------------------------------------------------------ the answer

/** The error code each status must carry (statuses not listed only need a known code). */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** What is wrong with an answer, or undefined when nothing is. */
function problemWith(res: LightMyRequestResponse): string | undefined {
  const status = res.statusCode;
  if (status >= 500) return `a ${status}: ${res.body.slice(0, 300)}`;
  if (status < 400) return undefined;
  if (!String(res.headers['content-type']).startsWith('application/json')) return `a ${status} as ${String(res.headers['content-type'])}`;
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return `a ${status} that is not JSON: ${res.body.slice(0, 200)}`;
  }
  const shape = body as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error' || typeof shape.error !== 'object' || shape.error === null)
    return `a ${status} outside the error shape: ${res.body.slice(0, 300)}`;
  const { code, message, details, ...extra } = shape.error;
  if (Object.keys(extra).length > 0) return `a ${status} with extra keys ${Object.keys(extra).join()}`;
  if (!errorCodeSchema.safeParse(code).success) return `a ${status} with unknown code ${String(code)}`;
  const expected = CODE_OF_STATUS[status];
  if (expected !== undefined && code !== expected) return `a ${status} with code ${String(code)}, not ${expected}`;
  if (typeof message !== 'string' || message.trim() === '') return `a ${status} without a message`;
  if (status === 400) {
    const first: unknown = Array.isArray(details) ? details[0] : details;
    const field = typeof first === 'object' && first !== null && 'field' in first ? first.field : undefined;
    if (typeof field !== 'string' || field === '') return `a 400 that names no field: ${res.body.slice(0, 300)}`;
  }
  return undefined;
}

/** FNV-1a: a seed per operation, so adding a route elsewhere does not change this one's inputs. */
function seedOf(key: string): number {
  let hash = 0x811c9dc5;
  for (const char of key) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return (hash ^ SEED) | 0;
}

// ------------------------------------------------------------ the test

describe(`fuzzing every documented operation on ${testDriver}`, () => {
  it(`answers ${HOSTILE_RUNS} hostile and ${PLAUSIBLE_RUNS} plausible inputs per operation with no 5xx and only well-formed 4xx`, async () => {
    const doc = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const operations = operationsOf(doc.json());
    // A broken document must not turn the fuzz into a test of nothing.
    expect(operations.length).toBeGreaterThanOrEqual(20);

    // Routes closed to anonymous callers would answer every input with a 401 before reading
    // it; they are fuzzed as a demo account of a role they admit. Tokens are made before any
    // fuzzing: the login fuzz below throttles sign-ins from its address.
    const accounts = await api.app.accountService.demoAccounts();
    const tokens = new Map<string, string>();
    for (const { username, role } of accounts) {
      if (tokens.has(role)) continue;
      const viewer = await api.app.accountService.login({ username, password: PASSWORD }, 'fuzz-setup');
      tokens.set(role, (await api.app.accountService.issueToken(viewer, 'fuzz test')).token);
    }
    const headersFor = (op: Operation): Record<string, string> => {
      const viewers = viewersOf(op.method, op.route) ?? [];
      if (viewers.includes('anonymous')) return {};
      const role = viewers.includes('planner') ? 'planner' : viewers[0];
      const token = role === undefined ? undefined : tokens.get(role);
      if (token === undefined) throw new Error(`${op.method} ${op.path}: no demo account for any of ${viewers.join(', ')}`);
      return { authorization: `Bearer ${token}` };
    };

    const failures: string[] = [];
    const report: string[] = [];
    const started = performance.now();
    for (const op of operations) {
      const key = `${op.method} ${op.path}`;
      const opStarted = performance.now();
      const histograms: string[] = [];
      for (const [kind, numRuns] of [
        ['hostile', HOSTILE_RUNS],
        ['plausible', PLAUSIBLE_RUNS],
      ] as const) {
        const statuses = new Map<number, number>();
        try {
          await fc.assert(
            fc.asyncProperty(fuzzRequest(op, headersFor(op), kind), async (request) => {
              const res = await api.app.inject(request);
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              const problem = problemWith(res);
              if (problem) throw new Error(`${request.method} ${request.url.slice(0, 300)} → ${problem}`);
            }),
            { seed: seedOf(`${kind} ${key}`), numRuns },
          );
        } catch (err) {
          failures.push(`${kind} ${key}: ${err instanceof Error ? err.message.split('\n').slice(0, 12).join('\n') : String(err)}`);
        }
        const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
        histograms.push(`${kind}: ${histogram.join(' ')}`);
      }
      report.push(`  ${key.padEnd(36)} ${String(Math.round(performance.now() - opStarted)).padStart(5)} ms  ${histograms.join('  ')}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz on ${testDriver}: ${operations.length} operations × (${HOSTILE_RUNS} hostile + ${PLAUSIBLE_RUNS} plausible) inputs in ${seconds} s\n${report.join('\n')}`,
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
