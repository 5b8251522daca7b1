import { fail, ok, type Parsed } from '../result.js';
import { toHalfWidth } from './half-width.js';

/** One step of the 新八级工 ladder, as in seed/reference/grades.json. */
export interface GradeRef {
  level: number;
  name: string;
  /** The old five-level national grade it replaces, e.g. "三级/高级工"; null where there was none. */
  nationalLevel: string | null;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PREFIX = /^(?:国家职业资格|职业资格|职业技能等级|国家职业技能等级)/;
// "三级", "3级", optionally followed by the name: "三级/高级工", "三级（高级工）", "三级高级工".
const NATIONAL = /^([一二三四五六七八九]|\d)级(?:[/／（(]?(.+?)[）)]?)?$/;

/**
 * A bare digit is the 新八级工 level (what the templates ask for); "三级" or "3级" is the old
 * national grade, which counts the other way round (一级 is the highest), so it goes through nationalLevel.
 */
export function parseGrade(s: string, grades: readonly GradeRef[]): Parsed<number> {
  const text = toHalfWidth(s).replace(/\s/g, '');
  if (text === '') return fail('技能等级为空');
  if (/^\d+$/.test(text)) {
    const grade = grades.find((g) => g.level === Number(text));
    return grade ? ok(grade.level) : fail(`新八级工等级应为 1–${grades.length}，不是 ${text}`);
  }
  const byName = grades.find((g) => g.name === text);
  if (byName) return ok(byName.level);

  const stripped = text.replace(PREFIX, '');
  const national = NATIONAL.exec(stripped);
  if (!national) return fail(`无法识别的技能等级“${text}”`);
  const numeral = /\d/.test(national[1]!) ? NUMERALS[Number(national[1]) - 1] : national[1];
  const grade = grades.find((g) => g.nationalLevel?.startsWith(`${numeral}级/`));
  if (!grade) return fail(`无法识别的技能等级“${text}”：原国家职业资格只有一级至五级`);
  const name = national[2];
  if (name !== undefined && name !== grade.name) return fail(`“${text}”前后矛盾：${numeral}级对应${grade.name}`);
  return ok(grade.level);
}
