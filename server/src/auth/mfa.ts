import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';

// RFC 6238 TOTP, 30 s steps, one step of clock drift either way.
authenticator.options = { window: 1 };
export const MFA_ISSUER = 'MPRC';

export const newTotpSecret = (): string => authenticator.generateSecret(20);
export const totpUri = (email: string, secret: string): string => authenticator.keyuri(email, MFA_ISSUER, secret);
export const checkTotp = (code: string, secret: string): boolean =>
  /^\d{6}$/.test(code) && authenticator.check(code, secret);
/** For tests and tools: the current code of a secret. */
export const currentTotp = (secret: string): string => authenticator.generate(secret);

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Ten one-time recovery codes such as `k7m2-x9pq-4rtw`. High entropy, so SHA-256 storage suffices. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(code.trim().toLowerCase().replace(/\s+/g, '')).digest('hex');
