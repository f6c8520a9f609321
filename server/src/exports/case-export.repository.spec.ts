import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inlineParams } from './case-export.repository.js';

describe('inlineParams (COPY takes no parameters)', () => {
  const literal = (v: string) => pg.escapeLiteral(v);

  it('writes each $n as an escaped literal, casts kept, $1 not read as the start of $10', () => {
    const values = ['u', "O'Brien", '3', '4', '5', '6', '7', '8', '9', 'ten'];
    expect(inlineParams('a = $1::uuid AND b = $2 AND c = $10', values, literal)).toBe(
      `a = 'u'::uuid AND b = 'O''Brien' AND c = 'ten'`,
    );
  });

  it('escapes backslashes and leaves a $n inside a value alone', () => {
    // pg writes a literal with a backslash as  E'...'  (with a leading space).
    expect(inlineParams('x = $1 OR y = $2', ['a\\b', '$1 $2'], literal)).toBe(`x =  E'a\\\\b' OR y = '$1 $2'`);
  });

  it('refuses values it cannot write as text', () => {
    expect(() => inlineParams('x = $1', [{}], literal)).toThrow(/\$1/);
    expect(inlineParams('x = $1', [7], literal)).toBe(`x = '7'`);
  });
});
