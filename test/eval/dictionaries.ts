import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText, type SkillGraph } from '@talentmap/matcher';
import { readReference, type ReferenceData } from '@talentmap/seed';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const REFERENCE_DIR = 'seed/reference';
const FIXTURE = 'test/fixtures/adverts.json';

const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 });

/**
 * A revision to a full commit hash. `fixture` names the last commit that changed the advert
 * fixture: the dictionaries as they stood when the labelled set was frozen.
 */
export function resolveCommit(revision: string): string {
  const rev = revision === 'fixture' ? git('log', '-1', '--format=%H', '--', FIXTURE).toString().trim() : revision;
  try {
    return git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`).toString().trim();
  } catch {
    throw new Error(`not a commit: ${revision}`);
  }
}

/**
 * seed/reference (the dictionaries and everything they must agree with) as of a commit, read
 * with `git show` into a temporary directory, so the work tree and the index stay untouched,
 * and parsed by today's reader, which also runs today's consistency checks.
 */
export function referenceAt(commit: string): ReferenceData {
  const dir = mkdtempSync(join(tmpdir(), 'talentmap-reference-'));
  try {
    const paths = git('ls-tree', '--name-only', commit, `${REFERENCE_DIR}/`).toString().split('\n').filter(Boolean);
    for (const path of paths) writeFileSync(join(dir, basename(path)), git('show', `${commit}:${path}`));
    return readReference(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Distinct surface forms (normalised as the recogniser normalises them) the text matching can use. */
export function dictionarySize(graph: SkillGraph): { skillTerms: number; occupationTerms: number; distinct: number } {
  const skillTerms = new Set(graph.skills.flatMap((s) => [s.name, ...s.aliases]).map(normalizeText));
  const occupationTerms = new Set(graph.occupations.flatMap((o) => [o.name, ...o.aliases]).map(normalizeText));
  return { skillTerms: skillTerms.size, occupationTerms: occupationTerms.size, distinct: new Set([...skillTerms, ...occupationTerms]).size };
}
