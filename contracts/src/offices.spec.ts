import { describe, expect, it } from 'vitest';
import { officeHoursFor, UpdateOfficeRequestSchema } from './offices.js';

describe('UpdateOfficeRequestSchema', () => {
  it('turns empty text into null and lower-cases the email', () => {
    expect(UpdateOfficeRequestSchema.parse({ phone: ' ', email: ' Office@Example.TEST ', hours: { sq: '' } })).toEqual({
      phone: null,
      email: 'office@example.test',
      hours: { sq: null },
    });
  });

  it('names each bad field', () => {
    const r = UpdateOfficeRequestSchema.safeParse({ phone: 'call us', email: 'x', hours: { en: 'x'.repeat(201) } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'hours.en', 'phone']);
  });

  it('refuses an empty change and unknown fields', () => {
    expect(UpdateOfficeRequestSchema.safeParse({}).success).toBe(false);
    expect(UpdateOfficeRequestSchema.safeParse({ address: 'Rruga 1' }).success).toBe(false);
    expect(UpdateOfficeRequestSchema.safeParse({ hours: { tr: 'Pzt' } }).success).toBe(false);
  });
});

describe('officeHoursFor', () => {
  const hours = { sq: 'E hënë 8–16', sr: 'Pon 8–16', en: 'Mon 8–16' };
  it('picks the language, transliterates Serbian for Cyrillic, falls back to English', () => {
    expect(officeHoursFor(hours, 'sq')).toBe('E hënë 8–16');
    expect(officeHoursFor(hours, 'sr-Latn')).toBe('Pon 8–16');
    expect(officeHoursFor(hours, 'sr-Cyrl')).toBe('Пон 8–16');
    expect(officeHoursFor(hours, 'tr')).toBe('Mon 8–16');
    expect(officeHoursFor({ sq: null, sr: 'Pon 8–16', en: null }, 'en')).toBe('Pon 8–16');
    expect(officeHoursFor(null, 'en')).toBeNull();
  });
});
