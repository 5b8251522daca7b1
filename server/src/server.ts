import { createClient } from '@talentmap/db';
import { loadPiiKeys } from '@talentmap/core/pii';
import { datasetState, ensureSeeded, scaleFor, type Progress } from '@talentmap/seed';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

/**
 * Starts the product: open the database (embedded PGlite unless DATABASE_URL is set),
 * migrate, load reference and demo data on first start, then serve API and web app.
 */
const config = loadConfig();
const started = Date.now();
const say = (message: string) => process.stdout.write(`[talent-map] ${message}\n`);

say(config.DATABASE_URL ? 'connecting to PostgreSQL' : `opening embedded database in ${config.DATA_DIR}`);
/** A start that cannot go on says why and what to do, without a stack trace to read through. */
const fail = (error: unknown): never => {
  process.stderr.write(`[talent-map] cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
};
// The embedded database is locked to this process (a second start names the first's pid).
const client = await createClient({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch(fail);
await client.migrate().catch(fail);

let lastStage = '';
let lastPrint = 0;
const onProgress = ({ stage, done, total }: Progress) => {
  const now = Date.now();
  if (stage === lastStage && done < total && now - lastPrint < 1000) return;
  if (stage !== lastStage) say(`loading ${stage}…`);
  else say(`  ${stage}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((100 * done) / total)}%)`);
  lastStage = stage;
  lastPrint = now;
};
// Only the synthetic demo (loaded now or before) may run on a key generated into PII_KEY_FILE.
const { dataset } = await datasetState(client);
const piiKeys = loadPiiKeys({
  configured: config.PII_KEY,
  file: config.PII_KEY_FILE,
  synthetic: dataset === 'synthetic-demo' || (dataset === null && config.SEED_DEMO),
});
if (piiKeys.generated) say(`PII_KEY is unset: generated a key for the synthetic demo into ${config.PII_KEY_FILE}`);
// The demo loads in one transaction: killed part-way, the next start finds no dataset and loads again.
const { demoAccounts } = await ensureSeeded(client, {
  piiKeys,
  demo: config.SEED_DEMO,
  scale: scaleFor(config.DEMO_TALENTS),
  onProgress,
  demoPassword: config.DEMO_PASSWORD,
}).catch(fail);
// Straight to stdout, once, when the accounts are made: the password never goes through the logger.
if (demoAccounts?.generatedPassword) {
  say(`demo accounts ${demoAccounts.created.join(', ')} created with password: ${demoAccounts.generatedPassword}`);
  say('  (shown only now; set DEMO_PASSWORD to choose it — it then applies to every demo account at each start)');
}

const app = await buildApp({ config, client, piiKeys, replicaUrls: config.DATABASE_REPLICA_URLS });
app.addHook('onClose', async () => client.close());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
await app.listen({ port: config.PORT, host: config.HOST });
say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s — open http://localhost:${config.PORT}  (API docs: http://localhost:${config.PORT}/api/docs)`);
