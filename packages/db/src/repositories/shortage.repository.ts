import { asc, getTableColumns, sql, type SQL } from 'drizzle-orm';
import {
  ALL_GRADES,
  ALL_OCCUPATIONS,
  indicatorPointsSchema,
  PROVINCE_CODE,
  shortageSliceSchema,
  type CellFact,
  type DurationFact,
  type ShortageSlice,
  type SupplyFact,
  type TrainingFact,
  type WorkforceCounts,
} from '@talentmap/core';
import { csvField, type DbClient } from '../client.js';
import { indicators, shortageSlices } from '../schema.js';

export type CatalogRow = ShortageSlice & { occupationName: string; gradeName: string };

/** Totals of one region for a heatmap; `score` is null where nothing could be scored. */
export interface RegionTotals {
  regionCode: string;
  regionName: string;
  vacancies: number;
  seekers: number;
  score: number | null;
}

export interface TopOccupationRow {
  regionCode: string;
  occupationCode: string;
  occupationName: string;
  vacancies: number;
  seekers: number;
  ratio: number;
  score: number | null;
}

export interface SliceFilter {
  period: string;
  occupation?: string | undefined;
  grade?: number | undefined;
  /** A chain or cluster code: restricts to its occupations and attributes vacancies through its enterprises. */
  group?: string | undefined;
}

/** What the last refresh recorded in dataset_meta under 'shortage'. */
export interface ShortageMeta {
  refreshedAt: string;
  quarters: string[];
  years: string[];
  workforce: WorkforceCounts;
}

// A slice's five indicator points have columns of their own; each other field is stored in the
// column the table schema gives its key (a slice key without one fails to compile below).
const { pointsRatio, pointsDuration, pointsDemandGrowth, pointsWageGrowth, pointsPipeline, ...fieldColumns } = getTableColumns(shortageSlices);
const POINT_COLUMNS = {
  ratio: pointsRatio,
  duration: pointsDuration,
  demandGrowth: pointsDemandGrowth,
  wageGrowth: pointsWageGrowth,
  pipeline: pointsPipeline,
};
const FIELD_KEYS = shortageSliceSchema.keyof().options.filter((k): k is Exclude<keyof ShortageSlice, 'points'> => k !== 'points');
const POINT_KEYS = indicatorPointsSchema.keyof().options;

const COPY_COLUMNS = [...FIELD_KEYS.map((k) => fieldColumns[k].name), ...POINT_KEYS.map((k) => POINT_COLUMNS[k].name)];
const copyRow = (s: ShortageSlice) => [...FIELD_KEYS.map((k) => s[k]), ...POINT_KEYS.map((k) => s.points[k])].map(csvField).join(',');

/** Reads a row of `shortage_slices s` back as a ShortageSlice. */
const SLICE_SELECT = sql.join(
  [
    ...FIELD_KEYS.map((k) => sql`s.${sql.identifier(fieldColumns[k].name)} as ${sql.identifier(k)}`),
    sql`json_build_object(${sql.join(
      POINT_KEYS.map((k) => sql`${sql.raw(`'${k}'`)}, s.${sql.identifier(POINT_COLUMNS[k].name)}`),
      sql`, `,
    )}) as points`,
  ],
  sql`, `,
);

const quarterSql = (column: SQL) => sql`to_char(${column}, 'YYYY"Q"Q')`;
const BATCH = 20_000;

/**
 * The shortage rollups, the only tables the shortage API reads. The refresh after every load
 * (seed's refreshShortageRollups) reads the facts here, where the SQL only sums; the slices are
 * measured and scored in @talentmap/analytics and written back with `replaceRollups`.
 */
export class ShortageRepository {
  constructor(private readonly client: DbClient) {}

  // ---------------------------------------------------------------- refresh: facts from the raw tables

  cellFacts(): Promise<CellFact[]> {
    return this.client.rows<CellFact>(sql`
      with v as (
        select ${quarterSql(sql`posted_on`)} as quarter, region_code, occupation_code, grade,
               sum(headcount)::int as vacancies, count(*)::int as postings,
               sum(headcount::float8 * (wage_min + wage_max) / 2) as wage_sum
        from vacancies group by 1, 2, 3, 4),
      s as (
        select ${quarterSql(sql`registered_on`)} as quarter, region_code, occupation_code, grade, count(*)::int as seekers
        from job_seekers group by 1, 2, 3, 4)
      select quarter, r.code as "districtCode", r.parent_code as "cityCode", occupation_code as "occupationCode", grade::int as grade,
             coalesce(v.vacancies, 0) as vacancies, coalesce(v.postings, 0) as postings, coalesce(v.wage_sum, 0) as "wageSum",
             coalesce(s.seekers, 0) as seekers
      from v full join s using (quarter, region_code, occupation_code, grade)
      join regions r on r.code = region_code`);
  }

