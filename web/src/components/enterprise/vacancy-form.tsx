import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassifyResponse, Occupation, RegionCollection } from '@talentmap/core';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { OccupationPicker } from '../common/occupation-picker';
import { SkillChips } from './skill-chips';
import { DEFAULT_RADIUS_KM } from './use-candidates';

const RADII = [10, 20, 30, 50, 100];
const PROFILE_FILL_TO = 6;

export const SAMPLE_ADVERT = '招聘焊工3名：熟练掌握二保焊、氩弧焊，能看懂图纸，持有焊工证，有压力容器焊接经验者优先，工作地点苏州工业园区。';

export interface VacancyFormProps {
  state: AppState;
  update: UpdateState;
  districts: RegionCollection | undefined;
  pickMode: boolean;
  onPickMode: (on: boolean) => void;
  regionName: (code: string | null) => string;
}

/** The profile skills that carry most weight, for filling chips from an occupation. */
const profileSkills = (o: Occupation | undefined, min = 0.5) => (o?.skills ?? []).filter((s) => s.weight >= min).map((s) => s.name);

/** 发布岗位: an occupation or advert text → skills (editable) + grade, headcount, place and radius. */
export function VacancyForm({ state, update, districts, pickMode, onPickMode, regionName }: VacancyFormProps) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'text' | 'occupation'>(state.vacancyOccupation && state.skills.length === 0 ? 'occupation' : 'text');
  const [text, setText] = useState('');
  const [origin, setOrigin] = useState<Record<string, string>>({});
  const grades = useQuery({ queryKey: ['grades'], queryFn: ({ signal }) => api.grades(signal), staleTime: Infinity });

  const occupationOf = (code: string) =>
    queryClient.fetchQuery({ queryKey: ['occupation', code], queryFn: ({ signal }) => api.occupations(code, 1, signal), staleTime: Infinity }).then((r) => r.items.find((o) => o.code === code));

  const classify = useMutation({
    mutationFn: (t: string) => api.classify(t),
    onSuccess: async (result: ClassifyResponse) => {
      const top = result.results[0];
      const fromText = result.recognizedSkills.map((s) => s.name);
      const fill = top ? profileSkills(await occupationOf(top.code), 0.6).filter((s) => !fromText.includes(s)) : [];
      const skills = [...fromText, ...fill.slice(0, Math.max(0, PROFILE_FILL_TO - fromText.length))];
      setOrigin(Object.fromEntries(skills.map((s) => [s, fromText.includes(s) ? '文本' : '职业标准'])));
      update({ vacancyOccupation: top?.code ?? null, skills });
    },
  });

  const chooseOccupation = async (code: string | null) => {
    if (!code) {
      update({ vacancyOccupation: null, skills: [] });
      return;
    }
    const skills = profileSkills(await occupationOf(code)).slice(0, 10);
    setOrigin(Object.fromEntries(skills.map((s) => [s, '职业标准'])));
    update({ vacancyOccupation: code, skills });
  };

  const result = classify.data;
  const cities = new Map<string, RegionCollection['features']>();
  for (const d of districts?.features ?? []) {
    const key = d.properties.parentCode ?? '';
    cities.set(key, [...(cities.get(key) ?? []), d]);
  }

  return (
    <form className="vacancy-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="vacancy-title" data-testid="vacancy-form">
      <h2 id="vacancy-title" className="panel__title">发布岗位需求</h2>
      <div className="segmented" role="radiogroup" aria-label="岗位描述方式">
        {(['text', 'occupation'] as const).map((m) => (
          <label key={m} className={`segmented__item${mode === m ? ' segmented__item--on' : ''}`}>
            <input type="radio" name="vacancy-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'text' ? '粘贴招聘文本' : '选择职业'}
          </label>
        ))}
      </div>

      {mode === 'text' ? (
        <div className="field">
          <label htmlFor="advert" className="field__label">招聘文本</label>
          <textarea
            id="advert"
            className="input textarea"
            rows={4}
            value={text}
            placeholder={`例如：${SAMPLE_ADVERT}`}
            onChange={(e) => setText(e.target.value)}
            maxLength={20_000}
            data-testid="advert-text"
          />
          <div className="form-row">
            <button type="button" className="button button--primary" disabled={!text.trim() || classify.isPending} onClick={() => classify.mutate(text.trim())} data-testid="classify">
              {classify.isPending ? '正在识别…' : '识别职业与技能'}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setText(SAMPLE_ADVERT)}>填入示例</button>
          </div>
          {classify.isError && <p className="error-line" role="alert">识别失败：{classify.error.message}</p>}
          {result && (
            <div className="classify-result" data-testid="classify-result" aria-live="polite">
              {result.results.length === 0 ? (
                <p className="empty">未能从文本中识别出职业或技能{result.reason ? `（${result.reason}）` : ''}，请补充岗位职责或改为选择职业。</p>
              ) : (
                <fieldset className="occupation-choices">
                  <legend className="field__label">识别出的职业（可改选）</legend>
                  {result.results.map((o) => (
                    <label key={o.code} className="occupation-choice">
                      <input type="radio" name="classified" checked={state.vacancyOccupation === o.code} onChange={() => update({ vacancyOccupation: o.code })} />
                      <span className="occupation-choice__name">{o.name}</span>
                      <span className="occupation-choice__code">{o.code}</span>
                      <span className="score-pill" title="分类得分">{formatNumber(o.score, 2)}</span>
                    </label>
                  ))}
                </fieldset>
              )}
            </div>
          )}
        </div>
      ) : (
        <OccupationPicker label="职业" value={state.vacancyOccupation} onChange={(code) => void chooseOccupation(code)} testId="vacancy-occupation" />
      )}

      <SkillChips skills={state.skills} onChange={(skills) => update({ skills })} origin={origin} />

      <div className="form-grid">
        <div className="field">
          <label htmlFor="v-grade" className="field__label">最低等级</label>
          <select id="v-grade" className="input" value={state.minGrade ?? ''} onChange={(e) => update({ minGrade: e.target.value ? Number(e.target.value) : null })}>
            <option value="">不限</option>
            {grades.data?.items.map((g) => (
              <option key={g.level} value={g.level}>{g.level}级 {g.name}及以上</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="v-headcount" className="field__label">招聘人数</label>
          <input
            id="v-headcount"
            className="input"
            type="number"
            min={1}
            max={999}
            value={state.headcount ?? 1}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              update({ headcount: Number.isFinite(n) && n >= 1 ? Math.min(999, n) : null }, { push: false });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="v-place" className="field__label">工作地点（区县）</label>
          <select id="v-place" className="input" value={state.place ?? ''} onChange={(e) => update({ place: e.target.value || null, at: null })}>
            <option value="">{state.at ? '地图选点' : '全省'}</option>
            {[...cities.entries()].map(([city, list]) => (
              <optgroup key={city} label={regionName(city)}>
                {list.map((d) => (
                  <option key={d.properties.code} value={d.properties.code}>{d.properties.name}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="v-radius" className="field__label">半径</label>
          <select
            id="v-radius"
            className="input"
            value={state.radiusKm ?? (state.at ? DEFAULT_RADIUS_KM : '')}
            onChange={(e) => update({ radiusKm: e.target.value ? Number(e.target.value) : null })}
            disabled={!state.place && !state.at}
          >
            {!state.at && <option value="">仅本区县</option>}
            {RADII.map((r) => (
              <option key={r} value={r}>{r} 公里内</option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row">
        <button type="button" className={`button${pickMode ? ' button--primary' : ''}`} aria-pressed={pickMode} onClick={() => onPickMode(!pickMode)} data-testid="pick-on-map">
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
