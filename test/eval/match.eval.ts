/**
 * `pnpm eval:match` — matching and classification quality, printed as JSON.
 * Uses DATABASE_URL when set (a seeded PostgreSQL), otherwise a fresh in-memory PGlite
 * seeded at the demo scale (EVAL_TALENTS, default 20,000).
 */
import { createClient } from '@talentmap/db';
import { ensureSeeded, scaleFor, DEFAULT_TALENTS } from '@talentmap/seed';
import { MatchService } from '@talentmap/server/services/match';
import { MatchRepository } from '@talentmap/db';
import { evaluateClassification, loadAdverts } from './classification.js';
import { evaluateMatching } from './matching.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const talents = Number(process.env.EVAL_TALENTS ?? DEFAULT_TALENTS);
const client = await createClient(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
try {
  await client.migrate();
  const started = Date.now();
  await ensureSeeded(client, { scale: scaleFor(talents) });
  process.stderr.write(`dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const matcher = await MatchService.create(client);
  const graph = await new MatchRepository(client).skillGraph();

  const classification = evaluateClassification(matcher, graph, loadAdverts());
  process.stderr.write(`classification done; matching…\n`);
  const matching = await evaluateMatching(client, matcher, { vacancies: Number(process.env.EVAL_VACANCIES ?? 300), radiusKm: 50, k: 10 });
  console.log(
    JSON.stringify(
      {
        database: client.driver,
        dataset: databaseUrl ? 'existing database' : `synthetic demo, ${talents} talents (seed default)`,
        split: 'adverts: dev = every 4th item (tuning only), test = the rest (held out); matching uses the generator latent truth, never read by the matcher',
        classification: { dev: classification.dev, test: classification.test },
        matching,
        devMisses: process.env.EVAL_VERBOSE ? classification.devMisses : undefined,
      },
      null,
      2,
    ),
  );
} finally {
  await client.close();
}
