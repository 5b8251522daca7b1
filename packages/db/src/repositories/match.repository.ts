import { asc, sql, type SQL } from 'drizzle-orm';
import type { DbClient } from '../client.js';
import { rowsOf, vectorParam } from './sql-helpers.js';
import { occupationSkills, occupations, skills, type SkillLevel, type SkillWeight } from '../schema.js';

export interface SkillGraphRows {
  skills: { id: number; name: string; aliases: string[]; category: string; parentId: number | null }[];
  occupations: { code: string; name: string; aliases: string[]; definition: string; skills: SkillWeight[] }[];
}

export interface CandidateFilter {
  minGrade?: number | undefined;
  /** District codes the talent must live in (a city is expanded to its districts by the caller). */
  regionCodes?: string[] | undefined;
  near?: { lng: number; lat: number; radiusKm: number } | undefined;
  availableOnly?: boolean | undefined;
}

export interface CandidateRow {
  id: number;
  regionCode: string;
  grade: number;
  skills: SkillLevel[];
  employmentStatus: 'employed' | 'unemployed' | 'student';
  openToOffers: boolean;
  willingRadiusKm: number;
  lng: number;
  lat: number;
  distance: number;
}

/** The documented score as numbers (@talentmap/matcher scoreTerms), for scoredCandidates to compute in SQL. */
export interface SqlScoreTerms {
  weights: { similarity: number; coverage: number; grade: number; distance: number; availability: number };
  totalWeight: number;
  credits: readonly { required: number; skillId: number; credit: number; exact: boolean }[];
  levelCredit: readonly number[];
  gradeFit: readonly number[];
  availability: { notOpen: number; unemployed: number; student: number; employed: number };
  near?: { lng: number; lat: number; bands: readonly { fromKm: number; fit: number }[] } | undefined;
}

/** Retrieval by the HNSW index (approximate, the default) or by exact distance over every qualifying row. */
export type SearchStrategy = 'hnsw' | 'exact';

/** Candidates per search the index walks before giving up; pgvector's default is 40. */
export const HNSW_EF_SEARCH = 64;
/**
 * Tuples an iterative scan may visit before it stops (pgvector's default is 20,000). A filter
 * that needs more is selective enough for the exact path, which the caller then takes.
 */
export const HNSW_MAX_SCAN = 8_000;

/** Great-circle distance in km between a row's (lng, lat) and a point, in SQL (haversine). */
export const haversineKm = (lng: number, lat: number) =>
  sql`(2 * 6371.0088 * asin(least(1, sqrt(
        power(sin(radians(lat - ${lat}) / 2), 2) +
        cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lng - ${lng}) / 2), 2)))))`;

/**
 * The hard filters as SQL, with the btrees allowed to serve all, only the region, or none of them.
 * On the HNSW path none can ("|| ''", "+ 0"): the planner misjudges how selective a radius with a
 * grade or a long region list is, and would otherwise read every row those indexes point at. A
 * minimum grade alone keeps most talents: read through its index it costs more than it saves.
 */
