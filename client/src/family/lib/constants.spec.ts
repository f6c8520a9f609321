import {
  CONTACT_LANGUAGES as CONTRACT_LANGUAGES,
  FAMILY_CONTACT_CHANNELS as CONTRACT_CHANNELS,
  MESSAGE_MAX_LENGTH as CONTRACT_MAX,
} from '@mprc/contracts';
import { describe, expect, it } from 'vitest';
import { CONTACT_LANGUAGE_NAMES, CONTACT_LANGUAGES, FAMILY_CONTACT_CHANNELS, MESSAGE_MAX_LENGTH } from './constants';

// The portal keeps copies so that zod stays out of its bundle; they must not drift.
describe('portal constants', () => {
  it('equal the contracts', () => {
    expect(CONTACT_LANGUAGES).toEqual(CONTRACT_LANGUAGES);
    expect(FAMILY_CONTACT_CHANNELS).toEqual(CONTRACT_CHANNELS);
    expect(MESSAGE_MAX_LENGTH).toBe(CONTRACT_MAX);
    expect(Object.keys(CONTACT_LANGUAGE_NAMES).sort()).toEqual([...CONTRACT_LANGUAGES].sort());
  });
});
