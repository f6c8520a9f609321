import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./.data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.MFA_REQUIRED_ROLES).toEqual([]);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.cookieSecure).toBe(false);
  });

  it('names every bad variable in one message', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', MFA_REQUIRED_ROLES: 'ADMIN,BOSS' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('MFA_REQUIRED_ROLES');
      expect(msg).not.toContain('\n');
    }
  });

  it('parses role lists and booleans', () => {
    const c = loadConfig({ MFA_REQUIRED_ROLES: 'ADMIN, MANAGER', COOKIE_SECURE: 'true', NODE_ENV: 'production' });
    expect(c.MFA_REQUIRED_ROLES).toEqual(['ADMIN', 'MANAGER']);
    expect(c.cookieSecure).toBe(true);
  });

  it('never echoes secrets', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD must be at least 12/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).not.toThrow(/short"/);
  });
});
