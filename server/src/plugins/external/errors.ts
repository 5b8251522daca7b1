import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, TooManyAttemptsError, type ApiError } from '@talentmap/core';

type ErrorCode = ApiError['error']['code'];

/** The one place where a domain error becomes an HTTP status. */
const DOMAIN_STATUS: Record<DomainError['kind'], { status: number; code: ErrorCode }> = {
  'invalid-input': { status: 400, code: 'BAD_REQUEST' },
  'not-found': { status: 404, code: 'NOT_FOUND' },
  forbidden: { status: 403, code: 'FORBIDDEN' },
  conflict: { status: 409, code: 'CONFLICT' },
  unauthenticated: { status: 401, code: 'UNAUTHENTICATED' },
  'too-many-attempts': { status: 429, code: 'RATE_LIMITED' },
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/** Fastify's body-parsing errors that are the client's fault, with the part of the request to blame. */
const BODY_ERRORS: Record<string, { message: string; field: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { message: 'body: malformed JSON', field: 'body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { message: 'body: empty JSON', field: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { message: 'headers.content-length: does not match the body size', field: 'headers.content-length' },
};

const body = (code: ErrorCode, message: string, details?: unknown): ApiError => ({ error: { code, message, ...(details === undefined ? {} : { details }) } });

/** Schema validation failures name the field the way the client sent it (`query.limit`). */
function validationBody(validation: readonly { instancePath: string; message?: string | undefined }[], context: string | undefined) {
  const issues = validation.map((v) => ({
    field: [context, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
    message: v.message ?? 'invalid',
  }));
  const first = issues[0];
  return body('BAD_REQUEST', first ? `${first.field}: ${first.message}` : 'invalid request', issues);
}

/** Fastify's own messages quote the whole path, which a client may have made 16 KB long. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'url: not a valid percent-encoded path',
  FST_ERR_MAX_PARAM_LENGTH: 'url: a path segment is too long',
};

/**
 * Fastify's `frameworkErrors`: failures before routing (a URL that does not percent-decode, a
 * path parameter over maxParamLength) that would otherwise answer in Fastify's own shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'framework error');
    void reply.status(500).send(body('INTERNAL', 'internal error'));
    return;
  }
  void reply.status(status).send(body(CODE_BY_STATUS[status] ?? 'BAD_REQUEST', FRAMEWORK_MESSAGES[error.code] ?? `url: ${error.message}`, { field: 'url' }));
}

/** llhttp's refusals of a body's framing: the part to blame is the Content-Length header. */
const CONTENT_LENGTH_ERROR = {
  status: 400,
  code: 'BAD_REQUEST',
  message: 'headers.content-length: malformed, repeated or beside Transfer-Encoding',
  field: 'headers.content-length',
} as const;
/** What the HTTP parser rejects, by llhttp's or Node's error code; anything else is a plain 400. */
const CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message: string; field?: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', message: 'request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', message: 'the request took too long to arrive' },
  HPE_INVALID_CONTENT_LENGTH: CONTENT_LENGTH_ERROR,
  HPE_UNEXPECTED_CONTENT_LENGTH: CONTENT_LENGTH_ERROR,
  HPE_INVALID_TRANSFER_ENCODING: CONTENT_LENGTH_ERROR,
  // The client closed its side before sending the Content-Length it announced.
  HPE_INVALID_EOF_STATE: { status: 400, code: 'BAD_REQUEST', message: 'body: shorter than its Content-Length', field: 'body' },
};

/**
 * Fastify's `clientErrorHandler`: the HTTP parser gave up on the connection (headers too large,
 * a malformed Content-Length, bytes that are not HTTP), so there is no request or reply object,
 * only the socket. Like Node's own handler it answers once, on a socket nothing was written to
 * yet (mid-keep-alive a second status line would corrupt the stream), then closes it.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message, field } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, code: 'BAD_REQUEST', message: 'malformed HTTP request' };
  this.log.debug({ err: error }, 'client error');
  if (socket.writable && socket.bytesWritten === 0) {
    const json = JSON.stringify(body(code, message, field === undefined ? undefined : { field }));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}

/** One error shape for every failure; stack traces stay in the log. */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof DomainError) {
        const { status, code } = DOMAIN_STATUS[err.kind];
        if (err instanceof TooManyAttemptsError) reply.header('retry-after', String(err.retryAfterSeconds));
        return reply.status(status).send(body(code, err.message, err.details));
      }
      if (hasZodFastifySchemaValidationErrors(err)) return reply.status(400).send(validationBody(err.validation, err.validationContext));
      if (isResponseSerializationError(err)) {
        request.log.error({ err }, 'response failed its schema');
        return reply.status(500).send(body('INTERNAL', 'internal error'));
      }
      const bodyError = BODY_ERRORS[err.code];
      if (bodyError) return reply.status(400).send(body('BAD_REQUEST', bodyError.message, { field: bodyError.field }));
      const status = err.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err }, 'unhandled error');
        return reply.status(500).send(body('INTERNAL', 'internal error'));
      }
      return reply.status(status).send(body(CODE_BY_STATUS[status] ?? 'BAD_REQUEST', err.message));
    });
    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send(body('NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'errors' },
);
