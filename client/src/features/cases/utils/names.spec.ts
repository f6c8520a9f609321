import { describe, expect, it } from 'vitest';
import { nameWithFather, searchMatch } from './names';

const item = {
  caseNumber: 'MP-000123',
  firstName: 'Dragan',
  lastName: 'Đorđević',
  fatherName: 'Milan',
  otherNames: ['Dragan Gjorgjeviq', 'Драган Ђорђевић'],
};

describe('names', () => {
  it('puts the father name between first and last name, as in the region', () => {
    expect(nameWithFather(item)).toBe('Dragan (Milan) Đorđević');
    expect(nameWithFather({ ...item, fatherName: null })).toBe('Dragan Đorđević');
  });

  it('finds the main name however it is written: nothing more to show', () => {
    expect(searchMatch(item, 'Djordjevic')).toEqual({ otherNames: [], similar: false });
    expect(searchMatch(item, 'Ђорђевић Драган')).toEqual({ otherNames: [], similar: false });
    expect(searchMatch(item, 'MP-000123')).toEqual({ otherNames: [], similar: false });
  });

  it('shows the other spelling that matched a word the main name does not have', () => {
    expect(searchMatch({ ...item, lastName: 'Petrović', otherNames: ['Dragan Đorđević'] }, 'Gjorgjeviq')).toEqual({
      otherNames: ['Dragan Đorđević'],
      similar: false,
    });
  });

  it('says when only a similar spelling matched (a typo)', () => {
    expect(searchMatch(item, 'Dordjevik')).toEqual({ otherNames: [], similar: true });
    // Digits: a reference or a case number, not a name.
    expect(searchMatch(item, 'ICRC 4411')).toEqual({ otherNames: [], similar: false });
  });
});
