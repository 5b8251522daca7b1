import { sql, type SQL } from 'drizzle-orm';
import type { ImportIssue, ImportJob, ImportKind, ImportMode, ImportPhase, ImportStatus } from '@talentmap/core';
import { pgTextArray, type DbClient, type TxClient } from '../client.js';
import { BinaryCopyRows, type BinaryType } from '../copy-binary.js';
import { IDENTITY_COLUMNS } from '../sealing/identity-rows.js';
import { withBulkLoad } from '../bulk.js';
import { deferVectorIndexes, rebuildIsCheaper } from '../deferred-indexes.js';

/** The tables an import writes, by kind. */
export const IMPORT_TABLES = {
  talents: 'talents',
  seekers: 'job_seekers',
  enterprises: 'enterprises',
  vacancies: 'vacancies',
  institutions: 'institutions',
  programs: 'programs',
} as const satisfies Record<ImportKind, string>;
export type ImportTable = (typeof IMPORT_TABLES)[ImportKind];

/** Whose records an import keys by: the enterprise's vacancies, the institution's programs; the rest are keyed by external id alone. */
const OWNER_COLUMN: Partial<Record<ImportTable, string>> = { vacancies: 'enterprise_id', programs: 'institution_id' };

export interface ImportJobRow extends ImportJob {
  filePath: string;
  accountId: number | null;
  enterpriseId: number | null;
  institutionId: number | null;
}

export interface ImportCounts {
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  warnings: number;
}

/** A stage column: written to the target column of the same name; compared unless `compare` is false (a vector follows its skills). */
export interface StageColumn {
  name: string;
  type: string;
  compare?: boolean;
}

/** What applying a stage writes besides the target's own columns. */
export type StageExtra = 'talent-identity' | 'enterprise-chains';

export interface StageSpec {
  table: ImportTable;
  columns: readonly StageColumn[];
  extra?: StageExtra;
}

/** Stage columns besides the target's own. Talents' sealed identities have a stage table of their own (identityStageName), in talent_identities' form, as the sealer writes them. */
const EXTRA_COLUMNS: Record<StageExtra, readonly StageColumn[]> = {
  'talent-identity': [],
  'enterprise-chains': [{ name: 'chain_codes', type: 'text[]' }],
};

/** Each stage column type's binary COPY form. */
const BINARY_TYPES: Record<string, BinaryType> = {
  text: 'text',
  'text[]': 'text[]',
  integer: 'int4',
  bigint: 'int8',
  smallint: 'int2',
  'double precision': 'float8',
  boolean: 'bool',
  jsonb: 'jsonb',
  date: 'date',
  vector: 'vector',
};

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return sql.identifier(name);
};
const list = (names: readonly string[], prefix?: string) =>
  sql.join(
    names.map((n) => (prefix ? sql`${sql.raw(prefix)}.${ident(n)}` : ident(n))),
    sql`, `,
  );
const stageName = (jobId: number) => `import_stage_${jobId}`;
const identityStageName = (jobId: number) => `import_stage_${jobId}_identities`;

/** The columns of a stage table, in COPY order. */
const STAGE_HEAD: readonly StageColumn[] = [
  { name: 'row_number', type: 'integer' },
  { name: 'id', type: 'bigint' },
  { name: 'existing', type: 'boolean' },
];
const stageColumns = (spec: StageSpec): StageColumn[] => [...STAGE_HEAD, ...spec.columns, ...(spec.extra ? EXTRA_COLUMNS[spec.extra] : [])];

/** A batch of stage rows in COPY's binary form: per row its number, id, whether it exists, then the spec's columns and extras. */
export const stageRows = (spec: StageSpec) =>
  new BinaryCopyRows(
    stageColumns(spec).map((c) => {
      const type = BINARY_TYPES[c.type];
      if (!type) throw new Error(`no binary form for stage column ${c.name} (${c.type})`);
      return type;
    }),
  );

const JOB = sql`select id, kind, mode, status, phase, file_name as "fileName", file_path as "filePath", file_bytes as "fileBytes", account_id as "accountId",
  username as "createdBy", enterprise_id as "enterpriseId", institution_id as "institutionId", rows_read as "rowsRead", rows_valid as "rowsValid",
  rows_rejected as "rowsRejected", inserted, updated, unchanged, warnings, message,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
  to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt"
  from import_jobs`;

