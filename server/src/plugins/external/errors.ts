import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FastifyError } from 'fastify';
import { DomainError, type ApiError } from '@talentmap/core';

type ErrorCode = ApiError['error']['code'];

/** The one place where a domain error becomes an HTTP status. */
const DOMAIN_STATUS: Record<DomainError['kind'], { status: number; code: ErrorCode }> = {
  'invalid-input': { status: 400, code: 'BAD_REQUEST' },
  'not-found': { status: 404, code: 'NOT_FOUND' },
  forbidden: { status: 403, code: 'FORBIDDEN' },
  conflict: { status: 409, code: 'CONFLICT' },
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
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

/** One error shape for every failure; stack traces stay in the log. */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof DomainError) {
        const { status, code } = DOMAIN_STATUS[err.kind];
        return reply.status(status).send(body(code, err.message, err.details));
      }
      if (hasZodFastifySchemaValidationErrors(err)) return reply.status(400).send(validationBody(err.validation, err.validationContext));
      if (isResponseSerializationError(err)) {
        request.log.error({ err }, 'response failed its schema');
        return reply.status(500).send(body('INTERNAL', 'internal error'));
      }
      if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        return reply.status(400).send(body('BAD_REQUEST', `body: ${err.code.endsWith('EMPTY_JSON_BODY') ? 'empty' : 'malformed'} JSON`, { field: 'body' }));
      }
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
