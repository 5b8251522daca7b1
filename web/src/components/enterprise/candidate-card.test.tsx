// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Candidate } from '@talentmap/core';
import { render, type Rendered } from '../../test/render';
import { CandidateCard } from './candidate-card';
import { SCORE_PARTS } from './score-breakdown';

const candidate: Candidate = {
  talentId: 'PAB3RO77QWERTYUIOPASDFGHJKL',
  score: 0.912,
  breakdown: { similarity: 0.99, coverage: 0.8, grade: 1, distance: 0.5, availability: 0.7 },
  matchedSkills: ['熔化极气体保护焊', '钨极氩弧焊'],
  missingSkills: ['焊接识图'],
  partialSkills: [{ skill: '焊接识图', via: '机械识图' }],
  regionCode: '320506',
  regionName: '吴中区',
  grade: 4,
  gradeName: '高级工',
  distanceBand: '5-10',
  available: true,
};

let view: Rendered | undefined;
afterEach(() => view?.unmount());

describe('CandidateCard', () => {
  it('explains the score: its five weighted parts, matched, partial and missing skills', () => {
    view = render(<CandidateCard candidate={candidate} rank={1} occupationCode="6-18-02-04" />);
    const text = view.container.textContent!;
    expect(text).toContain('人才 PAB3RO77');
    expect(text).toContain('91%');
    expect(text).toContain('高级工（4级）');
    expect(text).toContain('吴中区');
    expect(text).toContain('5–10 公里');
    expect(text).not.toMatch(/\d\.\d 公里/);
    for (const part of SCORE_PARTS) expect(text).toContain(part.label);
    const bars = [...view.container.querySelectorAll<HTMLElement>('.breakdown__bar')].map((b) => b.style.width);
    expect(bars).toEqual(['99%', '80%', '100%', '50%', '70%']);
    expect(view.container.querySelectorAll('.chip--ok')).toHaveLength(2);
    expect(view.container.querySelector('.chip--partial')!.textContent).toBe('焊接识图 ≈ 机械识图');
    expect(view.container.querySelector('.chip--missing')!.textContent).toBe('焊接识图');
    expect(view.container.querySelector('[data-testid="show-programs"]')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('weights add up to the documented score (README: 0.35/0.35/0.15/0.10/0.05)', () => {
    expect(SCORE_PARTS.reduce((n, p) => n + p.weight, 0)).toBeCloseTo(1, 10);
  });

  it('never shows a name, phone or ID number', () => {
    view = render(<CandidateCard candidate={candidate} rank={1} occupationCode={null} />);
    expect(view.container.textContent).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
  });
});
