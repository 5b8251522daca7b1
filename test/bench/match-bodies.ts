import { sql } from 'drizzle-orm';
import { Rng } from '@talentmap/core';
import { hashPassword, randomPassword } from '@talentmap/core/password';
import { AccountRepository, type DbClient } from '@talentmap/db';
import { loadAdverts } from '../eval/classification.js';

/** What the candidate bodies are drawn from: read from the seeded database once. */
export interface BodySources {
  occupations: { code: string }[];
  regions: { code: string; lng: number; lat: number }[];
  skills: { name: string }[];
}

export async function bodySources(client: DbClient): Promise<BodySources> {
  return {
    occupations: await client.rows<{ code: string }>(sql`select code from occupations order by code`),
    regions: await client.rows<{ code: string; lng: number; lat: number }>(sql`
      select code, centroid_lng as lng, centroid_lat as lat from regions where level <> 'province' order by code`),
    skills: await client.rows<{ name: string }>(sql`select name from skills order by id`),
  };
}

/**
 * Varied candidate bodies: occupation codes, free-text adverts and skill lists, a third filtered
 * by city or district, a third by radius, a third province-wide, half with a minimum grade.
 */
export function variedBodies(sources: BodySources, count = 240, seed = 7) {
  const rng = new Rng(seed);
  const adverts = loadAdverts();
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 3;
    const demand =
      kind === 0
        ? { occupationCode: rng.pick(sources.occupations).code }
        : kind === 1
          ? { text: rng.pick(adverts).text }
          : { occupationCode: rng.pick(sources.occupations).code, skills: ['安全生产规范'] };
    const place = rng.pick(sources.regions);
    // The filter varies independently of the kind of demand (every pair occurs).
    const shape = Math.floor(i / 3) % 3;
    const filter =
      shape === 0 ? { regionCode: place.code } : shape === 1 ? { near: { lng: place.lng, lat: place.lat, radiusKm: rng.pick([20, 30, 50, 80]) } } : {};
    return { ...demand, ...filter, ...(rng.chance(0.5) ? { minGrade: rng.int(2, 5) } : {}), limit: 20 };
  });
}

/**
 * The largest request the API accepts: 20,000 characters of advert text naming skills and
 * occupations, 50 listed skills, limit 100, scored exhaustively. Varied by `seed`.
 */
export function maximalBody(sources: BodySources, seed: number) {
  const rng = new Rng(seed);
  const skills = Array.from({ length: 50 }, () => rng.pick(sources.skills).name);
  let text = '';
  while (text.length < 20_000)
    text += `岗位要求：熟悉${rng.pick(sources.skills).name}，能独立完成${rng.pick(sources.skills).name}相关工作；有${rng.int(1, 10)}年以上经验者优先。`;
  return { text: text.slice(0, 20_000), skills: [...new Set(skills)], limit: 100, strategy: 'exact' };
}

/** A provincial planner of the bench's own with a fresh random password (the demo accounts are left alone). */
export async function benchAccount(client: DbClient): Promise<{ username: string; password: string }> {
  const account = { username: 'bench-planner', password: randomPassword() };
  await new AccountRepository(client).upsert({
    username: account.username,
    passwordHash: await hashPassword(account.password),
    role: 'planner',
    regionCode: '320000',
  });
  return account;
}

/** A bearer token asked for over HTTP from the server at `origin`: the requests then carry neither a session nor a CSRF token. */
export async function bearerToken(origin: string, account: { username: string; password: string }, name: string): Promise<string> {
  const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const issued = await fetch(`${origin}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name }),
  });
  if (issued.status !== 201) throw new Error(`no bench token: ${issued.status} ${await issued.text()}`);
  return ((await issued.json()) as { token: string }).token;
}
