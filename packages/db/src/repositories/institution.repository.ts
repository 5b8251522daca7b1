import { sql, type SQL } from 'drizzle-orm';
import type { DbClient } from '../client.js';
import type { SkillWeight } from '../schema.js';
import { likePattern, rowsOf, vectorParam } from './sql-helpers.js';

export interface InstitutionRow {
  id: number;
  name: string;
  kind: 'technical_school' | 'training_body' | 'training_base' | 'master_studio';
  regionCode: string;
  cityCode: string;
  capacity: number;
  programCount: number;
  lng: number;
  lat: number;
}

export interface InstitutionProgramRow {
  id: number;
  name: string;
  occupationCodes: string[];
  skills: SkillWeight[];
  hours: number;
  capacity: number;
  grade: number;
}

/** Institutions, their programs, and what the city around them needs: the inputs of 专业与产业吻合度. */
export class InstitutionRepository {
  constructor(private readonly client: DbClient) {}

  async institutions(filter: { q?: string | undefined; regionCodes?: string[] | undefined; kind?: string | undefined; id?: number; limit: number }) {
    const conditions: SQL[] = [sql`true`];
    if (filter.q) conditions.push(sql`i.name ilike ${likePattern(filter.q)}`);
    if (filter.regionCodes) conditions.push(sql`i.region_code in ${filter.regionCodes}`);
    if (filter.kind) conditions.push(sql`i.kind = ${filter.kind}`);
    if (filter.id !== undefined) conditions.push(sql`i.id = ${filter.id}`);
    const where = sql.join(conditions, sql` and `);
    const [rows, [total]] = await Promise.all([
      this.client.rows<InstitutionRow>(sql`
        select i.id, i.name, i.kind, i.region_code as "regionCode", r.parent_code as "cityCode", i.capacity, i.lng, i.lat,
               (select count(*)::int from programs p where p.institution_id = i.id) as "programCount"
        from institutions i join regions r on r.code = i.region_code
        where ${where} order by i.id limit ${filter.limit}`),
      this.client.rows<{ n: number }>(sql`select count(*)::int as n from institutions i where ${where}`),
    ]);
    return { items: rows.map((r) => ({ ...r, id: Number(r.id) })), total: Number(total?.n ?? 0) };
  }

  async programsOf(institutionId: number): Promise<InstitutionProgramRow[]> {
    return this.client.rows<InstitutionProgramRow>(sql`
      select id, name, occupation_codes as "occupationCodes", skills, hours, capacity, grade
      from programs where institution_id = ${institutionId} order by id`);
  }

  /** How much the chains concentrated in a city employ each occupation (the largest matrix weight). */
  async chainDemand(cityCode: string): Promise<Map<string, number>> {
    const rows = await this.client.rows<{ code: string; weight: number }>(sql`
      select co.occupation_code as code, max(co.weight) as weight
      from chain_occupations co join chains c on c.code = co.chain_code
      where ${cityCode} = any(c.cities) group by 1`);
    return new Map(rows.map((r) => [r.code, Number(r.weight)]));
  }

  /** Occupations short in a city (bottleneck or watch), latest year, all grades, worst first. */
  async shortOccupations(cityCode: string, limit: number) {
    const rows = await this.client.rows<{ code: string; score: number; ratio: number }>(sql`
      select occupation_code as code, score, ratio from shortage_slices
      where period = (select max(period) from shortage_slices where period ~ '^[0-9]{4}$')
        and region_code = ${cityCode} and grade = 0 and occupation_code <> '*'
        and status in ('bottleneck', 'watch')
      order by score desc, occupation_code limit ${limit}`);
    return rows.map((r) => ({ code: r.code, score: Number(r.score), ratio: Number.isFinite(Number(r.ratio)) ? Number(r.ratio) : null }));
  }

  /**
   * Talents in the given districts whose vectors lie within `maxDistance` (cosine) of an
   * occupation's but who do not hold it: people a short course could move into the job.
   */
  async nearMatchTalents(vector: readonly number[], occupationCode: string, districts: string[], maxDistance: number, cap: number) {
    const q = vectorParam(vector);
    return this.client.db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
      await tx.execute(sql`set local hnsw.ef_search = 200`);
      const result = await tx.execute(sql`
        select region_code as "regionCode", skills from talents
        where (region_code || '') in ${districts} and occupation_code is distinct from ${occupationCode}
          and embedding <=> ${q}::vector <= ${maxDistance}
        order by embedding <=> ${q}::vector limit ${cap}`);
      return rowsOf<{ regionCode: string; skills: { skillId: number }[] }>(result);
    });
  }
}
