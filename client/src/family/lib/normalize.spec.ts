import { normalizeAccessCode } from '@mprc/contracts';
import { describe, expect, it } from 'vitest';
import { normalizeAccessCodeInput, normalizeCaseNumberInput } from './normalize';

describe('reading the letter as typed', () => {
  it.each([
    ['MP-000123', 'MP-000123'],
    [' mp 123 ', 'MP 123'],
    ['мп-123', 'MP-123'],
    ['МР 123', 'MP 123'],
  ])('case number %j -> %j', (input, expected) => {
    expect(normalizeCaseNumberInput(input)).toBe(expected);
  });

  it.each([
    ['7KX4-M9PQ-R2TW', '7KX4M9PQR2TW'],
    ['7kx4 m9pq r2tw', '7KX4M9PQR2TW'],
    ['7КХ4–М9РQ–R2ТW', '7KX4M9PQR2TW'],
  ])('access code %j -> %j', (input, expected) => {
    expect(normalizeAccessCodeInput(input)).toBe(expected);
    expect(normalizeAccessCode(normalizeAccessCodeInput(input))).toBe(expected);
  });
});
