import { z } from 'zod';
import { GRADE_MAX, GRADE_MIN } from './constants.js';
import { occupationCodeSchema, regionCodeSchema } from './reference.schema.js';

const skillNames = z.array(z.string().trim().min(1).max(50)).min(1).max(50).describe('skill names or aliases; default: the occupation’s profile');
const grade = z.number().int().min(GRADE_MIN).max(GRADE_MAX).describe('新八级工 level 1–8');
const wage = z.number().int().min(0).max(1_000_000).describe('元/月');
const isoDate = z.iso.date().describe('YYYY-MM-DD');
const listQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

// ------------------------------------------------------------ vacancies (an enterprise's own)

const vacancyFields = {
  title: z.string().trim().min(1).max(100),
  occupationCode: occupationCodeSchema,
  grade,
  headcount: z.number().int().min(1).max(10_000),
  wageMin: wage,
  wageMax: wage,
  skills: skillNames.optional(),
  regionCode: regionCodeSchema.optional().describe("a district; default: the enterprise's own"),
  postedOn: isoDate.optional().describe('default: today'),
};
const wagesInOrder = (v: { wageMin?: number | undefined; wageMax?: number | undefined }) =>
  v.wageMin === undefined || v.wageMax === undefined || v.wageMax >= v.wageMin;

/** One shape for a vacancy from the API (and, later, from an import row). */
export const vacancyCreateSchema = z.object(vacancyFields).refine(wagesInOrder, { message: 'wageMax must be at least wageMin', path: ['wageMax'] });
export type VacancyCreate = z.infer<typeof vacancyCreateSchema>;
export const vacancyUpdateSchema = z
  .object({ ...vacancyFields, status: z.enum(['open', 'closed']).describe('closed: filled or withdrawn today') })
  .partial()
  .refine(wagesInOrder, { message: 'wageMax must be at least wageMin', path: ['wageMax'] });
export type VacancyUpdate = z.infer<typeof vacancyUpdateSchema>;
export const vacancyListQuerySchema = z.object({ ...listQuery, status: z.enum(['open', 'closed']).optional() });
export type VacancyListQuery = z.infer<typeof vacancyListQuerySchema>;

export const vacancySchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  title: z.string(),
  occupationCode: z.string(),
  grade: z.number().int(),
  headcount: z.number().int(),
  wageMin: z.number().int(),
  wageMax: z.number().int(),
  skills: z.array(z.string()),
  regionCode: z.string(),
  postedOn: z.string(),
  filledOn: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  synthetic: z.boolean(),
});
export type Vacancy = z.infer<typeof vacancySchema>;
export const vacancyListSchema = z.object({ items: z.array(vacancySchema), total: z.number().int() });

// ------------------------------------------------------------ programs (an institution's own)

const programFields = {
  name: z.string().trim().min(1).max(100),
  occupationCodes: z.array(occupationCodeSchema).min(1).max(10).describe('the occupations the program trains for'),
  skills: skillNames.optional(),
  grade,
  hours: z.number().int().min(1).max(10_000),
  capacity: z.number().int().min(1).max(100_000).describe('places a year'),
  subsidyEligible: z.boolean(),
  mode: z.enum(['online', 'offline', 'blended']),
};
export const programCreateSchema = z.object({
  ...programFields,
  subsidyEligible: programFields.subsidyEligible.default(false),
  mode: programFields.mode.default('offline'),
});
export type ProgramCreate = z.infer<typeof programCreateSchema>;
export const programUpdateSchema = z.object(programFields).partial();
export type ProgramUpdate = z.infer<typeof programUpdateSchema>;
export const programListQuerySchema = z.object(listQuery);

export const programSchema = z.object({
  id: z.number().int(),
  institutionId: z.number().int(),
  name: z.string(),
  occupationCodes: z.array(z.string()),
  skills: z.array(z.string()),
  grade: z.number().int(),
  hours: z.number().int(),
  capacity: z.number().int(),
  subsidyEligible: z.boolean(),
  mode: z.enum(['online', 'offline', 'blended']),
  synthetic: z.boolean(),
});
export type Program = z.infer<typeof programSchema>;
export const programListSchema = z.object({ items: z.array(programSchema), total: z.number().int() });
