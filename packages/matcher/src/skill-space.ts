import { EMBEDDING_DIM, Rng } from '@talentmap/core';
import { matrix, topEigen } from './linalg.js';
import type { SkillGraph, WeightedSkill } from './skill-graph.js';

/**
 * How strongly two skills are tied by each kind of evidence. Profile co-occurrence carries
 * the product's knowledge of which skills go together in a job; the taxonomy keeps skills
 * that few profiles use (but adverts mention) near their family.
 */
export const AFFINITY = { parentChild: 1.0, siblings: 0.3, sameCategory: 0.04 } as const;
/** Share of each vector given to a per-skill random "identity" part, so distinct skills never coincide. */
export const IDENTITY_SHARE = 0.25;
/** Dimensions from the eigendecomposition; the rest of EMBEDDING_DIM is the identity part. */
export const SEMANTIC_DIM = 96;
export const SPACE_SEED = 20_221_001;

/**
 * The shared skill space: one unit vector per skill, learned from the reference data, and
 * entity vectors (occupations, vacancies, talents, programs) as normalised weighted sums.
 *
 * Learning: an affinity matrix from co-occurrence in occupation profiles (w_i·w_j) plus the
 * taxonomy tree, turned into positive pointwise mutual information (PPMI, context
 * distribution smoothed with α = 0.75 as in word2vec), factorised by truncated
 * eigendecomposition (the LSA/GloVe family). Deterministic: same graph, same vectors.
 */
export class SkillSpace {
  readonly dim = EMBEDDING_DIM;
  private readonly index = new Map<number, number>();
  private readonly vectors: Float32Array;
  /** related()'s answers: the space never changes, and every search asks for its required skills'. */
  private readonly relatedCache = new Map<string, Map<number, number>>();

  private constructor(
    readonly skillIds: number[],
    vectors: Float32Array,
  ) {
    skillIds.forEach((id, i) => this.index.set(id, i));
    this.vectors = vectors;
  }