  /** Open postings are censored at the as-of date: the latest post or fill date in the data. */
  durationFacts(): Promise<DurationFact[]> {
    return this.client.rows<DurationFact>(sql`
      with as_of as (select greatest(max(posted_on), max(filled_on)) as day from vacancies)
      select ${quarterSql(sql`v.posted_on`)} as quarter, r.code as "districtCode", r.parent_code as "cityCode",
             v.occupation_code as "occupationCode", v.grade::int as grade,
             (coalesce(v.filled_on, as_of.day) - v.posted_on)::int as days, v.filled_on is null as open, count(*)::int as count
      from vacancies v cross join as_of join regions r on r.code = v.region_code
      group by 1, 2, 3, 4, 5, 6, 7`);
  }

  supplyFacts(): Promise<SupplyFact[]> {
    return this.client.rows<SupplyFact>(sql`
      select t.region_code as "districtCode", r.parent_code as "cityCode", t.occupation_code as "occupationCode",
             t.grade::int as grade, count(*)::int as talents
      from talents t join regions r on r.code = t.region_code group by 1, 2, 3, 4`);
  }

  trainingFacts(): Promise<TrainingFact[]> {
    return this.client.rows<TrainingFact>(sql`
      select i.region_code as "districtCode", r.parent_code as "cityCode", o.code as "occupationCode", sum(p.capacity)::int as capacity
      from programs p join institutions i on i.id = p.institution_id join regions r on r.code = i.region_code
      cross join lateral unnest(p.occupation_codes) as o(code)
      group by 1, 2, 3`);
  }

  // ---------------------------------------------------------------- refresh: writing the rollups

  /**
   * Replaces the rollups in one transaction: the slices, the chain and cluster attribution
   * (summed here from the raw tables) and the meta. The API keeps reading the previous
   * rollups (DELETE, not TRUNCATE, so readers are not locked out) until the new ones commit,
   * and a failure changes nothing.
   */
  async replaceRollups(slices: readonly ShortageSlice[], meta: Omit<ShortageMeta, 'refreshedAt'>): Promise<{ groupRows: number }> {
    const value: ShortageMeta = { refreshedAt: new Date().toISOString(), ...meta };
    await this.client.transaction(async (tx) => {
      await tx.rows(sql`delete from shortage_slices`);
      await tx.rows(sql`delete from shortage_group_vacancies`);
      await tx.rows(this.groupVacanciesInsert());
      for (let i = 0; i < slices.length; i += BATCH)
        await tx.copyCsv(
          'shortage_slices',
          COPY_COLUMNS,
          `${slices
            .slice(i, i + BATCH)
            .map(copyRow)
            .join('\n')}\n`,
        );
      await tx.rows(sql`insert into dataset_meta (key, value) values ('shortage', ${JSON.stringify(value)}::jsonb)
        on conflict (key) do update set value = excluded.value`);
    });
    await this.client.rows(sql`analyze shortage_slices`);
    await this.client.rows(sql`analyze shortage_group_vacancies`);
    const [group] = await this.client.rows<{ n: number }>(sql`select count(*)::int as n from shortage_group_vacancies`);
    return { groupRows: group?.n ?? 0 };
  }

  /**
   * A vacancy counts for a chain when its enterprise is linked to the chain and the chain's
   * matrix lists the occupation; for a cluster when that holds for any of its chains (once,
   * however many of them). Summed per quarter at each level, per grade and across grades.
   */
  private groupVacanciesInsert(): SQL {
    return sql`
      insert into shortage_group_vacancies (period, group_code, level, region_code, occupation_code, grade, vacancies)
      with membership as (
        select ec.enterprise_id, ec.chain_code as group_code, co.occupation_code
        from enterprise_chains ec join chain_occupations co on co.chain_code = ec.chain_code
        union
        select ec.enterprise_id, c.cluster_code, co.occupation_code
        from enterprise_chains ec join chains c on c.code = ec.chain_code join chain_occupations co on co.chain_code = ec.chain_code),
      attributed as (
        select ${quarterSql(sql`v.posted_on`)} as period, m.group_code, v.region_code as district, r.parent_code as city,
               v.occupation_code, v.grade, v.headcount
        from vacancies v
        join membership m on m.enterprise_id = v.enterprise_id and m.occupation_code = v.occupation_code
        join regions r on r.code = v.region_code)
      select period, group_code,
             case when grouping(district) = 0 then 'district' when grouping(city) = 0 then 'city' else 'province' end,
             coalesce(district, city, ${PROVINCE_CODE}), occupation_code,
             case when grouping(grade) = 0 then grade else ${ALL_GRADES} end, sum(headcount)::int
      from attributed
      group by grouping sets (
        (period, group_code, district, city, occupation_code, grade), (period, group_code, district, city, occupation_code),
        (period, group_code, city, occupation_code, grade), (period, group_code, city, occupation_code),
        (period, group_code, occupation_code, grade), (period, group_code, occupation_code))`;
  }

