import { z } from 'zod';
import { GRADE_MAX, GRADE_MIN } from './constants.js';
import { occupationCodeSchema, regionCodeSchema } from './reference.schema.js';

/** Aggregates shown outside the planner role hide counts under this (privacy). */
export const SMALL_CELL_THRESHOLD = 5;

/** How the answer's counts of people were published (privacy.ts): exactly, or suppressed under 5 and rounded to 5. */
export const disclosureSchema = z
  .enum(['exact', 'protected'])
  .describe('exact: a planner inside its region; protected: counts of people under 5 are null, others rounded to a multiple of 5');
/** A count of people as published: null when suppressed. */
export const peopleCountSchema = z.number().int().nullable().describe('people; under protected disclosure null when 1–4, else a multiple of 5');

const point = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) });

// ------------------------------------------------------------ talent density (hexbins)

export const talentDensityQuerySchema = z.object({
  cellKm: z.coerce.number().int().min(3).max(50).default(10).describe('hexagon size (side length) in km'),
  occupation: occupationCodeSchema.optional(),
  minGrade: z.coerce.number().int().min(GRADE_MIN).max(GRADE_MAX).optional(),
});

export const talentDensitySchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: polygon,
      properties: z.object({
        count: peopleCountSchema.describe('talents in the hexagon (people; null when suppressed)'),
        suppressed: z.boolean(),
      }),
    }),
  ),
  total: peopleCountSchema.describe('talents on the map, rounded from the true total (not the sum of the shown cells)'),
  cellKm: z.number(),
  disclosure: disclosureSchema,
  synthetic: z.boolean(),
});
export type TalentDensity = z.infer<typeof talentDensitySchema>;

// ------------------------------------------------------------ enterprises and institutions as points

export const enterprisePointsQuerySchema = z.object({
  chain: z.string().max(16).optional(),
  cluster: z.string().max(16).optional(),
});

export const enterprisePointsSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: point,
      properties: z.object({
        id: z.number().int(),
        name: z.string(),
        chainCode: z.string(),
        chainName: z.string(),
        clusterCode: z.string(),
        size: z.enum(['micro', 'small', 'medium', 'large']),
        chainLeader: z.boolean(),
        regionCode: regionCodeSchema,
      }),
    }),
  ),
  synthetic: z.boolean(),
});
export type EnterprisePoints = z.infer<typeof enterprisePointsSchema>;

export const institutionKindSchema = z.enum(['technical_school', 'training_body', 'training_base', 'master_studio']);

export const institutionSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: institutionKindSchema,
  regionCode: regionCodeSchema,
  regionName: z.string(),
  cityCode: regionCodeSchema,
  capacity: z.number().int(),
  programCount: z.number().int(),
  lng: z.number(),
  lat: z.number(),
});
export type InstitutionSummary = z.infer<typeof institutionSummarySchema>;

export const institutionsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  region: regionCodeSchema.optional().describe('a city or district'),
  kind: institutionKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});

export const institutionsSchema = z.object({ items: z.array(institutionSummarySchema), total: z.number().int(), synthetic: z.boolean() });

// ------------------------------------------------------------ 专业与产业吻合度 and recommendations

export const programFitSchema = z.object({
  programId: z.number().int(),
  name: z.string(),
  occupation: z.object({ code: z.string(), name: z.string() }),
  hours: z.number().int(),
  capacity: z.number().int(),
  grade: z.number().int(),
  fit: z.number().describe('专业与产业吻合度 in [0, 1]'),
  parts: z.object({
    shortage: z.number().describe("the target occupation's shortage score in the city, scaled to [0, 1]"),
    chainDemand: z.number().describe("how much the city's industry chains employ the occupation, [0, 1]"),
    skillAlignment: z.number().describe("cosine of the program's skills with the occupation's profile"),
  }),
  missingSkills: z.array(z.string()).describe("the occupation's important skills the program does not teach"),
});
export type ProgramFit = z.infer<typeof programFitSchema>;

export const courseRecommendationSchema = z.object({
  occupation: z.object({ code: z.string(), name: z.string() }),
  shortageScore: z.number(),
  ratio: z.number().nullable(),
  nearMatchTalents: peopleCountSchema.describe('talents in the city whose skills are close to the occupation but who do not hold it (small gap)'),
  gapSkills: z.array(z.string()).describe('skills most near-match talents lack: what the course should teach'),
  priority: z.number().describe('shortage relieved × talents unlocked, scaled to [0, 1]'),
});
export type CourseRecommendation = z.infer<typeof courseRecommendationSchema>;

export const districtCountSchema = z.object({
  regionCode: regionCodeSchema,
  regionName: z.string(),
  count: peopleCountSchema,
});

export const institutionFitSchema = z.object({
  institution: institutionSummarySchema,
  programs: z.array(programFitSchema),
  averageFit: z.number().nullable(),
  recommendations: z.array(courseRecommendationSchema),
  nearMatchByDistrict: z
    .array(z.object({ occupationCode: z.string(), districts: z.array(districtCountSchema) }))
    .describe('where the near-match talents of each recommendation live, by district'),
  disclosure: disclosureSchema,
  synthetic: z.boolean(),
});
export type InstitutionFit = z.infer<typeof institutionFitSchema>;