  static build(graph: SkillGraph): SkillSpace {
    const skills = [...graph.skills].sort((a, b) => a.id - b.id);
    const n = skills.length;
    const pos = new Map(skills.map((s, i) => [s.id, i]));
    const affinity = matrix(n, n);
    const add = (a: number | undefined, b: number | undefined, w: number) => {
      if (a === undefined || b === undefined || a === b) return;
      affinity.data[a * n + b] = (affinity.data[a * n + b] as number) + w;
      affinity.data[b * n + a] = (affinity.data[b * n + a] as number) + w;
    };

    for (const occupation of [...graph.occupations].sort((a, b) => a.code.localeCompare(b.code))) {
      const profile = occupation.skills;
      for (let i = 0; i < profile.length; i++)
        for (let j = i + 1; j < profile.length; j++) add(pos.get(profile[i]!.skillId), pos.get(profile[j]!.skillId), profile[i]!.weight * profile[j]!.weight);
    }
    const children = new Map<number, number[]>();
    const byCategory = new Map<string, number[]>();
    for (const s of skills) {
      const i = pos.get(s.id) as number;
      if (s.parentId !== null) {
        add(i, pos.get(s.parentId), AFFINITY.parentChild);
        children.set(s.parentId, [...(children.get(s.parentId) ?? []), i]);
      }
      byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), i]);
    }
    for (const siblings of children.values())
      for (let a = 0; a < siblings.length; a++) for (let b = a + 1; b < siblings.length; b++) add(siblings[a], siblings[b], AFFINITY.siblings);
    for (const members of byCategory.values())
      for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) add(members[a], members[b], AFFINITY.sameCategory);

    const ppmi = toPpmi(affinity.data, n);
    const rng = new Rng(SPACE_SEED);
    const semanticDim = Math.min(SEMANTIC_DIM, n);
    const { values, vectors } = topEigen({ rows: n, cols: n, data: ppmi }, semanticDim, () => rng.next());
    const identityDim = EMBEDDING_DIM - SEMANTIC_DIM;
    const out = new Float32Array(n * EMBEDDING_DIM);
    for (let i = 0; i < n; i++) {
      const semantic = new Float64Array(SEMANTIC_DIM);
      for (let j = 0; j < values.length; j++) semantic[j] = (vectors.data[i * values.length + j] as number) * Math.sqrt(Math.max(0, values[j] as number));
      const identity = Float64Array.from({ length: identityDim }, () => rng.normal());
      normalizeInPlace(semantic);
      normalizeInPlace(identity);
      const a = Math.sqrt(1 - IDENTITY_SHARE);
      const b = Math.sqrt(IDENTITY_SHARE);
      const row = i * EMBEDDING_DIM;
      for (let j = 0; j < SEMANTIC_DIM; j++) out[row + j] = a * (semantic[j] as number);
      for (let j = 0; j < identityDim; j++) out[row + SEMANTIC_DIM + j] = b * (identity[j] as number);
    }
    return new SkillSpace(
      skills.map((s) => s.id),
      out,
    );
  }

  has(skillId: number): boolean {
    return this.index.has(skillId);
  }

  vectorOf(skillId: number): Float32Array {
    const i = this.index.get(skillId);
    if (i === undefined) throw new Error(`skill ${skillId} is not in the space`);
    return this.vectors.subarray(i * this.dim, (i + 1) * this.dim);
  }

  /** Cosine similarity of two skills (both vectors are unit length). */
  similarity(a: number, b: number): number {
    if (a === b) return 1;
    return dot(this.vectorOf(a), this.vectorOf(b));
  }

  /** Normalised weighted sum of skill vectors; null when no known skill has positive weight. */
  embed(skills: readonly WeightedSkill[]): number[] | null {
    // Reads the packed vectors in place (no view per skill) and copies out with a loop: a seed
    // embeds a million talents, and the allocations were most of the cost.
    const sum = new Float64Array(this.dim);
    let any = false;
    for (const { skillId, weight } of skills) {
      const i = this.index.get(skillId);
      if (!(weight > 0) || i === undefined) continue;
      const row = i * this.dim;
      for (let j = 0; j < this.dim; j++) sum[j] = (sum[j] as number) + weight * (this.vectors[row + j] as number);
      any = true;
    }
    if (!any || !normalizeInPlace(sum)) return null;
    const out = new Array<number>(this.dim);
    for (let j = 0; j < this.dim; j++) out[j] = sum[j] as number;
    return out;
  }

  /**
   * Every other skill at least `min` similar to a skill, by id (a scan of every skill, once per
   * skill and `min`): re-ranking asks it for each required skill of each candidate.
   */
  related(skillId: number, min: number): ReadonlyMap<number, number> {
    const key = `${skillId}:${min}`;
    let found = this.relatedCache.get(key);
    if (!found) {
      found = new Map();
      for (const id of this.skillIds) {
        if (id === skillId) continue;
        const similarity = this.similarity(skillId, id);
        if (similarity >= min) found.set(id, similarity);
      }
      this.relatedCache.set(key, found);
    }
    return found;
  }

  /** The k skills nearest to a skill (itself excluded). */
  nearest(skillId: number, k: number): { skillId: number; similarity: number }[] {
    return this.skillIds
      .filter((id) => id !== skillId)
      .map((id) => ({ skillId: id, similarity: this.similarity(skillId, id) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, k);
  }
}

function toPpmi(counts: Float64Array, n: number): Float64Array {
  const rowSums = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += counts[i * n + j] as number;
    rowSums[i] = s;
    total += s;
  }
  // Context smoothing (α = 0.75) keeps rare skills from dominating PMI.
  const smoothed = rowSums.map((s) => s ** 0.75);
  const smoothedTotal = smoothed.reduce((a, b) => a + b, 0);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c = counts[i * n + j] as number;
      if (c <= 0) continue;
      const pmi = Math.log(c / total / (((rowSums[i] as number) / total) * ((smoothed[j] as number) / smoothedTotal)));
      if (pmi > 0) out[i * n + j] = pmi;
    }
  }
  // Symmetrise: the smoothing makes PMI slightly asymmetric, the eigensolver needs symmetry.
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = ((out[i * n + j] as number) + (out[j * n + i] as number)) / 2;
      out[i * n + j] = m;
      out[j * n + i] = m;
    }
  return out;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function normalizeInPlace(v: Float64Array): boolean {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm < 1e-12) return false;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return true;
}
