import { z } from 'zod';
import { idSchema } from './id.schema.js';

/** What a file can bring in: the six kinds of record a 人社 office holds in other systems. */
export const IMPORT_KINDS = ['talents', 'seekers', 'enterprises', 'vacancies', 'institutions', 'programs'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const importKindSchema = z.enum(IMPORT_KINDS);

/** The kinds' names in the UI and the reports. */
export const IMPORT_KIND_NAMES: Record<ImportKind, string> = {
  talents: '技能人才',
  seekers: '求职登记',
  enterprises: '企业',
  vacancies: '岗位需求',
  institutions: '培训机构',
  programs: '培训项目',
};

/**
 * all-or-nothing: one invalid row and nothing is written (every invalid row is reported);
 * valid-rows: the valid rows are committed, the rest reported.
 */
export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const importModeSchema = z.enum(IMPORT_MODES);

/** interrupted: the process stopped while the job ran (nothing of it was written); it can be run again. */
export const IMPORT_STATUSES = ['queued', 'running', 'committed', 'failed', 'interrupted'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Where a running job is: reading and checking rows, checking them against the database, writing, then refreshing what the map and catalogue serve. */
export const IMPORT_PHASES = ['queued', 'reading', 'checking', 'writing', 'refreshing', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const IMPORT_FILE_FORMATS = ['xlsx', 'csv'] as const;
export const importFormatQuerySchema = z.object({ format: z.enum(IMPORT_FILE_FORMATS).default('xlsx') });

export const importJobSchema = z.object({
  id: z.number().int(),
  kind: importKindSchema,
  mode: importModeSchema,
  status: z.enum(IMPORT_STATUSES),
  phase: z.enum(IMPORT_PHASES),
  fileName: z.string(),
  fileBytes: z.number().int(),
  /** The account that uploaded it (its username). */
  createdBy: z.string(),
  rowsRead: z.number().int(),
  rowsValid: z.number().int(),
  rowsRejected: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** In Chinese: what happened, or why nothing was written. */
  message: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const importJobListSchema = z.object({ items: z.array(importJobSchema), total: z.number().int() });
export const importListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const importCreatedSchema = z.object({ id: z.number().int() });
export const importIdParamsSchema = z.object({ id: idSchema });
export const importKindParamsSchema = z.object({ kind: importKindSchema });

/** One problem of one row (row 1 is the header; the first record is row 2, as Excel numbers it). */
export const importIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** Who may import what: an admin every kind, an enterprise its own vacancies, an institution its own programs. */
export const IMPORT_KINDS_BY_ROLE: Readonly<Record<'admin' | 'enterprise' | 'institution', readonly ImportKind[]>> = {
  admin: IMPORT_KINDS,
  enterprise: ['vacancies'],
  institution: ['programs'],
};
