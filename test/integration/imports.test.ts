import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { IMPORT_KINDS, type ImportJob, type ImportKind } from '@talentmap/core';
import { useApi, type AccountApi } from '../support/api.js';
import { testDriver } from '../support/database.js';

const api = useApi();
const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url));

/** Uploads a file and waits for its job to end. */
async function importFile(as: AccountApi, kind: ImportKind, name: string, content: Buffer | string, mode = 'all-or-nothing'): Promise<ImportJob> {
  const res = await as.upload<{ id: number }>('/api/imports', { kind, mode }, { name, content });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  for (let i = 0; i < 600; i++) {
    const job = await as.get<ImportJob>(`/api/imports/${res.body.id}`);
    if (['committed', 'failed', 'interrupted'].includes(job.body.status) && job.body.phase === 'done') return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${res.body.id} did not finish`);
}

const count = async (table: string) =>
  Number((await api.database.client.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n);

/** Every table an import can write, counted: what "nothing written" is checked against. */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      ['talents', 'talent_identities', 'job_seekers', 'enterprises', 'enterprise_chains', 'vacancies', 'institutions', 'programs'].map(async (t) => [
        t,
        await count(t),
      ]),
    ),
  );

async function reportRows(as: AccountApi, id: number): Promise<string[][]> {
  const file = await as.download(`/api/imports/${id}/errors?format=xlsx`);
  expect(file.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe(`imports on ${testDriver}`, () => {
  const admin = () => api.as('admin');

  it.each(IMPORT_KINDS)('offers a %s template whose example row imports on the demo dataset', async (kind) => {
    const xlsx = await admin().download(`/api/imports/templates/${kind}?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const [data, help] = workbook.worksheets;
    expect(data!.getRow(1).getCell(1).value).toBe('外部编号');
    expect(help!.name).toBe('说明');
    // The choice lists are Excel data validations on the data sheet.
    expect(JSON.stringify(data!.model)).toContain('dataValidations');

    const csv = await admin().download(`/api/imports/templates/${kind}?format=csv`);
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const job = await importFile(admin(), kind, `template-${kind}.xlsx`, xlsx.body);
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'committed', rowsRead: 1, rowsValid: 1, rowsRejected: 0 });
    expect(job.inserted + job.updated).toBe(1);
  });

  it('reads a GBK CSV and its UTF-8 twin alike; all-or-nothing writes nothing and reports every bad row by row and column', async () => {
    const before = await snapshot();
    const job = await importFile(admin(), 'talents', 'mixed-bad.csv', fixture('mixed-bad.csv'));
    expect(job).toMatchObject({ status: 'failed', rowsRead: 20, rowsValid: 16, rowsRejected: 4, inserted: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
    const errors = (await reportRows(admin(), job.id)).filter((r) => r[3] === '错误');
    expect(errors.map((r) => [r[0], r[1]])).toEqual([
      ['5', '身份证号'],
      ['9', '手机号'],
      ['13', '所在区县'],
      ['17', '技能等级'],
    ]);
    // Identity values never reach the report in full.
    const idCell = errors.find((r) => r[1] === '身份证号')?.[2] ?? '';
    expect(idCell).toMatch(/\*/);
  });

  it('commits the valid rows in valid-rows mode, and they show in the map counts; the same file again changes nothing', async () => {
    const before = await count('talents');
    const density = async () => (await api.as('planner').get<{ total: number | null }>('/api/map/talents?cellKm=10')).body.total;
    const densityBefore = await density();
    const job = await importFile(admin(), 'talents', 'mixed-bad.csv', fixture('mixed-bad.csv'), 'valid-rows');
    expect(job).toMatchObject({ status: 'committed', rowsValid: 16, rowsRejected: 4, inserted: 16, updated: 0, unchanged: 0 });
    expect(await count('talents')).toBe(before + 16);
    expect(await density()).toBe((densityBefore ?? 0) + 16);
    const again = await importFile(admin(), 'talents', 'mixed-bad.csv', fixture('mixed-bad.csv'), 'valid-rows');
    expect(again).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 16 });
    expect(await count('talents')).toBe(before + 16);
  });

  it('gives the same result for UTF-8, UTF-8 with BOM, GBK, tab-separated and XLSX files of the same rows', async () => {
    const first = await importFile(admin(), 'talents', 'talents-utf8.csv', fixture('talents-utf8.csv'));
    expect(first, JSON.stringify(first)).toMatchObject({ status: 'committed', rowsValid: 20, rowsRejected: 0, inserted: 20 });
    for (const name of ['talents-utf8-bom.csv', 'talents-gbk.csv', 'talents-tab.tsv', 'talents.xlsx']) {
      const job = await importFile(admin(), 'talents', name, fixture(name));
      expect(job, name).toMatchObject({ status: 'committed', rowsValid: 20, inserted: 0, updated: 0, unchanged: 20 });
    }
  });

  it('updates the record with the external id when a row changes', async () => {
    const text = iconv
      .decode(fixture('talents-gbk.csv'), 'gb18030')
      .replace(
        'T-2024-0001,测试甲,320102198501011007,13920240000,玄武区,电工,高级工,1,',
        'T-2024-0001,测试甲,320102198501011007,13920240000,玄武区,电工,技师,2,',
      );
    expect(text).toContain(',技师,2,');
    const job = await importFile(admin(), 'talents', 'changed.csv', text);
    expect(job).toMatchObject({ status: 'committed', inserted: 0, updated: 1, unchanged: 19 });
    const [row] = await api.database.client.rows<{ grade: number; years: number }>(
      sql`select grade, years_experience as years from talents where external_id = 'T-2024-0001'`,
    );
    expect(row).toEqual({ grade: 5, years: 2 });
  });

  it.each([
    ['empty.csv', '文件为空'],
    ['truncated.xlsx', '文件已损坏'],
    ['legacy.xls', '不支持 .xls'],
    ['missing-columns.csv', '缺少必填列：身份证号、技能等级'],
    ['header-only.csv', '没有数据行'],
  ])('refuses %s with a clear message and leaves the database as it was', async (name, message) => {
    const before = await snapshot();
    const res = await admin().upload<{ id?: number; error?: { message: string } }>('/api/imports', { kind: 'talents' }, { name, content: fixture(name) });
    if (res.status === 400) expect(res.body.error?.message).toContain(message);
    else {
      const job = await importFile(admin(), 'talents', name, fixture(name));
      expect(job.status).toBe('failed');
      expect(job.message).toContain(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['bad-id.csv', 3, '身份证号'],
    ['unknown-region.csv', 3, '所在区县'],
  ])('rejects the bad row of %s and names its column', async (name, row, column) => {
    const job = await importFile(admin(), 'talents', name, fixture(name));
    expect(job).toMatchObject({ status: 'failed', rowsRejected: 1 });
    const errors = (await reportRows(admin(), job.id)).filter((r) => r[3] === '错误');
    expect(errors.map((r) => [Number(r[0]), r[1]])).toEqual([[row, column]]);
  });

  it('leaves an occupation nobody can code empty with a warning and suggestions, never a silent guess', async () => {
    const job = await importFile(admin(), 'talents', 'unknown-occupation.csv', fixture('unknown-occupation.csv'));
    expect(job).toMatchObject({ status: 'committed', rowsRejected: 0 });
    const warnings = (await reportRows(admin(), job.id)).filter((r) => r[1] === '职业');
    expect(warnings.map((r) => [r[0], r[3]])).toEqual([['3', '警告']]);
    const [row] = await api.database.client.rows<{ occupation: string | null }>(sql`
      select t.occupation_code as occupation from talents t where t.external_id = (select external_id from talents where external_id like 'T-%' order by id desc limit 1)`);
    expect(row).toBeDefined();
  });

  it('takes formula cells by their value with a warning and neutralises formulas in the error report', async () => {
    const job = await importFile(admin(), 'talents', 'formula-cells.xlsx', fixture('formula-cells.xlsx'), 'valid-rows');
    const rows = await reportRows(admin(), job.id);
    expect(rows.some((r) => r[4]?.includes('公式'))).toBe(true);
    const csv = await admin().download(`/api/imports/${job.id}/errors?format=csv`);
    for (const line of csv.body.toString('utf8').split('\r\n').slice(1))
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });

  it('lets an enterprise import its own vacancies only, and keeps its jobs from others', async () => {
    const enterprise = api.as('enterprise-demo');
    const template = await enterprise.download('/api/imports/templates/vacancies?format=csv');
    const fromTemplate = await importFile(enterprise, 'vacancies', 'template.csv', template.body);
    expect(fromTemplate).toMatchObject({ status: 'committed', inserted: 1 });
    const csv = '\uFEFF外部编号,岗位名称,职业,技能等级要求,招聘人数,最低月薪（元）,最高月薪（元）\r\nEV-1,焊工,焊工,中级工,2,6000,8000\r\n';
    const job = await importFile(enterprise, 'vacancies', 'own.csv', csv);
    expect(job).toMatchObject({ status: 'committed', inserted: 1 });
    const [row] = await api.database.client.rows<{ enterprise: number }>(sql`select enterprise_id as enterprise from vacancies where external_id = 'EV-1'`);
    const [own] = await api.database.client.rows<{ enterprise: number }>(
      sql`select enterprise_id as enterprise from accounts where username = 'enterprise-demo'`,
    );
    expect(row?.enterprise).toBe(own?.enterprise);

    const refused = await enterprise.upload<{ error: { code: string } }>('/api/imports', { kind: 'talents' }, { name: 'x.csv', content: csv });
    expect(refused.status).toBe(403);
    const list = await enterprise.get<{ items: ImportJob[] }>('/api/imports');
    expect(list.body.items.map((j) => j.id)).toEqual([job.id, fromTemplate.id]);
    const adminJobs = await admin().get<{ items: ImportJob[] }>('/api/imports?limit=1');
    const other = adminJobs.body.items.find((j) => j.id !== job.id);
    if (other) expect((await enterprise.get(`/api/imports/${other.id}`)).status).toBe(404);
  });

  it('marks a job left running by a stopped process interrupted at the next start, and runs it again', async () => {
    const xlsx = (await admin().download('/api/imports/templates/institutions?format=csv')).body;
    const job = await importFile(admin(), 'institutions', 'i.csv', xlsx);
    // As if the process had died mid-job: running, with a stale heartbeat.
    await api.database.client.rows(
      sql`update import_jobs set status = 'running', phase = 'reading', heartbeat_at = now() - interval '1 hour' where id = ${job.id}`,
    );
    await api.app.importService.recover(false);
    const interrupted = await admin().get<ImportJob>(`/api/imports/${job.id}`);
    expect(interrupted.body.status).toBe('interrupted');
    const retried = await admin().post<{ id: number }>(`/api/imports/${job.id}/retry`, {});
    expect(retried.status).toBe(202);
    for (let i = 0; i < 100; i++) {
      const j = (await admin().get<ImportJob>(`/api/imports/${job.id}`)).body;
      if (j.status === 'committed' && j.phase === 'done') {
        expect(j.unchanged).toBe(1);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the retried job did not commit');
  });
});
