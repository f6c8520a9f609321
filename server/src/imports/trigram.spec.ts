import { expect, it } from 'vitest';
import { similarity, trigrams } from './trigram.js';

it("measures as pg_trgm's similarity() does", () => {
  expect(trigrams('word')).toEqual(new Set(['  w', ' wo', 'wor', 'ord', 'rd ']));
  expect(similarity('word', 'two words')).toBeCloseTo(0.363636, 5); // the pg_trgm documentation's example
  expect(similarity('redzep', 'redzep')).toBe(1);
  expect(similarity('', 'redzep')).toBe(0);
});
