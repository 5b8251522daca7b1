import { sql } from 'drizzle-orm';
import type { Role } from '@talentmap/core';
import type { DbClient } from '../client.js';

/** An account as the services read it; the scope columns the role does not use are null. */
export interface AccountRow {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  regionCode: string | null;
  enterpriseId: number | null;
  institutionId: number | null;
  disabled: boolean;
}

/** What an account is created or refreshed with. */
export interface AccountInput {
  username: string;
  passwordHash: string;
  role: Role;
  regionCode?: string | null;
  enterpriseId?: number | null;
  institutionId?: number | null;
}

/** An account with the names of what it is scoped to, for labels. */
export interface AccountScopeNames extends AccountRow {
  regionName: string | null;
  enterpriseName: string | null;
  institutionName: string | null;
}

const ACCOUNT_COLUMNS = sql.raw(`a.id, a.username, a.password_hash as "passwordHash", a.role, a.region_code as "regionCode",
  a.enterprise_id as "enterpriseId", a.institution_id as "institutionId", a.disabled_at is not null as disabled`);

const numeric = <T extends AccountRow>(row: T): T => ({
  ...row,
  id: Number(row.id),
  enterpriseId: row.enterpriseId === null ? null : Number(row.enterpriseId),
  institutionId: row.institutionId === null ? null : Number(row.institutionId),
});

/** Accounts, their sessions (@fastify/session's store) and their API tokens. Keys arrive hashed. */
export class AccountRepository {
  constructor(private readonly client: DbClient) {}

  async byUsername(username: string): Promise<AccountRow | null> {
    const [row] = await this.client.rows<AccountRow>(sql`select ${ACCOUNT_COLUMNS} from accounts a where a.username = ${username}`);
    return row ? numeric(row) : null;
  }

  /** A usable account: one that exists and is not disabled. */
  async activeById(id: number): Promise<AccountRow | null> {
    const [row] = await this.client.rows<AccountRow>(sql`select ${ACCOUNT_COLUMNS} from accounts a where a.id = ${id} and a.disabled_at is null`);
    return row ? numeric(row) : null;
  }

  /** Inserts a new account; null when the username is taken. */
  async create(input: AccountInput): Promise<number | null> {
    const [row] = await this.client.rows<{ id: number }>(sql`
      insert into accounts (username, password_hash, role, region_code, enterprise_id, institution_id)
      values (${input.username}, ${input.passwordHash}, ${input.role}, ${input.regionCode ?? null}, ${input.enterpriseId ?? null}, ${input.institutionId ?? null})
      on conflict (username) do nothing returning id`);
    return row ? Number(row.id) : null;
  }

  /** Creates the account or gives an existing one this role, scope and password, enabled again. */
  async upsert(input: AccountInput): Promise<void> {
    await this.client.rows(sql`
      insert into accounts (username, password_hash, role, region_code, enterprise_id, institution_id)
      values (${input.username}, ${input.passwordHash}, ${input.role}, ${input.regionCode ?? null}, ${input.enterpriseId ?? null}, ${input.institutionId ?? null})
      on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role, region_code = excluded.region_code,
        enterprise_id = excluded.enterprise_id, institution_id = excluded.institution_id, disabled_at = null`);
  }

  /** Gives an existing account this role and scope, keeping its password. */
  async rescope(input: Omit<AccountInput, 'passwordHash'>): Promise<void> {
    await this.client.rows(sql`
      update accounts set role = ${input.role}, region_code = ${input.regionCode ?? null}, enterprise_id = ${input.enterpriseId ?? null},
        institution_id = ${input.institutionId ?? null}
      where username = ${input.username}`);
  }

  /** The accounts of these usernames (that exist), with the names of their scopes, in username order. */
  async withScopeNames(usernames: readonly string[]): Promise<AccountScopeNames[]> {
    if (usernames.length === 0) return [];
    const rows = await this.client.rows<AccountScopeNames>(sql`
      select ${ACCOUNT_COLUMNS}, r.name as "regionName", e.name as "enterpriseName", i.name as "institutionName"
      from accounts a left join regions r on r.code = a.region_code left join enterprises e on e.id = a.enterprise_id
        left join institutions i on i.id = a.institution_id
      where a.username in ${usernames} order by a.username`);
    return rows.map(numeric);
  }

  /** The level of a region ('province', 'city' or 'district'), null when the code is unknown. */
  async regionLevel(code: string): Promise<string | null> {
    const [row] = await this.client.rows<{ level: string }>(sql`select level from regions where code = ${code}`);
    return row?.level ?? null;
  }

  async enterpriseExists(id: number): Promise<boolean> {
    return (await this.client.rows(sql`select 1 from enterprises where id = ${id}`)).length > 0;
  }

  async institutionExists(id: number): Promise<boolean> {
    return (await this.client.rows(sql`select 1 from institutions where id = ${id}`)).length > 0;
  }

  // ---------------------------------------------------------------- sessions

  /** A session's stored data while it has not expired. */
  async session(sidHash: string): Promise<unknown> {
    const [row] = await this.client.rows<{ data: unknown }>(sql`select data from sessions where sid_hash = ${sidHash} and expires_at > now()`);
    return row?.data ?? null;
  }

  async saveSession(sidHash: string, accountId: number, data: unknown, expiresAt: Date): Promise<void> {
    await this.client.rows(sql`
      insert into sessions (sid_hash, account_id, data, expires_at) values (${sidHash}, ${accountId}, ${JSON.stringify(data)}::jsonb, ${expiresAt.toISOString()})
      on conflict (sid_hash) do update set account_id = excluded.account_id, data = excluded.data, expires_at = excluded.expires_at`);
  }

  async deleteSession(sidHash: string): Promise<void> {
    await this.client.rows(sql`delete from sessions where sid_hash = ${sidHash}`);
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.client.rows(sql`delete from sessions where expires_at <= now()`);
  }

  // ---------------------------------------------------------------- API tokens

  async createToken(accountId: number, tokenHash: string, name: string): Promise<{ createdAt: Date }> {
    // Epoch milliseconds read the same from both drivers (one returns a Date, the other text).
    const [row] = await this.client.rows<{ ms: number }>(sql`
      insert into api_tokens (account_id, token_hash, name) values (${accountId}, ${tokenHash}, ${name})
      returning (extract(epoch from created_at) * 1000)::float8 as ms`);
    return { createdAt: new Date(Number(row?.ms)) };
  }

  /**
   * The active account behind a token that is not revoked, marking the token used. last_used_at
   * is written at most once a minute per token: a script's every call need not be a write.
   */
  async accountOfToken(tokenHash: string): Promise<AccountRow | null> {
    const [row] = await this.client.rows<AccountRow & { tokenId: number; stale: boolean }>(sql`
      select ${ACCOUNT_COLUMNS}, t.id as "tokenId", t.last_used_at is null or t.last_used_at < now() - interval '1 minute' as stale
      from api_tokens t join accounts a on a.id = t.account_id
      where t.token_hash = ${tokenHash} and t.revoked_at is null and a.disabled_at is null`);
    if (!row) return null;
    if (row.stale) await this.client.rows(sql`update api_tokens set last_used_at = now() where id = ${row.tokenId}`);
    const { tokenId: _tokenId, stale: _stale, ...account } = row;
    return numeric(account);
  }
}
