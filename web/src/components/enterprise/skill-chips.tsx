import { useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { Combobox } from '../common/combobox';
import { useDebounced } from '../common/use-debounced';

export interface SkillChipsProps {
  skills: string[];
  onChange: (skills: string[]) => void;
  /** where each chip came from, shown as a hint */
  origin?: Record<string, string>;
}

/** The vacancy's required skills as chips: Delete/Backspace or × removes one, the search box adds one. */
export function SkillChips({ skills, onChange, origin }: SkillChipsProps) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 180);
  const search = useQuery({ queryKey: ['skills', q], queryFn: ({ signal }) => api.skills(q, 10, signal), enabled: q.length > 0, staleTime: 5 * 60_000 });
  const remove = (name: string) => onChange(skills.filter((s) => s !== name));
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, name: string) => {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const i = skills.indexOf(name);
      remove(name);
      // keep focus in the list
      requestAnimationFrame(() => {
        const chips = document.querySelectorAll<HTMLButtonElement>('[data-chip]');
        chips[Math.min(i, chips.length - 1)]?.focus();
      });
    }
  };
  return (
    <div className="skill-chips" data-testid="skill-chips">
      <span className="field__label" id="skill-chips-label">
        所需技能（{skills.length}）
      </span>
      {skills.length === 0 && <p className="hint">尚无技能：选择职业或识别招聘文本后自动填入，也可手动添加。</p>}
      <ul className="chips" aria-labelledby="skill-chips-label">
        {skills.map((s) => (
          <li key={s}>
            <button
              type="button"
              className="chip chip--removable"
              data-chip
              onClick={() => remove(s)}
              onKeyDown={(e) => onKey(e, s)}
              aria-label={`移除技能 ${s}`}
              title={origin?.[s]}
            >
              {s}
              {origin?.[s] && <span className="chip__origin">{origin[s]}</span>}
              <span aria-hidden="true" className="chip__x">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <Combobox
        label="添加技能"
        selectedLabel={null}
        placeholder="搜索技能名称或别名，回车添加"
        query={query}
        onQueryChange={setQuery}
        options={(search.data?.items ?? []).filter((s) => !skills.includes(s.name)).map((s) => ({ value: s.name, label: s.name, hint: s.category }))}
        loading={search.isFetching}
        onSelect={(o) => onChange([...skills, o.value].slice(0, 50))}
        testId="add-skill"
      />
    </div>
  );
}
