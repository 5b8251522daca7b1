import { describe, expect, it } from 'vitest';
import { validatePhone } from './phone.js';

describe('validatePhone', () => {
  it.each(['13912345678', '+8613912345678', '86 139 1234 5678', '139-1234-5678', '+86 139-1234-5678', '１３９１２３４５６７８', '0086 13912345678'])(
    '%s → 13912345678',
    (s) => expect(validatePhone(s)).toEqual({ ok: true, value: '13912345678' }),
  );
  it.each(['', '12912345678', '1391234567', '139123456789', '025-84561234', '+85213912345678', 'abc'])('rejects %s', (s) =>
    expect(validatePhone(s).ok).toBe(false),
  );
});
