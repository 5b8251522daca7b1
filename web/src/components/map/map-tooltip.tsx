import type { Hover } from './use-map-pointer';

export function MapTooltip({ hover }: { hover: Hover }) {
  return (
    <div
      className={`map-tooltip${hover.flipX ? ' map-tooltip--flip-x' : ''}${hover.flipY ? ' map-tooltip--flip-y' : ''}`}
      role="tooltip"
      style={{ left: hover.x, top: hover.y }}
      data-testid="map-tooltip"
    >
      <div className="map-tooltip__name">{hover.title}</div>
      <dl className="map-tooltip__lines">
        {hover.lines.map((line) => (
          <div key={line.label} className="map-tooltip__line">
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
