import { describe, expect, it } from 'vitest';
import { splitList } from './list.js';

describe('splitList', () => {
  it('splits on every separator offices use', () => {
    expect(splitList('电气控制；PLC编程;焊接、钳工，车工,铣工|磨工｜刨工\n钻工\r\n镗工')).toEqual([
      '电气控制',
      'PLC编程',
      '焊接',
      '钳工',
      '车工',
      '铣工',
      '磨工',
      '刨工',
      '钻工',
      '镗工',
    ]);
  });
  it('trims, drops empties and keeps the first of each repeat', () => {
    expect(splitList(' a ;; b ；a；ｂ ; ')).toEqual(['a', 'b']);
    expect(splitList('')).toEqual([]);
    expect(splitList('PLC 编程')).toEqual(['PLC 编程']);
  });
});
