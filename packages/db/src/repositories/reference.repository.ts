import { and, asc, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Chain, Cluster, Grade, Occupation, OccupationTree, OccupationTreeNode, RegionFeature, Skill } from '@talentmap/core';
import type { DbClient } from '../client.js';
import { likePattern } from './sql-helpers.js';
import { chains, clusters, grades, occupationGroups, occupationSkills, occupations, regions, skills } from '../schema.js';

/** Reference data changes only when it is reloaded, so lookups are plain reads (cached by callers). */
export class ReferenceRepository {
  constructor(private readonly client: DbClient) {}

  private get db() {
    return this.client.db;
  }

  async regions(level: 'province' | 'city' | 'district', parentCode?: string): Promise<RegionFeature[]> {
    const where = parentCode ? and(eq(regions.level, level), eq(regions.parentCode, parentCode)) : eq(regions.level, level);
    const rows = await this.db.select().from(regions).where(where).orderBy(asc(regions.code));
    return rows.map((r) => ({
      type: 'Feature' as const,
      properties: { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, centroid: [r.centroidLng, r.centroidLat] as [number, number] },
      geometry: r.boundary as RegionFeature['geometry'],
    }));
  }

  async regionExists(code: string): Promise<boolean> {
    const [row] = await this.db.select({ n: count() }).from(regions).where(eq(regions.code, code));
    return (row?.n ?? 0) > 0;
  }

  async clusters(): Promise<Cluster[]> {
    const rows = await this.db
      .select({
        code: clusters.code,
        name: clusters.name,
        shortName: clusters.shortName,
        description: clusters.description,
        cities: clusters.cities,
        // Qualified by hand: unqualified, "code" inside the subquery would bind to chains.code.
        chainCount: sql<number>`(select count(*)::int from chains ch where ch.cluster_code = "clusters"."code")`,
      })
      .from(clusters)
      .orderBy(asc(clusters.code));
    return rows;
  }

  async chains(filter: { cluster?: string | undefined; kind?: 'key' | 'advantage' | 'excellence' | undefined }): Promise<Chain[]> {
    const conditions: SQL[] = [];
    if (filter.cluster) conditions.push(eq(chains.clusterCode, filter.cluster));
    if (filter.kind) conditions.push(sql`${filter.kind} = any(${chains.tiers})`);
    return this.db
      .select()
      .from(chains)
      .where(and(...conditions))
      .orderBy(asc(chains.code));
  }

  async grades(): Promise<Grade[]> {
    return this.db.select().from(grades).orderBy(asc(grades.level));
  }

  async searchOccupations(q: string | undefined, limit: number, offset: number, chain?: string): Promise<{ items: Occupation[]; total: number }> {
    const conditions: SQL[] = [];
    if (q)
      conditions.push(sql`(${occupations.name} ilike ${likePattern(q)} or ${occupations.code} like ${likePattern(q)} or ${q} = any(${occupations.legacyCodes})
             or exists (select 1 from unnest(${occupations.aliases}) a where a ilike ${likePattern(q)}))`);
    if (chain) conditions.push(sql`${occupations.code} in (select occupation_code from chain_occupations where chain_code = ${chain})`);
    const where = and(...conditions);
    // Exact name or code first, then name prefix, then the rest by code.
    const order = q
      ? [
          sql`case when ${occupations.name} = ${q} or ${occupations.code} = ${q} or ${q} = any(${occupations.aliases}) or ${q} = any(${occupations.legacyCodes}) then 0 when ${occupations.name} like ${`${q}%`} then 1 else 2 end`,
          asc(occupations.code),
        ]
      : [asc(occupations.code)];
    const { embedding: _embedding, ...columns } = getTableColumns(occupations);
    const [rows, [total]] = await Promise.all([
      this.db
        .select(columns)
        .from(occupations)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(occupations).where(where),
    ]);
    const profiles = await this.profiles(rows.map((r) => r.code));
    const groups = await this.groupNames(rows.flatMap((r) => [String(r.majorGroup), r.middleGroup, r.minorGroup]));
    const group = (code: string) => ({ code, name: groups.get(code) ?? '' });
    return {
      items: rows.map((r) => ({
        code: r.code,
        name: r.name,
        aliases: r.aliases,
        legacyCodes: r.legacyCodes,
        majorGroup: group(String(r.majorGroup)),
        middleGroup: group(r.middleGroup),
        minorGroup: group(r.minorGroup),
        marks: r.marks,
        digital: r.digital,
        catalogVersion: r.catalogVersion,
        description: r.description,
        workTypes: r.workTypes,
        profileSource: r.profileSource,
        skills: profiles.get(r.code) ?? [],
      })),
      total: total?.n ?? 0,
    };
  }

