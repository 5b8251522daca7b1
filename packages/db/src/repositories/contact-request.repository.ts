import { sql } from 'drizzle-orm';
import type { DbClient } from '../client.js';

export interface ContactRequestRow {
  id: number;
  createdAt: string;
  status: 'pending' | 'forwarded' | 'declined' | 'closed';
  talentId: number;
  regionCode: string;
  enterpriseId: number;
  enterpriseName: string;
  vacancyId: number | null;
  vacancyTitle: string | null;
  message: string;
  note: string | null;
  handledAt: string | null;
}

const SELECT = sql`
  select c.id, c.created_at as "createdAt", c.status, c.talent_id as "talentId", c.region_code as "regionCode",
         c.enterprise_id as "enterpriseId", e.name as "enterpriseName", c.vacancy_id as "vacancyId", v.title as "vacancyTitle",
         c.message, c.note, c.handled_at as "handledAt"
  from contact_requests c join enterprises e on e.id = c.enterprise_id left join vacancies v on v.id = c.vacancy_id`;

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
const numeric = (r: ContactRequestRow): ContactRequestRow => ({
  ...r,
  id: Number(r.id),
  talentId: Number(r.talentId),
  enterpriseId: Number(r.enterpriseId),
  vacancyId: r.vacancyId === null ? null : Number(r.vacancyId),
  createdAt: iso(r.createdAt) as string,
  handledAt: iso(r.handledAt),
});

/** Contact requests (推荐 through the employment service), and the lookups their checks need. */
export class ContactRequestRepository {
  constructor(private readonly client: DbClient) {}

  async talentDistrict(talentId: number): Promise<string | null> {
    const [row] = await this.client.rows<{ regionCode: string }>(sql`select region_code as "regionCode" from talents where id = ${talentId}`);
    return row?.regionCode ?? null;
  }

  /** Whether a vacancy belongs to the enterprise. */
  async ownsVacancy(enterpriseId: number, vacancyId: number): Promise<boolean> {
    const [row] = await this.client.rows<{ n: number }>(
      sql`select count(*)::int as n from vacancies where id = ${vacancyId} and enterprise_id = ${enterpriseId}`,
    );
    return (row?.n ?? 0) > 0;
  }

  async create(input: {
    enterpriseId: number;
    accountId: number | null;
    vacancyId: number | null;
    talentId: number;
    regionCode: string;
    message: string;
  }): Promise<number> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into contact_requests (enterprise_id, account_id, vacancy_id, talent_id, region_code, message)
      values (${input.enterpriseId}, ${input.accountId}, ${input.vacancyId}, ${input.talentId}, ${input.regionCode}, ${input.message})
      returning id`);
    return Number(row?.id);
  }

  async byId(id: number): Promise<ContactRequestRow | null> {
    const [row] = await this.client.rows<ContactRequestRow>(sql`${SELECT} where c.id = ${id}`);
    return row ? numeric(row) : null;
  }

  async ofEnterprise(enterpriseId: number, limit = 200): Promise<ContactRequestRow[]> {
    return (await this.client.rows<ContactRequestRow>(sql`${SELECT} where c.enterprise_id = ${enterpriseId} order by c.id desc limit ${limit}`)).map(numeric);
  }

  /** Requests about talents living in the districts (all of them without a list). */
  async inDistricts(districts: string[] | undefined, limit = 200): Promise<ContactRequestRow[]> {
    const where = districts ? sql`where c.region_code in ${districts}` : sql``;
    return (await this.client.rows<ContactRequestRow>(sql`${SELECT} ${where} order by c.id desc limit ${limit}`)).map(numeric);
  }

  async update(id: number, change: { status: string; note: string | null; handledBy: number | null }): Promise<void> {
    await this.client.rows(sql`
      update contact_requests set status = ${change.status}, note = ${change.note}, handled_by = ${change.handledBy}, handled_at = now()
      where id = ${id}`);
  }
}
