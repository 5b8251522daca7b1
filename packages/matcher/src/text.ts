import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { SkillGraph } from './skill-graph.js';

/** Full-width → half-width, lower-case Latin: adverts mix "ＰＬＣ", "Plc" and "PLC". */
export const normalizeText = (text: string) => text.normalize('NFKC').toLowerCase();

export type MatchKind = 'exact' | 'alias' | 'fuzzy';

export interface RecognizedSkill {
  skillId: number;
  name: string;
  /** Evidence strength: 1 per exact/alias mention (more in the title), less for fuzzy ones. */
  weight: number;
  match: MatchKind;
  /** The words in the text that were recognised. */
  terms: string[];
}

export interface OccupationMention {
  code: string;
  term: string;
  inTitle: boolean;
}

export interface Recognition {
  skills: RecognizedSkill[];
  occupations: OccupationMention[];
  /** The text as read (normalised), for the classifier's lexical part. */
  text: string;
}

/** A surface form: it may name a skill, an occupation, or both ("厨师" is a skill alias and a job title). */
interface Term {
  text: string;
  skill?: { skillId: number; name: string; match: 'exact' | 'alias' };
  occupationCode?: string;
}

/** Weight of a mention in the first line (the advert's title) relative to the body. */
export const TITLE_BOOST = 1.5;
/** Fuzzy matches: character-bigram Dice similarity at least this, scaled down by FUZZY_DISCOUNT. */
export const FUZZY_MIN_DICE = 0.75;
export const FUZZY_DISCOUNT = 0.7;
/** Multiple mentions of one skill add evidence, with diminishing returns. */
const MAX_MENTIONS = 3;

