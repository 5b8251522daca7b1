import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '@talentmap/matcher';
import { loadFreshSet } from '../eval/fresh-set.js';

/**
 * The fresh advert set is scored, never mined: no skill alias, occupation alias or old name added
 * to the dictionaries after the set was frozen may be a verbatim substring of one of its titles.
 * Aliases are gathered from the raw files (any `aliases` / `oldNames` array, and the values of
 * occupation-aliases.json), so the check does not depend on the reader of either commit.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 }).toString();

function aliasesIn(json: unknown, into: Set<string>, key = ''): void {
  if (Array.isArray(json)) {
    for (const v of json) {
      if (typeof v === 'string' && (key === 'aliases' || key === 'oldNames' || key === 'alias-items')) into.add(normalizeText(v));
      else aliasesIn(v, into, key === 'alias-items' ? '' : key);
    }
  } else if (json && typeof json === 'object')
    for (const [k, v] of Object.entries(json)) aliasesIn(v, into, k === 'items' && !Array.isArray(v) ? 'alias-map' : key === 'alias-map' ? 'alias-items' : k);
}

describe('the frozen fresh set', () => {
  it('shares no title wording with an alias added after its freeze', () => {
    const freeze = git('log', '-1', '--format=%H', '--', 'test/fixtures/adverts-2022/adverts.json').trim();
    expect(freeze).toMatch(/^[0-9a-f]{40}$/);
    const before = new Set<string>();
    for (const path of git('ls-tree', '--name-only', freeze, 'seed/reference/')
      .split('\n')
      .filter((p) => p.endsWith('.json')))
      aliasesIn(JSON.parse(git('show', `${freeze}:${path}`)), before);
    const now = new Set<string>();
    const dir = fileURLToPath(new URL('../../seed/reference/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) aliasesIn(JSON.parse(readFileSync(dir + file, 'utf8')), now);
    const added = [...now].filter((a) => !before.has(a) && a.length >= 2);
    expect(now.size).toBeGreaterThan(before.size);
    const titles = loadFreshSet().map((a) => normalizeText(a.text.split('\n')[0] ?? ''));
    const copied = added.filter((a) => titles.some((t) => t.includes(a)));
    if (process.env.FROZEN_SET_DUMP) console.log(JSON.stringify(copied));
    expect(copied).toEqual([]);
  });
});
