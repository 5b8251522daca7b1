import { z } from 'zod';
import { PROGRAM_MODES } from './constants.js';
import { occupationCodeSchema, regionCodeSchema } from './reference.schema.js';
import { recordGradeSchema, recordPageQuery, recordSkillNamesSchema } from './vacancy.schema.js';

const programModeSchema = z.enum(PROGRAM_MODES);

const programFields = {
  name: z.string().trim().min(1).max(100),
  occupationCodes: z.array(occupationCodeSchema).min(1).max(10).describe('the occupations the program trains for'),
  skills: recordSkillNamesSchema.optional().describe('the skills taught, by name or alias; default: the occupations’ profiles'),
  grade: recordGradeSchema.describe('the grade the program prepares for (新八级工 1–8)'),
  hours: z.number().int().min(1).max(10_000),
  capacity: z.number().int().min(1).max(100_000).describe('places a year'),
  subsidyEligible: z.boolean().describe('eligible for the vocational-training subsidy'),
  mode: programModeSchema,
};

/** One shape for a new program, from the API and (later) from an import row. */
export const programCreateSchema = z.object({
  ...programFields,
  subsidyEligible: programFields.subsidyEligible.default(false),
  mode: programFields.mode.default('offline'),
});
export type ProgramCreate = z.infer<typeof programCreateSchema>;

/** A change to a program. New `skills` replace its skills; new occupations alone reset them to their profiles. */
export const programUpdateSchema = z.object(programFields).partial();
export type ProgramUpdate = z.infer<typeof programUpdateSchema>;

export const programListQuerySchema = z.object({
  ...recordPageQuery,
  regionCode: regionCodeSchema.optional().describe("a city or district of the institution (within a planner's own region)"),
  occupationCode: occupationCodeSchema.optional().describe('programs training for this occupation'),
});
export type ProgramListQuery = z.infer<typeof programListQuerySchema>;

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
  mode: programModeSchema,
  regionCode: z.string().describe("the institution's district"),
  regionName: z.string(),
  synthetic: z.boolean(),
});
export type Program = z.infer<typeof programSchema>;
export const programListSchema = z.object({ items: z.array(programSchema), total: z.number().int() });
export type ProgramList = z.infer<typeof programListSchema>;
