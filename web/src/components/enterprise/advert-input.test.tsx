// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassifyResponse } from '@talentmap/core';
import { render, type Rendered } from '../../test/render';
import { ClassifyVerdict } from './advert-input';

const result = (over: Partial<ClassifyResponse>): ClassifyResponse => ({
  level: 'occupation',
  confidence: 0.91,
  minorGroup: { code: '6-18-02', name: '金属加工机械制造人员', confidence: 0.97 },
  results: [{ code: '6-18-02-04', name: '焊工', score: 0.8, skills: [] }],
  recognizedSkills: [],
  ...over,
});

let view: Rendered | undefined;
afterEach(() => view?.unmount());
const verdict = (r: ClassifyResponse) => {
  view?.unmount();
  view = render(<ClassifyVerdict result={r} />);
  const p = view.container.querySelector('.classify-verdict');
  return { level: p?.getAttribute('data-level'), text: p?.textContent ?? '' };
};

describe('ClassifyVerdict', () => {
  it('states the level the classifier vouches for, with its calibrated confidence', () => {
    expect(verdict(result({}))).toEqual({ level: 'occupation', text: '识别为 焊工（6-18-02-04），置信度 91%' });
    const minor = verdict(result({ level: 'minorGroup', confidence: 0.42 }));
    expect(minor.level).toBe('minorGroup');
    expect(minor.text).toContain('金属加工机械制造人员（6-18-02），置信度 97%');
    const none = verdict(result({ level: 'none', confidence: 0.1 }));
    expect(none.level).toBe('none');
    expect(none.text).toContain('下列仅为建议');
  });

  it('says nothing when there is no result to qualify', () => {
    view = render(<ClassifyVerdict result={result({ level: 'none', results: [] })} />);
    expect(view.container.querySelector('.classify-verdict')).toBeNull();
  });
});
