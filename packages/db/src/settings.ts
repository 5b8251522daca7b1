import { sql } from 'drizzle-orm';
import type { DbClient } from './client.js';

/**
 * The PostgreSQL memory settings candidate search and the bulk load depend on, checked at
 * start. At 1M talents on 2 cores, candidate search's p95 was 172 ms with the default 128 MB of
 * shared buffers and 102 ms with 3 GB (the HNSW graph otherwise comes from the OS cache page
 * by page); see docs/scale.md.
 */
export interface SettingAdvice {
  name: 'shared_buffers' | 'work_mem' | 'maintenance_work_mem';
  currentBytes: number;
  recommendedBytes: number;
  why: string;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * What to raise, given the current values and the size of what search reads (the talents
 * table with its indexes): shared buffers hold all of it (at least 1 GB); an exact scan sorts
 * in memory; an HNSW build keeps its graph in maintenance memory or slows many-fold.
 */
export function settingsAdvice(current: Record<SettingAdvice['name'], number>, searchedBytes: number): SettingAdvice[] {
  const wanted: Omit<SettingAdvice, 'currentBytes'>[] = [
    {
      name: 'shared_buffers',
      recommendedBytes: Math.max(GB, Math.ceil((searchedBytes * 1.25) / (256 * MB)) * 256 * MB),
      why: 'the talents table and its HNSW index should stay in shared buffers',
    },
    { name: 'work_mem', recommendedBytes: 16 * MB, why: 'exact scans and rollups sort in memory' },
    { name: 'maintenance_work_mem', recommendedBytes: GB, why: 'an HNSW build that does not fit in memory is many times slower' },
  ];
  return wanted.filter((w) => current[w.name] < w.recommendedBytes).map((w) => ({ ...w, currentBytes: current[w.name] }));
}

export const formatBytes = (bytes: number) => (bytes >= GB ? `${Math.round((bytes / GB) * 10) / 10}GB` : `${Math.round(bytes / MB)}MB`);

/** The advice for this database; none on PGlite, whose memory is the process's own. */
export async function checkSettings(client: DbClient): Promise<SettingAdvice[]> {
  if (client.driver !== 'postgres') return [];
  const rows = await client.rows<{ name: SettingAdvice['name']; bytes: number }>(sql`
    select name, (setting::bigint * case unit when '8kB' then 8192 when 'kB' then 1024 when 'MB' then 1048576 else 1 end)::float8 as bytes
    from pg_settings where name in ('shared_buffers', 'work_mem', 'maintenance_work_mem')`);
  const [size] = await client.rows<{ bytes: number }>(sql`select coalesce(pg_total_relation_size(to_regclass('talents')), 0)::float8 as bytes`);
  const current = Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)])) as Record<SettingAdvice['name'], number>;
  return settingsAdvice(current, Number(size?.bytes ?? 0));
}
