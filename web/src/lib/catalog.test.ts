import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '@talentmap/core';
import { filterCatalog, nextSort, sortCatalog } from './catalog';

const entry = (rank: number, name: string, score: number, medianDays: number | null, chain = '集成电路'): CatalogEntry => ({
  rank,
  occupationCode: `6-0${rank}-01-01`,
  occupationName: name,
  grade: rank,
  gradeName: '高级工',
  regionCode: '320000',
  regionName: '江苏省',
  score,
  status: score >= 2 ? 'bottleneck' : 'watch',
  ratio: score,
  vacancies: 10 * rank,
  seekers: rank,
  medianDays,
  demandGrowth: null,
  reasons: [`求人倍率 ${score}`],
  chains: [{ code: 'CH01', name: chain }],
});

const items = [entry(1, '焊工', 3, 40), entry(2, '电工', 2.4, null, '新能源汽车'), entry(3, '钳工', 1.6, 20)];

describe('catalogue table helpers', () => {
  it('searches names, codes, chains and reasons with every word', () => {
    expect(filterCatalog(items, '焊').map((e) => e.rank)).toEqual([1]);
    expect(filterCatalog(items, '新能源').map((e) => e.rank)).toEqual([2]);
    expect(filterCatalog(items, '6-03')).toHaveLength(1);
    expect(filterCatalog(items, '集成电路 钳')).toHaveLength(1);
    expect(filterCatalog(items, '  ')).toHaveLength(3);
  });
  it('sorts both ways with nulls last', () => {
    expect(sortCatalog(items, { key: 'score', dir: 'asc' }).map((e) => e.rank)).toEqual([3, 2, 1]);
    expect(sortCatalog(items, { key: 'medianDays', dir: 'desc' }).map((e) => e.rank)).toEqual([1, 3, 2]);
    expect(sortCatalog(items, { key: 'medianDays', dir: 'asc' }).map((e) => e.rank)).toEqual([3, 1, 2]);
    expect(sortCatalog(items, { key: 'occupationName', dir: 'asc' })).toHaveLength(3);
  });
  it('flips a column, starts a new one at its natural order', () => {
    expect(nextSort({ key: 'rank', dir: 'asc' }, 'rank')).toEqual({ key: 'rank', dir: 'desc' });
    expect(nextSort({ key: 'rank', dir: 'asc' }, 'score')).toEqual({ key: 'score', dir: 'desc' });
  });
});
