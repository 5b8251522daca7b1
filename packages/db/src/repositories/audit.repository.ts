import { sql } from 'drizzle-orm';
import type { AuditAction } from '@talentmap/core';
import type { DbClient } from '../client.js';

export interface AuditRecord {
  accountId: number | null;
  username: string | null;
  role: string;
  action: AuditAction;
  purpose: string;
  pseudonyms: string[];
  talentIds: number[];
  details: Record<string, unknown>;
}

export interface AuditRow extends Omit<AuditRecord, 'accountId' | 'talentIds'> {
  id: number;
  at: string;
}

/** The audit log: INSERT and SELECT only (a trigger refuses the rest on the database side). */
export class AuditRepository {
  constructor(private readonly client: DbClient) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.client.rows(sql`
      insert into audit_log (account_id, username, role, action, purpose, pseudonyms, talent_ids, details)
      values (${entry.accountId}, ${entry.username}, ${entry.role}, ${entry.action}, ${entry.purpose},
              ${sql`array[${sql.join(
                entry.pseudonyms.map((p) => sql`${p}`),
                sql`, `,
              )}]::text[]`},
              ${sql`array[${sql.join(
                entry.talentIds.map((id) => sql`${id}`),
                sql`, `,
              )}]::bigint[]`},
              ${JSON.stringify(entry.details)}::jsonb)`);
  }

  async list(q: { username?: string | undefined; before?: number | undefined; limit: number }): Promise<AuditRow[]> {
    const rows = await this.client.rows<AuditRow & { at: string | Date }>(sql`
      select id, at, username, role, action, purpose, pseudonyms, details from audit_log
      where (${q.username ?? null}::text is null or username = ${q.username ?? null})
        and (${q.before ?? null}::bigint is null or id < ${q.before ?? null})
      order by id desc limit ${q.limit}`);
    return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() }));
  }
}
