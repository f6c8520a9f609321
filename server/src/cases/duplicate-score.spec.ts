import { describe, expect, it } from 'vitest';
import { DUPLICATE_MIN_SCORE, scoreDuplicate } from './duplicate-score.js';

const exact = {
  lastNameSimilarity: 1,
  firstNameSimilarity: 1,
  fatherNameSimilarity: 1,
  birthYearDifference: 0,
  sameMunicipality: true,
};

describe('scoreDuplicate', () => {
  it('gives 1 when everything matches and names why', () => {
    expect(scoreDuplicate(exact)).toEqual({
      score: 1,
      reasons: ['LAST_NAME_SAME', 'FIRST_NAME_SAME', 'FATHER_NAME_SAME', 'BIRTH_YEAR_SAME', 'MUNICIPALITY_SAME'],
    });
  });

  it('counts unknown facts as half', () => {
    const r = scoreDuplicate({
      lastNameSimilarity: 1,
      firstNameSimilarity: 1,
      fatherNameSimilarity: null,
      birthYearDifference: null,
      sameMunicipality: null,
    });
    expect(r.score).toBe(0.8);
    expect(r.reasons).toEqual(['LAST_NAME_SAME', 'FIRST_NAME_SAME']);
  });

  it('lets a different father and a distant birth year pull a same-name person below the threshold', () => {
    const r = scoreDuplicate({ ...exact, fatherNameSimilarity: 0.1, birthYearDifference: 30, sameMunicipality: false });
    expect(r.score).toBeLessThan(0.7);
    expect(r.reasons).toContain('FATHER_NAME_DIFFERENT');
    expect(r.reasons).toContain('BIRTH_YEAR_DIFFERENT');
    expect(
      scoreDuplicate({
        ...exact,
        firstNameSimilarity: 0.2,
        fatherNameSimilarity: 0.1,
        birthYearDifference: 30,
        sameMunicipality: false,
      }).score,
    ).toBeLessThan(DUPLICATE_MIN_SCORE);
  });

  it('ranks closer birth years higher', () => {
    const at = (d: number) => scoreDuplicate({ ...exact, birthYearDifference: d }).score;
    expect(at(0)).toBeGreaterThan(at(1));
    expect(at(1)).toBeGreaterThan(at(2));
    expect(at(2)).toBeGreaterThan(at(3));
    expect(scoreDuplicate({ ...exact, birthYearDifference: 2 }).reasons).toContain('BIRTH_YEAR_CLOSE');
  });

  it('calls a typo in the last name similar', () => {
    const r = scoreDuplicate({ ...exact, lastNameSimilarity: 0.67 });
    expect(r.reasons[0]).toBe('LAST_NAME_SIMILAR');
    expect(r.score).toBeGreaterThan(0.85);
  });
});
