import type { OccupationProfile, SkillGraph, WeightedSkill } from './skill-graph.js';
import { dot, type SkillSpace } from './skill-space.js';
import { OccupationTextIndex } from './occupation-text.js';
import type { Recognition } from './text.js';

/**
 * Occupation score for a piece of text, in [0, 1]:
 *   overlap  — cosine between the recognised skills and the occupation's profile, both
 *              weighted by idf (a skill most occupations share, like 安全生产规范, says little);
 *   semantic — cosine in the skill space, so related skills count when exact ones are absent;
 *   mention  — the occupation's own name or an advert alias appears (more in the title);
 *   lexical  — cosine of the text's character bigrams with the occupation's name, definition
 *              and 工种 (idf-weighted over the catalogue), so duties reach an occupation that
 *              no recognised skill or name points at.
 * Weights tuned on the dev split of test/fixtures/adverts.json only.
 */
export const CLASSIFY_WEIGHTS = { overlap: 0.5, semantic: 0.3, mentionTitle: 0.6, mentionBody: 0.2, lexical: 1.0 } as const;
/** Lexical similarity below this says nothing on its own (shared filler bigrams). */
export const LEXICAL_FLOOR = 0.12;

export interface OccupationScore {
  code: string;
  name: string;
  score: number;
  /** The recognised skills that belong to this occupation's profile. */
  skills: { name: string; weight: number }[];
}

export class OccupationClassifier {
  private readonly idf = new Map<number, number>();
  private readonly profileNorm = new Map<string, number>();
  private readonly vectors = new Map<string, number[]>();
  private readonly skillName = new Map<number, string>();
  private readonly lexical: OccupationTextIndex;

  constructor(
    private readonly graph: SkillGraph,
    private readonly space: SkillSpace,
  ) {
    const df = new Map<number, number>();
    for (const o of graph.occupations) for (const s of o.skills) df.set(s.skillId, (df.get(s.skillId) ?? 0) + 1);
    const n = graph.occupations.length;
    for (const s of graph.skills) {
      this.idf.set(s.id, Math.log(1 + n / (1 + (df.get(s.id) ?? 0))));
      this.skillName.set(s.id, s.name);
    }
    this.lexical = new OccupationTextIndex(graph.occupations.map((o) => ({ code: o.code, text: `${o.name} ${o.definition ?? ''}` })));
    for (const o of graph.occupations) {
      this.profileNorm.set(o.code, Math.sqrt(o.skills.reduce((sum, s) => sum + (s.weight * this.idfOf(s.skillId)) ** 2, 0)));
      const v = space.embed(this.idfWeighted(o.skills));
      if (v) this.vectors.set(o.code, v);
    }
  }

  private idfOf(skillId: number): number {
    return this.idf.get(skillId) ?? 1;
  }

  private idfWeighted(skills: readonly WeightedSkill[]): WeightedSkill[] {
    return skills.map((s) => ({ skillId: s.skillId, weight: s.weight * this.idfOf(s.skillId) }));
  }

  /** Ranked occupations; empty when the text holds neither a known skill nor an occupation name. */
  classify(recognition: Recognition, limit = 5): OccupationScore[] {
    const lexical = this.lexical.similarities(recognition.text);
    if (recognition.skills.length === 0 && recognition.occupations.length === 0 && lexical.size === 0) return [];
    const query = this.idfWeighted(recognition.skills.map((s) => ({ skillId: s.skillId, weight: s.weight })));
    const queryNorm = Math.sqrt(query.reduce((sum, s) => sum + s.weight ** 2, 0));
    const queryWeight = new Map(query.map((s) => [s.skillId, s.weight]));
    const queryVector = this.space.embed(query);
    const mentioned = new Map(recognition.occupations.map((m) => [m.code, m.inTitle]));

    const scored = this.graph.occupations.map((o) => this.score(o, queryWeight, queryNorm, queryVector, mentioned.get(o.code), lexical.get(o.code) ?? 0));
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
      .slice(0, limit);
  }

  private score(
    o: OccupationProfile,
    queryWeight: Map<number, number>,
    queryNorm: number,
    queryVector: number[] | null,
    mentionedInTitle: boolean | undefined,
    lexicalSimilarity: number,
  ): OccupationScore {
    let overlapDot = 0;
    const matched: { name: string; weight: number }[] = [];
    for (const s of o.skills) {
      const q = queryWeight.get(s.skillId);
      if (q === undefined) continue;
      overlapDot += q * s.weight * this.idfOf(s.skillId);
      matched.push({ name: this.skillName.get(s.skillId) ?? String(s.skillId), weight: s.weight });
    }
    const norm = queryNorm * (this.profileNorm.get(o.code) ?? 1);
    const overlap = norm > 0 ? overlapDot / norm : 0;
    const vector = this.vectors.get(o.code);
    const semantic = queryVector && vector ? Math.max(0, dot(queryVector, vector)) : 0;
    const mention = mentionedInTitle === undefined ? 0 : mentionedInTitle ? CLASSIFY_WEIGHTS.mentionTitle : CLASSIFY_WEIGHTS.mentionBody;
    const lexical = lexicalSimilarity >= LEXICAL_FLOOR ? lexicalSimilarity : 0;
    // Semantic similarity alone (no shared skill, no mention, no shared words) is too weak to list an occupation.
    const score =
      matched.length === 0 && mention === 0 && lexical === 0
        ? 0
        : CLASSIFY_WEIGHTS.overlap * overlap + CLASSIFY_WEIGHTS.semantic * semantic + mention + CLASSIFY_WEIGHTS.lexical * lexical;
    return { code: o.code, name: o.name, score: Math.min(1, Math.round(score * 1000) / 1000), skills: matched.sort((a, b) => b.weight - a.weight) };
  }
}
