import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '@talentmap/matcher';
import type { Ranker } from './classification.js';

/**
 * The fresh labelled set (test/fixtures/adverts-2022): written by someone who saw only the 2022
 * occupation names and definitions, frozen in its own commit before the catalogue issue changed
 * any dictionary. It is only ever scored here — never read while editing aliases or profiles.
 */
export interface FreshAdvert {
  id: string;
  text: string;
  code: string;
  minor: string;
  acceptable: string[];
  difficulty: 'easy' | 'hard';
  /** Skill mentions a recruiter would count, as exact substrings of the text. */
  skills?: string[];
}

const path = fileURLToPath(new URL('../fixtures/adverts-2022/adverts.json', import.meta.url));
export const freshSetExists = () => existsSync(path);
export const loadFreshSet = (): FreshAdvert[] => (JSON.parse(readFileSync(path, 'utf8')) as { items: FreshAdvert[] }).items;

const round = (x: number) => Math.round(x * 1000) / 1000;
const ok = (a: FreshAdvert, code: string | undefined) => code !== undefined && (code === a.code || a.acceptable.includes(code));

/** 细类 top-1 / top-5 and 小类 top-1 (the top result's 小类) of one ranker. */
export function codingAccuracy(items: readonly FreshAdvert[], rank: Ranker) {
  const ranked = items.map((a) => ({ a, codes: rank(a.text).slice(0, 5) }));
  const n = ranked.length || 1;
  return {
    n: ranked.length,
    top1: round(ranked.filter((r) => ok(r.a, r.codes[0])).length / n),
    top5: round(ranked.filter((r) => r.codes.some((c) => ok(r.a, c))).length / n),
    minorTop1: round(
      ranked.filter((r) => r.codes[0] !== undefined && [r.a.code, ...r.a.acceptable].some((c) => c.slice(0, 7) === r.codes[0]?.slice(0, 7))).length / n,
    ),
  };
}

/**
 * Skill extraction against the marked mentions: a mention is found when a recognised term
 * overlaps it (one contains the other, after normalising); a recognised skill is right when one
 * of its terms overlaps a mention of the same advert.
 */
export function extractionQuality(items: readonly FreshAdvert[], recognize: (text: string) => { terms: string[] }[]) {
  let mentions = 0;
  let found = 0;
  let recognised = 0;
  let right = 0;
  const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);
  for (const a of items) {
    if (!a.skills?.length) continue;
    const marked = a.skills.map(normalizeText);
    const skills = recognize(a.text).map((s) => s.terms.map(normalizeText));
    mentions += marked.length;
    found += marked.filter((m) => skills.some((terms) => terms.some((t) => overlaps(t, m)))).length;
    recognised += skills.length;
    right += skills.filter((terms) => terms.some((t) => marked.some((m) => overlaps(t, m)))).length;
  }
  return {
    adverts: items.filter((a) => a.skills?.length).length,
    mentions,
    recall: round(found / (mentions || 1)),
    precision: round(right / (recognised || 1)),
  };
}
