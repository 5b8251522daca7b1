import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { chainKindSchema, gradeSchema, indicatorSchema, occupationCodeSchema, regionCollectionSchema, regionCodeSchema } from '@talentmap/core';

/** Reference data (real facts, each file naming its source) as read from seed/reference. */
export const referenceDir = fileURLToPath(new URL('../reference', import.meta.url));

const sourced = <T extends z.ZodType>(item: T) => z.object({ source: z.string().min(1), curation: z.string().optional(), items: z.array(item).min(1) });

const clusterFileSchema = sourced(
  z.object({ code: z.string(), name: z.string(), shortName: z.string(), description: z.string(), cities: z.array(regionCodeSchema) }),
);
const chainFileSchema = sourced(
  z.object({
    code: z.string(),
    name: z.string(),
    kind: chainKindSchema,
    tiers: z.array(chainKindSchema),
    clusterCode: z.string(),
    curated: z.boolean(),
    cities: z.array(regionCodeSchema),
    leadEnterprise: z.string().nullable().optional(),
  }),
);
const gradeFileSchema = sourced(gradeSchema.extend({ level: z.number().int().min(1).max(8) }));
const indicatorFileSchema = sourced(indicatorSchema.extend({ bracketed: z.boolean(), computable: z.boolean() }));
const occupationFileSchema = sourced(
  z.object({
    code: occupationCodeSchema,
    name: z.string(),
    aliases: z.array(z.string()).default([]),
    codeStatus: z.enum(['confirmed', 'curated']),
    digital: z.boolean(),
    description: z.string(),
    skills: z.array(z.object({ skill: z.string(), weight: z.number().gt(0).lte(1) })).min(1),
  }),
);
const skillFileSchema = sourced(z.object({ name: z.string().min(1), aliases: z.array(z.string()), category: z.string(), parent: z.string().nullable() }));
const occupationAliasFileSchema = z.object({ source: z.string(), curation: z.string(), items: z.record(z.string(), z.array(z.string())) });
const chainOccupationFileSchema = sourced(z.object({ chainCode: z.string(), occupationCode: occupationCodeSchema, weight: z.number().gt(0).lte(1) }));

export type ClusterRef = z.infer<typeof clusterFileSchema>['items'][number];
export type ChainRef = z.infer<typeof chainFileSchema>['items'][number];
export type GradeRef = z.infer<typeof gradeFileSchema>['items'][number];
export type IndicatorRef = z.infer<typeof indicatorFileSchema>['items'][number];
export type OccupationRef = z.infer<typeof occupationFileSchema>['items'][number];
export type SkillRef = z.infer<typeof skillFileSchema>['items'][number];
export type ChainOccupationRef = z.infer<typeof chainOccupationFileSchema>['items'][number];
export type RegionRef = z.infer<typeof regionCollectionSchema>['features'][number];

export interface ReferenceData {
  regions: RegionRef[];
  clusters: ClusterRef[];
  chains: ChainRef[];
  grades: GradeRef[];
  indicators: IndicatorRef[];
  occupations: OccupationRef[];
  skills: SkillRef[];
  chainOccupations: ChainOccupationRef[];
}

function readJson<T extends z.ZodType>(dir: string, file: string, schema: T): z.infer<T> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Skills are curated in several files (one per domain); the same name in two files is one
 * skill: aliases are merged, the first file's category and parent win.
 */
export function mergeSkills(parts: SkillRef[][]): SkillRef[] {
  const byName = new Map<string, SkillRef>();
  for (const part of parts) {
    for (const skill of part) {
      const seen = byName.get(skill.name);
      if (!seen) byName.set(skill.name, { ...skill, aliases: [...new Set(skill.aliases)] });
      else seen.aliases = [...new Set([...seen.aliases, ...skill.aliases])];
    }
  }
  // An alias equal to another skill's name, or claimed by two skills, would make text
  // recognition ambiguous: the first skill to claim an alias keeps it.
  const owner = new Map<string, string>();
  for (const skill of byName.values()) {
    skill.aliases = skill.aliases.filter((a) => {
      if (a === skill.name || byName.has(a) || (owner.has(a) && owner.get(a) !== skill.name)) return false;
      owner.set(a, skill.name);
      return true;
    });
  }
  return [...byName.values()];
}

