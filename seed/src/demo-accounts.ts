import { sql } from 'drizzle-orm';
import { PROVINCE_CODE, type DEMO_USERNAMES } from '@talentmap/core';
import { hashPassword, randomPassword } from '@talentmap/core/password';
import { AccountRepository, type AccountInput, type DbClient } from '@talentmap/db';

/** The demo tells one story in 苏州: its city planner, enterprise and institution all work there. */
const DEMO_CITY = '320500';

type DemoAccount = Omit<AccountInput, 'passwordHash'>;

export interface DemoAccountsResult {
  /** The demo accounts this call created (first start, or the first start after a reload). */
  created: string[];
  /** The password generated for them when none was given: print it once, never log it. */
  generatedPassword: string | null;
}

/**
 * The enterprise and institution the demo accounts work for, chosen by SQL so every load of the
 * same data picks the same ones: in 苏州 when possible, the enterprise with the most open
 * vacancies, the institution with the most programs, the lower id on a tie.
 */
async function demoScopes(client: DbClient): Promise<{ enterpriseId: number; institutionId: number }> {
  const [enterprise] = await client.rows<{ id: number }>(sql`
    select e.id from enterprises e join regions r on r.code = e.region_code
      join vacancies v on v.enterprise_id = e.id and v.filled_on is null
    group by e.id, r.parent_code order by (r.parent_code = ${DEMO_CITY}) desc, count(*) desc, e.id limit 1`);
  const [institution] = await client.rows<{ id: number }>(sql`
    select i.id from institutions i join regions r on r.code = i.region_code join programs p on p.institution_id = i.id
    group by i.id, r.parent_code order by (r.parent_code = ${DEMO_CITY}) desc, count(*) desc, i.id limit 1`);
  if (!enterprise || !institution) throw new Error('the demo dataset has no enterprise with open vacancies or no institution with programs');
  return { enterpriseId: Number(enterprise.id), institutionId: Number(institution.id) };
}

function demoAccounts(scopes: { enterpriseId: number; institutionId: number }): DemoAccount[] {
  // Keyed by DEMO_USERNAMES so the type checker holds this list and the published one together.
  const byUsername: Record<(typeof DEMO_USERNAMES)[number], Omit<DemoAccount, 'username'>> = {
    admin: { role: 'admin' },
    planner: { role: 'planner', regionCode: PROVINCE_CODE },
    'planner-suzhou': { role: 'planner', regionCode: DEMO_CITY },
    'enterprise-demo': { role: 'enterprise', enterpriseId: scopes.enterpriseId },
    'institution-demo': { role: 'institution', institutionId: scopes.institutionId },
  };
  return Object.entries(byUsername).map(([username, account]) => ({ username, ...account }));
}

/**
 * Makes sure the demo accounts exist on a synthetic dataset, scoped to what the loaded data
 * holds. With a password (DEMO_PASSWORD) every demo account takes it, so changing it takes
 * effect at the next start; without one, missing accounts get a generated password that the
 * caller prints, and existing ones keep theirs.
 */
export async function ensureDemoAccounts(client: DbClient, password?: string): Promise<DemoAccountsResult> {
  const repo = new AccountRepository(client);
  const wanted = demoAccounts(await demoScopes(client));
  const existing = new Set((await repo.withScopeNames(wanted.map((a) => a.username))).map((a) => a.username));
  const missing = wanted.filter((a) => !existing.has(a.username));
  const generatedPassword = password === undefined && missing.length > 0 ? randomPassword() : null;
  const chosen = password ?? generatedPassword;
  await Promise.all(
    wanted.map(async (account) => {
      const takesPassword = chosen !== null && (password !== undefined || !existing.has(account.username));
      // Each hash gets its own salt: the accounts share a password, not a hash.
      if (takesPassword) await repo.upsert({ ...account, passwordHash: await hashPassword(chosen) });
      else await repo.rescope(account);
    }),
  );
  return { created: missing.map((a) => a.username), generatedPassword };
}
