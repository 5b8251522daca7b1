import { IMPORT_MODES, type ImportMode } from '@talentmap/core';
import { MODE_LABEL } from './import-labels';

/** 写入方式: all or nothing, or the valid rows only; each explained in one line. */
export function ImportModeField({ value, onChange }: { value: ImportMode; onChange: (mode: ImportMode) => void }) {
  return (
    <fieldset className="import-modes" data-testid="import-mode">
      <legend className="field__label">写入方式</legend>
      {IMPORT_MODES.map((mode) => (
        <label key={mode} className="import-modes__item">
          <input type="radio" name="import-mode" value={mode} checked={value === mode} onChange={() => onChange(mode)} />
          <span className="import-modes__title">{MODE_LABEL[mode].title}</span>
          <span className="import-modes__hint">{MODE_LABEL[mode].hint}</span>
        </label>
      ))}
    </fieldset>
  );
}
