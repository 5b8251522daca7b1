import { sql, type SQL } from 'drizzle-orm';
import type { SkillWeight } from '../schema.js';
import type { DbClient } from '../client.js';

export interface ProgramRecordRow {
  id: number;
  institutionId: number;
  name: string;
  occupationCodes: string[];
  skills: SkillWeight[];
  grade: number;
  hours: number;
  capacity: number;
  subsidyEligible: boolean;
  mode: 'online' | 'offline' | 'blended';
  /** The institution's district (programs have no place of their own). */
  regionCode: string;
  synthetic: boolean;
}
export type NewProgram = Omit<ProgramRecordRow, 'id' | 'regionCode' | 'synthetic'>;

export interface ProgramFilter {
  institutionId?: number | undefined;
  /** The institutions' districts; undefined: anywhere. */
  regionCodes?: string[] | undefined;
  occupationCode?: string | undefined;
  limit: number;
  offset: number;
}

const FROM = sql`from programs p join institutions i on i.id = p.institution_id`;
const SELECT = sql`select p.id, p.institution_id as "institutionId", p.name, p.occupation_codes as "occupationCodes", p.skills, p.grade,
  p.hours, p.capacity, p.subsidy_eligible as "subsidyEligible", p.mode, i.region_code as "regionCode", p.synthetic ${FROM}`;

const typed = (r: ProgramRecordRow): ProgramRecordRow => ({ ...r, id: Number(r.id), institutionId: Number(r.institutionId) });

function whereOf(f: ProgramFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.institutionId !== undefined) parts.push(sql`p.institution_id = ${f.institutionId}`);
  if (f.regionCodes)
    parts.push(
      f.regionCodes.length === 0
        ? sql`false`
        : sql`i.region_code in (${sql.join(
            f.regionCodes.map((c) => sql`${c}`),
            sql`, `,
          )})`,
    );
  if (f.occupationCode !== undefined) parts.push(sql`${f.occupationCode} = any(p.occupation_codes)`);
  return sql.join(parts, sql` and `);
}

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** Programs as their institutions keep them and planners read them. SQL only; who may see which is the service's rule. */
export class ProgramRepository {
  constructor(private readonly client: DbClient) {}

  async list(f: ProgramFilter): Promise<{ items: ProgramRecordRow[]; total: number }> {
    const where = whereOf(f);
    const [items, [count]] = await Promise.all([
      this.client.rows<ProgramRecordRow>(sql`${SELECT} where ${where} order by p.id desc limit ${f.limit} offset ${f.offset}`),
      this.client.rows<{ n: number }>(sql`select count(*)::int as n ${FROM} where ${where}`),
    ]);
    return { items: items.map(typed), total: Number(count?.n ?? 0) };
  }

  async byId(id: number): Promise<ProgramRecordRow | null> {
    const [row] = await this.client.rows<ProgramRecordRow>(sql`${SELECT} where p.id = ${id}`);
    return row ? typed(row) : null;
  }

  async insert(p: NewProgram, embedding: string | null): Promise<number> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into programs (institution_id, name, occupation_codes, skills, grade, hours, capacity, subsidy_eligible, mode, synthetic, embedding)
      values (${p.institutionId}, ${p.name}, ${textArray(p.occupationCodes)}, ${JSON.stringify(p.skills)}::jsonb, ${p.grade}, ${p.hours}, ${p.capacity},
              ${p.subsidyEligible}, ${p.mode}, false, ${embedding}::vector)
      returning id`);
    return Number(row?.id);
  }

  async update(p: ProgramRecordRow, embedding: string | null): Promise<void> {
    await this.client.rows(sql`
      update programs set name = ${p.name}, occupation_codes = ${textArray(p.occupationCodes)}, skills = ${JSON.stringify(p.skills)}::jsonb,
        grade = ${p.grade}, hours = ${p.hours}, capacity = ${p.capacity}, subsidy_eligible = ${p.subsidyEligible}, mode = ${p.mode},
        embedding = ${embedding}::vector
      where id = ${p.id} and institution_id = ${p.institutionId}`);
  }
}
