import { describe, expect, it } from 'vitest';
import { OccupationTextIndex, textTerms } from './occupation-text.js';

const index = new OccupationTextIndex([
  { code: '6-18-01-01', text: '车工 操作车床，进行工件旋转表面切削加工的人员。' },
  { code: '6-18-01-06', text: '钻床工 操作钻床，进行工件钻孔、扩孔、铰孔加工的人员。' },
  { code: '6-18-02-04', text: '焊工 使用焊机或焊接设备，焊接金属工件的人员。' },
]);

describe('textTerms', () => {
  it('splits Chinese into bigrams without the catalogue-wide filler, keeps Latin tokens whole', () => {
    expect(textTerms('操作CNC车床')).toEqual(['cnc', '车床']);
    expect(textTerms('从事焊接')).toEqual(['事焊', '焊接']);
    expect(textTerms('钻孔')).toEqual(['钻孔']);
  });
});

describe('OccupationTextIndex', () => {
  it('ranks the occupation whose definition shares the duties first', () => {
    const sims = index.similarities('招普工：负责钻孔、扩孔，会用摇臂钻');
    const ranked = [...sims].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(ranked[0]).toBe('6-18-01-06');
    expect(sims.get('6-18-01-06')).toBeGreaterThan(0.3);
    expect(sims.get('6-18-01-06')).toBeLessThanOrEqual(1);
  });

  it('finds nothing for text that shares no term', () => {
    expect(index.similarities('月薪面议，包吃住').size).toBe(0);
    expect(index.similarities('').size).toBe(0);
    // One shared bigram is chance.
    expect(index.similarities('今天去钻孔').size).toBe(0);
  });
});
