import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ForbiddenError,
  IMPORT_KINDS_BY_ROLE,
  IMPORT_KIND_NAMES,
  InvalidInputError,
  NotFoundError,
  type ImportJob,
  type ImportKind,
  type ImportMode,
  type ViewerContext,
} from '@talentmap/core';
import type { PiiKeys } from '@talentmap/core/pii';
import { ImportRepository, type DbClient, type ImportCounts, type ImportJobRow } from '@talentmap/db';
import type { ImportResolvers } from './imports/resolvers.js';
import { runImport } from './imports/runner.js';
import { importReport, importTemplate, type ImportFileFormat } from './imports/files.js';

export interface ImportServiceOptions {
  client: DbClient;
  piiKeys: PiiKeys;
  /** Built when a job starts: the reference data and the matcher as they are then. */
  resolvers: () => Promise<ImportResolvers>;
  /** Rebuilds what the API serves from the raw tables (rollups, caches) after a commit. */
  refresh: () => Promise<void>;
  /** The upload limit (multipart's fileSize), for the message when a file passes it. */
  maxBytes: number;
  /** Where uploads are kept until their job is done (and after, so that a job can run again). */
  uploadDir: string;
  /** A running job whose heartbeat is older than this belongs to a process that is gone. */
  staleSeconds: number;
  log: { info(msg: string): void; error(obj: unknown, msg: string): void };
}

/** Answered as a 413 (the error handler reads statusCode, as for Fastify's own errors). */
export class UploadTooLargeError extends Error {
  readonly statusCode = 413;
}

const HEARTBEAT_MS = 5_000;

/**
 * Import jobs: an upload is stored and queued, one worker in this process runs the queue (one job
 * at a time, outside any request), and everyone reads the jobs they may see. Who may import what is
 * IMPORT_KINDS_BY_ROLE; an enterprise's or institution's jobs are its own.
 */
export class ImportService {
  private readonly repo: ImportRepository;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** The running job's figures, fresher than its row (which is written every few seconds). */
  private live: { id: number; phase: ImportJob['phase']; counts: ImportCounts } | null = null;

  constructor(private readonly options: ImportServiceOptions) {
    this.repo = new ImportRepository(options.client);
  }

  /** At start: jobs left running by a process that is gone become interrupted; a commit whose refresh did not finish is refreshed. */
  async recover(onlyProcess: boolean): Promise<void> {
    await this.interruptStale(onlyProcess ? 0 : this.options.staleSeconds);
    await this.repo.dropStaleStages();
    const unrefreshed = await this.repo.unrefreshed();
    if (unrefreshed.length) {
      await this.options.refresh();
      for (const id of unrefreshed) await this.repo.setPhase(id, 'done');
    }
    this.kick();
  }

  /**
   * While the server runs: jobs of another process that died since (a second server or the CLI on
   * the same PostgreSQL, or a start that found them still beating) become interrupted, and their
   * stage tables go. Returns their ids.
   */
  async sweep(): Promise<number[]> {
    const interrupted = await this.interruptStale(this.options.staleSeconds);
    if (interrupted.length) await this.repo.dropStaleStages();
    return interrupted;
  }

  /** Never this process's own job: it is alive whatever its heartbeat says (a beat is late while the event loop or the database is busy, and a failed one is dropped). */
  private async interruptStale(staleSeconds: number): Promise<number[]> {
    const interrupted = await this.repo.interruptStale(staleSeconds, this.live ? [this.live.id] : []);
    if (interrupted.length) this.options.log.info(`imports ${interrupted.join(', ')} were interrupted by a stop; they can be run again`);
    return interrupted;
  }

  stop(): Promise<void> {
    this.stopped = true;
    return this.running ?? Promise.resolve();
  }

  kindsFor(viewer: ViewerContext): readonly ImportKind[] {
    return viewer.role === 'admin' || viewer.role === 'enterprise' || viewer.role === 'institution' ? IMPORT_KINDS_BY_ROLE[viewer.role] : [];
  }

  private ensureKind(viewer: ViewerContext, kind: ImportKind) {
    if (!this.kindsFor(viewer).includes(kind)) throw new ForbiddenError(`the ${viewer.role} role may not import ${kind}`);
  }

  template(viewer: ViewerContext, kind: ImportKind, format: ImportFileFormat) {
    this.ensureKind(viewer, kind);
    return this.options.resolvers().then((res) => importTemplate(kind, format, res, viewer.role !== 'admin'));
  }

