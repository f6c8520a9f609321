import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@mprc/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../common/errors/app-error.js';

// NIST 800-63B: length, and not a known-common password; no composition rules.
// About 49,000 common passwords from zxcvbn-ts, plus words specific to this system.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    [
      ...(dictionary['passwords-common'] as string[]),
      'missingpersons',
      'resourcecenter',
      'prishtina',
      'pristina',
      'mitrovica',
      'kosova',
      'kosovo',
    ].map((p) => p.toLowerCase()),
  );
  return common;
}

export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const squashed = lower.replace(/[^a-z0-9]/g, '');
  if (
    commonPasswords().has(lower) ||
    commonPasswords().has(squashed) ||
    commonPasswords().has(lower.replace(/\d+$/, ''))
  )
    return 'This password is too common; choose another';
  if (
    /^(.)\1+$/.test(password) ||
    '01234567890123456789'.includes(password) ||
    'abcdefghijklmnopqrstuvwxyz'.includes(lower)
  )
    return 'This password is too easy to guess';
  for (const p of personal) {
    const part = p.toLowerCase().split('@')[0];
    if (part.length >= 4 && lower.includes(part)) return 'The password must not contain your name or email';
  }
  return null;
}

export function assertPasswordAllowed(password: string, field = 'password', personal: string[] = []): void {
  const problem = passwordProblem(password, personal);
  if (problem) throw AppError.field(field, problem, 'weak_password');
}
