import { and, asc, count, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Chain, Cluster, Grade, Occupation, RegionFeature, Skill } from '@talentmap/core';
import type { DbClient } from '../client.js';
import { likePattern } from './sql-helpers.js';
import { chains, clusters, grades, occupationSkills, occupations, regions, skills } from '../schema.js';

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
      conditions.push(sql`(${occupations.name} ilike ${likePattern(q)} or ${occupations.code} like ${likePattern(q)}
             or exists (select 1 from unnest(${occupations.aliases}) a where a ilike ${likePattern(q)}))`);
    if (chain) conditions.push(sql`${occupations.code} in (select occupation_code from chain_occupations where chain_code = ${chain})`);
    const where = and(...conditions);
    // Exact name or code first, then name prefix, then the rest by code.
    const order = q
      ? [
          sql`case when ${occupations.name} = ${q} or ${occupations.code} = ${q} or ${q} = any(${occupations.aliases}) then 0 when ${occupations.name} like ${`${q}%`} then 1 else 2 end`,
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
    return {
      items: rows.map((r) => ({
        code: r.code,
        name: r.name,
        aliases: r.aliases,
        majorGroup: r.majorGroup,
        digital: r.digital,
        codeStatus: r.codeStatus,
        description: r.description,
        skills: profiles.get(r.code) ?? [],
      })),
      total: total?.n ?? 0,
    };
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
