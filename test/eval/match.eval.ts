/**
 * `pnpm eval:match` — matching and classification quality, printed as JSON.
 * Uses DATABASE_URL when set (a seeded PostgreSQL), otherwise a fresh in-memory PGlite
 * seeded at the demo scale (EVAL_TALENTS, default 20,000).
 *
 *   --classification-only       reference data only (no demo seed, no matching): seconds, not minutes
 *   --dictionaries-at <commit>  classification with seed/reference as of a commit (read with
 *                               git show, into a fresh PGlite); `fixture` = the last commit that
 *                               changed test/fixtures/adverts.json. Matching does not read the
 *                               dictionaries (vacancies carry skill ids), so it is skipped.
 */
import { parseArgs } from 'node:util';
import { createClient, MatchRepository } from '@talentmap/db';
import { ensureSeeded, loadReference, scaleFor, DEFAULT_TALENTS } from '@talentmap/seed';
import { MatchService } from '@talentmap/server/services/match';
import { evaluateClassification, keywordBaseline, loadAdverts } from './classification.js';
import { DictionaryBaseline } from './dictionary-baseline.js';
import { dictionarySize, referenceAt, resolveCommit } from './dictionaries.js';
import { evaluateMatching } from './matching.js';
import { TEST_PII_KEYS } from '../support/database.js';

const { values: args } = parseArgs({ options: { 'classification-only': { type: 'boolean', default: false }, 'dictionaries-at': { type: 'string' } } });
const dictionariesAt = args['dictionaries-at'] === undefined ? null : resolveCommit(args['dictionaries-at']);
const withMatching = !args['classification-only'] && dictionariesAt === null;

// Another commit's dictionaries need a database of their own; DATABASE_URL holds today's.
const databaseUrl = dictionariesAt === null ? process.env.DATABASE_URL || undefined : undefined;
const talents = Number(process.env.EVAL_TALENTS ?? DEFAULT_TALENTS);
const client = await createClient(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
try {
  await client.migrate();
  const started = Date.now();
  if (dictionariesAt !== null) await loadReference(client, referenceAt(dictionariesAt));
  else await ensureSeeded(client, { scale: scaleFor(talents), demo: withMatching, piiKeys: TEST_PII_KEYS });
  process.stderr.write(`dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const matcher = await MatchService.create(client, TEST_PII_KEYS);
  const graph = await new MatchRepository(client).skillGraph();
  const dictionaryBaseline = new DictionaryBaseline(graph);

  const classification = evaluateClassification(
    {
      engine: (text) => matcher.classify(text, 5).results.map((r) => r.code),
      dictionaryBaseline: (text) => dictionaryBaseline.rank(text),
      nameOnlyBaseline: (text) => keywordBaseline(graph, text),
    },
    loadAdverts(),
  );
  process.stderr.write(withMatching ? 'classification done; matching…\n' : 'classification done\n');
  const matching = withMatching
    ? await evaluateMatching(client, matcher, { vacancies: Number(process.env.EVAL_VACANCIES ?? 300), radiusKm: 50, k: 10 })
    : undefined;
  console.log(
    JSON.stringify(
      {
        database: client.driver,
        dataset: databaseUrl ? 'existing database' : withMatching ? `synthetic demo, ${talents} talents (seed default)` : 'reference data only',
        dictionaries: { at: dictionariesAt ?? 'work tree', ...dictionarySize(graph) },
        split: 'adverts: dev = every 4th item (tuning only), test = the rest (held out); matching uses the generator latent truth, never read by the matcher',
        baselines:
          'dictionaryBaseline: the same skill and occupation dictionaries matched verbatim, ranked by title mention then profile-skill overlap; nameOnlyBaseline: skill and occupation names only, no aliases',
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
