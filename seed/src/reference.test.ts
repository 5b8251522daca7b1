import { describe, expect, it } from 'vitest';
import { checkReference, loadReference, mergeSkills, skillAliasConflicts } from './reference.js';

describe('reference data', () => {
  const ref = loadReference();

  it('holds the published counts', () => {
    expect(ref.clusters).toHaveLength(13);
    const advantage = ref.chains.filter((c) => c.tiers.includes('advantage'));
    expect(advantage).toHaveLength(30);
    expect(ref.chains.filter((c) => c.tiers.includes('excellence'))).toHaveLength(10);
    expect(ref.grades.map((g) => g.name)).toEqual(['学徒工', '初级工', '中级工', '高级工', '技师', '高级技师', '特级技师', '首席技师']);
    expect(ref.indicators).toHaveLength(22); // 专栏1 lists 22 indicators in six sections
    expect(ref.indicators.find((i) => i.name === '高技能人才总量')).toMatchObject({ baseline2020: 455, target2025: 530 });
    expect(ref.occupations.length).toBeGreaterThanOrEqual(150);
    expect(ref.skills.length).toBeGreaterThanOrEqual(400);
    expect(ref.regions.filter((r) => r.properties.level === 'city')).toHaveLength(13);
  });

  it('names every occupation the seeds and the issue require', () => {
    // 钳工 is a trade family, not a 2022 细类: it is an alias of 装配钳工.
    const names = new Set(ref.occupations.flatMap((o) => [o.name, ...o.aliases]));
    for (const required of [
      '电工',
      '焊工',
      '车工',
      '钳工',
      '化工总控工',
      '养老护理员',
      '家政服务员',
      '育婴员',
      '人工智能训练师',
      '网络与信息安全管理员',
      '工业机器人系统操作员',
      '工业机器人系统运维员',
      '数字化解决方案设计师',
      '网约配送员',
      '无人机驾驶员',
    ])
      expect(names, required).toContain(required);
  });

  it('uses no stale 1999-edition codes', () => {
    const codes = new Map(ref.occupations.map((o) => [o.name, o.code]));
    expect(codes.get('家政服务员')).not.toBe('4-07-12-02');
    expect(codes.get('养老护理员')).not.toBe('4-07-12-03');
    expect(codes.get('车工')).not.toBe('6-04-01-01');
  });

  it('gives skills the aliases real adverts use', () => {
    const aliases = new Set(ref.skills.flatMap((s) => s.aliases));
    for (const a of ['二保焊', 'PLC', '示教编程']) expect(aliases, a).toContain(a);
    expect(ref.skills.filter((s) => s.aliases.length > 0).length / ref.skills.length).toBeGreaterThan(0.8);
  });

  it('passes its own consistency check, and the check catches breakage', () => {
    expect(checkReference(ref)).toEqual([]);
    const broken = { ...ref, chainOccupations: [...ref.chainOccupations, { chainCode: 'CH01', occupationCode: '9-99-99-99', weight: 1 }] };
    expect(checkReference(broken).join()).toContain('9-99-99-99');
  });
});

describe('mergeSkills', () => {
  it('merges same-named skills and drops aliases that name another skill', () => {
    const merged = mergeSkills([
      [{ name: '焊接技术', aliases: ['电焊', '氩弧焊'], category: '焊接', parent: null }],
      [
        { name: '焊接技术', aliases: ['电焊', '焊接'], category: '其他', parent: null },
        { name: '氩弧焊', aliases: ['TIG'], category: '焊接', parent: '焊接技术' },
      ],
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({ name: '焊接技术', aliases: ['电焊', '焊接'], category: '焊接', parent: null });
  });
});

describe('skillAliasConflicts', () => {
  it('reports an alias two skills claim (ignoring case) or that names another skill', () => {
    const conflicts = skillAliasConflicts([
      [{ name: '叉车操作', aliases: ['叉车', 'N1证'], category: '物流', parent: null }],
      [
        { name: '叉车驾驶', aliases: ['叉车', 'n1证'], category: '物流', parent: null },
        { name: '物料干燥', aliases: ['喷雾干燥'], category: '化工', parent: null },
        { name: '喷雾干燥', aliases: ['喷干'], category: '化工', parent: null },
        { name: '焊接技术', aliases: ['电焊'], category: '焊接', parent: null },
      ],
    ]);
    expect(new Set(conflicts)).toEqual(
      new Set([
        'skill alias n1证 claimed by 叉车操作, 叉车驾驶',
        'skill alias 喷雾干燥 claimed by 喷雾干燥, 物料干燥',
        'skill alias 叉车 claimed by 叉车操作, 叉车驾驶',
      ]),
    );
  });
});
