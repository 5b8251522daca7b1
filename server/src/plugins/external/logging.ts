import type { FastifyLoggerOptions, FastifyRequest } from 'fastify';

/** Where log lines go (pino's destination; tests pass one that keeps them). */
export interface LogStream {
  write(line: string): void;
}

/**
 * Paths pino replaces with REDACTED before a line is written. Fastify logs no headers and no
 * bodies by default (the serializer below keeps it that way); these cover whatever a plugin or a
 * route might log by hand: credentials in headers, a body, a password or a token. Errors go
 * through errorSerializer instead, which decides what of an error is written.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body',
  'req.body',
  'request.body',
  'password',
  '*.password',
  'token',
  '*.token',
];

const REDACTED = '[redacted]';

/**
 * A request as the log sees it: method, path and peer. The query string is left out, because
 * search boxes put whatever a user typed there (a name, a phone number) and it is not needed to
 * follow a request; the request id ties the lines together.
 */
function requestSerializer(req: FastifyRequest) {
  const query = req.url.indexOf('?');
  return {
    method: req.method,
    url: query === -1 ? req.url : `${req.url.slice(0, query)}?…`,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** drizzle writes a failed query's bound values into the message (and so the stack): `…\nparams: a,b`. */
const scrubParams = (text: string) => text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [redacted]');

/** The properties of an error worth a log line and free of data: codes and classifications, never values. */
const ERROR_FIELDS = ['code', 'statusCode', 'kind', 'severity', 'routine', 'validationContext'] as const;

/**
 * An error as the log sees it: its type, message and stack (bound parameters scrubbed), a few
 * named fields and its causes. pino's own serializer copies every enumerable property, and the
 * database drivers' errors carry the query's values (drizzle's `params`, postgres.js's
 * `parameters`) and the offending row (`detail`: "Key (…)=(…) already exists").
 */
export function errorSerializer(err: unknown, depth = 0): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(err instanceof Error)) return { type: typeof err, message: '[not an Error]', stack: '' };
  const fields = err as unknown as Record<string, unknown>;
  // PostgreSQL quotes the offending value in its own messages (`value "13800138000" is out of
  // range`); a database error (PGlite's and postgres.js's carry `severity`) loses its quotes.
  const scrub = typeof fields.severity === 'string' ? (text: string) => scrubParams(text).replace(/"[^"\n]*"/g, '"…"') : scrubParams;
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: err.constructor.name,
    message: scrub(err.message),
    stack: scrub(err.stack ?? ''),
  };
  for (const field of ERROR_FIELDS) if (typeof fields[field] === 'string' || typeof fields[field] === 'number') out[field] = fields[field];
  if (err.cause !== undefined && depth < 3) out.cause = errorSerializer(err.cause, depth + 1);
  return out;
}

/** Fastify's logger options: the level, the redaction above, and an optional destination (tests capture it). */
export function loggerOptions(level: string, stream?: LogStream): FastifyLoggerOptions & { redact: { paths: string[]; censor: string } } {
  return {
    level,
    redact: { paths: LOG_REDACT_PATHS, censor: REDACTED },
    serializers: { req: requestSerializer, err: errorSerializer },
    ...(stream ? { stream } : {}),
  };
}
