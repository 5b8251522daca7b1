import { normalizeText } from './text.js';

/**
 * Lexical similarity between a text and each occupation's own words (its 2022 name, definition
 * and 工种): character bigrams of the Chinese and whole Latin tokens, weighted by idf over the
 * catalogue, compared by cosine. It lets duties find an occupation that has no skill profile
 * (or whose profile the advert's wording misses): 操作钻床 / 钻孔 reach 钻床工 through its
 * definition. Bigrams every occupation shares (人员, 从事) weigh almost nothing.
 */
export interface OccupationDocument {
  code: string;
  text: string;
}

const MIN_SHARED_TERMS = 2;
const STOP_BIGRAMS = new Set(['人员', '从事', '进行', '使用', '操作', '相关', '工作', '负责']);

/** The terms of a text: CJK bigrams and Latin/digit tokens (lower case). */
export function textTerms(raw: string): string[] {
  const text = normalizeText(raw);
  const terms: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fff]+|[a-z][a-z0-9+#.]*/g) ?? []) {
    if (!/[\u4e00-\u9fff]/.test(run)) {
      if (run.length >= 2) terms.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!STOP_BIGRAMS.has(bigram)) terms.push(bigram);
    }
  }
  return terms;
}

export class OccupationTextIndex {
  private readonly idf = new Map<string, number>();
  /** term → (occupation index, weight in its unit vector) */
  private readonly postings = new Map<string, { doc: number; weight: number }[]>();
  private readonly codes: string[];

  constructor(documents: readonly OccupationDocument[]) {
    this.codes = documents.map((d) => d.code);
    const termSets = documents.map((d) => counts(textTerms(d.text)));
    const df = new Map<string, number>();
    for (const terms of termSets) for (const t of terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = documents.length;
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + n / f));
    termSets.forEach((terms, doc) => {
      const weights = [...terms].map(([t, tf]) => [t, (1 + Math.log(tf)) * (this.idf.get(t) as number)] as const);
      const norm = length(weights) || 1;
      for (const [t, w] of weights) {
        const list = this.postings.get(t) ?? [];
        list.push({ doc, weight: w / norm });
        this.postings.set(t, list);
      }
    });
  }

  /**
   * Cosine similarity of `text` to every occupation that shares at least two terms with it
   * (code → similarity in (0, 1]): one shared bigram (天气, 公园) is chance, not duties.
   */
  similarities(text: string): Map<string, number> {
    const terms = counts(textTerms(text));
    const query: [string, number][] = [];
    for (const [t, tf] of terms) {
      const idf = this.idf.get(t);
      if (idf !== undefined) query.push([t, (1 + Math.log(tf)) * idf]);
    }
    const norm = length(query);
    const sums = new Map<number, { sum: number; shared: number }>();
    if (norm === 0) return new Map();
    for (const [t, w] of query)
      for (const p of this.postings.get(t) ?? []) {
        const at = sums.get(p.doc) ?? { sum: 0, shared: 0 };
        at.sum += (w / norm) * p.weight;
        at.shared++;
        sums.set(p.doc, at);
      }
    return new Map([...sums].filter(([, s]) => s.shared >= MIN_SHARED_TERMS).map(([doc, s]) => [this.codes[doc] as string, s.sum]));
  }
}

function counts(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

const length = (weights: readonly (readonly [string, number])[]) => Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0));