function filterConditions(filter: CandidateFilter, btree: 'all' | 'region' | 'none'): SQL[] {
  const region = btree === 'none' ? sql`(region_code || '')` : sql`region_code`;
  const grade = btree === 'all' ? sql`grade` : sql`(grade + 0)`;
  const conditions: SQL[] = [sql`embedding is not null`];
  if (filter.minGrade !== undefined) conditions.push(sql`${grade} >= ${filter.minGrade}`);
  if (filter.regionCodes) conditions.push(sql`${region} in ${filter.regionCodes}`);
  if (filter.availableOnly) conditions.push(sql`open_to_offers`);
  if (filter.near) {
    const { lng, lat, radiusKm } = filter.near;
    // A bounding box first (cheap), then the exact great-circle test.
    const dLat = radiusKm / 111.0;
    const dLng = radiusKm / (111.32 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
    conditions.push(sql`lat between ${lat - dLat} and ${lat + dLat} and lng between ${lng - dLng} and ${lng + dLng}`);
    conditions.push(sql`${haversineKm(lng, lat)} <= ${radiusKm}`);
  }
  return conditions;
}

/** A numeric array parameter: `{1,2.5}`. */
const numbers = (values: readonly number[]) => `{${values.join(',')}}`;

/**
 * The credit tables of a score as four array parameters, bound once per query (as the relation
 * `credit` the score reads): per skill id its row in the tables, 0 for a skill that earns nothing
 * (indexed by id, so a held skill finds its row in one step: array_position over a large demand's
 * thousand related skills cost ~100 µs a call); per (skill, required skill) what it earns held
 * exactly (times the level's factor) or as a related skill, flattened skill-major; and the factor
 * per level. Skill ids are the skills table's serial ids, so the index array stays small.
 */
function creditTables(terms: SqlScoreTerms): { table: SQL; required: number } {
  const required = [...new Set(terms.credits.map((c) => c.required))];
  const skillIds = [...new Set(terms.credits.map((c) => c.skillId))];
  const rowOf = new Array<number>(Math.max(0, ...skillIds) + 1).fill(0);
  skillIds.forEach((id, i) => (rowOf[id] = i + 1));
  const exact = new Array<number>(skillIds.length * required.length).fill(0);
  const related = new Array<number>(skillIds.length * required.length).fill(0);
  for (const c of terms.credits) {
    const at = ((rowOf[c.skillId] as number) - 1) * required.length + required.indexOf(c.required);
    if (c.exact) exact[at] = c.credit;
    else related[at] = Math.max(related[at] ?? 0, c.credit);
  }
  // Subscripts from 0, as skill ids: '[0:n]={…}'.
  const table = sql`(select ${`[0:${rowOf.length - 1}]=${numbers(rowOf)}`}::int[] as row_of, ${numbers(exact)}::float8[] as exact_credit,
    ${numbers(related)}::float8[] as related_credit, ${numbers(terms.levelCredit)}::float8[] as level_credit) as credit`;
  return { table, required: required.length };
}

/**
 * The score of one talent row in SQL, the same sum as scoreCandidate (unrounded), reading the
 * `credit` relation of creditTables. Coverage is one pass over the talent's few skills: each finds
 * its row of the tables (credit.row_of), and per required skill the best credit counts (an exact
 * skill always beats a related one: 0.6 > 0.5). About 5 µs a row here; a join with the credits and
 * a group by per row took ~36 µs (a hash table each).
 */
function scoreSql(terms: SqlScoreTerms, required: number, q: string): SQL {
  const { weights: w, availability: a } = terms;
  const best = Array.from(
    { length: required },
    (_, r) => sql`coalesce(max(greatest(credit.exact_credit[p + ${r + 1}] * credit.level_credit[lv], credit.related_credit[p + ${r + 1}])), 0)`,
  );
  const coverage =
    required === 0
      ? sql`0`
      : sql`coalesce((select ${sql.join(best, sql` + `)}
          from (select (nullif(credit.row_of[e."skillId"], 0) - 1) * ${required} as p, least(10, greatest(0, e.level)) + 1 as lv
                from jsonb_to_recordset(skills) as e("skillId" int, level int)) held
          where p is not null), 0)`;
  const near = terms.near;
  const distance = near
    ? sql`(select case ${sql.join(
        [...near.bands].sort((x, y) => y.fromKm - x.fromKm).map((b) => sql`when km >= ${b.fromKm} then ${b.fit}::float8`),
        sql` `,
      )} else 1 end from (select ${haversineKm(near.lng, near.lat)} as km) d)`
    : sql`1`;
  return sql`(${w.similarity}::float8 * greatest(0, least(1, 1 - (embedding <=> ${q}::vector)))
    + ${w.coverage}::float8 * ${coverage} / ${terms.totalWeight > 0 ? terms.totalWeight : 1}::float8
    + ${w.grade}::float8 * (${numbers(terms.gradeFit)}::float8[])[grade + 1]
    + ${w.distance}::float8 * ${distance}
    + ${w.availability}::float8 * case when not open_to_offers then ${a.notOpen}::float8 when employment_status = 'unemployed' then ${a.unemployed}::float8
        when employment_status = 'student' then ${a.student}::float8 else ${a.employed}::float8 end)`;
}

const candidateColumns = (q: string) => sql`id, region_code as "regionCode", grade, skills, employment_status as "employmentStatus",
  open_to_offers as "openToOffers", willing_radius_km as "willingRadiusKm", lng, lat, embedding <=> ${q}::vector as distance`;
const candidateRow = (r: CandidateRow): CandidateRow => ({ ...r, id: Number(r.id), distance: Number(r.distance) });

export class MatchRepository {
  constructor(private readonly client: DbClient) {}

  /** The matcher's training input, read in a stable order so every process builds the same space. */
  async skillGraph(): Promise<SkillGraphRows> {
    const skillRows = await this.client.db
      .select({ id: skills.id, name: skills.name, aliases: skills.aliases, category: skills.category, parentId: skills.parentId })
      .from(skills)
      .orderBy(asc(skills.id));
    const occupationRows = await this.client.db
      .select({
        code: occupations.code,
        name: occupations.name,
        aliases: occupations.aliases,
        description: occupations.description,
        workTypes: occupations.workTypes,
      })
      .from(occupations)
      .orderBy(asc(occupations.code));
    const profileRows = await this.client.db
      .select({ code: occupationSkills.occupationCode, skillId: occupationSkills.skillId, weight: occupationSkills.weight })
      .from(occupationSkills)
      .orderBy(asc(occupationSkills.occupationCode), asc(occupationSkills.skillId));
    const profiles = new Map<string, SkillWeight[]>();
    for (const r of profileRows) profiles.set(r.code, [...(profiles.get(r.code) ?? []), { skillId: r.skillId, weight: r.weight }]);
    return {
      skills: skillRows,
      occupations: occupationRows.map(({ description, workTypes, ...o }) => ({
        ...o,
        definition: [description, ...workTypes].join(' '),
        skills: profiles.get(o.code) ?? [],
      })),
    };
  }

  /**
   * Nearest talents to a vector under hard filters. With HNSW, pgvector 0.8's iterative
   * index scan keeps walking the graph until `limit` rows pass the filters (relaxed order;
   * the caller re-ranks anyway), so filtered queries still return `limit` rows when they exist.
   */
  async candidates(
    vector: readonly number[],
    filter: CandidateFilter,
    limit: number,
    strategy: SearchStrategy = 'hnsw',
    minRows = limit,
  ): Promise<CandidateRow[]> {
    if (filter.regionCodes?.length === 0) return [];
    const hnsw = strategy === 'hnsw';
    const conditions = filterConditions(filter, hnsw ? 'none' : 'all');
    const q = vectorParam(vector);
    // "+ 0" hides the distance from the HNSW index: the exact path sorts every filtered row
    // (using the btree indexes for the filters) instead of walking the graph.
    const order = strategy === 'exact' ? sql`(embedding <=> ${q}::vector) + 0` : sql`embedding <=> ${q}::vector`;
    const query = sql`
      select ${candidateColumns(q)}
      from talents
      where ${sql.join(conditions, sql` and `)}
      order by ${order}
      limit ${limit}`;
    const run = (useIndex: boolean) =>
      this.client.db.transaction(async (tx) => {
        // One round trip for the session settings (set_config(..., true) = SET LOCAL).
        // JIT compilation costs more than it saves on these short queries. On the HNSW path
        // the planner must not fall back to a table or bitmap scan: it underestimates how
        // many rows a radius keeps, and with iterative scans the index is the right path.
        await tx.execute(
          useIndex
            ? sql`select set_config('jit', 'off', true), set_config('enable_seqscan', 'off', true),
                         set_config('enable_bitmapscan', 'off', true), set_config('hnsw.ef_search', ${String(HNSW_EF_SEARCH)}, true),
                         set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.max_scan_tuples', ${String(HNSW_MAX_SCAN)}, true)`
            : sql`select set_config('jit', 'off', true)`,
        );
        return rowsOf<CandidateRow>(await tx.execute(query)).map(candidateRow);
      });
    if (strategy === 'exact') return run(false);
    const rows = await run(true);
    // A selective filter can exhaust the iterative scan's budget before `minRows` rows
    // qualify; the exact path then finds every one there is.
    return rows.length < minRows ? this.candidates(vector, filter, limit, 'exact') : rows;
  }

  /**
   * The `limit` talents that pass the filters with the highest score, computed in SQL for every
   * one of them (an exact scan, no index order): what a selective filter's search reads.
   */
  async scoredCandidates(
    vector: readonly number[],
    filter: CandidateFilter,
    terms: SqlScoreTerms,
    limit: number,
    options: {
      /** Only talents holding one of these skills (through talents_skill_ids_idx). */
      holdingAny?: readonly number[];
      /** Give up (SQLSTATE 57014) after this long: the caller has an answer already. */
      timeoutMs?: number;
    } = {},
  ): Promise<CandidateRow[]> {
    if (filter.regionCodes?.length === 0 || options.holdingAny?.length === 0) return [];
    const q = vectorParam(vector);
    const conditions = filterConditions(filter, 'region');
    if (options.holdingAny) conditions.push(sql`talent_skill_ids(skills) && ${numbers(options.holdingAny)}::int[]`);
    const credit = creditTables(terms);
    const query = sql`
      select ${candidateColumns(q)}
      from talents, ${credit.table}
      where ${sql.join(conditions, sql` and `)}
      order by ${scoreSql(terms, credit.required, q)} desc, id
      limit ${limit}`;
    const timeout = options.timeoutMs === undefined ? '0' : `${Math.ceil(options.timeoutMs)}ms`;
    return this.client.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('jit', 'off', true), set_config('statement_timeout', ${timeout}, true)`);
      return rowsOf<CandidateRow>(await tx.execute(query)).map(candidateRow);
    });
  }

  /**
   * Every talent that passes the filters, in id order, `batch` rows at a time (keyset paging,
   * so the same on both drivers and no cursor held open between batches): what exhaustive
   * scoring reads.
   */
  async *filteredTalents(vector: readonly number[], filter: CandidateFilter, batch: number): AsyncGenerator<CandidateRow[]> {
    if (filter.regionCodes?.length === 0) return;
    const conditions = filterConditions(filter, 'all');
    const q = vectorParam(vector);
    for (let after = 0; ;) {
      const rows = (
        await this.client.rows<CandidateRow>(sql`
          select ${candidateColumns(q)} from talents
          where id > ${after} and ${sql.join(conditions, sql` and `)}
          order by id limit ${batch}`)
      ).map(candidateRow);
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
      after = (rows.at(-1) as CandidateRow).id;
    }
  }

  /** Talents per district and grade: what the service uses to choose between the index and an exact scan. */
  async talentDistribution(): Promise<{ regionCode: string; grade: number; talents: number }[]> {
    const rows = await this.client.rows<{ regionCode: string; grade: number; talents: number }>(sql`
      select region_code as "regionCode", grade, count(*)::int as talents from talents group by 1, 2`);
    return rows.map((r) => ({ ...r, grade: Number(r.grade), talents: Number(r.talents) }));
  }

  /** Programs nearest to a vector (the skills to close), with their institution. */
  async programsNear(vector: readonly number[], limit: number): Promise<ProgramRow[]> {
    const q = vectorParam(vector);
    return this.withHnsw(
      sql`select p.id, p.name, p.skills, p.grade, p.hours, p.mode, p.subsidy_eligible as "subsidyEligible",
                 i.id as "institutionId", i.name as "institutionName", i.kind as "institutionKind",
                 i.region_code as "regionCode", i.lng, i.lat
          from programs p join institutions i on i.id = p.institution_id
          where p.embedding is not null
          order by p.embedding <=> ${q}::vector
          limit ${limit}`,
    );
  }

  /** Occupations nearest to a vector, with their cosine similarity. */
  async occupationsNear(vector: readonly number[], limit: number): Promise<{ code: string; name: string; similarity: number }[]> {
    const q = vectorParam(vector);
    const rows = await this.withHnsw<{ code: string; name: string; distance: number }>(
      sql`select code, name, embedding <=> ${q}::vector as distance from occupations
          where embedding is not null order by embedding <=> ${q}::vector limit ${limit}`,
    );
    return rows.map((r) => ({ code: r.code, name: r.name, similarity: Math.round((1 - Number(r.distance)) * 1000) / 1000 }));
  }

  async occupationVector(code: string): Promise<number[] | null> {
    const [row] = await this.client.rows<{ embedding: string | null }>(sql`select embedding::text as embedding from occupations where code = ${code}`);
    return row?.embedding ? (JSON.parse(row.embedding) as number[]) : null;
  }

  /** A talent's matchable profile by row id (no personal fields exist in this table). */
  async talent(id: number): Promise<TalentProfileRow | null> {
    const [row] = await this.client.rows<TalentProfileRow & { embedding: string | null }>(sql`
      select id, region_code as "regionCode", grade, skills, occupation_code as "occupationCode",
             lng, lat, embedding::text as embedding
      from talents where id = ${id}`);
    if (!row) return null;
    return { ...row, id: Number(row.id), vector: row.embedding ? (JSON.parse(row.embedding) as number[]) : null };
  }

  /**
   * Shortage of occupations in the city around a region, from the shortage rollups (latest
   * year, all grades): what pathways use to prefer occupations that are short locally.
   */
  async shortage(regionCode: string, occupationCodes: string[]): Promise<Map<string, { score: number; ratio: number | null; short: boolean }>> {
    if (occupationCodes.length === 0) return new Map();
    const rows = await this.client.rows<{ code: string; score: number; ratio: number; status: string }>(sql`
      select s.occupation_code as code, s.score, s.ratio, s.status
      from shortage_slices s
      where s.period = (select max(period) from shortage_slices where period ~ '^[0-9]{4}$')
        and s.region_code = (select case when level = 'district' then parent_code else code end from regions where code = ${regionCode})
        and s.grade = 0 and s.score is not null and s.occupation_code in ${occupationCodes}`);
    return new Map(
      rows.map((r) => [
        r.code,
        { score: Number(r.score), ratio: Number.isFinite(Number(r.ratio)) ? Number(r.ratio) : null, short: r.status === 'bottleneck' || r.status === 'watch' },
      ]),
    );
  }

  private withHnsw<T>(query: SQL): Promise<T[]> {
    return this.client.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local hnsw.ef_search = ${HNSW_EF_SEARCH}`));
      return rowsOf<T>(await tx.execute(query));
    });
  }
}

export type ProgramRow = {
  id: number;
  name: string;
  skills: SkillWeight[];
  grade: number;
  hours: number;
  mode: 'online' | 'offline' | 'blended';
  subsidyEligible: boolean;
  institutionId: number;
  institutionName: string;
  institutionKind: string;
  regionCode: string;
  lng: number;
  lat: number;
};

export type TalentProfileRow = {
  id: number;
  regionCode: string;
  grade: number;
  skills: SkillLevel[];
  occupationCode: string | null;
  lng: number;
  lat: number;
  vector: number[] | null;
};
