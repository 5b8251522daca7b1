import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface ComboOption {
  value: string;
  label: string;
  hint?: string;
  group?: string;
}

export interface ComboboxProps {
  label: string;
  /** the chosen option's label, shown when not typing */
  selectedLabel: string | null;
  placeholder?: string;
  query: string;
  onQueryChange: (q: string) => void;
  options: ComboOption[];
  loading?: boolean;
  onSelect: (option: ComboOption) => void;
  onClear?: () => void;
  testId?: string;
  hideLabel?: boolean;
  /** the list was opened (focus): lets the caller load options lazily */
  onOpen?: () => void;
}

/**
 * An accessible combobox (ARIA 1.2 pattern): type to search, ↑/↓ to move, Enter to choose,
 * Esc to close. The caller does the searching; this only presents and navigates.
 */
export function Combobox(props: ComboboxProps) {
  const { label, selectedLabel, placeholder, query, onQueryChange, options, loading, onSelect, onClear, testId, hideLabel, onOpen } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  // The active option belongs to the options it was chosen in: new options start at the first.
  const [cursor, setCursor] = useState({ options, index: 0 });
  const active = cursor.options === options ? cursor.index : 0;
  const setActive = (index: number) => setCursor({ options, index });
  const [typing, setTyping] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const choose = (option: ComboOption | undefined) => {
    if (!option) return;
    onSelect(option);
    setOpen(false);
    setTyping(false);
    onQueryChange('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive(Math.min(options.length - 1, active + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(0, active - 1));
    } else if (e.key === 'Enter') {
      if (open && options.length) {
        e.preventDefault();
        choose(options[active]);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
      setTyping(false);
      onQueryChange('');
    }
  };

  const shown = typing ? query : (selectedLabel ?? query);
  return (
    <div className="combobox" data-testid={testId}>
      <label htmlFor={`${id}-input`} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <div className="combobox__control">
        <input
          id={`${id}-input`}
          className="input combobox__input"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={shown}
          onChange={(e) => {
            setTyping(true);
            setOpen(true);
            onQueryChange(e.target.value);
          }}
          onFocus={() => {
            setOpen(true);
            onOpen?.();
          }}
          onBlur={() => {
            // let a click on an option land first
            setTimeout(() => {
              setOpen(false);
              setTyping(false);
            }, 150);
          }}
          onKeyDown={onKeyDown}
        />
        {selectedLabel && onClear && (
          <button type="button" className="combobox__clear" aria-label={`清除${label}`} onClick={onClear}>
            ×
          </button>
        )}
      </div>
      {open && (
        <ComboboxList id={id} listRef={listRef} label={label} options={options} loading={loading} active={active} onActive={setActive} onChoose={choose} />
      )}
    </div>
  );
}

interface ComboboxListProps {
  id: string;
  listRef: RefObject<HTMLUListElement | null>;
  label: string;
  options: ComboOption[];
  loading?: boolean;
  active: number;
  onActive: (index: number) => void;
  onChoose: (option: ComboOption) => void;
}

/** The listbox: options under their group headers. */
function ComboboxList({ id, listRef, label, options, loading, active, onActive, onChoose }: ComboboxListProps) {
  return (
    <ul id={`${id}-list`} ref={listRef} className="combobox__list" role="listbox" aria-label={label}>
      {loading && options.length === 0 && <li className="combobox__empty">正在搜索…</li>}
      {!loading && options.length === 0 && <li className="combobox__empty">无匹配项</li>}
      {options.map((option, index) => {
        const header = option.group && option.group !== options[index - 1]?.group ? option.group : null;
        return (
          <li key={`${option.group ?? ''}${option.value}`} role="presentation">
            {header && <div className="combobox__group">{header}</div>}
            <div
              id={`${id}-opt-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              className={`combobox__option${index === active ? ' combobox__option--active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onChoose(option)}
              onMouseEnter={() => onActive(index)}
            >
              <span>{option.label}</span>
              {option.hint && <span className="combobox__hint">{option.hint}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
