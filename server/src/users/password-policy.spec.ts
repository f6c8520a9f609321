import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it.each(['short', 'password1234', 'Password1234', 'qwertyuiop123', 'aaaaaaaaaaaaaa', '123456789012'])(
    'refuses %s',
    (p) => {
      expect(passwordProblem(p)).not.toBeNull();
    },
  );
  it('accepts a long uncommon passphrase without composition rules', () => {
    expect(passwordProblem('lumbardhi river at dusk')).toBeNull();
  });
  it('refuses passwords containing the user name or email', () => {
    expect(passwordProblem('arta.berisha-2026!', ['arta.berisha@example.test'])).toMatch(/name or email/);
  });
});
