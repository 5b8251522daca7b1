import { IMPORT_KIND_NAMES, type ImportIssue, type ImportKind, type ImportMode, type ImportPhase } from '@talentmap/core';
import { idNumberBlindIndex, type PiiKeys } from '@talentmap/core/pii';
import {
  IdentitySealer,
  IMPORT_TABLES,
  ImportRepository,
  sealedIdentityRows,
  stageRows,
  type DbClient,
  type IdentityItem,
  type ImportCounts,
  type TxClient,
} from '@talentmap/db';
import { openTable, TableReadError, toHalfWidth } from '@talentmap/importer';
import { IMPORT_COLUMNS, type ImportColumn } from './columns.js';
import { parseRow, type ParsedRow } from './kinds.js';
import type { ImportResolvers } from './resolvers.js';
import { RowReader } from './row-reader.js';
import { STAGE_SPECS, stageValues, type ResolvedRow } from './stage.js';

/** Rows read, checked against the database and staged together. */
const BATCH_ROWS = 2_000;
/** Issues kept for the report; past this they are counted, not stored. */
export const MAX_STORED_ISSUES = 100_000;

export interface ImportRun {
  jobId: number;
  kind: ImportKind;
  mode: ImportMode;
  filePath: string;
  /** The enterprise or institution whose own records these are (its account's import). */
  scope: { enterpriseId?: number; institutionId?: number };
}

export interface ImportOutcome {
  status: 'committed' | 'failed';
  counts: ImportCounts;
  message: string;
  issues: ImportIssue[];
}

export interface RunDeps {
  client: DbClient;
  resolvers: ImportResolvers;
  piiKeys: PiiKeys;
  onProgress?: (phase: ImportPhase, counts: ImportCounts) => void;
  /** Written in the commit's transaction: the job's status lands with its rows. */
  onCommit: (tx: TxClient, counts: ImportCounts, message: string) => Promise<void>;
}

/** A file that cannot be imported at all (unreadable, no header we know): nothing is read from it. */
class FileRejected extends Error {}

const normalHeader = (h: string) =>
  toHalfWidth(h)
    .replace(/\s+/g, '')
    .replace(/\(.*\)$/, '');

/** Which column each header of the file is; unknown headers are warnings, missing required columns one error naming them all. */
export function mapHeaders(kind: ImportKind, headers: readonly string[]): { keys: (string | null)[]; warnings: ImportIssue[] } {
  const columns = IMPORT_COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const column of columns) for (const name of [column.header, column.key, column.key.toLowerCase()]) byName.set(normalHeader(name), column);
  const keys: (string | null)[] = [];
  const warnings: ImportIssue[] = [];
  for (const header of headers) {
    const column = byName.get(normalHeader(header)) ?? byName.get(normalHeader(header).toLowerCase());
    if (column && keys.includes(column.key)) throw new FileRejected(`列“${header}”重复`);
    keys.push(column?.key ?? null);
    if (!column && header.trim() !== '') warnings.push({ row: 1, column: header, value: '', severity: 'warning', message: '未知列，已忽略' });
  }
  const missing = columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  if (missing.length > 0) throw new FileRejected(`缺少必填列：${missing.join('、')}`);
  return { keys, warnings };
}

/**
 * Runs one import: reads the file row by row (streaming), checks each row with its kind's parser and
 * against the database in batches, stages the valid rows, and — unless all-or-nothing meets an
 * invalid row — applies the stage in one transaction. Nothing is written to the target tables before
 * that transaction, so a failure or a killed process leaves them as they were.
 */
