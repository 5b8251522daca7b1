import { z } from 'zod';
import { EMPLOYMENT_STATUSES, ENTERPRISE_SIZES, INSTITUTION_KINDS } from './constants.js';
import { occupationCodeSchema, regionCodeSchema } from './reference.schema.js';
import { recordGradeSchema } from './vacancy.schema.js';

// The records an office imports besides vacancies and programs (vacancy.schema.ts, program.schema.ts):
// one shape per kind, checked after an import row's cells are read into typed values.

/** 外部编号: the record's id in the office's own system, the key for updates. */
export const externalIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_\-./#:]+$/u, 'letters, digits and _ - . / # : only');

/** A point in Jiangsu (a little margin round the province's bounding box). */
const lngSchema = z.number().min(116).max(122.5);
const latSchema = z.number().min(30.5).max(35.5);
const isoDate = z.iso.date().refine((d) => d >= '1950-01-01' && d <= '2099-12-31', 'a date from 1950 to 2099');

/** One skilled worker as an office registers them; the identity fields are sealed on write and never read by matching. */
export const talentCreateSchema = z.object({
  externalId: externalIdSchema,
  fullName: z.string().trim().min(1).max(50),
  /** 18-digit resident ID number, check digit verified before this point. */
  idNumber: z.string().regex(/^\d{17}[\dX]$/, '18 digits, the last may be X'),
  phone: z.string().regex(/^1[3-9]\d{9}$/, 'an 11-digit mobile number'),
  regionCode: regionCodeSchema.describe('district of residence'),
  /** The home point when the file has one (snapped to its 0.025° cell on write); else the district centre. */
  lng: lngSchema.optional(),
  lat: latSchema.optional(),
  occupationCode: occupationCodeSchema.nullable(),
  grade: recordGradeSchema,
  yearsExperience: z.number().int().min(0).max(60),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
  openToOffers: z.boolean(),
  /** Skill ids with a proficiency 1–5. */
  skills: z.array(z.object({ skillId: z.number().int(), level: z.number().int().min(1).max(5) })).max(50),
  certificates: z.array(z.string().trim().min(1).max(100)).max(20),
  willingRadiusKm: z.number().int().min(1).max(1000),
});
export type TalentCreate = z.infer<typeof talentCreateSchema>;

/** A job-seeker registration (求职登记): the denominator of 求人倍率. */
export const seekerCreateSchema = z
  .object({
    externalId: externalIdSchema,
    talentExternalId: externalIdSchema.optional(),
    regionCode: regionCodeSchema,
    occupationCode: occupationCodeSchema,
    grade: recordGradeSchema,
    registeredOn: isoDate,
    closedOn: isoDate.optional(),
  })
  .refine((s) => s.closedOn === undefined || s.closedOn >= s.registeredOn, { message: 'closedOn must not be before registeredOn', path: ['closedOn'] });
export type SeekerCreate = z.infer<typeof seekerCreateSchema>;

export const enterpriseCreateSchema = z.object({
  externalId: externalIdSchema,
  name: z.string().trim().min(1).max(100),
  regionCode: regionCodeSchema.describe('the district it is registered in'),
  lng: lngSchema.optional(),
  lat: latSchema.optional(),
  size: z.enum(ENTERPRISE_SIZES),
  chainLeader: z.boolean(),
  chainCodes: z.array(z.string().min(1).max(20)).max(30),
});
export type EnterpriseCreate = z.infer<typeof enterpriseCreateSchema>;

export const institutionCreateSchema = z.object({
  externalId: externalIdSchema,
  name: z.string().trim().min(1).max(100),
  kind: z.enum(INSTITUTION_KINDS),
  regionCode: regionCodeSchema,
  lng: lngSchema.optional(),
  lat: latSchema.optional(),
  capacity: z.number().int().min(1).max(1_000_000).describe('training places a year'),
});
export type InstitutionCreate = z.infer<typeof institutionCreateSchema>;
