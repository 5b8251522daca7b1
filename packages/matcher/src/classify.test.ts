import { describe, expect, it } from 'vitest';
import { OccupationClassifier } from './classify.js';
import { tinyGraph } from './fixtures.test-helper.js';
import { SkillSpace } from './skill-space.js';
import { SkillRecognizer } from './text.js';

describe('OccupationClassifier', () => {
  const space = SkillSpace.build(tinyGraph);
  const recognizer = new SkillRecognizer(tinyGraph);
  const classifier = new OccupationClassifier(tinyGraph, space);
  const top = (text: string) => classifier.classify(recognizer.recognize(text))[0];

  it('classifies by skills when the official name is absent', () => {
    expect(top('招聘二保焊技工 会氩弧焊')?.name).toBe('焊工');
    expect(top('会示教编程和离线编程')?.name).toBe('工业机器人系统操作员');
  });

  it('uses occupation aliases in the title', () => {
    expect(top('急招护工\n包吃住')?.name).toBe('养老护理员');
  });

  it('lists the recognised profile skills behind each result and keeps scores in [0, 1]', () => {
    const results = classifier.classify(recognizer.recognize('二保焊 氩弧焊 安全生产规范'));
    expect(results[0]?.skills.map((s) => s.name)).toEqual(['熔化极气体保护焊', '钨极氩弧焊', '安全生产规范']);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });

  it('reaches an occupation without a profile through the words of its definition', () => {
    const graph = {
      ...tinyGraph,
      occupations: [
        ...tinyGraph.occupations,
        { code: '6-18-01-06', name: '钻床工', aliases: [], skills: [], definition: '操作钻床，进行工件钻孔、扩孔、铰孔加工的人员。' },
      ],
    };
    const withDefinition = new OccupationClassifier(graph, SkillSpace.build(graph));
    const results = withDefinition.classify(new SkillRecognizer(graph).recognize('招普工\n负责钻孔扩孔铰孔，看得懂工件'));
    expect(results[0]?.code).toBe('6-18-01-06');
    expect(results[0]?.skills).toEqual([]);
  });

  it('returns nothing for text without skills or occupations', () => {
    expect(classifier.classify(recognizer.recognize('今天天气很好'))).toEqual([]);
  });
});
