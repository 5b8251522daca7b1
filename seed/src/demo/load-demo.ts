import { sql } from 'drizzle-orm';
import {
  BinaryCopyRows,
  csvField,
  datasetMeta,
  IDENTITY_COLUMNS,
  IdentitySealer,
  pgTextArray,
  skills,
  withBulkLoad,
  type BinaryType,
  type DbClient,
} from '@talentmap/db';
import { talentSkillWeights, vectorLiteral, type SkillSpace, type WeightedSkill } from '@talentmap/matcher';
import { buildSkillSpace } from '../embeddings.js';
import type { ReferenceData } from '../reference.js';
import { Rng } from '@talentmap/core';
import type { PiiKeys } from '@talentmap/core/pii';
import { DEMO_PERIOD } from './calendar.js';
import { syntheticExternalId } from './external-id.js';
import { buildContext, type DemoContext } from './context.js';
import {
  generateEnterprises,
  generateInstitutions,
  generatePrograms,
  generateTalent,
  generateVacancies,
  generateWalkInSeeker,
  type SeekerRow,
} from './generate.js';

export interface DemoScale {
  talents: number;
  enterprises: number;
  vacancies: number;
  walkInSeekers: number;
  institutions: number;
}

/** Everything scales from the talent count; the ratios keep 求人倍率 near the plan's 1.5. */
export function scaleFor(talents: number): DemoScale {
  return {
    talents,
    enterprises: Math.max(300, Math.round(talents / 20)),
    vacancies: Math.round(talents / 2),
    walkInSeekers: Math.round(talents * 0.25),
    institutions: Math.min(3000, Math.max(60, Math.round(talents / 100))),
  };
}

export const DEFAULT_TALENTS = 20_000;
export const DEFAULT_SEED = 20_260_101;

export interface Progress {
  stage: string;
  done: number;
  total: number;
}

export interface DemoOptions {
  /** Seals the synthetic identities as real ones would be (talent_identities holds no plain text). */
  piiKeys?: PiiKeys;
  seed?: number;
  scale?: DemoScale;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
}

const line = (fields: unknown[]) => fields.map(csvField).join(',') + '\n';

/** Streams rows to COPY in batches so a million talents never sit in memory at once. */
async function copyInBatches<T>(
  client: DbClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<T>,
  toFields: (row: T) => unknown[],
  total: number,
  batchSize: number,
  report: (done: number) => void,
) {
  let buffer = '';
  let n = 0;
  report(0);
  for (const row of rows) {
    buffer += line(toFields(row));
    if (++n % batchSize === 0) {
      await client.copyCsv(table, columns, buffer);
      buffer = '';
      report(n);
    }
  }
  if (buffer) {
    await client.copyCsv(table, columns, buffer);
    report(total);
  }
}

/** Talents, their identities (identity-rows.ts) and truths go in COPY's binary form (BinaryCopyRows): no vector text to write or parse. */
const TALENT_COLUMNS = {
  id: 'int8',
  region_code: 'text',
  lng: 'float8',
  lat: 'float8',
  occupation_code: 'text',
  grade: 'int2',
  certificates: 'text[]',
  skills: 'jsonb',
  years_experience: 'int2',
  employment_status: 'text',
  open_to_offers: 'bool',
  willing_radius_km: 'int2',
  embedding: 'vector',
  external_id: 'text',
} as const satisfies Record<string, BinaryType>;
const TRUTH_COLUMNS = { talent_id: 'int8', occupation_code: 'text', grade: 'int2' } as const satisfies Record<string, BinaryType>;
/** A table's binary rows, and the COPY that loads them. */
const binaryRows = (columns: Record<string, BinaryType>) => new BinaryCopyRows(Object.values(columns));
const copyRows = (client: DbClient, table: string, columns: Record<string, BinaryType>, rows: BinaryCopyRows) =>
  client.copyBinary(table, Object.keys(columns), rows.finish());
const SEEKER_COLUMNS = ['talent_id', 'region_code', 'occupation_code', 'grade', 'registered_on', 'closed_on'] as const;

/**
 * Generates and loads the synthetic demo dataset's rows (deterministic for a seed and scale)
 * in one transaction with the drop and rebuild of their indexes, or a savepoint of the
 * caller's (loadDemoDataset, which adds the derived data and the marker). Reference data must
 * already be loaded: skill ids come from the database.
 */
