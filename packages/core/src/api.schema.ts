import { z } from 'zod';
import { DATABASE_DRIVERS } from './constants.js';

export const datasetKindSchema = z.enum(['synthetic-demo', 'imported', 'empty']);
export type DatasetKind = z.infer<typeof datasetKindSchema>;

/** What a server can lack after an incomplete load; any of them makes it `degraded`. */
export const dataGapSchema = z.enum(['reference data', 'dataset', 'shortage rollups', 'vector indexes']);
export type DataGap = z.infer<typeof dataGapSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']).describe('degraded while data the API serves from is missing (see missing and reason)'),
  database: z.enum(DATABASE_DRIVERS),
  dataset: datasetKindSchema,
  synthetic: z.boolean().describe('true while the loaded records are synthetic demo data'),
  missing: z.array(dataGapSchema).optional().describe('what is not loaded; absent when ok'),
  reason: z.string().optional().describe('why the server is degraded, in English, naming what is missing; absent when ok'),
});
export type Health = z.infer<typeof healthSchema>;

export const errorCodeSchema = z.enum([
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'INTERNAL',
]);

export const errorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof errorSchema>;
