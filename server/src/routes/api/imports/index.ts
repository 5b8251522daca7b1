import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  InvalidInputError,
  errorSchema,
  importCreatedSchema,
  importFormatQuerySchema,
  importIdParamsSchema,
  importJobListSchema,
  importJobSchema,
  importKindParamsSchema,
  importKindSchema,
  importListQuerySchema,
  importModeSchema,
} from '@talentmap/core';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const download = (reply: unknown, file: { body: string | Buffer; contentType: string; disposition: string }) =>
  // The typed reply only knows the JSON shape; downloads bypass the serializer.
  (reply as FastifyReply).type(file.contentType).header('content-disposition', file.disposition).send(file.body);

/** 数据导入: templates, uploads (queued jobs run by the worker), the jobs and their error reports. */
const imports: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];

  app.get(
    '/templates/:kind',
    {
      schema: {
        tags,
        summary: 'A template for a kind: Chinese headers, one example row; in XLSX, choice lists and a 说明 sheet',
        params: importKindParamsSchema,
        querystring: importFormatQuerySchema,
        response: errors,
      },
    },
    async (request, reply) => download(reply, await app.importService.template(request.viewer, request.params.kind, request.query.format)),
  );

  app.post(
    '',
    {
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX (multipart: the fields kind and mode, then file); the job runs outside the request',
        consumes: ['multipart/form-data'],
        response: { 202: importCreatedSchema, ...errors, 413: errorSchema, 415: errorSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new InvalidInputError('body', 'multipart/form-data with kind, mode and file');
      const part = await request.file();
      if (!part) throw new InvalidInputError('file', 'no file in the form');
      const field = (name: string) => {
        const f = part.fields[name];
        return f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : undefined;
      };
      const kind = importKindSchema.safeParse(field('kind'));
      if (!kind.success) {
        part.file.resume();
        throw new InvalidInputError('kind', `one of ${importKindSchema.options.join(', ')}, sent before the file`);
      }
      const mode = importModeSchema.default('all-or-nothing').safeParse(field('mode') || undefined);
      if (!mode.success) {
        part.file.resume();
        throw new InvalidInputError('mode', `one of ${importModeSchema.options.join(', ')}`);
      }
      const id = await app.importService.submit(request.viewer, { kind: kind.data, mode: mode.data, fileName: part.filename || 'upload', file: part.file });
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'The imports, newest first (an admin’s all; an enterprise’s or institution’s own)',
        querystring: importListQuerySchema,
        response: { 200: importJobListSchema, ...errors },
      },
    },
    async (request) => app.importService.list(request.viewer, request.query),
  );

  app.get(
    '/:id',
    { schema: { tags, summary: 'One import: status, phase and its figures', params: importIdParamsSchema, response: { 200: importJobSchema, ...errors } } },
    async (request) => app.importService.get(request.viewer, request.params.id),
  );

  app.get(
    '/:id/errors',
    {
      schema: {
        tags,
        summary: 'The error report: row, column, value, level and message of every rejected row and warning (cells neutralised against formulas)',
        params: importIdParamsSchema,
        querystring: importFormatQuerySchema,
        response: errors,
      },
    },
    async (request, reply) => download(reply, await app.importService.report(request.viewer, request.params.id, request.query.format)),
  );

  app.post(
    '/:id/retry',
    {
      schema: {
        tags,
        summary: 'Run an interrupted or failed import again from its stored file',
        params: importIdParamsSchema,
        body: z.object({}).optional(),
        response: { 202: importCreatedSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(202).send({ id: await app.importService.retry(request.viewer, request.params.id) }),
  );
};
export default imports;