export async function loadDemo(client: DbClient, ref: ReferenceData, options: DemoOptions & { piiKeys: PiiKeys }): Promise<DemoScale> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? scaleFor(DEFAULT_TALENTS);
  const batchSize = options.batchSize ?? 10_000;
  const progress = options.onProgress ?? (() => {});
  const rng = new Rng(seed);

  const skillRows = await client.db.select({ id: skills.id, name: skills.name }).from(skills);
  const ctx = buildContext(ref, new Map(skillRows.map((s) => [s.name, s.id])), rng.fork('context'));
  // Vectors are computed as rows are generated and copied with them: one write per row.
  const space = await buildSkillSpace(client);
  return withBulkLoad(
    client,
    BULK_TABLES,
    async (tx) => {
      await refuseLeftovers(tx);
      await loadRows(tx, ctx, rng, scale, batchSize, progress, space, options.piiKeys);
      return scale;
    },
    (phase) => progress({ stage: 'indexes and constraints', done: phase === 'done' ? 1 : 0, total: 1 }),
  );
}

/**
 * Writes the marker that says a dataset is loaded: last, once rows, indexes and derived data
 * are all in place, and in the same transaction as them (loadDemoDataset), so a database that
 * has the marker has everything.
 */
export async function markDemoDataset(client: DbClient, seed: number, scale: DemoScale): Promise<void> {
  await client.db
    .insert(datasetMeta)
    .values({ key: 'dataset', value: { kind: 'synthetic-demo', seed, scale, period: DEMO_PERIOD, generator: '@talentmap/seed' } })
    .onConflictDoUpdate({ target: datasetMeta.key, set: { value: sql`excluded.value` } });
}

/**
 * A database without the dataset marker but with rows in the demo's tables holds an
 * interrupted load from before loads were one transaction: say so rather than fail on the
 * first duplicate key.
 */
async function refuseLeftovers(client: DbClient): Promise<void> {
  const [row] = await client.rows<{ tables: string | null }>(
    sql.raw(`select concat_ws(', ', ${BULK_TABLES.map((t) => `case when exists (select 1 from ${t}) then '${t}' end`).join(', ')}) as tables`),
  );
  if (row?.tables)
    throw new Error(
      `the database holds rows of an incomplete load (${row.tables}) but no dataset: reset it (pnpm seed --reset) or, ` +
        `for the embedded database, move its folder aside, and load again`,
    );
}

/** The tables the demo fills; their indexes and constraints are rebuilt once after the load. */
const BULK_TABLES = [
  'enterprises',
  'enterprise_chains',
  'vacancies',
  'talents',
  'talent_identities',
  'talent_truths',
  'job_seekers',
  'institutions',
  'programs',
];

