import { sql, type SQL } from 'drizzle-orm';
import type { SkillWeight } from '../schema.js';
import type { DbClient } from '../client.js';

export interface VacancyRow {
  id: number;
  enterpriseId: number;
  title: string;
  occupationCode: string;
  grade: number;
  headcount: number;
  wageMin: number;
  wageMax: number;
  skills: SkillWeight[];
  regionCode: string;
  postedOn: string;
  filledOn: string | null;
  synthetic: boolean;
}

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
  synthetic: boolean;
}

const VACANCY = sql`select id, enterprise_id as "enterpriseId", title, occupation_code as "occupationCode", grade, headcount,
  wage_min as "wageMin", wage_max as "wageMax", skills, region_code as "regionCode", posted_on::text as "postedOn",
  filled_on::text as "filledOn", synthetic from vacancies`;
const PROGRAM = sql`select id, institution_id as "institutionId", name, occupation_codes as "occupationCodes", skills, grade, hours, capacity,
  subsidy_eligible as "subsidyEligible", mode, synthetic from programs`;

const ids = <T extends { id: number }>(r: T, owner: keyof T): T => ({ ...r, id: Number(r.id), [owner]: Number(r[owner]) });

/** Vacancies of one enterprise and programs of one institution, as their owners create and edit them. SQL only. */
export class OwnedRecordRepository {
  constructor(private readonly client: DbClient) {}

  async enterpriseDistrict(enterpriseId: number): Promise<string | null> {
    const [row] = await this.client.rows<{ regionCode: string }>(sql`select region_code as "regionCode" from enterprises where id = ${enterpriseId}`);
    return row?.regionCode ?? null;
  }

  async vacancies(enterpriseId: number, f: { status?: 'open' | 'closed' | undefined; limit: number; offset: number }) {
    const where = sql`enterprise_id = ${enterpriseId} ${f.status === 'open' ? sql`and filled_on is null` : f.status === 'closed' ? sql`and filled_on is not null` : sql``}`;
    return this.page<VacancyRow>(VACANCY, sql`vacancies`, where, f, 'enterpriseId');
  }

  async vacancy(id: number, enterpriseId: number): Promise<VacancyRow | null> {
    const [row] = await this.client.rows<VacancyRow>(sql`${VACANCY} where id = ${id} and enterprise_id = ${enterpriseId}`);
    return row ? ids(row, 'enterpriseId') : null;
  }

  async insertVacancy(v: Omit<VacancyRow, 'id' | 'filledOn' | 'synthetic'>, embedding: string | null): Promise<number> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into vacancies (enterprise_id, region_code, occupation_code, grade, headcount, title, skills, posted_on, wage_min, wage_max, synthetic, embedding)
      values (${v.enterpriseId}, ${v.regionCode}, ${v.occupationCode}, ${v.grade}, ${v.headcount}, ${v.title}, ${JSON.stringify(v.skills)}::jsonb,
              ${v.postedOn}, ${v.wageMin}, ${v.wageMax}, false, ${embedding}::vector)
      returning id`);
    return Number(row?.id);
  }

  async updateVacancy(v: VacancyRow, embedding: string | null): Promise<void> {
    await this.client.rows(sql`
      update vacancies set region_code = ${v.regionCode}, occupation_code = ${v.occupationCode}, grade = ${v.grade}, headcount = ${v.headcount},
        title = ${v.title}, skills = ${JSON.stringify(v.skills)}::jsonb, posted_on = ${v.postedOn}, filled_on = ${v.filledOn},
        wage_min = ${v.wageMin}, wage_max = ${v.wageMax}, embedding = ${embedding}::vector
      where id = ${v.id} and enterprise_id = ${v.enterpriseId}`);
  }

  async programs(institutionId: number, f: { limit: number; offset: number }) {
    return this.page<ProgramRecordRow>(PROGRAM, sql`programs`, sql`institution_id = ${institutionId}`, f, 'institutionId');
  }

  async program(id: number, institutionId: number): Promise<ProgramRecordRow | null> {
    const [row] = await this.client.rows<ProgramRecordRow>(sql`${PROGRAM} where id = ${id} and institution_id = ${institutionId}`);
    return row ? ids(row, 'institutionId') : null;
  }

  async insertProgram(p: Omit<ProgramRecordRow, 'id' | 'synthetic'>, embedding: string | null): Promise<number> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into programs (institution_id, name, occupation_codes, skills, grade, hours, capacity, subsidy_eligible, mode, synthetic, embedding)
      values (${p.institutionId}, ${p.name}, ${toTextArray(p.occupationCodes)}, ${JSON.stringify(p.skills)}::jsonb, ${p.grade}, ${p.hours}, ${p.capacity},
              ${p.subsidyEligible}, ${p.mode}, false, ${embedding}::vector)
      returning id`);
    return Number(row?.id);
  }

  async updateProgram(p: ProgramRecordRow, embedding: string | null): Promise<void> {
    await this.client.rows(sql`
      update programs set name = ${p.name}, occupation_codes = ${toTextArray(p.occupationCodes)}, skills = ${JSON.stringify(p.skills)}::jsonb,
        grade = ${p.grade}, hours = ${p.hours}, capacity = ${p.capacity}, subsidy_eligible = ${p.subsidyEligible}, mode = ${p.mode},
        embedding = ${embedding}::vector
      where id = ${p.id} and institution_id = ${p.institutionId}`);
  }

  private async page<T extends { id: number }>(select: SQL, table: SQL, where: SQL, f: { limit: number; offset: number }, owner: keyof T) {
    const [items, [count]] = await Promise.all([
      this.client.rows<T>(sql`${select} where ${where} order by id desc limit ${f.limit} offset ${f.offset}`),
      this.client.rows<{ n: number }>(sql`select count(*)::int as n from ${table} where ${where}`),
    ]);
    return { items: items.map((r) => ids(r, owner)), total: count?.n ?? 0 };
  }
}

const toTextArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
