import { z } from 'zod';
import { usernameSchema } from './auth.schema.js';

/** What an audit entry records: each way of looking at one or more talents. */
export const AUDIT_ACTIONS = ['candidate-search', 'talent-pathways', 'talent-gap', 'contact-request', 'contact-request-update'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Why a talent-level request is made, as the caller states it (the audit log records it). */
export const purposeSchema = z.string().trim().min(1).max(200).describe('why: recorded in the audit log (default: the action)');

export const auditLogQuerySchema = z.object({
  account: usernameSchema.optional().describe("one account's entries"),
  before: z.coerce.number().int().positive().optional().describe('entries older than this id (paging)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 8601'),
  username: z.string().nullable(),
  role: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  purpose: z.string(),
  pseudonyms: z.array(z.string()).describe('the talent ids as the account was shown them'),
  details: z.record(z.string(), z.unknown()).describe('non-personal context: filters, vacancy, result count'),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditLogSchema = z.object({ items: z.array(auditEntrySchema), next: z.number().int().nullable().describe('`before` for the next page') });
export type AuditLog = z.infer<typeof auditLogSchema>;
