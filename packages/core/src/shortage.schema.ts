import { z } from 'zod';
import { GRADE_MAX, GRADE_MIN } from './constants.js';
import { listOf, occupationCodeSchema, regionCodeSchema, regionLevelSchema, indicatorSchema } from './reference.schema.js';
import { disclosureSchema, peopleCountSchema } from './map.schema.js';

export const quarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, 'a quarter like 2026Q3');
export const yearSchema = z.string().regex(/^\d{4}$/, 'a year like 2026');
const groupCodeSchema = z.string().trim().min(1).max(16);
const gradeSchema = z.coerce.number().int().min(GRADE_MIN).max(GRADE_MAX);

export const shortageStatusSchema = z
  .enum(['bottleneck', 'watch', 'none', 'insufficient'])
  .describe('bottleneck 紧缺 (score ≥ 2.0 and 求人倍率 ≥ 1), watch 关注 (score ≥ 1.5), none, insufficient (fewer than 3 indicators)');

const ratioSchema = z.number().describe('求人倍率 = vacancies ÷ max(seekers, 1); 0 without vacancies');
const scoreSchema = z.number().nullable().describe('composite shortage score 0–3 (mean of the indicator points); null when it cannot be scored');

/** Shared by every shortage answer: a filter with no data gives zeros and says so here. */
const noteSchema = z.string().optional().describe('present when the filters match no data (the figures are zeros), or to qualify a figure');

// ---------------------------------------------------------------- the rollups

/** `*` in occupationCode and 0 in grade stand for "all occupations" and "all grades" in the rollups. */
export const ALL_OCCUPATIONS = '*';
export const ALL_GRADES = 0;

const countSchema = z.number().int();
const levelOfGradeSchema = z.number().int().min(GRADE_MIN).max(GRADE_MAX);
const pointsSchema = z.number().int().min(0).max(3).nullable();

/** 0–3 points per indicator of the composite rule; null where the indicator could not be measured. */
export const indicatorPointsSchema = z.object({
  ratio: pointsSchema,
  duration: pointsSchema,
  demandGrowth: pointsSchema,
  wageGrowth: pointsSchema,
  pipeline: pointsSchema,
});

/**
 * One scored slice: a period (quarter or year) × region (any level) × occupation or all ×
 * grade or all. @talentmap/analytics builds it, the shortage repository stores it and reads it
 * back in this shape, and the API's points and items take their fields from it.
 */
export const shortageSliceSchema = z.object({
  period: z.union([quarterSchema, yearSchema]),
  level: regionLevelSchema,
  regionCode: regionCodeSchema,
  occupationCode: z.union([occupationCodeSchema, z.literal(ALL_OCCUPATIONS)]),
  grade: z.number().int().min(ALL_GRADES).max(GRADE_MAX).describe('新八级工 level 1–8, or 0 for all grades'),
  vacancies: countSchema.describe('headcount asked for by postings made in the period'),
  postings: countSchema,
  seekers: countSchema.describe('job-seeker registrations made in the period'),
  ratio: ratioSchema,
  medianDays: z.number().nullable().describe('Kaplan–Meier median days from posting to fill, open postings censored'),
  medianReached: z.boolean().nullable().describe('false: over half still open, medianDays is a lower bound'),
  referenceMedianDays: z.number().nullable().describe('the all-occupation provincial median of the period, the yardstick for medianDays'),
  demandGrowth: z.number().nullable().describe('vacancies, change on the same quarter a year earlier'),
  wageMean: z.number().nullable().describe('headcount-weighted mean of advertised wage midpoints, 元/月'),
  wageGrowth: z.number().nullable(),
  talents: countSchema,
  talentsPer10k: z.number().nullable().describe('talents of the slice per 10,000 talents on record in the region'),
  trainingCapacity: countSchema.describe('annual training places for the occupation in the region'),
  pipelineCoverage: z.number().nullable().describe('annual training capacity per annualised vacancy'),
  points: indicatorPointsSchema,
  score: scoreSchema,
  status: shortageStatusSchema,
});
export type ShortageSlice = z.infer<typeof shortageSliceSchema>;
const slice = shortageSliceSchema.shape;
/** As answers publish them: seekers a count of people (privacy.ts), the ratio computed from the published seekers. */
const published = {
  seekers: peopleCountSchema.describe('job-seeker registrations made in the period (people)'),
  ratio: ratioSchema.nullable().describe('求人倍率 from the published seekers; null when they are suppressed'),
};

// The facts a refresh reads from the raw tables, per district (with its city).
const placeSchema = z.object({ districtCode: regionCodeSchema, cityCode: regionCodeSchema });
const cellKeySchema = placeSchema.extend({ quarter: quarterSchema, occupationCode: occupationCodeSchema, grade: levelOfGradeSchema });