const isLatin = (c: string | undefined) => c !== undefined && /[a-z0-9+#.]/.test(c);
const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * Chinese free text → skills and occupation mentions.
 * 1. Exact and alias matches by longest-match scanning over the normalised text (Latin terms
 *    must stand alone: "ug" must not match inside "plug").
 * 2. Fuzzy matches for the remaining words: jieba, loaded with every skill name and alias
 *    as a user dictionary, segments the rest; a word of ≥ 3 characters whose bigram Dice
 *    similarity to a skill term is high enough counts, discounted.
 */
export class SkillRecognizer {
  private readonly termsByFirstChar = new Map<string, Term[]>();
  private readonly skillTerms: { text: string; skillId: number; name: string; bigrams: number }[] = [];
  /** Bigram → indexes into skillTerms holding it: the fuzzy pass scores only terms sharing one. */
  private readonly termsByBigram = new Map<string, number[]>();
  private readonly jieba: Jieba;

  constructor(graph: SkillGraph) {
    // One skill and one occupation at most per surface form; the first claim wins (names before aliases).
    const terms = new Map<string, Term>();
    const term = (raw: string) => {
      const text = normalizeText(raw);
      if (text.length < 2) return null;
      const t = terms.get(text) ?? { text };
      terms.set(text, t);
      return t;
    };
    for (const s of graph.skills) {
      const own = term(s.name);
      if (own && !own.skill) own.skill = { skillId: s.id, name: s.name, match: 'exact' };
    }
    for (const s of graph.skills)
      for (const a of s.aliases) {
        const t = term(a);
        if (t && !t.skill) t.skill = { skillId: s.id, name: s.name, match: 'alias' };
      }
    for (const o of graph.occupations)
      for (const name of [o.name, ...o.aliases]) {
        const t = term(name);
        if (t && !t.occupationCode) t.occupationCode = o.code;
      }

    for (const t of terms.values()) {
      const first = t.text[0] as string;
      this.termsByFirstChar.set(first, [...(this.termsByFirstChar.get(first) ?? []), t]);
      if (t.skill && hasCjk(t.text)) {
        const grams = bigrams(t.text);
        for (const g of grams) (this.termsByBigram.get(g) ?? this.termsByBigram.set(g, []).get(g))?.push(this.skillTerms.length);
        this.skillTerms.push({ text: t.text, skillId: t.skill.skillId, name: t.skill.name, bigrams: grams.size });
      }
    }
    for (const list of this.termsByFirstChar.values()) list.sort((a, b) => b.text.length - a.text.length);

    this.jieba = Jieba.withDict(dict);
    const userDict = [...terms.keys()]
      .filter(hasCjk)
      .map((w) => `${w.replace(/\s+/g, '')} 200000 n`)
      .join('\n');
    this.jieba.loadDict(Buffer.from(userDict, 'utf8'));
  }

  /**
   * The skill term most like a word (bigram Dice ≥ FUZZY_MIN_DICE, length within 2; the first
   * term wins a tie), scoring only the terms that share a bigram with it: the same answer as
   * comparing every term, in time that does not grow with the taxonomy.
   */
  private nearestTerm(word: string): { skillId: number; name: string; score: number } | null {
    const grams = bigrams(word);
    const common = new Map<number, number>();
    for (const g of grams) for (const i of this.termsByBigram.get(g) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
    let best: { index: number; score: number } | null = null;
    for (const [index, shared] of common) {
      const t = this.skillTerms[index] as SkillRecognizer['skillTerms'][number];
      if (Math.abs(t.text.length - word.length) > 2) continue;
      const score = (2 * shared) / (grams.size + t.bigrams);
      if (score >= FUZZY_MIN_DICE && (!best || score > best.score || (score === best.score && index < best.index))) best = { index, score };
    }
    if (!best) return null;
    const t = this.skillTerms[best.index] as SkillRecognizer['skillTerms'][number];
    return { skillId: t.skillId, name: t.name, score: best.score };
  }

  recognize(rawText: string): Recognition {
    const text = normalizeText(rawText);
    const titleEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
    const skills = new Map<number, RecognizedSkill & { mentions: number }>();
    const occupations: OccupationMention[] = [];
    const covered = new Uint8Array(text.length);

    const addSkill = (skillId: number, name: string, match: MatchKind, term: string, weight: number) => {
      const seen = skills.get(skillId);
      if (!seen) {
        skills.set(skillId, { skillId, name, weight, match, terms: [term], mentions: 1 });
        return;
      }
      if (!seen.terms.includes(term)) seen.terms.push(term);
      if (seen.mentions < MAX_MENTIONS) seen.weight += weight / (seen.mentions + 1);
      seen.mentions++;
      if (seen.match === 'fuzzy' && match !== 'fuzzy') seen.match = match;
    };

    for (let i = 0; i < text.length;) {
      const candidates = this.termsByFirstChar.get(text[i] as string);
      const hit = candidates?.find(
        (t) => text.startsWith(t.text, i) && !(isLatin(t.text[0]) && isLatin(text[i - 1])) && !(isLatin(t.text.at(-1)) && isLatin(text[i + t.text.length])),
      );
      if (!hit) {
        i++;
        continue;
      }
      const inTitle = i < titleEnd;
      if (hit.skill) addSkill(hit.skill.skillId, hit.skill.name, hit.skill.match, hit.text, inTitle ? TITLE_BOOST : 1);
      const code = hit.occupationCode;
      if (code && !occupations.some((o) => o.code === code)) occupations.push({ code, term: hit.text, inTitle });
      covered.fill(1, i, i + hit.text.length);
      i += hit.text.length;
    }

    // Fuzzy pass over what the scan did not cover.
    let rest = '';
    for (let i = 0; i < text.length; i++) rest += covered[i] ? ' ' : text[i];
    const nearest = new Map<string, ReturnType<SkillRecognizer['nearestTerm']>>();
    for (const word of this.jieba.cut(rest, false)) {
      if (word.length < 3 || !hasCjk(word)) continue;
      if (!nearest.has(word)) nearest.set(word, this.nearestTerm(word));
      const best = nearest.get(word);
      if (best) addSkill(best.skillId, best.name, 'fuzzy', word, best.score * FUZZY_DISCOUNT);
    }

    return {
      skills: [...skills.values()].map(({ mentions: _m, ...s }) => ({ ...s, weight: Math.round(s.weight * 1000) / 1000 })),
      occupations,
      text,
    };
  }
}
