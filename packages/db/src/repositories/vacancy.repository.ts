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
export type NewVacancy = Omit<VacancyRow, 'id' | 'filledOn' | 'synthetic'>;

export interface VacancyFilter {
  enterpriseId?: number | undefined;
  /** Districts; undefined: anywhere. */
  regionCodes?: string[] | undefined;
  occupationCode?: string | undefined;
  status?: 'open' | 'closed' | undefined;
  limit: number;
  offset: number;
}

const SELECT = sql`select id, enterprise_id as "enterpriseId", title, occupation_code as "occupationCode", grade, headcount,
  wage_min as "wageMin", wage_max as "wageMax", skills, region_code as "regionCode", posted_on::text as "postedOn",
  filled_on::text as "filledOn", synthetic from vacancies`;

// bigserial and integer columns may come back as strings or bigints, depending on the driver.
const typed = (r: VacancyRow): VacancyRow => ({ ...r, id: Number(r.id), enterpriseId: Number(r.enterpriseId) });

function whereOf(f: VacancyFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.enterpriseId !== undefined) parts.push(sql`enterprise_id = ${f.enterpriseId}`);
  if (f.regionCodes)
    parts.push(
      f.regionCodes.length === 0
        ? sql`false`
        : sql`region_code in (${sql.join(
            f.regionCodes.map((c) => sql`${c}`),
            sql`, `,
          )})`,
    );
  if (f.occupationCode !== undefined) parts.push(sql`occupation_code = ${f.occupationCode}`);
  if (f.status === 'open') parts.push(sql`filled_on is null`);
  if (f.status === 'closed') parts.push(sql`filled_on is not null`);
  return sql.join(parts, sql` and `);
}

/** Vacancies as their enterprises keep them and planners read them. SQL only; who may see which is the service's rule. */
export class VacancyRepository {
  constructor(private readonly client: DbClient) {}

  async list(f: VacancyFilter): Promise<{ items: VacancyRow[]; total: number }> {
    const where = whereOf(f);
    const [items, [count]] = await Promise.all([
      this.client.rows<VacancyRow>(sql`${SELECT} where ${where} order by id desc limit ${f.limit} offset ${f.offset}`),
      this.client.rows<{ n: number }>(sql`select count(*)::int as n from vacancies where ${where}`),
    ]);
    return { items: items.map(typed), total: Number(count?.n ?? 0) };
  }

  async byId(id: number): Promise<VacancyRow | null> {
    const [row] = await this.client.rows<VacancyRow>(sql`${SELECT} where id = ${id}`);
    return row ? typed(row) : null;
  }

  async insert(v: NewVacancy, embedding: string | null): Promise<number> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into vacancies (enterprise_id, region_code, occupation_code, grade, headcount, title, skills, posted_on, wage_min, wage_max, synthetic, embedding)
      values (${v.enterpriseId}, ${v.regionCode}, ${v.occupationCode}, ${v.grade}, ${v.headcount}, ${v.title}, ${JSON.stringify(v.skills)}::jsonb,
              ${v.postedOn}, ${v.wageMin}, ${v.wageMax}, false, ${embedding}::vector)
      returning id`);
    return Number(row?.id);
  }

  async update(v: VacancyRow, embedding: string | null): Promise<void> {
    await this.client.rows(sql`
      update vacancies set region_code = ${v.regionCode}, occupation_code = ${v.occupationCode}, grade = ${v.grade}, headcount = ${v.headcount},
        title = ${v.title}, skills = ${JSON.stringify(v.skills)}::jsonb, posted_on = ${v.postedOn}, filled_on = ${v.filledOn},
        wage_min = ${v.wageMin}, wage_max = ${v.wageMax}, embedding = ${embedding}::vector
      where id = ${v.id} and enterprise_id = ${v.enterpriseId}`);
  }

  /** The district an enterprise sits in: where its vacancies are posted unless they say otherwise. */
  async enterpriseDistrict(enterpriseId: number): Promise<string | null> {
    const [row] = await this.client.rows<{ regionCode: string }>(sql`select region_code as "regionCode" from enterprises where id = ${enterpriseId}`);
    return row?.regionCode ?? null;
  }

  /** A district's city and centre: where a vacancy's candidates are searched from. */
  async district(code: string): Promise<{ cityCode: string; lng: number; lat: number } | null> {
    const [row] = await this.client.rows<{ cityCode: string; lng: number; lat: number }>(sql`
      select parent_code as "cityCode", centroid_lng as lng, centroid_lat as lat from regions where code = ${code} and level = 'district'`);
    return row ? { cityCode: row.cityCode, lng: Number(row.lng), lat: Number(row.lat) } : null;
  }
}
