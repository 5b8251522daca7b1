import { sql, type SQL } from 'drizzle-orm';
import type { DbClient } from '../client.js';

/** Map layers: aggregates and public points, never a person's location. */
export class MapRepository {
  constructor(private readonly client: DbClient) {}

  /**
   * Talents counted on a fine lng/lat grid (step in degrees): the input of the hexbin layer.
   * Counting in SQL keeps a million rows in the database; only grid cells travel.
   */
  async talentGrid(step: number, filter: { occupation?: string | undefined; minGrade?: number | undefined }) {
    const conditions: SQL[] = [sql`true`];
    if (filter.occupation) conditions.push(sql`occupation_code = ${filter.occupation}`);
    if (filter.minGrade !== undefined) conditions.push(sql`grade >= ${filter.minGrade}`);
    const rows = await this.client.rows<{ lng: number; lat: number; n: number }>(sql`
      select round(lng / ${step}) * ${step} as lng, round(lat / ${step}) * ${step} as lat, count(*)::int as n
      from talents where ${sql.join(conditions, sql` and `)} group by 1, 2`);
    return rows.map((r) => ({ lng: Number(r.lng), lat: Number(r.lat), weight: Number(r.n) }));
  }

  /** Enterprises with their first chain (colour) and cluster. Enterprises are public entities. */
  async enterprises(filter: { chain?: string | undefined; cluster?: string | undefined }) {
    const conditions: SQL[] = [sql`true`];
    if (filter.chain) conditions.push(sql`c.code = ${filter.chain}`);
    if (filter.cluster) conditions.push(sql`c.cluster_code = ${filter.cluster}`);
    return this.client.rows<{
      id: number;
      name: string;
      lng: number;
      lat: number;
      size: 'micro' | 'small' | 'medium' | 'large';
      chainLeader: boolean;
      regionCode: string;
      chainCode: string;
      chainName: string;
      clusterCode: string;
    }>(sql`
      select distinct on (e.id) e.id, e.name, e.lng, e.lat, e.size, e.chain_leader as "chainLeader", e.region_code as "regionCode",
             c.code as "chainCode", c.name as "chainName", c.cluster_code as "clusterCode"
      from enterprises e join enterprise_chains ec on ec.enterprise_id = e.id join chains c on c.code = ec.chain_code
      where ${sql.join(conditions, sql` and `)}
      order by e.id, c.code`);
  }
}