  // ---------------------------------------------------------------- reads

  /** Quarters and years with data, oldest first (recorded by the last refresh). */
  async periods(): Promise<{ quarters: string[]; years: string[] }> {
    const meta = await this.meta();
    return { quarters: meta?.quarters ?? [], years: meta?.years ?? [] };
  }

  private async meta(): Promise<ShortageMeta | null> {
    const [row] = await this.client.rows<{ value: ShortageMeta }>(sql`select value from dataset_meta where key = 'shortage'`);
    return row?.value ?? null;
  }

  async regionName(code: string): Promise<string> {
    const [row] = await this.client.rows<{ name: string }>(sql`select name from regions where code = ${code}`);
    return row?.name ?? code;
  }

  async groupExists(kind: 'chain' | 'cluster', code: string): Promise<boolean> {
    const rows = await this.client.rows(kind === 'chain' ? sql`select 1 from chains where code = ${code}` : sql`select 1 from clusters where code = ${code}`);
    return rows.length > 0;
  }

  async groupHasOccupation(group: string, occupation: string): Promise<boolean> {
    const rows = await this.client.rows(sql`select 1 from (${this.groupWeights(group)}) w where w.occupation_code = ${occupation}`);
    return rows.length > 0;
  }

  /** Each occupation of a chain (or of any chain in a cluster) with how much the chain employs it. */
  private groupWeights(group: string): SQL {
    return sql`select co.occupation_code, max(co.weight) as weight
      from chain_occupations co join chains c on c.code = co.chain_code
      where co.chain_code = ${group} or c.cluster_code = ${group} group by co.occupation_code`;
  }

  /**
   * One row per region at `level`. Without a group the slice (region × occupation-or-all ×
   * grade-or-all) was scored at refresh. With a chain or cluster, vacancies are the ones its
   * enterprises posted, seekers those registered for its occupations, and the score is its
   * occupations' scores weighted by matrix weight × attributed vacancies.
   */
  async regionTotals(level: 'city' | 'district', f: SliceFilter): Promise<RegionTotals[]> {
    const occupation = f.occupation ?? ALL_OCCUPATIONS;
    const grade = f.grade ?? ALL_GRADES;
    const totals = f.group
      ? sql`select s.region_code, sum(coalesce(a.vacancies, 0))::int as vacancies, sum(s.seekers)::int as seekers,
               sum(w.weight * a.vacancies * s.score) / nullif(sum(w.weight * a.vacancies) filter (where s.score is not null), 0) as score
             from shortage_slices s
             join (${this.groupWeights(f.group)}) w on w.occupation_code = s.occupation_code
             left join shortage_group_vacancies a on a.period = s.period and a.group_code = ${f.group} and a.level = s.level
               and a.grade = s.grade and a.region_code = s.region_code and a.occupation_code = s.occupation_code
             where s.period = ${f.period} and s.level = ${level} and s.grade = ${grade}
               ${f.occupation ? sql`and s.occupation_code = ${f.occupation}` : sql``}
             group by s.region_code`
      : sql`select s.region_code, s.vacancies, s.seekers, s.score from shortage_slices s
             where s.period = ${f.period} and s.level = ${level} and s.occupation_code = ${occupation} and s.grade = ${grade}`;
    return this.client.rows<RegionTotals>(sql`
      with t as (${totals})
      select r.code as "regionCode", r.name as "regionName", coalesce(t.vacancies, 0)::int as vacancies,
             coalesce(t.seekers, 0)::int as seekers, t.score::float8 as score
      from regions r left join t on t.region_code = r.code where r.level = ${level} order by r.code`);
  }

