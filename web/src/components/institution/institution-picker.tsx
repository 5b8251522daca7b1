import { useState, type KeyboardEvent } from 'react';
import type { InstitutionSummary } from '@talentmap/core';
import { formatCount } from '../../lib/format';
import { INSTITUTION_ICONS, type InstitutionKind } from '../map/map-icons';

export interface InstitutionPickerProps {
  items: InstitutionSummary[];
  selected: number | null;
  onSelect: (id: number) => void;
  regionName: (code: string | null) => string;
}

/** Search, filter by kind and city, and choose an institution from a keyboard-navigable list. */
export function InstitutionPicker({ items, selected, onSelect, regionName }: InstitutionPickerProps) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<InstitutionKind | ''>('');
  const [city, setCity] = useState('');
  const q = query.trim();
  const cities = [...new Set(items.map((i) => i.cityCode))].sort();
  const shown = items
    .filter((i) => (!kind || i.kind === kind) && (!city || i.cityCode === city) && (!q || i.name.includes(q) || i.regionName.includes(q)))
    .slice(0, 300);
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };
  return (
    <section className="inst-picker" aria-labelledby="inst-picker-title" data-testid="institution-picker">
      <h2 id="inst-picker-title" className="panel__title">
        选择院校或培训机构
      </h2>
      <div className="form-grid form-grid--3">
        <div className="field">
          <label htmlFor="inst-q" className="field__label">
            名称
          </label>
          <input id="inst-q" className="input" type="search" placeholder="搜索名称或区县" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="inst-kind" className="field__label">
            类型
          </label>
          <select id="inst-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value as InstitutionKind | '')}>
            <option value="">全部类型</option>
            {(Object.keys(INSTITUTION_ICONS) as InstitutionKind[]).map((k) => (
              <option key={k} value={k}>
                {INSTITUTION_ICONS[k].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inst-city" className="field__label">
            城市
          </label>
          <select id="inst-city" className="input" value={city} onChange={(e) => setCity(e.target.value)}>
            <option value="">全省</option>
            {cities.map((c) => (
              <option key={c} value={c}>
                {regionName(c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="catalog__count" aria-live="polite">
        {shown.length} 个结果{shown.length === 300 ? '（仅列前 300 个，请细化搜索）' : ''}
      </p>
      <ul className="inst-list" aria-label="院校列表" onKeyDown={onKeyDown}>
        {shown.map((i) => (
          <li key={i.id}>
            <button
              type="button"
              className={`inst-item${i.id === selected ? ' inst-item--active' : ''}`}
              aria-pressed={i.id === selected}
              onClick={() => onSelect(i.id)}
            >
              <span className="inst-item__name">{i.name}</span>
              <span className="inst-item__meta">
                {INSTITUTION_ICONS[i.kind].label} · {i.regionName} · {i.programCount} 个项目 · 年培训能力 {formatCount(i.capacity)} 人
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
