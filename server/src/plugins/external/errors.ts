import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FastifyError } from 'fastify';
import type { ApiError } from '@talentmap/core';

type ErrorCode = ApiError['error']['code'];

/** An error a route throws on purpose; it reaches the client as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (field: string, message: string) => new HttpError(400, 'BAD_REQUEST', `${field}: ${message}`, { field });
export const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `${what} not found`);

const CODE_BY_STATUS: Record<number, ErrorCode> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' };

/** One error shape for every failure; stack traces stay in the log. */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof HttpError) {
        return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } });
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const issues = err.validation.map((v) => ({
          field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'invalid',
        }));
        const first = issues[0];
        return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: first ? `${first.field}: ${first.message}` : 'invalid request', details: issues } });
      }
      if (isResponseSerializationError(err)) {
        request.log.error({ err }, 'response failed its schema');
        return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
      }
      if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: `body: ${err.code.endsWith('EMPTY_JSON_BODY') ? 'empty' : 'malformed'} JSON`, details: { field: 'body' } } });
      }
      const status = err.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err }, 'unhandled error');
        return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
      }
      return reply.status(status).send({ error: { code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST', message: err.message } });
    });
    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route for ${request.method} ${request.url.split('?')[0]}` } });
    });
  },
  { name: 'errors' },
);