  /** The `limit` most short occupations of every region at `level` (occupation market scores). */
  async topOccupations(level: 'city' | 'district', f: SliceFilter, limit: number): Promise<TopOccupationRow[]> {
    return this.client.rows<TopOccupationRow>(sql`
      select t.region_code as "regionCode", t.occupation_code as "occupationCode", o.name as "occupationName",
             t.vacancies, t.seekers, t.ratio, t.score
      from (
        select s.region_code, s.occupation_code, s.vacancies, s.seekers, s.ratio, s.score,
               row_number() over (partition by s.region_code order by s.score desc nulls last, s.vacancies desc, s.occupation_code) as rank
        from shortage_slices s
        where s.period = ${f.period} and s.level = ${level} and s.grade = ${f.grade ?? ALL_GRADES}
          and s.occupation_code <> ${ALL_OCCUPATIONS} and s.vacancies > 0
          ${f.occupation ? sql`and s.occupation_code = ${f.occupation}` : sql``}
          ${f.group ? sql`and s.occupation_code in (select occupation_code from (${this.groupWeights(f.group)}) w)` : sql``}
      ) t join occupations o on o.code = t.occupation_code
      where t.rank <= ${limit} order by t.region_code, t.rank`);
  }

  /** Quarterly slices of one region × occupation-or-all, all grades. */
  async series(region: string, occupation: string | undefined): Promise<ShortageSlice[]> {
    return this.client.rows<ShortageSlice>(sql`
      select ${SLICE_SELECT} from shortage_slices s
      where s.region_code = ${region} and s.occupation_code = ${occupation ?? ALL_OCCUPATIONS} and s.grade = ${ALL_GRADES}
        and s.period like '%Q%' order by s.period`);
  }

  /** Quarterly totals of a chain or cluster in one region, computed as in `regionTotals`. */
  async groupSeries(
    region: string,
    group: string,
    occupation: string | undefined,
  ): Promise<{ period: string; vacancies: number; seekers: number; score: number | null }[]> {
    return this.client.rows(sql`
      select s.period, sum(coalesce(a.vacancies, 0))::int as vacancies, sum(s.seekers)::int as seekers,
             (sum(w.weight * a.vacancies * s.score) / nullif(sum(w.weight * a.vacancies) filter (where s.score is not null), 0))::float8 as score
      from shortage_slices s
      join (${this.groupWeights(group)}) w on w.occupation_code = s.occupation_code
      left join shortage_group_vacancies a on a.period = s.period and a.group_code = ${group} and a.level = s.level
        and a.grade = s.grade and a.region_code = s.region_code and a.occupation_code = s.occupation_code
      where s.region_code = ${region} and s.grade = ${ALL_GRADES} and s.period like '%Q%'
        ${occupation ? sql`and s.occupation_code = ${occupation}` : sql``}
      group by s.period order by s.period`);
  }

  /** Catalogue candidates: occupation × grade slices of one region and year, best first. */
  async catalog(f: {
    year: string;
    region: string;
    group?: string | undefined;
    grade?: number | undefined;
    limit: number;
    minVacancies: number;
  }): Promise<CatalogRow[]> {
    return this.client.rows<CatalogRow>(sql`
      select ${SLICE_SELECT}, o.name as "occupationName", g.name as "gradeName"
      from shortage_slices s join occupations o on o.code = s.occupation_code join grades g on g.level = s.grade
      where s.period = ${f.year} and s.region_code = ${f.region} and s.grade <> ${ALL_GRADES}
        and s.status in ('bottleneck', 'watch') and s.vacancies >= ${f.minVacancies}
        ${f.group ? sql`and s.occupation_code in (select occupation_code from (${this.groupWeights(f.group)}) w)` : sql``}
        ${f.grade !== undefined ? sql`and s.grade = ${f.grade}` : sql``}
      order by s.status = 'bottleneck' desc, s.score desc, s.ratio desc, s.vacancies desc, s.occupation_code, s.grade
      limit ${f.limit}`);
  }

  /** The chains whose matrix lists each occupation, most dependent first. */
  async chainsNeeding(occupations: string[]): Promise<Map<string, { code: string; name: string }[]>> {
    const out = new Map<string, { code: string; name: string }[]>();
    if (occupations.length === 0) return out;
    const rows = await this.client.rows<{ occupation: string; code: string; name: string }>(sql`
      select co.occupation_code as occupation, c.code, c.name from chain_occupations co join chains c on c.code = co.chain_code
      where co.occupation_code in ${occupations} order by co.weight desc, c.code`);
    for (const r of rows) out.set(r.occupation, [...(out.get(r.occupation) ?? []), { code: r.code, name: r.name }]);
    return out;
  }

  /** The 专栏1 indicators in plan order, with any value an administrator entered. */
  async planIndicators() {
    return this.client.db.select().from(indicators).orderBy(asc(indicators.code));
  }

  /** Talent counts recorded at the last refresh (null before any). */
  async workforce(): Promise<WorkforceCounts | null> {
    return (await this.meta())?.workforce ?? null;
  }
}
