import type { Forecast, Timeseries } from '@talentmap/core';
import { bandPath, linearScale, linePath } from '../../lib/chart';
import { formatCount, formatPercent, formatQuarter } from '../../lib/format';

export interface TimeseriesChartProps {
  series: Timeseries;
  forecast: Forecast | null;
  title: string;
}

const W = 440;
const H = 200;
const M = { top: 14, right: 12, bottom: 28, left: 44 };

/**
 * Vacancies and job seekers per quarter, with the demand forecast and its 80%/95% intervals.
 * Drawn as plain SVG; the numbers are also in a visually hidden table for screen readers.
 */
export function TimeseriesChart({ series, forecast, title }: TimeseriesChartProps) {
  const history = series.items;
  const ahead = forecast?.items ?? [];
  const quarters = [...history.map((p) => p.quarter), ...ahead.map((p) => p.quarter)];
  if (quarters.length === 0) return <p className="empty">没有可显示的时间序列。</p>;
  const x = (i: number) => M.left + (quarters.length === 1 ? 0 : (i / (quarters.length - 1)) * (W - M.left - M.right));
  const y = linearScale([...history.flatMap((p) => [p.vacancies, p.seekers ?? 0]), ...ahead.map((p) => p.upper95)], [H - M.bottom, M.top]);
  const n = history.length;
  const vacancies = linePath(history.map((p, i) => [x(i), y(p.vacancies)]));
  // A suppressed count (1–4) sits on the axis; the table says 少于5.
  const seekers = linePath(history.map((p, i) => [x(i), y(p.seekers ?? 0)]));
  const last = history[n - 1];
  const forecastLine = last ? linePath([[x(n - 1), y(last.vacancies)], ...ahead.map((p, i): [number, number] => [x(n + i), y(p.vacancies)])]) : '';
  const band = (lo: 'lower80' | 'lower95', hi: 'upper80' | 'upper95') =>
    last
      ? bandPath(
          [[x(n - 1), y(last.vacancies)], ...ahead.map((p, i): [number, number] => [x(n + i), y(p[hi])])],
          [[x(n - 1), y(last.vacancies)], ...ahead.map((p, i): [number, number] => [x(n + i), y(p[lo])])],
        )
      : '';
  const mape = forecast?.backtest.model.mape;
  return (
    <figure className="chart" data-testid="timeseries-chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="chart__svg" role="img" aria-label={`${title}：岗位需求与求职人数按季度变化及需求预测`}>
        {y.ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="chart__grid" />
            <text x={M.left - 6} y={y(t)} className="chart__tick" textAnchor="end" dominantBaseline="middle">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {quarters.map((q, i) =>
          i % 2 === (quarters.length - 1) % 2 ? (
            <text key={q} x={x(i)} y={H - M.bottom + 16} className="chart__tick" textAnchor="middle">
              {formatQuarter(q, true)}
            </text>
          ) : null,
        )}
        {ahead.length > 0 && <rect x={x(n - 1)} y={M.top} width={x(quarters.length - 1) - x(n - 1)} height={H - M.top - M.bottom} className="chart__future" />}
        <path d={band('lower95', 'upper95')} className="chart__band chart__band--95" />
        <path d={band('lower80', 'upper80')} className="chart__band chart__band--80" />
        <path d={seekers} className="chart__line chart__line--seekers" />
        <path d={vacancies} className="chart__line chart__line--vacancies" />
        <path d={forecastLine} className="chart__line chart__line--forecast" />
        {history.map((p, i) => (
          <circle key={p.quarter} cx={x(i)} cy={y(p.vacancies)} r={2.5} className="chart__dot" />
        ))}
      </svg>
      <ul className="chart__legend">
        <li>
          <span className="chart__key chart__key--vacancies" aria-hidden="true" />
          岗位需求
        </li>
        <li>
          <span className="chart__key chart__key--seekers" aria-hidden="true" />
          求职人数
        </li>
        {ahead.length > 0 && (
          <li>
            <span className="chart__key chart__key--forecast" aria-hidden="true" />
            需求预测（80%/95% 区间）
          </li>
        )}
      </ul>
      {forecast && (
        <p className="chart__note">
          预测模型：{forecast.model.description}。回测平均绝对百分比误差 {formatPercent(mape ?? null)}
          {forecast.backtest.baseline.mape !== null && `（基准 ${forecast.backtest.baseline.name}：${formatPercent(forecast.backtest.baseline.mape)}）`}。
        </p>
      )}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th>季度</th>
            <th>岗位需求</th>
            <th>求职人数</th>
          </tr>
        </thead>
        <tbody>
          {history.map((p) => (
            <tr key={p.quarter}>
              <td>{p.quarter}</td>
              <td>{p.vacancies}</td>
              <td>{p.seekers ?? '少于5'}</td>
            </tr>
          ))}
          {ahead.map((p) => (
            <tr key={p.quarter}>
              <td>{p.quarter}（预测）</td>
              <td>{Math.round(p.vacancies)}</td>
              <td>—</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
