import type { SkillGraph } from './skill-graph.js';

/** A small, hand-made graph: two welding skills, two robot skills, one care skill. */
export const tinyGraph: SkillGraph = {
  skills: [
    { id: 1, name: '焊接技术', aliases: ['电焊'], category: '焊接', parentId: null },
    { id: 2, name: '熔化极气体保护焊', aliases: ['二保焊', 'CO2焊'], category: '焊接', parentId: 1 },
    { id: 3, name: '钨极氩弧焊', aliases: ['氩弧焊', 'TIG'], category: '焊接', parentId: 1 },
    { id: 4, name: '工业机器人示教编程', aliases: ['示教编程'], category: '机器人', parentId: null },
    { id: 5, name: '机器人离线编程', aliases: ['离线编程', 'RobotStudio'], category: '机器人', parentId: null },
    { id: 6, name: '老年照护', aliases: ['护理老人'], category: '养老', parentId: null },
    { id: 7, name: 'PLC编程', aliases: ['PLC'], category: '电气', parentId: null },
    { id: 8, name: '安全生产规范', aliases: [], category: '通用', parentId: null },
  ],
  occupations: [
    {
      code: '6-18-02-04',
      name: '焊工',
      aliases: ['电焊工'],
      skills: [
        { skillId: 2, weight: 1 },
        { skillId: 3, weight: 0.8 },
        { skillId: 1, weight: 0.6 },
        { skillId: 8, weight: 0.3 },
      ],
    },
    {
      code: '6-31-07-03',
      name: '工业机器人系统操作员',
      aliases: [],
      skills: [
        { skillId: 4, weight: 1 },
        { skillId: 5, weight: 0.7 },
        { skillId: 7, weight: 0.5 },
        { skillId: 8, weight: 0.3 },
      ],
    },
    {
      code: '4-10-01-05',
      name: '养老护理员',
      aliases: ['护工'],
      skills: [
        { skillId: 6, weight: 1 },
        { skillId: 8, weight: 0.2 },
      ],
    },
  ],
};
