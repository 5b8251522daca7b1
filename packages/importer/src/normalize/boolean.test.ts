import { describe, expect, it } from 'vitest';
import { parseBoolean } from './boolean.js';

describe('parseBoolean', () => {
  it.each(['是', '有', 'Y', 'y', 'YES', 'Yes', 'true', 'TRUE', '1', '１', '√', '✓', ' 是 '])('%s is true', (s) =>
    expect(parseBoolean(s)).toEqual({ ok: true, value: true }),
  );
  it.each(['否', '无', 'N', 'no', 'False', '0', '×', '✗'])('%s is false', (s) => expect(parseBoolean(s)).toEqual({ ok: true, value: false }));
  it.each(['', '也许', '2', 'yesno'])('rejects %s', (s) => expect(parseBoolean(s).ok).toBe(false));
});