/** Flows of one district × occupation × grade × quarter, summed from the raw tables. */
export const cellFactSchema = cellKeySchema.extend({
  /** Headcount asked for by postings made in the quarter. */
  vacancies: countSchema,
  postings: countSchema,
  /** Σ headcount × advertised wage midpoint, for the headcount-weighted mean wage. */
  wageSum: z.number(),
  /** Job-seeker registrations made in the quarter. */
  seekers: countSchema,
});
export type CellFact = z.infer<typeof cellFactSchema>;

/** Postings of a cell that waited `days`: filled after that long, or still open (censored) at the as-of date. */
export const durationFactSchema = cellKeySchema.extend({
  days: countSchema,
  open: z.boolean(),
  /** How many postings share this duration and state. */
  count: countSchema,
});
export type DurationFact = z.infer<typeof durationFactSchema>;

/** Talent stock by declared occupation (null when undeclared) and grade. */
export const supplyFactSchema = placeSchema.extend({ occupationCode: occupationCodeSchema.nullable(), grade: levelOfGradeSchema, talents: countSchema });
export type SupplyFact = z.infer<typeof supplyFactSchema>;

/** Annual training capacity of programs aimed at the occupation in the district. */
export const trainingFactSchema = placeSchema.extend({ occupationCode: occupationCodeSchema, capacity: countSchema });
export type TrainingFact = z.infer<typeof trainingFactSchema>;

/** What the talent data holds about the workforce, for the 专栏1 indicators it can support. */
export const workforceCountsSchema = z.object({
  talents: countSchema,
  /** 高级工 and above (新八级工 level 4+). */
  highSkillTalents: countSchema,
});
export type WorkforceCounts = z.infer<typeof workforceCountsSchema>;

// ---------------------------------------------------------------- heatmap

export const heatmapQuerySchema = z.object({
  level: z.enum(['city', 'district']).default('city'),
  quarter: quarterSchema.optional().describe('default: the latest quarter with data'),
  chain: groupCodeSchema.optional().describe("vacancies of this chain's enterprises in its occupations"),
  cluster: groupCodeSchema.optional().describe('as chain, for every chain of the cluster'),
  occupation: occupationCodeSchema.optional(),
  grade: gradeSchema.optional().describe('新八级工 level 1–8'),
});
export type HeatmapQuery = z.infer<typeof heatmapQuerySchema>;

export const topOccupationSchema = z.object({
  occupationCode: occupationCodeSchema,
  occupationName: z.string(),
  vacancies: slice.vacancies,
  ...published,
  score: slice.score,
});

export const heatmapItemSchema = z.object({
  regionCode: slice.regionCode,
  regionName: z.string(),
  vacancies: slice.vacancies,
  ...published,
  score: slice.score,
  status: slice.status,
  topOccupations: z.array(topOccupationSchema),
});

export const heatmapSchema = z.object({
  quarter: quarterSchema,
  level: z.enum(['city', 'district']),
  synthetic: z.boolean(),
  disclosure: disclosureSchema.describe("protected when any row is outside a planner viewer's region"),
  items: z.array(heatmapItemSchema),
  note: noteSchema,
});
export type Heatmap = z.infer<typeof heatmapSchema>;

// ---------------------------------------------------------------- time series

export const timeseriesQuerySchema = z.object({
  region: regionCodeSchema.optional().describe('default: the province'),
  occupation: occupationCodeSchema.optional(),
  chain: groupCodeSchema.optional(),
  cluster: groupCodeSchema.optional(),
});
export type TimeseriesQuery = z.infer<typeof timeseriesQuerySchema>;

/** A quarter of a time series: its slice's measures. */
export const timeseriesPointSchema = z.object({
  quarter: quarterSchema,
  ...shortageSliceSchema
    .pick({
      vacancies: true,
      seekers: true,
      ratio: true,
      medianDays: true,
      medianReached: true,
      demandGrowth: true,
      wageMean: true,
      wageGrowth: true,
      talentsPer10k: true,
      trainingCapacity: true,
      pipelineCoverage: true,
      score: true,
      status: true,
    })
    // A quarter without a slice of its own (a gap, or a chain view) has no training figure.
    .extend({ trainingCapacity: slice.trainingCapacity.nullable(), ...published }).shape,
});

export type TimeseriesPoint = z.infer<typeof timeseriesPointSchema>;

export const timeseriesSchema = z.object({
  region: regionCodeSchema,
  occupation: occupationCodeSchema.nullable(),
  group: z.string().nullable().describe('the chain or cluster code, when one was given'),
  synthetic: z.boolean(),
  disclosure: disclosureSchema,
  items: z.array(timeseriesPointSchema),
  note: noteSchema,
});
export type Timeseries = z.infer<typeof timeseriesSchema>;