  private async groupNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .select({ code: occupationGroups.code, name: occupationGroups.name })
      .from(occupationGroups)
      .where(inArray(occupationGroups.code, [...new Set(codes)]));
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async occupationGroups(level: 'major' | 'middle' | 'minor'): Promise<{ code: string; name: string }[]> {
    return this.db.select({ code: occupationGroups.code, name: occupationGroups.name }).from(occupationGroups).where(eq(occupationGroups.level, level));
  }

  /** Each 2015 code that now means a 2022 occupation. */
  async legacyCodes(): Promise<{ legacyCode: string; code: string }[]> {
    return this.client.rows(sql`select unnest(legacy_codes) as "legacyCode", code from occupations`);
  }

  /** The 大类 → 中类 → 小类 tree with the number of 细类 under each group. */
  async occupationTree(): Promise<OccupationTree> {
    const [groupRows, counts] = await Promise.all([
      this.db.select().from(occupationGroups).orderBy(asc(occupationGroups.code)),
      this.db.select({ minor: occupations.minorGroup, n: count() }).from(occupations).groupBy(occupations.minorGroup),
    ]);
    const perMinor = new Map(counts.map((c) => [c.minor, c.n]));
    const nodes = new Map<string, OccupationTreeNode>();
    const roots: OccupationTreeNode[] = [];
    for (const g of groupRows) {
      const node: OccupationTreeNode = { code: g.code, name: g.name, level: g.level, occupations: perMinor.get(g.code) ?? 0, children: [] };
      nodes.set(g.code, node);
      // A group's parent is its code without the last segment (6-18-02 → 6-18 → 6).
      const parent = nodes.get(g.code.split('-').slice(0, -1).join('-'));
      (parent?.children ?? roots).push(node);
    }
    const total = (node: OccupationTreeNode): number => (node.occupations = node.children.reduce((sum, c) => sum + total(c), node.occupations));
    return { total: roots.reduce((sum, r) => sum + total(r), 0), groups: roots };
  }

  async occupationExists(code: string): Promise<boolean> {
    const [row] = await this.db.select({ n: count() }).from(occupations).where(eq(occupations.code, code));
    return (row?.n ?? 0) > 0;
  }

  private async profiles(codes: string[]): Promise<Map<string, { name: string; weight: number }[]>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .select({ code: occupationSkills.occupationCode, name: skills.name, weight: occupationSkills.weight })
      .from(occupationSkills)
      .innerJoin(skills, eq(skills.id, occupationSkills.skillId))
      .where(sql`${occupationSkills.occupationCode} in ${codes}`)
      .orderBy(sql`${occupationSkills.weight} desc`, asc(skills.name));
    const map = new Map<string, { name: string; weight: number }[]>();
    for (const r of rows) map.set(r.code, [...(map.get(r.code) ?? []), { name: r.name, weight: r.weight }]);
    return map;
  }

  async searchSkills(q: string | undefined, limit: number, offset: number): Promise<{ items: Skill[]; total: number }> {
    const where = q
      ? sql`(${skills.name} ilike ${likePattern(q)} or exists (select 1 from unnest(${skills.aliases}) a where a ilike ${likePattern(q)}))`
      : undefined;
    const order = q
      ? [sql`case when ${skills.name} = ${q} or ${q} = any(${skills.aliases}) then 0 when ${skills.name} like ${`${q}%`} then 1 else 2 end`, asc(skills.name)]
      : [asc(skills.name)];
    // Qualified by hand: inside the subquery an unqualified parent_id would bind to the alias p.
    const parent = sql<string | null>`(select p.name from skills p where p.id = "skills"."parent_id")`;
    const [rows, [total]] = await Promise.all([
      this.db
        .select({ id: skills.id, name: skills.name, aliases: skills.aliases, category: skills.category, parent })
        .from(skills)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(skills).where(where),
    ]);
    return { items: rows, total: total?.n ?? 0 };
  }
}

/** Every lookup above: all of them may run on a read replica (ReadRouter.route). */
export const REFERENCE_READS = [
  'regions',
  'regionExists',
  'clusters',
  'chains',
  'grades',
  'searchOccupations',
  'occupationGroups',
  'legacyCodes',
  'occupationTree',
  'occupationExists',
  'searchSkills',
] as const satisfies readonly (keyof ReferenceRepository)[];
