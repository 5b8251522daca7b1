import { OTHER_CHAIN_COLOR, type ChainLegendEntry } from '../../lib/geo';
import { NO_DATA_COLOR, type ScaleClass } from '../../lib/scale';
import { INSTITUTION_ICONS, institutionIconPath, type InstitutionKind } from './map-icons';

export interface LegendSection {
  title: string;
  classes: readonly ScaleClass[];
  noDataLabel?: string;
  note?: string;
}

export interface MapLegendProps {
  choropleth: LegendSection | null;
  hex: LegendSection | null;
  chains: { entries: ChainLegendEntry[]; others: number } | null;
  institutions: boolean;
}

function Swatches({ section }: { section: LegendSection }) {
  return (
    <section className="legend__section" aria-label={section.title}>
      <h3 className="legend__title">{section.title}</h3>
      <ul className="legend__list">
        {section.classes.map((c) => (
          <li key={c.label} className="legend__item">
            <span className="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        {section.noDataLabel && (
          <li className="legend__item">
            <span className="legend__swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
            {section.noDataLabel}
          </li>
        )}
      </ul>
      {section.note && <p className="legend__note">{section.note}</p>}
    </section>
  );
}

/** The key to every colour and symbol on the map, in the order the layers are drawn. */
export function MapLegend({ choropleth, hex, chains, institutions }: MapLegendProps) {
  if (!choropleth && !hex && !chains && !institutions) return null;
  return (
    <aside className="legend" aria-label="图例" data-testid="map-legend">
      {choropleth && <Swatches section={choropleth} />}
      {hex && <Swatches section={hex} />}
      {chains && (
        <section className="legend__section" aria-label="企业（按产业链着色）">
          <h3 className="legend__title">企业 · 按产业链</h3>
          <ul className="legend__list">
            <li className="legend__item">
              <span className="legend__dot legend__dot--cluster" aria-hidden="true" />
              聚合点（数字为企业数）
            </li>
            {chains.entries.map((c) => (
              <li key={c.code} className="legend__item">
                <span className="legend__dot" style={{ background: c.color }} aria-hidden="true" />
                {c.name}
                <span className="legend__count">{c.count}</span>
              </li>
            ))}
            {chains.others > 0 && (
              <li className="legend__item">
                <span className="legend__dot" style={{ background: OTHER_CHAIN_COLOR }} aria-hidden="true" />
                其他产业链
                <span className="legend__count">{chains.others}</span>
              </li>
            )}
          </ul>
        </section>
      )}
      {institutions && (
        <section className="legend__section" aria-label="院校与实训基地">
          <h3 className="legend__title">院校与实训基地</h3>
          <ul className="legend__list">
            {(Object.keys(INSTITUTION_ICONS) as InstitutionKind[]).map((kind) => (
              <li key={kind} className="legend__item">
                <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
                  <path d={institutionIconPath(kind)} fill={INSTITUTION_ICONS[kind].color} stroke="#fff" strokeWidth="1" />
                </svg>
                {INSTITUTION_ICONS[kind].label}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
