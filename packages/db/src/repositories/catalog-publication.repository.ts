import { sql } from 'drizzle-orm';
import type { CatalogEntry } from '@talentmap/core';
import type { DbClient } from '../client.js';

export interface PublicationSummaryRow {
  id: number;
  year: string;
  regionCode: string;
  regionName: string;
  title: string;
  period: string;
  publishedAt: string;
  entryCount: number;
}

export interface PublicationRow extends PublicationSummaryRow {
  entries: CatalogEntry[];
}

const SUMMARY = sql`
  select p.id, p.year::text as year, p.region_code as "regionCode", r.name as "regionName", p.title, p.period,
         p.published_at as "publishedAt", jsonb_array_length(p.entries)::int as "entryCount"`;

const numeric = <T extends PublicationSummaryRow>(r: T): T => ({ ...r, id: Number(r.id), publishedAt: new Date(r.publishedAt).toISOString() });

/** Published catalogues: inserted once, never updated (a new year or a correction is a new publication). */
export class CatalogPublicationRepository {
  constructor(private readonly client: DbClient) {}

  async create(p: { year: string; regionCode: string; title: string; period: string; publishedBy: number | null; entries: CatalogEntry[] }): Promise<number> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into catalog_publications (year, region_code, title, period, published_by, entries)
      values (${Number(p.year)}, ${p.regionCode}, ${p.title}, ${p.period}, ${p.publishedBy}, ${JSON.stringify(p.entries)}::jsonb)
      returning id`);
    return Number(row?.id);
  }

  async count(): Promise<number> {
    const [row] = await this.client.rows<{ n: number }>(sql`select count(*)::int as n from catalog_publications`);
    return row?.n ?? 0;
  }

  async list(regionCode: string | undefined, limit: number): Promise<PublicationSummaryRow[]> {
    const where = regionCode ? sql`where p.region_code = ${regionCode}` : sql``;
    const rows = await this.client.rows<PublicationSummaryRow>(sql`${SUMMARY} from catalog_publications p join regions r on r.code = p.region_code ${where}
      order by p.id desc limit ${limit}`);
    return rows.map(numeric);
  }

  async byId(id: number): Promise<PublicationRow | null> {
    const [row] = await this.client.rows<PublicationRow>(
      sql`${SUMMARY}, p.entries from catalog_publications p join regions r on r.code = p.region_code where p.id = ${id}`,
    );
    return row ? numeric(row) : null;
  }

  /** The newest publication for a region (of a year, when given). */
  async latest(regionCode: string, year: string | undefined): Promise<PublicationRow | null> {
    const [row] = await this.client.rows<PublicationRow>(sql`${SUMMARY}, p.entries from catalog_publications p join regions r on r.code = p.region_code
      where p.region_code = ${regionCode} and (${year ?? null}::int is null or p.year = ${year ?? null}::int)
      order by p.id desc limit 1`);
    return row ? numeric(row) : null;
  }
}