export async function runImport(run: ImportRun, deps: RunDeps): Promise<ImportOutcome> {
  const repo = new ImportRepository(deps.client);
  const counts: ImportCounts = { rowsRead: 0, rowsValid: 0, rowsRejected: 0, inserted: 0, updated: 0, unchanged: 0, warnings: 0 };
  const issues: ImportIssue[] = [];
  const note = (found: readonly ImportIssue[]) => {
    for (const issue of found) {
      if (issue.severity === 'warning') counts.warnings++;
      if (issues.length < MAX_STORED_ISSUES) issues.push(issue);
    }
  };
  const spec = STAGE_SPECS[run.kind];
  // Identities are sealed on a worker thread while this one reads the next batch (a small file seals in place).
  let sealer: IdentitySealer | undefined;
  const seal = (items: IdentityItem[]) => {
    if (items.length < BATCH_ROWS) return Promise.resolve(sealedIdentityRows(deps.piiKeys, items));
    sealer ??= new IdentitySealer(deps.piiKeys);
    return sealer.seal(items);
  };
  try {
    const table = await openTable(run.filePath);
    const { keys, warnings } = mapHeaders(run.kind, table.headers);
    note(warnings);
    const columns = new Map(IMPORT_COLUMNS[run.kind].map((c) => [c.key, c]));
    const batcher = new BatchResolver(run, repo, deps.piiKeys);
    await repo.createStage(run.jobId, spec);
    let batch: { reader: RowReader; parsed: ParsedRow }[] = [];
    let copying = Promise.resolve();
    const flush = async () => {
      const resolved = await batcher.resolve(batch);
      const rows = stageRows(spec);
      const identities: IdentityItem[] = [];
      for (const { reader, parsed } of batch) {
        const at = resolved.get(reader.row);
        note(reader.issues);
        if (!at || !reader.valid) {
          counts.rowsRejected++;
          continue;
        }
        counts.rowsValid++;
        rows.add(stageValues(parsed, at, deps.resolvers));
        if (parsed.kind === 'talents') {
          const { fullName, phone, idNumber } = parsed.record;
          identities.push([at.id, { fullName, phone, idNumber }]);
        }
      }
      const sealed = identities.length > 0 ? seal(identities) : null;
      sealed?.catch(() => {}); // awaited below, in order
      // The database copies this batch while the next one is read and checked (the other core).
      const previous = copying;
      copying = (async () => {
        await previous;
        await repo.copyToStage(run.jobId, spec, rows);
        if (sealed) await repo.copyIdentitiesToStage(run.jobId, await sealed);
      })();
      copying.catch(() => {}); // awaited (and its failure thrown) before the next copy or the apply
      batch = [];
      deps.onProgress?.('reading', counts);
    };
    for await (const { row, cells, formulas } of table.rows) {
      counts.rowsRead++;
      const byKey = new Map<string, string>();
      cells.forEach((value, i) => {
        const key = keys[i];
        if (key) byKey.set(key, value);
      });
      const reader = new RowReader(row, columns, byKey);
      for (const i of formulas) {
        const key = keys[i];
        if (key) reader.warn(key, '单元格是公式，已按其计算结果导入');
      }
      const parsed = parseRow(run.kind, reader, deps.resolvers);
      if (!parsed) {
        note(reader.issues);
        counts.rowsRejected++;
        continue;
      }
      batch.push({ reader, parsed });
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (batch.length > 0) await flush();
    await copying;

    const name = IMPORT_KIND_NAMES[run.kind];
    if (counts.rowsRead === 0) return failed(counts, issues, '文件中没有数据行');
    if (run.mode === 'all-or-nothing' && counts.rowsRejected > 0)
      return failed(counts, issues, `${counts.rowsRejected} 行有错误，按“全部成功才写入”未写入任何数据；请修正错误报告中的行后重新导入`);
    if (counts.rowsValid === 0) return failed(counts, issues, '没有有效的行，未写入任何数据');

    deps.onProgress?.('writing', counts);
    let message = '';
    await deps.client.transaction(async (tx) => {
      Object.assign(counts, await new ImportRepository(deps.client).applyStage(tx, run.jobId, spec));
      await repo.bumpDataVersion(tx);
      message = `${name}：新增 ${counts.inserted}，更新 ${counts.updated}，未变 ${counts.unchanged}${counts.rowsRejected ? `，拒绝 ${counts.rowsRejected} 行` : ''}`;
      await deps.onCommit(tx, counts, message);
    });
    return { status: 'committed', counts, message, issues };
  } catch (error) {
    if (error instanceof FileRejected || error instanceof TableReadError) {
      note([{ row: 1, column: '', value: '', severity: 'error', message: error.message }]);
      return failed(counts, issues, error.message);
    }
    throw error;
  } finally {
    await sealer?.close();
    await repo.dropStage(run.jobId);
  }
}

const failed = (counts: ImportCounts, issues: ImportIssue[], message: string): ImportOutcome => ({ status: 'failed', counts, message, issues });

/**
 * The database side of reading a batch: each row's id (the existing record with its external id, or
 * a new one from the sequence), its owner or talent, and the checks only the database can make
 * (an owner that does not exist, an ID number registered under another external id). Duplicates
 * within the file are caught here too: the first occurrence wins, later ones are errors.
 */
class BatchResolver {
  private readonly seenKeys = new Set<string>();
  private readonly seenIdNumbers = new Map<string, number>();
  private ownDistrict: Promise<string | null> | undefined;

  constructor(
    private readonly run: ImportRun,
    private readonly repo: ImportRepository,
    private readonly keys: PiiKeys,
  ) {}

  async resolve(batch: { reader: RowReader; parsed: ParsedRow }[]): Promise<Map<number, ResolvedRow>> {
    const owners = await this.owners(batch);
    const talents = await this.seekerTalents(batch);
    await this.identityConflicts(batch);
    const table = IMPORT_TABLES[this.run.kind];
    const keyed: { reader: RowReader; key: { externalId: string; owner?: number }; at: Partial<ResolvedRow> }[] = [];
    for (const { reader, parsed } of batch) {
      if (!reader.valid) continue;
      const owner = owners.get(reader.row);
      if ((parsed.kind === 'vacancies' || parsed.kind === 'programs') && !owner) continue;
      const externalId = parsed.record.externalId;
      const dedupe = `${owner?.id ?? ''}:${externalId}`;
      if (this.seenKeys.has(dedupe)) {
        reader.error('externalId', '外部编号在文件中重复（以首次出现的行为准）', externalId);
        continue;
      }
      this.seenKeys.add(dedupe);
      keyed.push({
        reader,
        key: { externalId, ...(owner ? { owner: owner.id } : {}) },
        at: { ...(owner ? { owner } : {}), talentId: talents.get(reader.row) ?? null },
      });
    }
    const existing = await this.repo.idsByExternalId(
      table,
      keyed.map((k) => k.key),
    );
    const keyOf = (k: { externalId: string; owner?: number }) => (k.owner === undefined ? k.externalId : `${k.owner}:${k.externalId}`);
    const fresh = await this.repo.nextIds(table, keyed.filter((k) => !existing.has(keyOf(k.key))).length);
    const resolved = new Map<number, ResolvedRow>();
    for (const k of keyed) {
      const id = existing.get(keyOf(k.key));
      resolved.set(k.reader.row, { ...k.at, row: k.reader.row, id: id ?? (fresh.shift() as number), existing: id !== undefined });
    }
    return resolved;
  }

  /** Vacancies and programs: the account's own enterprise or institution, or the one the row names (an admin's import). */
  private async owners(batch: { reader: RowReader; parsed: ParsedRow }[]): Promise<Map<number, { id: number; regionCode: string }>> {
    const found = new Map<number, { id: number; regionCode: string }>();
    const kind = this.run.kind;
    if (kind !== 'vacancies' && kind !== 'programs') return found;
    const table = kind === 'vacancies' ? 'enterprises' : 'institutions';
    const column = kind === 'vacancies' ? 'enterpriseExternalId' : 'institutionExternalId';
    const ownId = kind === 'vacancies' ? this.run.scope.enterpriseId : this.run.scope.institutionId;
    const named = (p: ParsedRow) => (p.kind === 'vacancies' ? p.enterpriseExternalId : p.kind === 'programs' ? p.institutionExternalId : undefined);
    const lookup = await this.repo.owners(table, [...new Set(batch.map((b) => named(b.parsed)).filter((x): x is string => x !== undefined))]);
    if (ownId !== undefined) {
      this.ownDistrict ??= this.repo.ownerDistrict(table, ownId);
      const regionCode = await this.ownDistrict;
      for (const { reader, parsed } of batch) {
        const name = named(parsed);
        if (name !== undefined && lookup.get(name)?.id !== ownId)
          reader.error(column, kind === 'vacancies' ? '只能导入本企业的岗位' : '只能导入本机构的项目', name);
        else if (regionCode) found.set(reader.row, { id: ownId, regionCode });
      }
      return found;
    }
    for (const { reader, parsed } of batch) {
      const name = named(parsed);
      const owner = name === undefined ? undefined : lookup.get(name);
      if (name === undefined) reader.error(column, '管理员导入时必填');
      else if (!owner) reader.error(column, `${table === 'enterprises' ? '企业' : '机构'}外部编号 ${name} 不存在`, name);
      else found.set(reader.row, owner);
    }
    return found;
  }

  /** Seekers: the talent a registration names by its external id, when it names one. */
  private async seekerTalents(batch: { reader: RowReader; parsed: ParsedRow }[]): Promise<Map<number, number>> {
    const found = new Map<number, number>();
    const named = batch.flatMap((b) =>
      b.parsed.kind === 'seekers' && b.parsed.record.talentExternalId ? [{ ...b, name: b.parsed.record.talentExternalId }] : [],
    );
    if (named.length === 0) return found;
    const ids = await this.repo.idsByExternalId(
      'talents',
      named.map((n) => ({ externalId: n.name })),
    );
    for (const { reader, name } of named) {
      const id = ids.get(name);
      if (id === undefined) reader.error('talentExternalId', `人才外部编号 ${name} 不存在`, name);
      else found.set(reader.row, id);
    }
    return found;
  }

  /** Talents: one person, one record — an ID number seen earlier in the file or held by another external id is an error. */
  private async identityConflicts(batch: { reader: RowReader; parsed: ParsedRow }[]): Promise<void> {
    const rows = batch.flatMap((b) => (b.parsed.kind === 'talents' && b.reader.valid ? [{ ...b, record: b.parsed.record }] : []));
    if (rows.length === 0) return;
    const indexed = rows.map((r) => ({ ...r, index: idNumberBlindIndex(this.keys, r.record.idNumber) }));
    const holders = await this.repo.identityOwners(indexed.map((r) => r.index));
    for (const { reader, record, index } of indexed) {
      const first = this.seenIdNumbers.get(index);
      const holder = holders.get(index);
      if (first !== undefined) reader.error('idNumber', `身份证号与第 ${first} 行重复`);
      else if (holders.has(index) && holder !== record.externalId) reader.error('idNumber', `身份证号已登记在外部编号 ${holder ?? '（无外部编号）'} 下`);
      else this.seenIdNumbers.set(index, reader.row);
    }
  }
}
