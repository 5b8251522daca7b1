import { fail, ok, type Parsed } from '../result.js';
import { toHalfWidth } from './half-width.js';

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔', '对']);
const FALSE = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗', '✘', '不']);

/** Yes/no columns as offices fill them: Chinese, English, digits or tick marks. */
export function parseBoolean(s: string): Parsed<boolean> {
  const text = toHalfWidth(s).toLowerCase();
  if (text === '') return fail('不能为空，请填“是”或“否”');
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return fail(`无法识别“${text}”，请填“是”或“否”`);
}
