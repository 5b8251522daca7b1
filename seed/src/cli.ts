import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { sql } from 'drizzle-orm';
import { createClient } from '@talentmap/db';
import { datasetState, loadDemoDataset, loadReference, readReference, scaleFor, DEFAULT_SEED, DEFAULT_TALENTS, type Progress } from './index.js';
import { loadPiiKeys } from '@talentmap/core/pii';

const usage = `usage: pnpm seed [--talents N | --scale X] [--seed S] [--reset]
  Loads reference data and the synthetic demo dataset into the database named by
  DATABASE_URL (PostgreSQL) or, when it is unset, the embedded PGlite in DATA_DIR (./data/pglite).
  Identities are sealed under PII_KEY, or a key generated into PII_KEY_FILE (./data/pii.key).
  --talents N   number of synthetic talents (default ${DEFAULT_TALENTS}); other tables scale with it
  --scale X     the same as a multiple of the demo size: --scale 50 is ${(DEFAULT_TALENTS * 50).toLocaleString('en')} talents
  --seed S      random seed (default ${DEFAULT_SEED}); the same seed and scale give the same data
  --reset       drop everything in the database first`;

const { values } = parseArgs({
  options: {
    talents: { type: 'string' },
    scale: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    reset: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.talents !== undefined && values.scale !== undefined) {
  console.error(`give --talents or --scale, not both\n\n${usage}`);
  process.exit(2);
}
const talents = values.scale !== undefined ? Math.round(DEFAULT_TALENTS * Number(values.scale)) : Number(values.talents ?? DEFAULT_TALENTS);
const seed = Number(values.seed);
if (!Number.isInteger(talents) || talents < 100 || talents > 5_000_000) {
  console.error(`--talents must be an integer between 100 and 5000000\n\n${usage}`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer\n\n${usage}`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const client = await createClient({ databaseUrl, dataDir: process.env.DATA_DIR ?? './data/pglite' });
try {
  if (values.reset) {
    console.log('dropping existing schema…');
    await client.rows(sql`drop schema if exists drizzle cascade`);
    await client.rows(sql`drop schema public cascade`);
    await client.rows(sql`create schema public`);
  }
  await client.migrate();
  const state = await datasetState(client);
  if (state.dataset !== null) {
    console.error(`the database already holds a dataset (${state.dataset}); run with --reset to replace it`);
    process.exit(1);
  }
  const ref = readReference();
  if (!state.hasReference) {
    console.log('loading reference data…');
    await loadReference(client, ref);
  }

  const scale = scaleFor(talents);
  console.log(`generating synthetic demo data (seed ${seed}) into ${client.driver}:`, scale);
  const bar = new SingleBar(
    { format: '{stage} |{bar}| {percentage}% {value}/{total} {rate} rows/s', noTTYOutput: true, notTTYSchedule: 5000 },
    Presets.shades_classic,
  );
  // Per stage: rows and seconds, for the summary (the talents line is the figure the issue asks for).
  const stages = new Map<string, { rows: number; total: number; start: number; end: number }>();
  const onProgress = (p: Progress) => {
    let s = stages.get(p.stage);
    if (!s) {
      if (stages.size > 0) bar.stop();
      s = { rows: 0, total: p.total, start: Date.now(), end: Date.now() };
      stages.set(p.stage, s);
      bar.start(p.total, p.done, { stage: p.stage.padEnd(26), rate: '…' });
    }
    s.rows = p.done;
    s.end = Date.now();
    const seconds = (s.end - s.start) / 1000;
    bar.update(p.done, { rate: seconds > 0 ? Math.round(p.done / seconds).toLocaleString('en') : '…' });
  };
  const started = Date.now();
  // The demo's identities are sealed like real ones: under PII_KEY, or a key generated beside the data.
  const piiKeys = loadPiiKeys({ configured: process.env.PII_KEY || undefined, file: process.env.PII_KEY_FILE ?? './data/pii.key', synthetic: true });
  // One transaction: interrupted or failed, the database is left as it was before the load.
  await loadDemoDataset(client, ref, { seed, scale, batchSize: 20_000, onProgress, piiKeys });
  bar.stop();
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [name, s] of stages) {
    const seconds = Math.max(0.001, (s.end - s.start) / 1000);
    // One-step stages (index rebuilds, rollups) have a duration, not a row rate.
    const rows = s.total > 1 ? `${s.rows.toLocaleString('en').padStart(10)} rows` : ''.padStart(15);
    const rate =
      s.total > 1
        ? `${Math.round(s.rows / seconds)
            .toLocaleString('en')
            .padStart(8)} rows/s`
        : '';
    console.log(`  ${name.padEnd(26)} ${rows}  ${seconds.toFixed(1).padStart(6)} s  ${rate}`);
  }
} finally {
  await client.close();
}
