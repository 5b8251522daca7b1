import type { UseMutationResult } from '@tanstack/react-query';
import type { ClassifyResponse } from '@talentmap/core';
import { formatNumber, formatPercent } from '../../lib/format';

export const SAMPLE_ADVERT = '招聘焊工3名：熟练掌握二保焊、氩弧焊，能看懂图纸，持有焊工证，有压力容器焊接经验者优先，工作地点苏州工业园区。';

export interface AdvertInputProps {
  text: string;
  onText: (text: string) => void;
  classify: UseMutationResult<ClassifyResponse, Error, string>;
  /** the vacancy's occupation, one of the classified ones */
  occupation: string | null;
  onOccupation: (code: string) => void;
}

/** 招聘文本: paste an advert, classify it, and choose among the occupations it was classified as. */
export function AdvertInput({ text, onText, classify, occupation, onOccupation }: AdvertInputProps) {
  const result = classify.data;
  return (
    <div className="field">
      <label htmlFor="advert" className="field__label">
        招聘文本
      </label>
      <textarea
        id="advert"
        className="input textarea"
        rows={4}
        value={text}
        placeholder={`例如：${SAMPLE_ADVERT}`}
        onChange={(e) => onText(e.target.value)}
        maxLength={20_000}
        data-testid="advert-text"
      />
      <div className="form-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!text.trim() || classify.isPending}
          onClick={() => classify.mutate(text.trim())}
          data-testid="classify"
        >
          {classify.isPending ? '正在识别…' : '识别职业与技能'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => onText(SAMPLE_ADVERT)}>
          填入示例
        </button>
      </div>
      {classify.isError && (
        <p className="error-line" role="alert">
          识别失败：{classify.error.message}
        </p>
      )}
      {result && <ClassifyResult result={result} occupation={occupation} onOccupation={onOccupation} />}
    </div>
  );
}

/**
 * What the classifier vouches for: a 细类, only its 小类 (the vacancy still needs a 细类, so the
 * user confirms one), or nothing (the list is a suggestion and none is chosen for the user).
 */
export function ClassifyVerdict({ result }: { result: ClassifyResponse }) {
  const top = result.results[0];
  if (!top) return null;
  if (result.level === 'occupation')
    return (
      <p className="classify-verdict classify-verdict--sure" data-level="occupation">
        识别为 {top.name}（{top.code}），置信度 {formatPercent(result.confidence, 0)}
      </p>
    );
  if (result.level === 'minorGroup' && result.minorGroup)
    return (
      <p className="classify-verdict classify-verdict--minor" data-level="minorGroup">
        细类把握不足，可靠到小类 {result.minorGroup.name}（{result.minorGroup.code}），置信度 {formatPercent(result.minorGroup.confidence, 0)}
        ；请确认下列细类之一。
      </p>
    );
  return (
    <p className="classify-verdict classify-verdict--none" data-level="none">
      没有可信的职业匹配，下列仅为建议，请选择或改用职业搜索。
    </p>
  );
}

function ClassifyResult({ result, occupation, onOccupation }: { result: ClassifyResponse; occupation: string | null; onOccupation: (code: string) => void }) {
  return (
    <div className="classify-result" data-testid="classify-result" aria-live="polite">
      <ClassifyVerdict result={result} />
      {result.results.length === 0 ? (
        <p className="empty">未能从文本中识别出职业或技能{result.reason ? `（${result.reason}）` : ''}，请补充岗位职责或改为选择职业。</p>
      ) : (
        <fieldset className="occupation-choices">
          <legend className="field__label">识别出的职业（可改选）</legend>
          {result.results.map((o) => (
            <label key={o.code} className="occupation-choice">
              <input type="radio" name="classified" checked={occupation === o.code} onChange={() => onOccupation(o.code)} />
              <span className="occupation-choice__name">{o.name}</span>
              <span className="occupation-choice__code">{o.code}</span>
              <span className="score-pill" title="分类得分">
                {formatNumber(o.score, 2)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
