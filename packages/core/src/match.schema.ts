import { z } from 'zod';
import { GRADE_MAX, GRADE_MIN } from './constants.js';
import { occupationCodeSchema, regionCodeSchema } from './reference.schema.js';
import { purposeSchema } from './audit.schema.js';

/** Free text from an advert, a résumé line or a course outline. */
export const MAX_TEXT_LENGTH = 20_000;
export const freeTextSchema = z.string().trim().min(1, 'must not be empty').max(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`);
/** Skills a request may list, and a demand's heaviest skills a match uses (a long text names hundreds). */
export const MAX_DEMAND_SKILLS = 50;
const skillNamesSchema = z.array(z.string().trim().min(1).max(50)).min(1).max(MAX_DEMAND_SKILLS).describe('skill names or aliases');
const gradeSchema = z.number().int().min(GRADE_MIN).max(GRADE_MAX).describe('新八级工 level 1–8 (4 = 高级工)');
/** 'P' and 26 base-32 characters: one AES block (@talentmap/core/pii viewerPseudonym). */
export const PSEUDONYM_PATTERN = /^P[A-Z2-7]{26}$/;
/** A talent's public id: a pseudonym made for the viewer who received it, never the row id. */
export const talentIdSchema = z.string().regex(PSEUDONYM_PATTERN, 'a talent pseudonym as a candidate search returned it (P and 26 letters/digits 2–7)');

export const weightedSkillNameSchema = z.object({ name: z.string(), weight: z.number() });

/**
 * How far a candidate lives from the search centre, as a band, never a figure (km; lower bound
 * inclusive). Computed from the talent's grid cell (@talentmap/geo talentCell).
 */
export const DISTANCE_BANDS = ['0-5', '5-10', '10-20', '20-50', '50+'] as const;
export const distanceBandSchema = z.enum(DISTANCE_BANDS).describe('km from the search centre: 0-5, 5-10, 10-20, 20-50 or 50+');
export type DistanceBand = z.infer<typeof distanceBandSchema>;
export const DISTANCE_BAND_LOWER_KM: Record<DistanceBand, number> = { '0-5': 0, '5-10': 5, '10-20': 10, '20-50': 20, '50+': 50 };

export function distanceBandOf(km: number): DistanceBand {
  return [...DISTANCE_BANDS].reverse().find((band) => km >= DISTANCE_BAND_LOWER_KM[band]) ?? '0-5';
}

// ------------------------------------------------------------ classification

export const classifyRequestSchema = z.object({
  text: freeTextSchema,
  limit: z.number().int().min(1).max(20).default(5),
});

export const recognizedSkillSchema = z.object({
  name: z.string(),
  weight: z.number(),
  match: z.enum(['exact', 'alias', 'fuzzy']),
  terms: z.array(z.string()).describe('the words in the text that were recognised'),
});

export const occupationMatchSchema = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number(),
  skills: z.array(weightedSkillNameSchema).describe("the recognised skills that belong to this occupation's profile"),
});

export const classifyResponseSchema = z.object({
  level: z
    .enum(['occupation', 'minorGroup', 'none'])
    .describe('what the text supports: the top 细类, only its 小类 (the safe level), or no confident match (the results are then suggestions, not an answer)'),
  confidence: z.number().min(0).max(1).describe('calibrated probability that the top 细类 is right'),
  minorGroup: z
    .object({ code: z.string(), name: z.string(), confidence: z.number().min(0).max(1) })
    .nullable()
    .describe("the top result's 小类 and the calibrated probability that it is right"),
  results: z.array(occupationMatchSchema),
  recognizedSkills: z.array(recognizedSkillSchema),
  reason: z.string().optional().describe('why the answer is not a 细类, or why the results are empty'),
});
export type ClassifyResponse = z.infer<typeof classifyResponseSchema>;

// ------------------------------------------------------------ candidates

export const nearSchema = z.object({
  lng: z.number().min(73).max(136),
  lat: z.number().min(3).max(54),
  // Whole kilometres: finer radii would only help bisect a talent's cell boundary.
  radiusKm: z.number().int('whole kilometres').min(1, 'at least 1 km').max(500, 'at most 500 km'),
});

export const candidatesRequestSchema = z
  .object({
    occupationCode: occupationCodeSchema.optional(),
    text: freeTextSchema.optional(),
    skills: skillNamesSchema.optional(),
    minGrade: gradeSchema.optional(),
    regionCode: regionCodeSchema.optional().describe('a city or district; the province means no filter'),
    near: nearSchema.optional(),
    availableOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(100).default(20),
    strategy: z
      .enum(['hnsw', 'exact'])
      .default('hnsw')
      .describe(
        'hnsw (default): retrieve by the index, then re-rank; exact: score every talent that passes the filters — slow, the ground truth for audits and evaluation',
      ),
    purpose: purposeSchema.optional(),
  })
  .refine((b) => b.occupationCode || b.text || b.skills, { message: 'give occupationCode, text or skills', path: ['occupationCode'] });
export type CandidatesRequest = z.infer<typeof candidatesRequestSchema>;

export const breakdownSchema = z.object({
  similarity: z.number(),
  coverage: z.number(),
  grade: z.number(),
  distance: z.number(),
  availability: z.number(),
});

export const candidateSchema = z.object({
  talentId: talentIdSchema,
  score: z.number(),
  breakdown: breakdownSchema,
  matchedSkills: z.array(z.string()),
  missingSkills: z.array(z.string()),
  partialSkills: z.array(z.object({ skill: z.string(), via: z.string() })).describe('missing skills partly covered by a related skill'),
  regionCode: regionCodeSchema.describe('district: the finest location shown'),
  regionName: z.string(),
  grade: z.number().int(),
  gradeName: z.string(),
  distanceBand: distanceBandSchema.nullable().describe('null without a search centre (near)'),
  available: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatesResponseSchema = z.object({
  results: z.array(candidateSchema),
  query: z.object({
    skills: z.array(weightedSkillNameSchema),
    occupation: z.object({ code: z.string(), name: z.string(), score: z.number().nullable() }).nullable(),
    skillsOmitted: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(`skills the request named beyond the ${MAX_DEMAND_SKILLS} heaviest, which the match leaves out (the skills above are those it used)`),
  }),
  tookMs: z.number(),
  synthetic: z.boolean(),
  reason: z.string().optional(),
});
export type CandidatesResponse = z.infer<typeof candidatesResponseSchema>;

// ------------------------------------------------------------ programs and pathways

export const programsRequestSchema = z
  .object({
    occupationCode: occupationCodeSchema.optional(),
    talentId: talentIdSchema.optional(),
    skills: skillNamesSchema.optional(),
    regionCode: regionCodeSchema.optional().describe('prefer programs near this city or district'),
    limit: z.number().int().min(1).max(50).default(10),
    purpose: purposeSchema.optional().describe('with a talentId: why, recorded in the audit log'),
  })
  .refine((b) => b.occupationCode || b.skills, { message: 'give occupationCode (optionally with talentId) or skills', path: ['occupationCode'] })
  .refine((b) => !b.talentId || b.occupationCode, { message: 'talentId needs occupationCode (the target occupation)', path: ['talentId'] });

export const programMatchSchema = z.object({
  programId: z.number().int(),
  name: z.string(),
  institution: z.object({ id: z.number().int(), name: z.string(), kind: z.string(), regionCode: z.string(), regionName: z.string() }),
  score: z.number(),
  coverage: z.number(),
  coversSkills: z.array(z.string()),
  hours: z.number().int(),
  grade: z.number().int(),
  mode: z.enum(['online', 'offline', 'blended']),
  subsidyEligible: z.boolean(),
  distanceKm: z.number().nullable(),
});
export type ProgramMatch = z.infer<typeof programMatchSchema>;

export const programsResponseSchema = z.object({
  gap: z.array(weightedSkillNameSchema).describe('the skills to close, most important first'),
  results: z.array(programMatchSchema),
  reason: z.string().optional(),
});

export const pathwaySchema = z.object({
  occupation: z.object({ code: z.string(), name: z.string() }),
  similarity: z.number(),
  shortage: z
    .object({ score: z.number(), ratio: z.number().nullable(), short: z.boolean().describe('bottleneck or watch in the shortage rule') })
    .nullable()
    .describe("the occupation's shortage in the talent's city, latest year"),
  sharedSkills: z.array(z.string()),
  missingSkills: z.array(weightedSkillNameSchema),
  programs: z.array(programMatchSchema),
});

export const pathwaysResponseSchema = z.object({
  talentId: talentIdSchema,
  regionCode: z.string(),
  regionName: z.string(),
  grade: z.number().int(),
  pathways: z.array(pathwaySchema),
});
export type PathwaysResponse = z.infer<typeof pathwaysResponseSchema>;

export const relatedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export const relatedResponseSchema = z.object({
  occupation: z.object({ code: z.string(), name: z.string() }),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      similarity: z.number(),
      sharedSkills: z.array(z.string()),
      differingSkills: z.array(z.string()).describe('skills the related occupation needs that this one does not'),
    }),
  ),
});
