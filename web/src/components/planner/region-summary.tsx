import type { Catalog, Heatmap } from '@talentmap/core';
import { formatCount, formatNumber } from '../../lib/format';
import { classColor, SHORTAGE_CLASSES, STATUS_LABEL } from '../../lib/scale';

type HeatmapItem = Heatmap['items'][number];

export interface RegionSummaryProps {
  name: string;
  item: HeatmapItem | null;
  province: { vacancies: number; seekers: number; ratio: number; bottleneck: number; watch: number; cities: number } | null;
  quarterLabel: string;
  catalog: Catalog | undefined;
  catalogLoading: boolean;
  onSelectOccupation: (code: string) => void;
  selectedOccupation: string | null;
}

/** The selection's figures for the quarter and its top shortage occupations with the reasons. */
export function RegionSummary({ name, item, province, quarterLabel, catalog, catalogLoading, onSelectOccupation, selectedOccupation }: RegionSummaryProps) {
  const top = (catalog?.items ?? []).slice(0, 8);
  return (
    <section className="summary" aria-labelledby="summary-title" data-testid="region-summary">
      <h2 id="summary-title" className="panel__title">
        {name}
        <span className="panel__title-sub">{quarterLabel}</span>
      </h2>
      {item ? (
        <dl className="kpis">
          <div className="kpi">
            <dt>短缺指数</dt>
            <dd>
              <span className="kpi__swatch" style={{ background: classColor(item.score, SHORTAGE_CLASSES) }} aria-hidden="true" />
              {formatNumber(item.score, 2)}
              <span className="kpi__sub">{STATUS_LABEL[item.status]}</span>
            </dd>
          </div>
          <div className="kpi">
            <dt>求人倍率</dt>
            <dd>{formatNumber(item.ratio, 2)}</dd>
          </div>
          <div className="kpi">
            <dt>岗位需求</dt>
            <dd>
              {formatCount(item.vacancies)}
              <span className="kpi__sub">个</span>
            </dd>
          </div>
          <div className="kpi">
            <dt>求职人数</dt>
            <dd>
              {formatCount(item.seekers)}
              <span className="kpi__sub">人</span>
            </dd>
          </div>
        </dl>
      ) : province ? (
        <>
          <dl className="kpis">
            <div className="kpi">
              <dt>紧缺 / 关注城市</dt>
              <dd>
                {province.bottleneck} / {province.watch}
                <span className="kpi__sub">共 {province.cities} 市</span>
              </dd>
            </div>
            <div className="kpi">
              <dt>求人倍率</dt>
              <dd>{formatNumber(province.ratio, 2)}</dd>
            </div>
            <div className="kpi">
              <dt>岗位需求</dt>
              <dd>
                {formatCount(province.vacancies)}
                <span className="kpi__sub">个</span>
              </dd>
            </div>
            <div className="kpi">
              <dt>求职人数</dt>
              <dd>
                {formatCount(province.seekers)}
                <span className="kpi__sub">人</span>
              </dd>
            </div>
          </dl>
          <p className="hint">点击地图上的城市查看该市及其区县；下列为所选范围的年度紧缺职业，点击可在趋势图与地图中按该职业查看。</p>
        </>
      ) : (
        <p className="hint">该筛选下没有此地区的数据。</p>
      )}
      {item && item.topOccupations.length > 0 && (
        <p className="summary__quarter-top">
          本季度求人倍率最高：
          {item.topOccupations.map((o, i) => (
            <span key={o.occupationCode}>
              {i > 0 && '、'}
              {o.occupationName}（{formatNumber(o.ratio, 1)}）
            </span>
          ))}
        </p>
      )}
      <h3 className="section-title">主要紧缺职业及原因（{catalog?.year ?? ''} 年度）</h3>
      <p className="hint">年度紧缺目录口径：按所选地区、集群/产业链与等级筛选，不随季度变化。</p>
      {catalogLoading && !catalog && (
        <p className="loading-line">
          <span className="spinner spinner--small" aria-hidden="true" />
          正在加载…
        </p>
      )}
      {catalog && top.length === 0 && <p className="empty">{catalog.note ?? '该范围内没有达到紧缺或关注标准的职业'}</p>}
      <ol className="shortage-list" data-testid="top-shortages">
        {top.map((e) => (
          <li key={`${e.occupationCode}-${e.grade}`}>
            <button
              type="button"
              className={`shortage-item${selectedOccupation === e.occupationCode ? ' shortage-item--active' : ''}`}
              onClick={() => onSelectOccupation(e.occupationCode)}
              aria-pressed={selectedOccupation === e.occupationCode}
            >
              <span className="shortage-item__head">
                <span className={`badge badge--${e.status}`}>{e.status === 'bottleneck' ? '紧缺' : '关注'}</span>
                <strong>{e.occupationName}</strong>
                <span className="shortage-item__grade">{e.gradeName}</span>
                <span className="shortage-item__score">指数 {formatNumber(e.score, 1)}</span>
              </span>
              <span className="shortage-item__why">{e.reasons.slice(0, 3).join('；')}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
