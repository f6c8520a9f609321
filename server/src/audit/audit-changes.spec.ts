import { describe, expect, it } from 'vitest';
import { diffChanges, MASK } from './audit-changes.js';

describe('diffChanges', () => {
  it('lists only changed fields with old and new values', () => {
    expect(diffChanges({ a: 1, b: 'x', c: [1] }, { a: 2, b: 'x', c: [1] })).toEqual({ a: { from: 1, to: 2 } });
  });
  it('masks sensitive values but records that they changed or were cleared', () => {
    expect(
      diffChanges({ phone: '+383 44 000', name: 'A' }, { phone: '+383 45 111' }, { sensitive: ['phone'] }),
    ).toEqual({
      phone: { from: MASK, to: MASK },
    });
    expect(
      diffChanges<{ phone: string | null }>({ phone: '+383 44 000' }, { phone: null }, { sensitive: ['phone'] }),
    ).toEqual({ phone: { from: MASK, to: null } });
  });
  it('compares dates by value and ignores undefined', () => {
    const d = new Date('2020-01-01T00:00:00Z');
    expect(diffChanges({ at: d, x: 1 }, { at: new Date(d), x: undefined })).toEqual({});
  });
});