  /** Stores the upload (at most `maxBytes`) and queues its job. */
  async submit(
    viewer: ViewerContext,
    upload: { kind: ImportKind; mode: ImportMode; fileName: string; file: Readable & { truncated?: boolean } },
    { start = true } = {},
  ): Promise<number> {
    this.ensureKind(viewer, upload.kind);
    await mkdir(this.options.uploadDir, { recursive: true });
    const path = join(this.options.uploadDir, `${randomUUID()}.upload`);
    try {
      await pipeline(upload.file, createWriteStream(path, { mode: 0o600 }));
      if (upload.file.truncated) throw new UploadTooLargeError(`file: larger than the ${Math.round(this.options.maxBytes / 1_048_576)} MB limit`);
      const { size } = await stat(path);
      if (size === 0) throw new InvalidInputError('file', '文件为空');
      const id = await this.repo.createJob({
        kind: upload.kind,
        mode: upload.mode,
        fileName: upload.fileName.slice(0, 200),
        filePath: path,
        fileBytes: size,
        accountId: viewer.accountId ?? null,
        username: viewer.username ?? viewer.role,
        enterpriseId: viewer.scope?.kind === 'enterprise' ? viewer.scope.enterpriseId : null,
        institutionId: viewer.scope?.kind === 'institution' ? viewer.scope.institutionId : null,
      });
      if (start) this.kick();
      return id;
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  async list(viewer: ViewerContext, page: { limit: number; offset: number }) {
    const { items, total } = await this.repo.jobs({ ...page, owner: this.ownerOf(viewer) });
    return { items: items.map((j) => this.view(j)), total };
  }

  async get(viewer: ViewerContext, id: number): Promise<ImportJob> {
    return this.view(await this.visible(viewer, id));
  }

  async retry(viewer: ViewerContext, id: number): Promise<number> {
    const job = await this.visible(viewer, id);
    if (job.status !== 'interrupted' && job.status !== 'failed') throw new InvalidInputError('id', `只有中断或失败的导入可以重新运行（当前：${job.status}）`);
    await stat(job.filePath).catch(() => {
      throw new InvalidInputError('id', '该导入的文件已不在服务器上，请重新上传');
    });
    await this.repo.requeue(id);
    this.kick();
    return id;
  }

  async report(viewer: ViewerContext, id: number, format: ImportFileFormat) {
    const job = await this.visible(viewer, id);
    return importReport(job, await this.repo.issues(id, 1_048_000), format);
  }

  /** A job the viewer may not see does not exist for it. */
  private async visible(viewer: ViewerContext, id: number): Promise<ImportJobRow> {
    const job = await this.repo.job(id);
    const owner = this.ownerOf(viewer);
    if (!job || (owner?.enterpriseId && job.enterpriseId !== owner.enterpriseId) || (owner?.institutionId && job.institutionId !== owner.institutionId))
      throw new NotFoundError(`import ${id}`);
    return job;
  }

  private ownerOf(viewer: ViewerContext) {
    if (viewer.role === 'admin') return undefined;
    if (viewer.scope?.kind === 'enterprise') return { enterpriseId: viewer.scope.enterpriseId };
    if (viewer.scope?.kind === 'institution') return { institutionId: viewer.scope.institutionId };
    throw new ForbiddenError(`the ${viewer.role} role has no imports`);
  }

  private view(job: ImportJobRow): ImportJob {
    const { filePath: _path, accountId: _account, enterpriseId: _e, institutionId: _i, ...shown } = job;
    if (this.live?.id === job.id && job.status === 'running') return { ...shown, ...this.live.counts, phase: this.live.phase };
    return shown;
  }

  // ------------------------------------------------------------ the worker

  /** Starts the worker unless it is running: it takes queued jobs one by one until none is left. */
  kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'import worker stopped'))
      .finally(() => {
        this.running = null;
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const job = await this.repo.claim();
      if (!job) return;
      await this.execute(job);
    }
  }

  /** Runs one queued job now, in the caller (the CLI), with its progress; false when it is not queued. */
  async runNow(id: number, onProgress?: (phase: ImportJob['phase'], counts: ImportCounts) => void): Promise<boolean> {
    const job = await this.repo.claim(id);
    if (!job) return false;
    await this.execute(job, onProgress);
    return true;
  }

  private async execute(job: ImportJobRow, onProgress?: (phase: ImportJob['phase'], counts: ImportCounts) => void): Promise<void> {
    const zero: ImportCounts = { rowsRead: 0, rowsValid: 0, rowsRejected: 0, inserted: 0, updated: 0, unchanged: 0, warnings: 0 };
    this.live = { id: job.id, phase: 'reading', counts: zero };
    const beat = setInterval(() => {
      const live = this.live;
      if (live?.id === job.id) void this.repo.heartbeat(job.id, live.phase, live.counts).catch(() => {});
    }, HEARTBEAT_MS);
    try {
      const outcome = await runImport(
        {
          jobId: job.id,
          kind: job.kind,
          mode: job.mode,
          filePath: job.filePath,
          scope: { ...(job.enterpriseId ? { enterpriseId: job.enterpriseId } : {}), ...(job.institutionId ? { institutionId: job.institutionId } : {}) },
        },
        {
          client: this.options.client,
          resolvers: await this.options.resolvers(),
          piiKeys: this.options.piiKeys,
          onProgress: (phase, counts) => {
            // On PGlite a long commit holds the one connection and the API answers nothing until it ends: the log says why.
            if (phase === 'writing') this.options.log.info(`import ${job.id}: ${counts.rowsValid} rows read, writing them in one transaction`);
            this.live = { id: job.id, phase, counts: { ...counts } };
            onProgress?.(phase, counts);
          },
          onCommit: (tx, counts, message) => this.repo.finish(job.id, 'committed', 'refreshing', counts, message, tx),
        },
      );
      await this.repo.addIssues(job.id, outcome.issues, 0);
      if (outcome.status === 'failed') {
        await this.repo.finish(job.id, 'failed', 'done', outcome.counts, outcome.message);
        return;
      }
      this.live = { id: job.id, phase: 'refreshing', counts: outcome.counts };
      onProgress?.('refreshing', outcome.counts);
      await this.options.refresh();
      await this.repo.setPhase(job.id, 'done');
      this.options.log.info(`import ${job.id} (${IMPORT_KIND_NAMES[job.kind]}) committed: ${outcome.message}`);
    } catch (error) {
      this.options.log.error({ err: error }, `import ${job.id} failed`);
      const current = await this.repo.job(job.id);
      // Committed already (the refresh failed): the data stands; otherwise nothing was written.
      if (current?.status === 'running')
        await this.repo.finish(
          job.id,
          'failed',
          'done',
          this.live?.counts ?? zero,
          `导入失败，未写入任何数据：${error instanceof Error ? error.message : String(error)}`,
        );
    } finally {
      clearInterval(beat);
      this.live = null;
    }
  }
}
