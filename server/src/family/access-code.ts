import { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH, formatAccessCode } from '@mprc/contracts';
import { randomInt } from 'node:crypto';

/**
 * A new portal access code: 12 symbols drawn uniformly (randomInt rejects biased draws) from a
 * 30-symbol alphabet without look-alikes, ≈ 58.9 bits, grouped 4-4-4 for reading aloud. Stored
 * only as an argon2id hash of its normalized form; the sign-in is locked per case number after
 * 5 failures, so online guessing is hopeless and an offline attack on a leaked hash is slow.
 */
export function newAccessCode(): string {
  let raw = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) raw += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return formatAccessCode(raw);
}

export const ACCESS_CODE_BITS = ACCESS_CODE_LENGTH * Math.log2(ACCESS_CODE_ALPHABET.length);
