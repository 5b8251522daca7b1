/**
 * `pnpm import --kind talents FILE [--mode valid-rows]`: imports a CSV or XLSX file as the server
 * does (the same checks, the same job table and report), with progress on the terminal. Against
 * the embedded database the server must be stopped (one process per data folder); on PostgreSQL
 * a running server notices the new data within seconds. The error report, when there is one, is
 * written beside the file as FILE.errors.csv. Exit code 0 when committed, 1 when not.
 */
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, IMPORT_MODES, importKindSchema, importModeSchema } from '@talentmap/core';
import { loadPiiKeys } from '@talentmap/core/pii';
import { createClient } from '@talentmap/db';
import { datasetState } from '@talentmap/seed';
import { loadConfig } from '../config.js';
import { MatchService } from '../services/match.service.js';
import { createImportService } from '../services/imports/setup.js';

const usage = `usage: pnpm import --kind <${IMPORT_KINDS.join('|')}> FILE [--mode <${IMPORT_MODES.join('|')}>]`;
const { values, positionals } = parseArgs({
  options: { kind: { type: 'string' }, mode: { type: 'string', default: 'all-or-nothing' } },
  allowPositionals: true,
});
const kind = importKindSchema.safeParse(values.kind);
const mode = importModeSchema.safeParse(values.mode);
const [file] = positionals;
if (!kind.success || !mode.success || !file || positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}
const size = (await stat(file).catch(() => null))?.size;
if (size === undefined) {
  console.error(`no such file: ${file}`);
  process.exit(2);
}

const config = loadConfig();
const client = await createClient({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await client.migrate();
  const { dataset } = await datasetState(client);
  const piiKeys = loadPiiKeys({ configured: config.PII_KEY, file: config.PII_KEY_FILE, synthetic: dataset === 'synthetic-demo' });
  const match = await MatchService.create(client, piiKeys);
  const service = createImportService({
    client,
    match,
    piiKeys,
    uploadDir: config.IMPORT_DIR,
    staleSeconds: config.IMPORT_STALE_SECONDS,
    maxBytes: Number.MAX_SAFE_INTEGER,
    log: { info: (m) => console.log(m), error: (obj, m) => console.error(m, obj) },
  });
  const admin = { role: 'admin' as const, username: `cli:${process.env.USER ?? 'unknown'}` };
  const id = await service.submit(admin, { kind: kind.data, mode: mode.data, fileName: basename(file), file: createReadStream(file) }, { start: false });
  const started = Date.now();
  let last = 0;
  await service.runNow(id, (phase, c) => {
    const now = Date.now();
    if (now - last < 250 && phase === 'reading') return;
    last = now;
    const rate = Math.round(c.rowsRead / Math.max(0.001, (now - started) / 1000));
    process.stderr.write(
      `\r${phase.padEnd(10)} ${bar(phase)} 读取 ${c.rowsRead.toLocaleString('en')} 行 · 有效 ${c.rowsValid.toLocaleString('en')} · 拒绝 ${c.rowsRejected.toLocaleString('en')} · ${rate.toLocaleString('en')} 行/秒   `,
    );
  });
  process.stderr.write('\n');
  const job = await service.get(admin, id);
  console.log(`import ${id}: ${job.status} in ${((Date.now() - started) / 1000).toFixed(1)} s — ${job.message ?? ''}`);
  console.log(
    `  rows read ${job.rowsRead}, valid ${job.rowsValid}, rejected ${job.rowsRejected}; inserted ${job.inserted}, updated ${job.updated}, unchanged ${job.unchanged}; warnings ${job.warnings}`,
  );
  if (job.rowsRejected + job.warnings > 0) {
    const report = await service.report(admin, id, 'csv');
    await writeFile(`${file}.errors.csv`, report.body);
    console.log(`  error report: ${file}.errors.csv`);
  }
  if (job.status !== 'committed') process.exitCode = 1;
} finally {
  await client.close();
}

/** Where the job is among its phases, as a bar (the row count is unknown until the file ends). */
function bar(phase: string): string {
  const steps = ['reading', 'writing', 'refreshing', 'done'];
  const at = Math.max(0, steps.indexOf(phase)) + 1;
  return `[${'#'.repeat(at * 5).padEnd(20, '.')}]`;
}
