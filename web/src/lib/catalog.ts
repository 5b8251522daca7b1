import type { CatalogEntry } from '@talentmap/core';

export type CatalogSortKey = 'rank' | 'occupationName' | 'grade' | 'score' | 'ratio' | 'vacancies' | 'seekers' | 'medianDays' | 'demandGrowth';
export interface CatalogSort {
  key: CatalogSortKey;
  dir: 'asc' | 'desc';
}

/** Search by occupation name or code, chain, grade name or reason; every word must match. */
export function filterCatalog(items: readonly CatalogEntry[], query: string): CatalogEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((e) => {
    const text = [e.occupationName, e.occupationCode, e.gradeName, ...e.chains.map((c) => c.name), ...e.reasons].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Stable sort; nulls last whichever the direction. */
export function sortCatalog(items: readonly CatalogEntry[], { key, dir }: CatalogSort): CatalogEntry[] {
  const sign = dir === 'asc' ? 1 : -1;
  return items
    .map((e, i) => [e, i] as const)
    .sort(([a, ia], [b, ib]) => {
      const va = a[key];
      const vb = b[key];
      if (va === null && vb === null) return ia - ib;
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, 'zh-CN') : (va as number) - (vb as number);
      return c !== 0 ? c * sign : ia - ib;
    })
    .map(([e]) => e);
}

/** Clicking a header: same column flips the direction, a new column starts at its natural order. */
export function nextSort(current: CatalogSort, key: CatalogSortKey): CatalogSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'rank' || key === 'occupationName' || key === 'grade' ? 'asc' : 'desc' };
}
