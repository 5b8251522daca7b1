import { useState } from 'react';
import type { RegionCollection } from '@talentmap/core';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { OccupationPicker } from '../common/occupation-picker';
import { AdvertInput } from './advert-input';
import { SkillChips } from './skill-chips';
import { useVacancySkills } from './use-vacancy-skills';
import { VacancyFields } from './vacancy-fields';

export interface VacancyFormProps {
  state: AppState;
  update: UpdateState;
  districts: RegionCollection | undefined;
  pickMode: boolean;
  onPickMode: (on: boolean) => void;
  regionName: (code: string | null) => string;
}

/** 发布岗位: an occupation or advert text → skills (editable) + grade, headcount, place and radius. */
export function VacancyForm({ state, update, districts, pickMode, onPickMode, regionName }: VacancyFormProps) {
  const [mode, setMode] = useState<'text' | 'occupation'>(state.vacancyOccupation && state.skills.length === 0 ? 'occupation' : 'text');
  // Kept here, not in the advert box, so switching to "选择职业" and back keeps the text.
  const [text, setText] = useState('');
  const { origin, classify, chooseOccupation } = useVacancySkills(update);

  return (
    <form className="vacancy-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="vacancy-title" data-testid="vacancy-form">
      <h2 id="vacancy-title" className="panel__title">
        发布岗位需求
      </h2>
      <div className="segmented" role="radiogroup" aria-label="岗位描述方式">
        {(['text', 'occupation'] as const).map((m) => (
          <label key={m} className={`segmented__item${mode === m ? ' segmented__item--on' : ''}`}>
            <input type="radio" name="vacancy-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'text' ? '粘贴招聘文本' : '选择职业'}
          </label>
        ))}
      </div>

      {mode === 'text' ? (
        <AdvertInput
          text={text}
          onText={setText}
          classify={classify}
          occupation={state.vacancyOccupation}
          onOccupation={(code) => update({ vacancyOccupation: code })}
        />
      ) : (
        <OccupationPicker label="职业" value={state.vacancyOccupation} onChange={(code) => void chooseOccupation(code)} testId="vacancy-occupation" />
      )}

      <SkillChips skills={state.skills} onChange={(skills) => update({ skills })} origin={origin} />
      <VacancyFields state={state} update={update} districts={districts} regionName={regionName} />
      <div className="form-row">
        <button
          type="button"
          className={`button${pickMode ? ' button--primary' : ''}`}
          aria-pressed={pickMode}
          onClick={() => onPickMode(!pickMode)}
          data-testid="pick-on-map"
        >
          {pickMode ? '请在地图上点击工作地点…' : '在地图上选点'}
        </button>
        {(state.place || state.at) && (
          <button type="button" className="button button--ghost" onClick={() => update({ place: null, at: null, radiusKm: null })}>
            清除地点
          </button>
        )}
      </div>
    </form>
  );
}
