import { describe, expect, it } from 'vitest';
import { tinyGraph } from './fixtures.test-helper.js';
import { dice, FUZZY_DISCOUNT, FUZZY_MIN_DICE, normalizeText, SkillRecognizer } from './text.js';

describe('SkillRecognizer', () => {
  const recognizer = new SkillRecognizer(tinyGraph);
  const names = (text: string) => recognizer.recognize(text).skills.map((s) => `${s.name}:${s.match}`);

  it('recognises skills by name and by the aliases adverts use', () => {
    expect(names('招聘二保焊技工，会氩弧焊优先')).toEqual(['熔化极气体保护焊:alias', '钨极氩弧焊:alias']);
    expect(names('熟悉工业机器人示教编程')).toEqual(['工业机器人示教编程:exact']);
  });

  it('matches Latin terms only as whole words, in any width or case', () => {
    expect(names('熟练使用ＰＬＣ和robotstudio')).toEqual(['PLC编程:alias', '机器人离线编程:alias']);
    expect(names('plcx mplc')).toEqual([]);
  });

  it('weights a title mention above a body mention', () => {
    const [inTitle] = recognizer.recognize('二保焊\n说明').skills;
    const [inBody] = recognizer.recognize('说明\n二保焊').skills;
    expect(inTitle?.weight).toBeGreaterThan(inBody?.weight ?? Infinity);
  });

  it('finds occupation names and aliases, noting the title', () => {
    expect(recognizer.recognize('急招电焊工\n包吃住').occupations).toEqual([{ code: '6-18-02-04', term: '电焊工', inTitle: true }]);
  });

  it('recognises near-miss wordings fuzzily, at a discount', () => {
    // "工艺流程" is no name or alias and holds none, so only the fuzzy pass can match it (as a
    // jieba word, Dice 6/7 against "工艺流程图"); "钨极氩弧焊接" would not do: the scan finds "钨极氩弧焊" in it.
    const withFlowChart = new SkillRecognizer({
      ...tinyGraph,
      skills: [...tinyGraph.skills, { id: 9, name: '工艺流程图', aliases: [], category: '通用', parentId: null }],
    });
    const [fuzzy] = withFlowChart.recognize('招聘普工\n熟悉工艺流程').skills;
    const [exact] = withFlowChart.recognize('招聘普工\n熟悉工艺流程图').skills;
    expect(fuzzy).toMatchObject({ name: '工艺流程图', match: 'fuzzy', terms: ['工艺流程'] });
    expect(fuzzy?.weight).toBeCloseTo(dice('工艺流程', '工艺流程图') * FUZZY_DISCOUNT, 3);
    expect(exact).toMatchObject({ name: '工艺流程图', match: 'exact', weight: 1 });
    expect(fuzzy?.weight).toBeLessThan(exact?.weight ?? 0);
  });

  it('finds the fuzzy match that comparing every term would, via the bigram index', () => {
    // Terms that share bigrams and tie: the first term (names before aliases, in skill order) wins.
    const terms = ['工艺流程图', '工艺流程卡', '流程图绘制', '数控车床编程', '数控铣床编程', '车床编程'];
    const graph = { ...tinyGraph, skills: terms.map((name, i) => ({ id: i + 1, name, aliases: [], category: '通用', parentId: null })) };
    const recognizer = new SkillRecognizer(graph);
    for (const word of ['工艺流程', '数控车床编']) {
      const brute = terms
        .map((t) => ({ t, score: Math.abs(t.length - word.length) <= 2 ? dice(word, t) : 0 }))
        .reduce((a, b) => (b.score > a.score ? b : a), { t: '', score: 0 });
      const found = recognizer.recognize(`岗位\n${word}`).skills.find((s) => s.match === 'fuzzy');
      expect(found?.name ?? '', word).toBe(brute.score >= FUZZY_MIN_DICE ? brute.t : '');
    }
  });

  it('finds nothing in text without skills', () => {
    expect(recognizer.recognize('今天天气很好')).toMatchObject({ skills: [], occupations: [] });
  });
});

describe('text helpers', () => {
  it('normalises full-width and case', () => expect(normalizeText('ＰＬＣ Plc')).toBe('plc plc'));
  it('computes bigram Dice', () => {
    expect(dice('氩弧焊接', '氩弧焊')).toBeCloseTo(0.8, 5);
    expect(dice('ab', 'cd')).toBe(0);
  });
});
