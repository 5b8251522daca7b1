import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGrade, type GradeRef } from './grade.js';

const grades = (JSON.parse(readFileSync(new URL('../../../../seed/reference/grades.json', import.meta.url), 'utf8')) as { items: GradeRef[] }).items;
const level = (s: string) => {
  const r = parseGrade(s, grades);
  return r.ok ? r.value : null;
};

describe('parseGrade', () => {
  it('reads a bare digit as the 新八级工 level', () => {
    expect(level('4')).toBe(4);
    expect(level('８')).toBe(8);
    expect(level('1')).toBe(1);
  });
  it('reads the grade names', () => {
    expect(level('高级工')).toBe(4);
    expect(level('首席技师')).toBe(8);
    expect(level(' 学徒工 ')).toBe(1);
  });
  it('reads the old national grades through nationalLevel', () => {
    expect(level('三级')).toBe(4);
    expect(level('3级')).toBe(4);
    expect(level('３级')).toBe(4);
    expect(level('国家职业资格三级')).toBe(4);
    expect(level('三级/高级工')).toBe(4);
    expect(level('三级（高级工）')).toBe(4);
    expect(level('一级')).toBe(6);
    expect(level('五级/初级工')).toBe(2);
  });
  it('rejects what does not exist or contradicts itself', () => {
    expect(level('9')).toBeNull();
    expect(level('0')).toBeNull();
    expect(level('九级')).toBeNull();
    expect(level('六级')).toBeNull();
    expect(level('三级/技师')).toBeNull();
    expect(level('大师')).toBeNull();
    expect(level('')).toBeNull();
    expect(parseGrade('九级', grades)).toMatchObject({ ok: false, reason: expect.stringContaining('九级') });
  });
});
