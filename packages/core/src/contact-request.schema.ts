import { z } from 'zod';
import { purposeSchema } from './audit.schema.js';
import { talentIdSchema } from './match.schema.js';
import { regionCodeSchema } from './reference.schema.js';

/** 推荐 through the public employment service: the states a request goes through. */
export const CONTACT_REQUEST_STATUSES = ['pending', 'forwarded', 'declined', 'closed'] as const;

export const contactRequestCreateSchema = z.object({
  talentId: talentIdSchema.describe('the candidate as a search showed it to this enterprise'),
  vacancyId: z.number().int().positive().max(2_147_483_647).optional().describe("one of the enterprise's own vacancies"),
  message: z.string().trim().min(1).max(500).describe('what the enterprise offers, for the employment service to pass on'),
  purpose: purposeSchema.optional(),
});
export type ContactRequestCreate = z.infer<typeof contactRequestCreateSchema>;

export const contactRequestUpdateSchema = z.object({
  status: z.enum(['forwarded', 'declined', 'closed']).describe('forwarded 已转介 to the talent, declined 婉拒, closed 已结束'),
  note: z.string().trim().max(500).optional(),
});
export type ContactRequestUpdate = z.infer<typeof contactRequestUpdateSchema>;

/** A request as its viewer sees it: the talent by the viewer's own pseudonym, never an identity. */
export const contactRequestSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  status: z.enum(CONTACT_REQUEST_STATUSES),
  talentId: talentIdSchema,
  regionCode: regionCodeSchema.describe("the talent's district: whose employment service acts on it"),
  regionName: z.string(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  vacancy: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  message: z.string(),
  note: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type ContactRequest = z.infer<typeof contactRequestSchema>;
export const contactRequestListSchema = z.object({ items: z.array(contactRequestSchema) });
