import { z } from 'zod';
import { GRADE_MAX, GRADE_MIN } from './constants.js';
import { occupationCodeSchema, regionCodeSchema } from './reference.schema.js';
import { freeTextSchema } from './match.schema.js';
import { purposeSchema } from './audit.schema.js';

/** Skill names or aliases, as a record's owner types them (an unknown one is a 400 naming it). */
export const recordSkillNamesSchema = z.array(z.string().trim().min(1).max(50)).min(1).max(50).describe('skill names or aliases');
export const recordGradeSchema = z.number().int().min(GRADE_MIN).max(GRADE_MAX).describe('新八级工 level 1–8');
/** Paging of the owners' and planners' record lists, newest first. */
export const recordPageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

// The table's checks: wage_min > 0 and a filled_on on or after posted_on. A year before 2000 is a typo,
// and year 0 does not exist in PostgreSQL: both stay 400s instead of reaching the database.
const wage = z.number().int().min(1).max(1_000_000).describe('元/月');
const isoDate = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'a date from 2000 to 2099')
  .describe('YYYY-MM-DD');
const VACANCY_STATUSES = ['open', 'closed'] as const;
const vacancyStatusSchema = z.enum(VACANCY_STATUSES).describe('open, or closed (filled or withdrawn: filledOn is set)');

const vacancyFields = {
  title: z.string().trim().min(1).max(100),
  occupationCode: occupationCodeSchema,
  grade: recordGradeSchema.describe('the grade the post needs (新八级工 1–8): the candidate search’s minGrade'),
  headcount: z.number().int().min(1).max(10_000),
  wageMin: wage,
  wageMax: wage,
  skills: recordSkillNamesSchema.optional().describe('the required skills, by name or alias'),
  text: freeTextSchema.optional().describe('the advert as written: its recognised skills join `skills` (the text itself is not kept)'),
  regionCode: regionCodeSchema.optional().describe("the district of the post; default: the enterprise's own"),
  postedOn: isoDate.optional().describe('default: today; not in the future'),
};
const wagesInOrder = (v: { wageMin?: number | undefined; wageMax?: number | undefined }) =>
  v.wageMin === undefined || v.wageMax === undefined || v.wageMax >= v.wageMin;
const wageOrder = { message: 'wageMax must be at least wageMin', path: ['wageMax'] };

/**
 * One shape for a new vacancy, from the API and (later) from an import row. Its skills are those
 * named plus those recognised in `text`; with neither, the occupation's profile.
 */
export const vacancyCreateSchema = z.object(vacancyFields).refine(wagesInOrder, wageOrder);
export type VacancyCreate = z.infer<typeof vacancyCreateSchema>;

/** A change to a vacancy. New `skills` or `text` replace its skills; a new occupation alone resets them to its profile. */
export const vacancyUpdateSchema = z
  .object({ ...vacancyFields, status: vacancyStatusSchema.describe('closed: filled or withdrawn today; open: reopened') })
  .partial()
  .refine(wagesInOrder, wageOrder);
export type VacancyUpdate = z.infer<typeof vacancyUpdateSchema>;

export const vacancyListQuerySchema = z.object({
  ...recordPageQuery,
  status: vacancyStatusSchema.optional(),
  regionCode: regionCodeSchema.optional().describe('a city or district (within a planner’s own region)'),
  occupationCode: occupationCodeSchema.optional(),
});
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
  regionName: z.string(),
  postedOn: z.string(),
  filledOn: z.string().nullable(),
  status: vacancyStatusSchema,
  synthetic: z.boolean(),
});
export type Vacancy = z.infer<typeof vacancySchema>;
export const vacancyListSchema = z.object({ items: z.array(vacancySchema), total: z.number().int() });
export type VacancyList = z.infer<typeof vacancyListSchema>;

/**
 * `POST /api/vacancies/:id/candidates`: the candidate search with the vacancy as the request (its
 * occupation, skills, grade as minGrade, and its city, or a radius around its district).
 */
export const vacancyCandidatesRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(100).default(20),
    radiusKm: z
      .number()
      .int('whole kilometres')
      .min(1, 'at least 1 km')
      .max(500, 'at most 500 km')
      .optional()
      .describe("search this far around the vacancy's district centre instead of its city"),
    availableOnly: z.boolean().default(false),
    purpose: purposeSchema.optional(),
  })
  .describe('every field has a default: `{}` searches with the vacancy alone');
export type VacancyCandidatesRequest = z.infer<typeof vacancyCandidatesRequestSchema>;
