import { z } from 'zod';
import { CHAIN_KINDS, OCCUPATION_CODE_PATTERN, REGION_CODE_PATTERN, REGION_LEVELS } from './constants.js';

export const regionCodeSchema = z.string().regex(REGION_CODE_PATTERN, 'a 6-digit GB/T 2260 code');
export const occupationCodeSchema = z.string().regex(OCCUPATION_CODE_PATTERN, 'a 2022 大典 code like 6-18-02-04');

export const regionLevelSchema = z.enum(REGION_LEVELS);

export const regionPropertiesSchema = z.object({
  code: regionCodeSchema,
  name: z.string(),
  level: regionLevelSchema,
  parentCode: regionCodeSchema.nullable(),
  centroid: z.tuple([z.number(), z.number()]),
});
export type RegionProperties = z.infer<typeof regionPropertiesSchema>;

const positionSchema = z.array(z.number()).min(2);
const geometrySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(positionSchema)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(positionSchema))) }),
]);

export const regionFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: regionPropertiesSchema,
  geometry: geometrySchema,
});
export type RegionFeature = z.infer<typeof regionFeatureSchema>;

export const regionCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(regionFeatureSchema),
});
export type RegionCollection = z.infer<typeof regionCollectionSchema>;

export const regionsQuerySchema = z.object({
  level: z.enum(['city', 'district']).default('city'),
  parent: regionCodeSchema.optional().describe('only the districts of this city'),
});

export const clusterSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  description: z.string(),
  cities: z.array(regionCodeSchema),
  chainCount: z.number().int(),
});
export type Cluster = z.infer<typeof clusterSchema>;

export const chainKindSchema = z.enum(CHAIN_KINDS);
export const chainSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: chainKindSchema,
  tiers: z.array(chainKindSchema),
  clusterCode: z.string(),
  curated: z.boolean().describe('true when the project curated the entry (no official list published)'),
  cities: z.array(regionCodeSchema),
  leadEnterprise: z.string().nullable(),
});
export type Chain = z.infer<typeof chainSchema>;

export const chainsQuerySchema = z.object({
  cluster: z.string().max(16).optional(),
  kind: chainKindSchema.optional().describe('chains at this tier or above (the 531 plan nests excellence ⊂ advantage ⊂ key)'),
});

export const weightedSkillSchema = z.object({ name: z.string(), weight: z.number() });

export const occupationMarksSchema = z.enum(['S', 'L', 'LS']).describe('the 2022 大典 marks: S 数字职业, L 绿色职业, LS both');
export const occupationProfileSourceSchema = z
  .enum(['curated', 'derived'])
  .describe("curated: the project's own profile; derived: written from the 2022 definition and 工种");
export type OccupationProfileSource = z.infer<typeof occupationProfileSourceSchema>;
export const occupationGroupLevelSchema = z.enum(['major', 'middle', 'minor']);
export const occupationGroupSchema = z.object({ code: z.string(), name: z.string() });

export const occupationSchema = z.object({
  code: occupationCodeSchema,
  name: z.string().describe('the 2022 name'),
  aliases: z.array(z.string()).describe('names adverts and registries use, names of earlier editions among them'),
  legacyCodes: z.array(z.string()).describe('codes of the 2015 edition that now mean this occupation'),
  majorGroup: occupationGroupSchema.describe('大类'),
  middleGroup: occupationGroupSchema.describe('中类'),
  minorGroup: occupationGroupSchema.describe('小类'),
  marks: occupationMarksSchema.nullable(),
  digital: z.boolean(),
  catalogVersion: z.string().describe('2022, or 2022+2024 / 2022+2025 for occupations announced since'),
  description: z.string().describe('the 2022 definition (社会公示稿)'),
  workTypes: z.array(z.string()).describe('工种 listed under the occupation'),
  profileSource: occupationProfileSourceSchema.nullable().describe('null: no skill profile (found by name only)'),
  skills: z.array(weightedSkillSchema),
});
export type Occupation = z.infer<typeof occupationSchema>;

/** The hierarchy 大类 → 中类 → 小类 with the number of 细类 under each group. */
export interface OccupationTreeNode {
  code: string;
  name: string;
  level: z.infer<typeof occupationGroupLevelSchema>;
  occupations: number;
  children: OccupationTreeNode[];
}
export const occupationTreeNodeSchema: z.ZodType<OccupationTreeNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    level: occupationGroupLevelSchema,
    occupations: z.number().int().describe('细类 under this group'),
    children: z.array(occupationTreeNodeSchema),
  }),
);
export const occupationTreeSchema = z.object({ total: z.number().int(), groups: z.array(occupationTreeNodeSchema) });
export type OccupationTree = z.infer<typeof occupationTreeSchema>;

export const skillSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  aliases: z.array(z.string()),
  category: z.string(),
  parent: z.string().nullable(),
});
export type Skill = z.infer<typeof skillSchema>;

export const searchQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const occupationSearchQuerySchema = searchQuerySchema.extend({
  chain: z.string().max(16).optional().describe("only the occupations in this chain's chain → occupation matrix"),
});

export const gradeSchema = z.object({
  level: z.number().int(),
  name: z.string(),
  highSkill: z.boolean(),
  nationalLevel: z.string().nullable(),
});
export type Grade = z.infer<typeof gradeSchema>;

/** A row of 专栏1 (the Jiangsu 14th Five-Year skilled-talent plan's indicator table). */
export const indicatorSchema = z.object({
  code: z.string(),
  section: z.string(),
  name: z.string(),
  unit: z.string(),
  baseline2020: z.number().nullable(),
  target2025: z.number(),
  attribute: z.string(),
});

/** `{ items, total }`: every list endpoint answers in this envelope. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
