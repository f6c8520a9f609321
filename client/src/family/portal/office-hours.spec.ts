import { describe, expect, it } from 'vitest';
import { officeHours } from './format';
import type { FamilyOffice } from './types';

const office = (hours: FamilyOffice['hours']): FamilyOffice => ({
  code: 'PRISTINA',
  name: { sq: 'Zyra', srLatn: 'Kancelarija', srCyrl: 'Канцеларија', en: 'Office' },
  phone: null,
  email: null,
  hours,
  address: null,
});

describe('officeHours', () => {
  const all = office({ sq: 'E hënë–e premte 8–16', sr: 'Pon–pet 8–16', en: 'Mon–Fri 8–16' });

  it("picks the interface language's text, Serbian transliterated for Cyrillic", () => {
    expect(officeHours(all, 'sq')).toBe('E hënë–e premte 8–16');
    expect(officeHours(all, 'en')).toBe('Mon–Fri 8–16');
    expect(officeHours(all, 'sr-Latn')).toBe('Pon–pet 8–16');
    expect(officeHours(all, 'sr-Cyrl')).toBe('Пон–пет 8–16');
  });

  it('falls back to English, then Albanian, then Serbian, and is null without hours', () => {
    expect(officeHours(office({ sq: 'E hënë 8–16', sr: null, en: null }), 'sr-Latn')).toBe('E hënë 8–16');
    expect(officeHours(office({ sq: 'E hënë 8–16', sr: null, en: 'Mon 8–16' }), 'sr-Cyrl')).toBe('Mon 8–16');
    expect(officeHours(office({ sq: null, sr: 'Pon 8–16', en: null }), 'en')).toBe('Pon 8–16');
    expect(officeHours(office(null), 'sq')).toBeNull();
  });
});
