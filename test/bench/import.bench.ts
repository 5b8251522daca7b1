/**
 * `pnpm bench:import` — a talents CSV of BENCH_ROWS synthetic rows (default 100,000) imported end to
 * end (read, check, resolve, stage with COPY, one upsert transaction; vectors and sealed identities
 * included), with the rollup refresh timed apart and the process's peak RSS; then, in the same run
 * and on the same rows, a plain loader: the same reader and row checks, then batched multi-row
 * INSERTs of the talents and their identities in one transaction (no stage, no comparison).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentmap_bench_import pnpm bench:import
 * (the database is reset: reference data only); unset: a PGlite in a temporary folder.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { sealIdentity } from '@talentmap/core/pii';
import { createClient, pgTextArray } from '@talentmap/db';
import { idCheckDigit, openTable } from '@talentmap/importer';
import { talentCell } from '@talentmap/geo';
import { vectorLiteral } from '@talentmap/matcher';
import { loadReference, readReference } from '@talentmap/seed';
import { createImportService, importResolversFor, IMPORT_COLUMNS, mapHeaders, parseRow, RowReader } from '@talentmap/server/imports';
import { MatchService } from '@talentmap/server/services/match';
import { TEST_PII_KEYS } from '../support/database.js';

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const databaseUrl = process.env.DATABASE_URL || undefined;
const work = mkdtempSync(join(tmpdir(), 'talentmap-bench-import-'));
const client = await createClient(databaseUrl ? { databaseUrl } : { dataDir: join(work, 'pglite') });

await client.migrate();
await client.rows(sql`truncate talents, job_seekers, vacancies, enterprises, programs, institutions, import_jobs cascade`);
if (Number((await client.rows<{ n: number }>(sql`select count(*)::int as n from regions`))[0]?.n) === 0) await loadReference(client, readReference());

// ---------------------------------------------------------------- the file
const DISTRICTS = ['玄武区', '秦淮区', '320508', '苏州市吴中区', '昆山市', '江阴市', '南京市鼓楼区', '徐州市鼓楼区', '常州市武进区', '南通市崇川区'];
const OCCUPATIONS = ['电工', '焊工', '6-31-01-03', '6-18-02-04'];
const GRADES = ['高级工', '三级', '4', '技师', '中级工'];
const header = '外部编号,姓名,身份证号,手机号,所在区县,职业,技能等级,工作年限,就业状态,接受岗位推荐,技能,证书,通勤半径（公里）';
const file = join(work, 'talents.csv');
const BIRTH_DAYS = 10_950;
if (rows > BIRTH_DAYS * 1000) throw new Error(`BENCH_ROWS at most ${BIRTH_DAYS * 1000}: the ID numbers would repeat`);
{
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    // A distinct (birth date, sequence) pair per row: 10,950 birth dates from 1970, 1,000 sequences each.
    const birth = new Date(Date.UTC(1970, 0, 1) + (i % BIRTH_DAYS) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `320102${birth}${String(Math.floor(i / BIRTH_DAYS) % 1000).padStart(3, '0')}`;
    const id = first17 + idCheckDigit(first17);
    lines.push(
      [
        `B-${String(i).padStart(8, '0')}`,
        `测试${i}`,
        id,
        `139${String(i).padStart(8, '0')}`,
        DISTRICTS[i % DISTRICTS.length],
        OCCUPATIONS[i % 4],
        GRADES[i % 5],
        i % 30,
        '在职',
        '是',
        i % 2 ? 'PLC编程；电气安装' : '',
        '',
        30,
      ].join(','),
    );
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const match = await MatchService.create(client, TEST_PII_KEYS);
const refreshStarted: number[] = [];
const writingStarted: number[] = [];
const service = createImportService({
  client,
  match,
  piiKeys: TEST_PII_KEYS,
  uploadDir: join(work, 'uploads'),
  staleSeconds: 30,
  maxBytes: Number.MAX_SAFE_INTEGER,
  log: { info: () => {}, error: (obj, m) => console.error(m, obj) },
});
const admin = { role: 'admin' as const, username: 'bench' };

// ---------------------------------------------------------------- the engine
const started = performance.now();
const id = await service.submit(admin, { kind: 'talents', mode: 'all-or-nothing', fileName: 'talents.csv', file: createReadStream(file) }, { start: false });
await service.runNow(id, (phase) => {
  if (phase === 'refreshing') refreshStarted.push(performance.now());
  if (phase === 'writing') writingStarted.push(performance.now());
});
const ended = performance.now();
const job = await service.get(admin, id);
if (job.status !== 'committed' || job.inserted !== rows) throw new Error(`the import did not commit every row: ${JSON.stringify(job)}`);
const commitAt = refreshStarted[0] ?? ended;
const engine = {
  rows,
  seconds: round((commitAt - started) / 1000),
  rowsPerSecond: Math.round(rows / ((commitAt - started) / 1000)),
  readAndStageSeconds: round(((writingStarted[0] ?? commitAt) - started) / 1000),
  applySeconds: round((commitAt - (writingStarted[0] ?? commitAt)) / 1000),
  refreshSeconds: round((ended - commitAt) / 1000),
  peakRssMb: Math.round(peakRss / 1_048_576),
};

// The same file again: every row unchanged.
const againStarted = performance.now();
const again = await service.submit(admin, { kind: 'talents', mode: 'all-or-nothing', fileName: 'talents.csv', file: createReadStream(file) }, { start: false });
await service.runNow(again);
const againJob = await service.get(admin, again);
const reimport = { unchanged: againJob.unchanged, seconds: round((performance.now() - againStarted) / 1000) };

// ---------------------------------------------------------------- the baseline
await client.rows(sql`truncate talents cascade`);
peakRss = 0;
const baselineStarted = performance.now();
const resolvers = await importResolversFor(client, match);
const table = await openTable(file);
const { keys } = mapHeaders('talents', table.headers);
const columns = new Map(IMPORT_COLUMNS.talents.map((c) => [c.key, c]));
await client.transaction(async (tx) => {
  let talentValues: ReturnType<typeof sql>[] = [];
  let identities: { id: number; identity: { fullName: string; phone: string; idNumber: string } }[] = [];
  let nextId = 1;
  const flush = async () => {
    if (talentValues.length === 0) return;
    await tx.rows(sql`insert into talents (id, external_id, region_code, lng, lat, occupation_code, grade, certificates, skills, years_experience, employment_status, open_to_offers, willing_radius_km, embedding, synthetic)
      values ${sql.join(talentValues, sql`, `)}`);
    const sealed = identities.map(({ id, identity }) => {
      const s = sealIdentity(TEST_PII_KEYS, id, identity);
      return sql`(${id}, decode(${s.fullNameSealed.toString('hex')}, 'hex'), decode(${s.phoneSealed.toString('hex')}, 'hex'), decode(${s.idNumberSealed.toString('hex')}, 'hex'), ${s.idNumberIndex}, ${s.keyId}, ${s.digest})`;
    });
    await tx.rows(
      sql`insert into talent_identities (talent_id, full_name_sealed, phone_sealed, id_number_sealed, id_number_index, key_id, digest) values ${sql.join(sealed, sql`, `)}`,
    );
    talentValues = [];
    identities = [];
  };
  for await (const { row, cells } of table.rows) {
    const byKey = new Map<string, string>();
    cells.forEach((v: string, i: number) => keys[i] && byKey.set(keys[i] as string, v));
    const parsed = parseRow('talents', new RowReader(row, columns, byKey), resolvers);
    if (parsed?.kind !== 'talents') continue;
    const t = parsed.record;
    const [lng, lat] = talentCell([parsed.point.lng, parsed.point.lat]);
    const id = nextId++;
    talentValues.push(
      sql`(${id}, ${t.externalId}, ${t.regionCode}, ${lng}, ${lat}, ${t.occupationCode}, ${t.grade}, ${pgTextArray(t.certificates)}::text[], ${JSON.stringify(t.skills)}::jsonb,
        ${t.yearsExperience}, ${t.employmentStatus}, ${t.openToOffers}, ${t.willingRadiusKm}, ${vectorText(resolvers.embedTalent(t.skills))}::vector, false)`,
    );
    identities.push({ id, identity: t });
    // 1,000 rows × 15 parameters stays under PostgreSQL's 65,535 bound parameters.
    if (talentValues.length >= 1_000) await flush();
  }
  await flush();
});
const baselineSeconds = (performance.now() - baselineStarted) / 1000;
const baseline = { rows, seconds: round(baselineSeconds), rowsPerSecond: Math.round(rows / baselineSeconds), peakRssMb: Math.round(peakRss / 1_048_576) };
clearInterval(sampler);

console.log(JSON.stringify({ driver: client.driver, fileMb: round(statSync(file).size / 1_048_576), engine, reimport, baseline }, null, 2));
await client.close();
rmSync(work, { recursive: true, force: true });

function vectorText(v: number[] | null) {
  return v ? vectorLiteral(v) : null;
}

function round(x: number) {
  return Math.round(x * 10) / 10;
}
