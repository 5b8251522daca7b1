import { useMemo, useState } from 'react';
import type { Catalog } from '@talentmap/core';
import { filterCatalog, nextSort, sortCatalog, type CatalogSort, type CatalogSortKey } from '../../lib/catalog';
import { formatCount, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { DisclosureNote } from '../disclosure-note';

const COLUMNS: { key: CatalogSortKey; label: string; numeric?: boolean }[] = [
  { key: 'rank', label: '排名', numeric: true },
  { key: 'occupationName', label: '职业' },
  { key: 'grade', label: '等级', numeric: true },
  { key: 'score', label: '短缺指数', numeric: true },
  { key: 'ratio', label: '求人倍率', numeric: true },
  { key: 'vacancies', label: '岗位', numeric: true },
  { key: 'medianDays', label: '空缺中位天数', numeric: true },
  { key: 'demandGrowth', label: '需求同比', numeric: true },
];

export interface CatalogTableProps {
  catalog: Catalog;
  csvUrl: string;
  xlsxUrl: string;
  onSelectOccupation?: (code: string) => void;
}

/** 紧缺职业目录: searchable, sortable by any column, exportable as CSV (with BOM) and XLSX. */
export function CatalogTable({ catalog, csvUrl, xlsxUrl, onSelectOccupation }: CatalogTableProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<CatalogSort>({ key: 'rank', dir: 'asc' });
  const rows = useMemo(() => sortCatalog(filterCatalog(catalog.items, query), sort), [catalog.items, query, sort]);
  const fileBase = `紧缺职业目录-${catalog.region.name}-${catalog.year}`;
  return (
    <section className="catalog" aria-labelledby="catalog-title" data-testid="catalog">
      <div className="catalog__head">
        <h2 id="catalog-title" className="panel__title">
          {catalog.year} 年紧缺职业目录 · {catalog.region.name}
        </h2>
        <div className="catalog__exports">
          <a className="button" href={csvUrl} download={`${fileBase}.csv`} data-testid="export-csv">
            导出 CSV
          </a>
          <a className="button" href={xlsxUrl} download={`${fileBase}.xlsx`} data-testid="export-xlsx">
            导出 Excel
          </a>
        </div>
      </div>
      <p className="catalog__source" data-testid="catalog-source">
        {catalog.publication
          ? `已发布版本：${catalog.publication.title}（${catalog.publication.year} 年度，发布于 ${formatDateTime(catalog.publication.publishedAt)}）`
          : '实时计算（规划人员视图）'}
        {' · '}
        <DisclosureNote disclosure={catalog.disclosure} />
      </p>
      <p className="catalog__rule">
        规则：短缺指数 0–3（五项指标得分的平均）；≥ {catalog.rule.bottleneck} 且求人倍率 ≥ 1 为紧缺，≥ {catalog.rule.watch} 为关注；全年岗位少于{' '}
        {catalog.rule.minVacancies} 个的不列入。
      </p>
      <div className="field">
        <label htmlFor="catalog-search" className="field__label">
          搜索目录
        </label>
        <input
          id="catalog-search"
          className="input"
          type="search"
          placeholder="职业、编码、产业链或原因"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <p className="catalog__count" aria-live="polite">
        共 {catalog.total} 条{query && `，符合搜索 ${rows.length} 条`}
      </p>
      {catalog.note && <p className="empty">{catalog.note}</p>}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="紧缺职业目录表格">
        <table className="table">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = sort.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    className={c.numeric ? 'num' : undefined}
                  >
                    <button type="button" className="table__sort" onClick={() => setSort(nextSort(sort, c.key))}>
                      {c.label}
                      <span aria-hidden="true" className="table__arrow">
                        {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">原因</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={`${e.occupationCode}-${e.grade}`}>
                <td className="num">{e.rank}</td>
                <td>
                  {onSelectOccupation ? (
                    <button type="button" className="link" onClick={() => onSelectOccupation(e.occupationCode)} title="在地图和趋势图中查看该职业">
                      {e.occupationName}
                    </button>
                  ) : (
                    e.occupationName
                  )}
                  <div className="table__sub">
                    {e.occupationCode}
                    {e.chains[0] ? ` · ${e.chains[0].name}` : ''}
                  </div>
                </td>
                <td className="num">{e.gradeName}</td>
                <td className="num">
                  <span className={`badge badge--${e.status}`}>{e.status === 'bottleneck' ? '紧缺' : '关注'}</span> {formatNumber(e.score, 1)}
                </td>
                <td className="num">{formatNumber(e.ratio, 2)}</td>
                <td className="num">{formatCount(e.vacancies)}</td>
                <td className="num">{e.medianDays === null ? '—' : formatNumber(e.medianDays, 0)}</td>
                <td className="num">{formatPercent(e.demandGrowth, 0, true)}</td>
                <td className="table__reasons">{e.reasons.join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
