import type { LayerKey } from '../../lib/url-state';

const LAYERS: { key: LayerKey; label: string; hint: string }[] = [
  { key: 'hex', label: '人才密度', hint: '六边形聚合，少于 5 人的格不显示人数' },
  { key: 'enterprises', label: '企业', hint: '按产业链着色，缩小时聚合' },
  { key: 'institutions', label: '院校与实训基地', hint: '技工院校、培训机构、实训基地' },
];

export type LayerStatus = 'loading' | 'error' | 'empty' | 'ready';

export interface LayerSwitchesProps {
  active: readonly LayerKey[];
  onToggle: (key: LayerKey, on: boolean) => void;
  /** layers whose data is loading, with their state */
  status: Partial<Record<LayerKey, LayerStatus>>;
}

/** Checkboxes for the optional layers; each says when its data is loading, missing or failed. */
export function LayerSwitches({ active, onToggle, status }: LayerSwitchesProps) {
  return (
    <fieldset className="layer-switches" data-testid="layer-switches">
      <legend className="layer-switches__title">图层</legend>
      {LAYERS.map(({ key, label, hint }) => {
        const on = active.includes(key);
        const s = on ? status[key] : undefined;
        return (
          <label key={key} className="layer-switches__item" title={hint}>
            <input type="checkbox" checked={on} onChange={(e) => onToggle(key, e.target.checked)} />
            <span>{label}</span>
            {s === 'loading' && <span className="spinner spinner--small" role="status" aria-label={`${label}加载中`} />}
            {s === 'error' && <span className="layer-switches__flag layer-switches__flag--error">暂不可用</span>}
            {s === 'empty' && <span className="layer-switches__flag">无数据</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