// ---------------------------------------------------------------- catalogue

export const catalogFormats = ['json', 'csv', 'xlsx'] as const;

export const catalogQuerySchema = z.object({
  region: regionCodeSchema.optional().describe('scope: the province (default), a city or a district'),
  chain: groupCodeSchema.optional().describe("only occupations in this chain's matrix"),
  cluster: groupCodeSchema.optional().describe("only occupations in this cluster's chains (not with chain)"),
  grade: gradeSchema.optional().describe('only this 新八级工 grade'),
  year: yearSchema.optional().describe('default: the latest year with data'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(catalogFormats).default('json'),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export const catalogEntrySchema = z.object({
  rank: z.number().int(),
  occupationCode: occupationCodeSchema,
  occupationName: z.string(),
  grade: z.number().int(),
  gradeName: z.string(),
  regionCode: regionCodeSchema,
  regionName: z.string(),
  score: z.number(),
  status: z.enum(['bottleneck', 'watch']),
  vacancies: slice.vacancies,
  ...published,
  medianDays: slice.medianDays,
  demandGrowth: slice.demandGrowth,
  reasons: z.array(z.string()).describe('the indicators that show signs of shortage'),
  chains: z.array(z.object({ code: z.string(), name: z.string() })).describe('chains whose occupation matrix lists it, most dependent first'),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const publicationSummarySchema = z.object({
  id: z.number().int(),
  year: yearSchema,
  regionCode: regionCodeSchema,
  regionName: z.string(),
  title: z.string(),
  period: z.string().describe('the data the catalogue was computed from'),
  publishedAt: z.string(),
  entryCount: z.number().int(),
});
export type PublicationSummary = z.infer<typeof publicationSummarySchema>;

export const catalogSchema = z.object({
  year: yearSchema,
  region: z.object({ code: regionCodeSchema, name: z.string() }),
  rule: z.object({ bottleneck: z.number(), watch: z.number(), minVacancies: z.number().int() }),
  synthetic: z.boolean(),
  disclosure: disclosureSchema,
  publication: publicationSummarySchema
    .nullable()
    .describe("the published catalogue this answer shows (outside a planner's region); null: computed live for a planner"),
  items: z.array(catalogEntrySchema),
  total: z.number().int(),
  note: noteSchema,
});
export type Catalog = z.infer<typeof catalogSchema>;

// ---------------------------------------------------------------- 专栏1 indicators

export const indicatorProgressSchema = indicatorSchema.extend({
  source: z.enum(['computed', 'admin-input']).describe('computed from the data, or entered by an administrator'),
  currentValue: z.number().nullable().describe("null: awaiting an administrator's input"),
  progress: z.number().nullable().describe('(current − baseline) ÷ (target − baseline); current ÷ target without a baseline'),
  note: z.string().nullable(),
});
export type IndicatorProgress = z.infer<typeof indicatorProgressSchema>;
export const indicatorsSchema = listOf(indicatorProgressSchema);
export type Indicators = z.infer<typeof indicatorsSchema>;

// ---------------------------------------------------------------- forecast

export const forecastQuerySchema = z.object({
  region: regionCodeSchema.optional().describe('default: the province'),
  occupation: occupationCodeSchema.optional().describe('default: all occupations'),
  horizon: z.coerce.number().int().min(1).max(8).default(4),
});
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

const errorSummarySchema = z.object({ mape: z.number().nullable(), mase: z.number().nullable() });

export const forecastSchema = z.object({
  region: regionCodeSchema,
  occupation: occupationCodeSchema.nullable(),
  model: z.object({ name: z.string(), description: z.string() }),
  history: z.array(z.object({ quarter: quarterSchema, vacancies: z.number().int() })),
  items: z.array(
    z.object({ quarter: quarterSchema, vacancies: z.number(), lower80: z.number(), upper80: z.number(), lower95: z.number(), upper95: z.number() }),
  ),
  backtest: z.object({
    heldOutQuarters: z.array(quarterSchema),
    forecasts: z.number().int(),
    model: errorSummarySchema,
    baseline: errorSummarySchema.extend({ name: z.string() }),
    coverage80: z.number().nullable(),
  }),
  synthetic: z.boolean(),
  note: noteSchema,
});
export type Forecast = z.infer<typeof forecastSchema>;

// ---------------------------------------------------------------- published catalogues

export const publishCatalogSchema = z.object({
  region: regionCodeSchema.optional().describe("default: the planner's own region"),
  year: yearSchema.optional().describe('default: the latest year with data'),
  title: z.string().trim().min(1).max(100).optional(),
});
export type PublishCatalog = z.infer<typeof publishCatalogSchema>;

export const publicationListQuerySchema = z.object({
  region: regionCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const publicationListSchema = z.object({ items: z.array(publicationSummarySchema) });