async function loadRows(
  client: DbClient,
  ctx: DemoContext,
  rng: Rng,
  scale: DemoScale,
  batchSize: number,
  progress: (p: Progress) => void,
  space: SkillSpace,
  piiKeys: PiiKeys,
): Promise<void> {
  // Vacancies and programs in CSV: vectors in pgvector's text form.
  const embed = (weighted: WeightedSkill[]) => {
    const v = space.embed(weighted);
    return v ? vectorLiteral(v) : null;
  };
  const enterprises = generateEnterprises(ctx, rng.fork('enterprises'), scale.enterprises);
  progress({ stage: 'enterprises', done: 0, total: enterprises.length });
  await client.copyCsv(
    'enterprises',
    ['id', 'name', 'region_code', 'lng', 'lat', 'size', 'chain_leader', 'external_id'],
    enterprises.map((e) => line([e.id, e.name, e.regionCode, e.lng, e.lat, e.size, e.chainLeader, syntheticExternalId('enterprise', e.id)])).join(''),
  );
  await client.copyCsv('enterprise_chains', ['enterprise_id', 'chain_code'], enterprises.flatMap((e) => e.chainCodes.map((c) => line([e.id, c]))).join(''));
  progress({ stage: 'enterprises', done: enterprises.length, total: enterprises.length });

  await copyInBatches(
    client,
    'vacancies',
    [
      'id',
      'enterprise_id',
      'region_code',
      'occupation_code',
      'grade',
      'headcount',
      'title',
      'skills',
      'posted_on',
      'filled_on',
      'wage_min',
      'wage_max',
      'embedding',
      'external_id',
    ],
    generateVacancies(ctx, rng.fork('vacancies'), enterprises, scale.vacancies),
    (v) => [
      v.id,
      v.enterpriseId,
      v.regionCode,
      v.occupationCode,
      v.grade,
      v.headcount,
      v.title,
      v.skills,
      v.postedOn,
      v.filledOn,
      v.wageMin,
      v.wageMax,
      embed(v.skills),
      syntheticExternalId('vacancy', v.id),
    ],
    scale.vacancies,
    batchSize,
    (done) => progress({ stage: 'vacancies', done, total: scale.vacancies }),
  );

  // Talents, their identities, latent truth and registrations are written batch by batch,
  // on other connections while the next batch is generated, so the database and the
  // generator work at the same time.
  const talentRng = rng.fork('talents');
  progress({ stage: 'talents', done: 0, total: scale.talents });
  let inFlight: Promise<unknown> = Promise.resolve();
  const sealer = new IdentitySealer(piiKeys);
  try {
    for (let start = 1; start <= scale.talents; start += batchSize) {
      const end = Math.min(scale.talents, start + batchSize - 1);
      const talentRows = binaryRows(TALENT_COLUMNS);
      const truthRows = binaryRows(TRUTH_COLUMNS);
      let seekersCsv = '';
      // Rows of a batch are written district by district: filtered scans then read runs of
      // neighbouring pages instead of one page per row.
      const batch = Array.from({ length: end - start + 1 }, (_, i) => generateTalent(ctx, talentRng, start + i));
      batch.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.id - b.id);
      for (const t of batch) {
        talentRows.add([
          t.id,
          t.regionCode,
          t.lng,
          t.lat,
          t.occupationCode,
          t.grade,
          t.certificates,
          t.skills,
          t.yearsExperience,
          t.employmentStatus,
          t.openToOffers,
          t.willingRadiusKm,
          space.embed(talentSkillWeights(t.skills)),
          syntheticExternalId('talent', t.id),
        ]);
        truthRows.add([t.id, t.truth.occupationCode, t.truth.grade]);
        if (t.registration)
          seekersCsv += line([t.id, t.regionCode, t.truth.occupationCode, t.truth.grade, t.registration.registeredOn, t.registration.closedOn]);
      }
      await inFlight; // at most one batch in flight keeps memory bounded
      progress({ stage: 'talents', done: start - 1, total: scale.talents });
      inFlight = Promise.all([
        copyRows(client, 'talents', TALENT_COLUMNS, talentRows),
        sealer.seal(batch.map((t) => [t.id, t.identity])).then((rows) => client.copyBinary('talent_identities', Object.keys(IDENTITY_COLUMNS), rows)),
        copyRows(client, 'talent_truths', TRUTH_COLUMNS, truthRows),
        seekersCsv ? client.copyCsv('job_seekers', SEEKER_COLUMNS, seekersCsv) : undefined,
      ]);
    }
    await inFlight;
  } finally {
    await inFlight.catch(() => {}); // a failed batch's other COPYs settle before the transaction ends
    await sealer.close();
  }
  progress({ stage: 'talents', done: scale.talents, total: scale.talents });

  const seekerRng = rng.fork('seekers');
  await copyInBatches(
    client,
    'job_seekers',
    SEEKER_COLUMNS,
    (function* () {
      for (let i = 0; i < scale.walkInSeekers; i++) yield generateWalkInSeeker(ctx, seekerRng);
    })(),
    (s: SeekerRow) => [null, s.regionCode, s.occupationCode, s.grade, s.registeredOn, s.closedOn],
    scale.walkInSeekers,
    batchSize,
    (done) => progress({ stage: 'job seekers', done, total: scale.walkInSeekers }),
  );

  const institutions = generateInstitutions(ctx, rng.fork('institutions'), scale.institutions);
  const programs = generatePrograms(ctx, rng.fork('programs'), institutions);
  progress({ stage: 'institutions and programs', done: 0, total: programs.length });
  await client.copyCsv(
    'institutions',
    ['id', 'name', 'kind', 'region_code', 'lng', 'lat', 'capacity', 'external_id'],
    institutions.map((i) => line([i.id, i.name, i.kind, i.regionCode, i.lng, i.lat, i.capacity, syntheticExternalId('institution', i.id)])).join(''),
  );
  await client.copyCsv(
    'programs',
    ['id', 'institution_id', 'name', 'occupation_codes', 'skills', 'grade', 'hours', 'capacity', 'subsidy_eligible', 'mode', 'embedding', 'external_id'],
    programs
      .map((p) =>
        line([
          p.id,
          p.institutionId,
          p.name,
          pgTextArray(p.occupationCodes),
          p.skills,
          p.grade,
          p.hours,
          p.capacity,
          p.subsidyEligible,
          p.mode,
          embed(p.skills),
          syntheticExternalId('program', p.id),
        ]),
      )
      .join(''),
  );
  progress({ stage: 'institutions and programs', done: programs.length, total: programs.length });

  // Explicit ids were copied in; move the sequences past them so later inserts do not collide.
  for (const table of ['enterprises', 'vacancies', 'talents', 'institutions', 'programs'])
    await client.rows(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest(1, (select coalesce(max(id), 0) from ${table})))`));
}