const jobOf = (r: ImportJobRow): ImportJobRow => ({ ...r, id: Number(r.id), fileBytes: Number(r.fileBytes) });

/**
 * Import jobs, their issues, and the staging of their rows: a job's rows go to a stage table of
 * their own while the file is read, then one transaction compares them with the target by id and
 * inserts the new, updates the changed and leaves the unchanged alone. SQL only.
 */
export class ImportRepository {
  constructor(private readonly client: DbClient) {}

  // ------------------------------------------------------------ jobs

  async createJob(job: {
    kind: ImportKind;
    mode: ImportMode;
    fileName: string;
    filePath: string;
    fileBytes: number;
    accountId: number | null;
    username: string;
    enterpriseId: number | null;
    institutionId: number | null;
  }): Promise<number> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into import_jobs (kind, mode, file_name, file_path, file_bytes, account_id, username, enterprise_id, institution_id)
      values (${job.kind}, ${job.mode}, ${job.fileName}, ${job.filePath}, ${job.fileBytes}, ${job.accountId}, ${job.username}, ${job.enterpriseId}, ${job.institutionId})
      returning id`);
    return Number(row?.id);
  }

  async job(id: number): Promise<ImportJobRow | null> {
    const [row] = await this.client.rows<ImportJobRow>(sql`${JOB} where id = ${id}`);
    return row ? jobOf(row) : null;
  }

  /** Newest first; `owner` narrows to one enterprise's or institution's jobs. */
  async jobs(f: { limit: number; offset: number; owner?: { enterpriseId?: number; institutionId?: number } }) {
    const where = f.owner?.enterpriseId
      ? sql`enterprise_id = ${f.owner.enterpriseId}`
      : f.owner?.institutionId
        ? sql`institution_id = ${f.owner.institutionId}`
        : sql`true`;
    const [items, [count]] = await Promise.all([
      this.client.rows<ImportJobRow>(sql`${JOB} where ${where} order by id desc limit ${f.limit} offset ${f.offset}`),
      this.client.rows<{ n: number }>(sql`select count(*)::int as n from import_jobs where ${where}`),
    ]);
    return { items: items.map(jobOf), total: Number(count?.n ?? 0) };
  }

  /** Takes a queued job for this process (the oldest, or the one given); null when there is none. */
  async claim(id?: number): Promise<ImportJobRow | null> {
    const which = id === undefined ? sql`true` : sql`id = ${id}`;
    const [row] = await this.client.rows<{ id: number }>(sql`
      update import_jobs set status = 'running', phase = 'reading', started_at = now(), heartbeat_at = now(), finished_at = null, message = null
      where id = (select id from import_jobs where status = 'queued' and ${which} order by id limit 1 for update skip locked)
      returning id`);
    return row ? this.job(Number(row.id)) : null;
  }

  async heartbeat(id: number, phase: ImportPhase, counts: Partial<ImportCounts>): Promise<void> {
    await this.client.rows(sql`
      update import_jobs set heartbeat_at = now(), phase = ${phase}, rows_read = ${counts.rowsRead ?? 0}, rows_valid = ${counts.rowsValid ?? 0},
        rows_rejected = ${counts.rowsRejected ?? 0}, warnings = ${counts.warnings ?? 0}
      where id = ${id} and status = 'running'`);
  }

  /** The job's end; in `tx` when it is the commit of its rows, so the status and the data land together. */
  async finish(id: number, status: ImportStatus, phase: ImportPhase, counts: ImportCounts, message: string | null, tx: TxClient = this.client): Promise<void> {
    await tx.rows(sql`
      update import_jobs set status = ${status}, phase = ${phase}, rows_read = ${counts.rowsRead}, rows_valid = ${counts.rowsValid},
        rows_rejected = ${counts.rowsRejected}, inserted = ${counts.inserted}, updated = ${counts.updated}, unchanged = ${counts.unchanged},
        warnings = ${counts.warnings}, message = ${message}, finished_at = case when ${phase} = 'done' then now() else finished_at end, heartbeat_at = now()
      where id = ${id}`);
  }

  async setPhase(id: number, phase: ImportPhase): Promise<void> {
    await this.client.rows(
      sql`update import_jobs set phase = ${phase}, heartbeat_at = now(), finished_at = case when ${phase} = 'done' then now() else finished_at end where id = ${id}`,
    );
  }

  /**
   * Jobs whose process is gone: `running` with a heartbeat older than `staleSeconds` (0: every
   * running job, for a process that knows it is the only one) become `interrupted`, except the
   * jobs `except` names (the caller's own, whose heartbeat may lag while it works). Returns their ids.
   */
  async interruptStale(staleSeconds: number, except: readonly number[] = []): Promise<number[]> {
    const rows = await this.client.rows<{ id: number }>(sql`
      update import_jobs set status = 'interrupted', phase = 'done', finished_at = now(),
        message = '导入过程中服务停止，未写入任何数据；可重新运行'
      where status = 'running' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${staleSeconds}))
        and id <> all(${`{${except.join(',')}}`}::int[])
      returning id`);
    return rows.map((r) => Number(r.id));
  }

  /** Committed jobs whose refresh did not finish (the process stopped after the commit). */
  async unrefreshed(): Promise<number[]> {
    const rows = await this.client.rows<{ id: number }>(sql`select id from import_jobs where status = 'committed' and phase = 'refreshing'`);
    return rows.map((r) => Number(r.id));
  }

  /** An interrupted or failed job queued again from its stored file, its previous issues gone. */
  async requeue(id: number): Promise<boolean> {
    const rows = await this.client.rows<{ id: number }>(sql`
      update import_jobs set status = 'queued', phase = 'queued', rows_read = 0, rows_valid = 0, rows_rejected = 0, inserted = 0, updated = 0,
        unchanged = 0, warnings = 0, message = null, started_at = null, finished_at = null, heartbeat_at = null
      where id = ${id} and status in ('interrupted', 'failed') returning id`);
    if (rows.length === 0) return false;
    await this.client.rows(sql`delete from import_issues where job_id = ${id}`);
    return true;
  }

  // ------------------------------------------------------------ issues

  async addIssues(jobId: number, issues: readonly ImportIssue[], firstSeq: number): Promise<void> {
    for (let start = 0; start < issues.length; start += 1_000) {
      const chunk = issues.slice(start, start + 1_000);
      const values = chunk.map((i, k) => sql`(${jobId}, ${firstSeq + start + k}, ${i.row}, ${i.column}, ${i.value}, ${i.severity}, ${i.message})`);
      await this.client.rows(sql`insert into import_issues (job_id, seq, row, "column", value, severity, message) values ${sql.join(values, sql`, `)}`);
    }
  }

  async issues(jobId: number, limit: number): Promise<ImportIssue[]> {
    return this.client.rows<ImportIssue>(sql`
      select row, "column", value, severity, message from import_issues where job_id = ${jobId} order by row, seq limit ${limit}`);
  }

  // ------------------------------------------------------------ staging

  async createStage(jobId: number, spec: StageSpec): Promise<void> {
    const columns = [...stageColumns(spec), { name: 'state', type: 'text' }];
    await this.dropStage(jobId);
    // Unlogged on PostgreSQL: a stage is rebuilt from the file, never recovered.
    const unlogged = this.client.driver === 'postgres' ? sql`unlogged` : sql``;
    await this.client.rows(
      sql`create ${unlogged} table ${ident(stageName(jobId))} (${sql.join(
        columns.map((c) => sql`${ident(c.name)} ${sql.raw(c.type)}`),
        sql`, `,
      )})`,
    );
    if (spec.extra === 'talent-identity') {
      const identities = ident(identityStageName(jobId));
      await this.client.rows(sql`create ${unlogged} table ${identities} (like talent_identities)`);
      await this.client.rows(sql`create unique index on ${identities} (talent_id)`);
    }
  }

  /** A batch of stageRows. */
  async copyToStage(jobId: number, spec: StageSpec, rows: BinaryCopyRows): Promise<void> {
    if (rows.rows > 0)
      await this.client.copyBinary(
        stageName(jobId),
        stageColumns(spec).map((c) => c.name),
        rows.finish(),
      );
  }

  /** Sealed identities of staged talents: talent_identities rows in COPY's binary form (sealedIdentityRows). */
  async copyIdentitiesToStage(jobId: number, rows: Buffer): Promise<void> {
    await this.client.copyBinary(identityStageName(jobId), Object.keys(IDENTITY_COLUMNS), rows);
  }

  async dropStage(jobId: number): Promise<void> {
    await this.client.rows(sql`drop table if exists ${ident(identityStageName(jobId))}, ${ident(stageName(jobId))}`);
  }

  /** Stage tables of jobs that are not running (left by a process that stopped). */
  async dropStaleStages(): Promise<void> {
    const rows = await this.client.rows<{ name: string }>(sql`
      select tablename as name from pg_tables where schemaname = current_schema() and tablename like 'import\\_stage\\_%'
        and (regexp_match(tablename, '^import_stage_([0-9]+)'))[1]::int not in (select id from import_jobs where status = 'running')`);
    for (const r of rows) await this.client.rows(sql`drop table if exists ${ident(r.name)}`);
  }

  // ------------------------------------------------------------ lookups while reading

  /** Ids of the records with these external ids (of one owner where the table is keyed per owner). */
  async idsByExternalId(table: ImportTable, keys: readonly { externalId: string; owner?: number }[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const owner = OWNER_COLUMN[table];
    const rows = owner
      ? await this.client.rows<{ id: number; key: string }>(sql`
          select t.id, t.${ident(owner)}::text || ':' || t.external_id as key from ${ident(table)} t
          join (select unnest(${`{${keys.map((k) => k.owner ?? 0).join(',')}}`}::int[]) as owner, unnest(${pgTextArray(keys.map((k) => k.externalId))}::text[]) as external_id) k
            on t.${ident(owner)} = k.owner and t.external_id = k.external_id`)
      : await this.client.rows<{ id: number; key: string }>(sql`
          select id, external_id as key from ${ident(table)} where external_id = any(${pgTextArray(keys.map((k) => k.externalId))}::text[])`);
    return new Map(rows.map((r) => [r.key, Number(r.id)]));
  }

  /** Enterprises or institutions by external id, with their district (a vacancy's default place). */
  async owners(table: 'enterprises' | 'institutions', externalIds: readonly string[]): Promise<Map<string, { id: number; regionCode: string }>> {
    if (externalIds.length === 0) return new Map();
    const rows = await this.client.rows<{ id: number; externalId: string; regionCode: string }>(sql`
      select id, external_id as "externalId", region_code as "regionCode" from ${ident(table)} where external_id = any(${pgTextArray(externalIds)}::text[])`);
    return new Map(rows.map((r) => [r.externalId, { id: Number(r.id), regionCode: r.regionCode }]));
  }

  async ownerDistrict(table: 'enterprises' | 'institutions', id: number): Promise<string | null> {
    const [row] = await this.client.rows<{ regionCode: string }>(sql`select region_code as "regionCode" from ${ident(table)} where id = ${id}`);
    return row?.regionCode ?? null;
  }

  /** New ids from the table's sequence, for rows about to be staged (gaps after a rollback are harmless). */
  async nextIds(table: ImportTable, n: number): Promise<number[]> {
    if (n === 0) return [];
    const rows = await this.client.rows<{ id: number }>(sql`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n})`);
    return rows.map((r) => Number(r.id));
  }

  /** Which talent's external id each of these ID-number blind indexes already belongs to. */
  async identityOwners(indexes: readonly string[]): Promise<Map<string, string | null>> {
    if (indexes.length === 0) return new Map();
    const rows = await this.client.rows<{ idx: string; externalId: string | null }>(sql`
      select i.id_number_index as idx, t.external_id as "externalId" from talent_identities i join talents t on t.id = i.talent_id
      where i.id_number_index = any(${pgTextArray(indexes)}::text[])`);
    return new Map(rows.map((r) => [r.idx, r.externalId]));
  }

  // ------------------------------------------------------------ applying

  /**
   * In `tx`: marks each staged row new, changed or unchanged against its target row, inserts the new,
   * updates the changed (and their identities or chains), and returns the three counts. A write that
   * makes at least a fifth of the table (rebuildIsCheaper) goes the bulk way: the HNSW indexes are
   * deferred to after the commit, and the other indexes and the foreign keys of the tables written
   * are dropped and rebuilt in the transaction (withBulkLoad): each checked once over the table
   * instead of row by row, which was two thirds of the apply at 100,000 new talents.
   */
  async applyStage(tx: DbClient, jobId: number, spec: StageSpec): Promise<{ inserted: number; updated: number; unchanged: number }> {
    const stage = ident(stageName(jobId));
    const target = ident(spec.table);
    const names = spec.columns.map((c) => c.name);
    const compared = spec.columns.filter((c) => c.compare !== false).map((c) => c.name);
    const extraSame = EXTRA_SAME[spec.extra ?? 'none'](ident(identityStageName(jobId)));
    await tx.rows(sql`
      update ${stage} s set state = case when (${list(compared, 't')}) is not distinct from (${list(compared, 's')}) ${extraSame} then 'same' else 'changed' end
      from ${target} t where s.existing and t.id = s.id`);
    // A row seen while reading but deleted since (or never there) is inserted under its id.
    await tx.rows(sql`update ${stage} set state = 'new' where state is null`);
    const [fresh] = await tx.rows<{ n: number; existing: number }>(
      sql`select count(*) filter (where state = 'new')::int as n, (select count(*) from ${target})::int as existing from ${stage}`,
    );
    const write = async (w: TxClient) => {
      await w.rows(sql`insert into ${target} (id, ${list(names)}, synthetic) select id, ${list(names)}, false from ${stage} where state = 'new'`);
      await w.rows(sql`update ${target} t set (${list(names)}) = (select ${list(names, 's')}) from ${stage} s where s.state = 'changed' and t.id = s.id`);
      if (spec.extra) await EXTRA_APPLY[spec.extra](w, stage, ident(identityStageName(jobId)));
    };
    if (rebuildIsCheaper(Number(fresh?.n ?? 0), Number(fresh?.existing ?? 0))) {
      await deferVectorIndexes(tx, spec.table, Number(fresh?.n ?? 0));
      await withBulkLoad(tx, [spec.table, ...(spec.extra ? EXTRA_TABLES[spec.extra] : [])], write);
    } else await write(tx);
    const counts = await tx.rows<{ state: string; n: number }>(sql`select state, count(*)::int as n from ${stage} group by state`);
    const n = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
    return { inserted: n('new'), updated: n('changed'), unchanged: n('same') };
  }

  /** Marks the data changed: other processes see the counter move and drop what they cached. */
  async bumpDataVersion(tx: TxClient): Promise<void> {
    await tx.rows(sql`
      insert into dataset_meta (key, value) values ('data_version', '{"version": 1}'::jsonb)
      on conflict (key) do update set value = jsonb_build_object('version', coalesce((dataset_meta.value->>'version')::int, 0) + 1)`);
  }

  async dataVersion(): Promise<number> {
    const [row] = await this.client.rows<{ version: number | null }>(
      sql`select (value->>'version')::int as version from dataset_meta where key = 'data_version'`,
    );
    return Number(row?.version ?? 0);
  }
}

/** The tables a stage's extra writes besides its target. */
const EXTRA_TABLES: Record<StageExtra, readonly string[]> = { 'talent-identity': ['talent_identities'], 'enterprise-chains': ['enterprise_chains'] };

type Table = ReturnType<typeof sql.identifier>;

/** What else must be equal for a row to be unchanged (given the identities' stage, which only talents have). */
const EXTRA_SAME: Record<StageExtra | 'none', (identities: Table) => SQL> = {
  none: () => sql``,
  'talent-identity': (identities) =>
    sql`and (select i.digest from talent_identities i where i.talent_id = t.id) is not distinct from (select si.digest from ${identities} si where si.talent_id = s.id)`,
  'enterprise-chains': () =>
    sql`and coalesce((select array_agg(c.chain_code order by c.chain_code) from enterprise_chains c where c.enterprise_id = t.id), '{}') = s.chain_codes`,
};

const EXTRA_APPLY: Record<StageExtra, (tx: TxClient, stage: Table, identities: Table) => Promise<unknown>> = {
  'talent-identity': (tx, stage, identities) =>
    tx.rows(sql`
      insert into talent_identities (talent_id, full_name_sealed, phone_sealed, id_number_sealed, id_number_index, key_id, digest)
      select si.talent_id, si.full_name_sealed, si.phone_sealed, si.id_number_sealed, si.id_number_index, si.key_id, si.digest
      from ${identities} si join ${stage} s on s.id = si.talent_id where s.state in ('new', 'changed')
      on conflict (talent_id) do update set full_name_sealed = excluded.full_name_sealed, phone_sealed = excluded.phone_sealed,
        id_number_sealed = excluded.id_number_sealed, id_number_index = excluded.id_number_index, key_id = excluded.key_id, digest = excluded.digest`),
  'enterprise-chains': async (tx, stage) => {
    await tx.rows(sql`delete from enterprise_chains where enterprise_id in (select id from ${stage} where state = 'changed')`);
    await tx.rows(
      sql`insert into enterprise_chains (enterprise_id, chain_code) select id, unnest(chain_codes) from ${stage} where state in ('new', 'changed')`,
    );
  },
};
