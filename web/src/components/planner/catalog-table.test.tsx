// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog, CatalogEntry } from '@talentmap/core';
import { click, render, type, type Rendered } from '../../test/render';
import { CatalogTable } from './catalog-table';

const entry = (rank: number, name: string, score: number, ratio: number): CatalogEntry => ({
  rank,
  occupationCode: `6-0${rank}-01-01`,
  occupationName: name,
  grade: 4,
  gradeName: '高级工',
  regionCode: '320000',
  regionName: '江苏省',
  score,
  status: score >= 2 ? 'bottleneck' : 'watch',
  ratio,
  vacancies: 12_000 * rank,
  seekers: rank,
  medianDays: 30,
  demandGrowth: 0.25,
  reasons: [`求人倍率 ${ratio}`],
  chains: [{ code: 'CH01', name: '特高压设备' }],
});

const catalog: Catalog = {
  year: '2026',
  region: { code: '320000', name: '江苏省' },
  rule: { bottleneck: 2, watch: 1.5, minVacancies: 5 },
  disclosure: 'exact',
  publication: null,
  synthetic: true,
  items: [entry(1, '焊工', 3, 2), entry(2, '电工', 2.4, 9), entry(3, '钳工', 1.6, 4)],
  total: 3,
};

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const names = () => [...view!.container.querySelectorAll('tbody tr td:nth-child(2) button')].map((b) => b.textContent);

describe('CatalogTable', () => {
  it('lists the entries with Chinese number formats and export links', () => {
    view = render(<CatalogTable catalog={catalog} csvUrl="/csv" xlsxUrl="/xlsx" onSelectOccupation={() => {}} />);
    expect(names()).toEqual(['焊工', '电工', '钳工']);
    const text = view.container.textContent!;
    expect(text).toContain('3.6万'); // 36 000 vacancies
    expect(text).toContain('+25%');
    expect(view.container.querySelector('[data-testid="export-csv"]')!.getAttribute('href')).toBe('/csv');
    expect(view.container.querySelector('[data-testid="export-xlsx"]')!.getAttribute('download')).toBe('紧缺职业目录-江苏省-2026.xlsx');
  });

  it('sorts by a column (aria-sort follows) and flips on a second click', () => {
    view = render(<CatalogTable catalog={catalog} csvUrl="/csv" xlsxUrl="/xlsx" />);
    const ratioHeader = [...view.container.querySelectorAll('th')].find((th) => th.textContent!.includes('求人倍率'))!;
    click(ratioHeader.querySelector('button'));
    expect(ratioHeader.getAttribute('aria-sort')).toBe('descending');
    const cells = () => [...view!.container.querySelectorAll('tbody tr td:nth-child(5)')].map((td) => Number(td.textContent));
    expect(cells()).toEqual([9, 4, 2]);
    click(ratioHeader.querySelector('button'));
    expect(ratioHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(cells()).toEqual([2, 4, 9]);
  });

  it('searches and says how many match', () => {
    view = render(<CatalogTable catalog={catalog} csvUrl="/csv" xlsxUrl="/xlsx" />);
    type(view.container.querySelector('#catalog-search') as HTMLInputElement, '钳');
    expect(view.container.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(view.container.textContent).toContain('符合搜索 1 条');
  });
});