/** Adds the curated advert names to their occupations; an alias for an unknown name is an error. */
function withAliases(occupations: OccupationRef[], aliases: Record<string, string[]>): OccupationRef[] {
  const byName = new Map(occupations.map((o) => [o.name, o]));
  for (const [name, list] of Object.entries(aliases)) {
    const occupation = byName.get(name);
    if (!occupation) throw new Error(`occupation-aliases.json: unknown occupation ${name}`);
    occupation.aliases = [...new Set([...occupation.aliases, ...list])];
  }
  return occupations;
}

export function loadReference(dir = referenceDir): ReferenceData {
  const files = readdirSync(dir);
  const parts = (prefix: string) => files.filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();
  const regions = regionCollectionSchema.parse(JSON.parse(readFileSync(`${dir}/regions.geojson`, 'utf8'))).features;
  const data: ReferenceData = {
    regions,
    clusters: readJson(dir, 'clusters.json', clusterFileSchema).items,
    chains: readJson(dir, 'chains.json', chainFileSchema).items,
    grades: readJson(dir, 'grades.json', gradeFileSchema).items,
    indicators: readJson(dir, 'indicators.json', indicatorFileSchema).items,
    occupations: withAliases(
      parts('occupations-').flatMap((f) => readJson(dir, f, occupationFileSchema).items),
      readJson(dir, 'occupation-aliases.json', occupationAliasFileSchema).items,
    ),
    skills: mergeSkills(parts('skills-').map((f) => readJson(dir, f, skillFileSchema).items)),
    chainOccupations: readJson(dir, 'chain-occupations.json', chainOccupationFileSchema).items,
  };
  const problems = checkReference(data);
  if (problems.length > 0) throw new Error(`reference data is inconsistent:\n- ${problems.slice(0, 20).join('\n- ')}`);
  return data;
}

/** Cross-file consistency: every code and name a file mentions exists where it should. */
export function checkReference(data: ReferenceData): string[] {
  const problems: string[] = [];
  const dupes = (label: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(`duplicate ${label}: ${k}`);
      seen.add(k);
    }
  };
  dupes(
    'region code',
    data.regions.map((r) => r.properties.code),
  );
  dupes(
    'occupation code',
    data.occupations.map((o) => o.code),
  );
  dupes(
    'occupation name',
    data.occupations.map((o) => o.name),
  );
  dupes(
    'occupation alias',
    data.occupations.flatMap((o) => o.aliases),
  );
  dupes(
    'chain code',
    data.chains.map((c) => c.code),
  );
  dupes(
    'chain-occupation pair',
    data.chainOccupations.map((c) => `${c.chainCode}/${c.occupationCode}`),
  );

  const cityCodes = new Set(data.regions.filter((r) => r.properties.level === 'city').map((r) => r.properties.code));
  const clusterCodes = new Set(data.clusters.map((c) => c.code));
  const chainCodes = new Set(data.chains.map((c) => c.code));
  const occupationCodes = new Set(data.occupations.map((o) => o.code));
  const skillNames = new Set(data.skills.map((s) => s.name));

  for (const c of [...data.clusters, ...data.chains]) for (const city of c.cities) if (!cityCodes.has(city)) problems.push(`${c.code}: unknown city ${city}`);
  for (const c of data.chains) if (!clusterCodes.has(c.clusterCode)) problems.push(`${c.code}: unknown cluster ${c.clusterCode}`);
  for (const o of data.occupations) for (const s of o.skills) if (!skillNames.has(s.skill)) problems.push(`${o.code}: unknown skill ${s.skill}`);
  for (const s of data.skills) if (s.parent !== null && !skillNames.has(s.parent)) problems.push(`skill ${s.name}: unknown parent ${s.parent}`);
  const parentOf = new Map(data.skills.map((s) => [s.name, s.parent]));
  for (const s of data.skills) {
    let depth = 0;
    for (let p = s.parent; p !== null && p !== undefined; p = parentOf.get(p) ?? null) {
      if (++depth > 10) {
        problems.push(`skill ${s.name}: parent chain loops`);
        break;
      }
    }
  }
  for (const co of data.chainOccupations) {
    if (!chainCodes.has(co.chainCode)) problems.push(`chain-occupations: unknown chain ${co.chainCode}`);
    if (!occupationCodes.has(co.occupationCode)) problems.push(`chain-occupations: unknown occupation ${co.occupationCode}`);
  }
  return problems;
}
