import { describe, expect, it } from 'vitest';
import { classifyVerdict, confidenceFeatures, logistic } from './confidence.js';

const model = { occupation: { bias: -2, score: 2, lead: 10 }, minorGroup: { bias: -2, score: 2, lead: 10 } };

describe('confidence of a classification', () => {
  it('reads the lead over the runner-up for the 细类, and over the best occupation outside the 小类', () => {
    const f = confidenceFeatures([
      { code: '6-18-01-01', score: 0.8 },
      { code: '6-18-01-06', score: 0.75 },
      { code: '6-20-01-01', score: 0.4 },
    ]);
    expect(f.occupation).toEqual({ score: 0.8, lead: expect.closeTo(0.05, 6) });
    expect(f.minorGroup).toEqual({ code: '6-18-01', score: 0.8, lead: expect.closeTo(0.4, 6) });
  });

  it('answers the 细类 when its lead is clear', () => {
    const v = classifyVerdict(
      [
        { code: '6-18-02-04', score: 0.9 },
        { code: '6-31-01-03', score: 0.3 },
      ],
      model,
    );
    expect(v.level).toBe('occupation');
    expect(v.confidence).toBeCloseTo(logistic(model.occupation, 0.9, 0.6), 3);
  });

  it('falls back to the 小类 when two of its occupations tie, and to no confident match when nothing leads', () => {
    expect(
      classifyVerdict(
        [
          { code: '6-18-01-01', score: 0.8 },
          { code: '6-18-01-06', score: 0.79 },
          { code: '6-20-01-01', score: 0.3 },
        ],
        model,
      ),
    ).toMatchObject({
      level: 'minorGroup',
      minorGroup: { code: '6-18-01' },
    });
    expect(
      classifyVerdict(
        [
          { code: '6-18-01-01', score: 0.3 },
          { code: '4-02-01-01', score: 0.29 },
        ],
        model,
      ).level,
    ).toBe('none');
    expect(classifyVerdict([], model)).toEqual({ level: 'none', confidence: 0, minorGroup: null });
  });

  it('never rates the 小类 below its own top occupation', () => {
    const v = classifyVerdict(
      [
        { code: '6-18-02-04', score: 0.9 },
        { code: '6-18-02-01', score: 0.2 },
      ],
      model,
    );
    expect(v.minorGroup?.confidence).toBeGreaterThanOrEqual(v.confidence);
  });
});
