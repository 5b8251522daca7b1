import { z } from 'zod';
import { DATABASE_DRIVERS } from './constants.js';

export const datasetKindSchema = z.enum(['synthetic-demo', 'imported', 'empty']);
export type DatasetKind = z.infer<typeof datasetKindSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(DATABASE_DRIVERS),
  dataset: datasetKindSchema,
  synthetic: z.boolean().describe('true while the loaded records are synthetic demo data'),
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
