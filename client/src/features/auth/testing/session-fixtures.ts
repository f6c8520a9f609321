import type { Role, SessionResponse } from '@mprc/contracts';
import { json } from '@/testing/test-utils';

/** A session as GET /api/v1/auth/me answers it. */
export function sessionFor(role: Role = 'ADMIN', overrides: Partial<SessionResponse> = {}): SessionResponse {
  return {
    user: {
      id: '6f1c1d0e-3b7a-4c61-9a55-1c1f5b0f0a01',
      email: 'ana@example.test',
      name: 'Ana Krasniqi',
      role,
      officeCode: role === 'LIAISON_OFFICER' ? 'PRISTINA' : null,
      mfaEnabled: false,
    },
    csrfToken: 'csrf-token-1',
    mfaRequired: false,
    mfaEnrollmentRequired: false,
    idleTimeoutMinutes: 30,
    expiresAt: new Date(Date.now() + 12 * 3_600_000).toISOString(),
    ...overrides,
  };
}

export const unauthenticated = () =>
  json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to continue', requestId: 'req-401' });

export const emptyPage = () => json(200, { items: [], total: 0, page: 1, pageSize: 25 });

export const offices = () =>
  json(200, [
    {
      code: 'PRISTINA',
      names: { sq: 'Prishtinë', srLatn: 'Priština', srCyrl: 'Приштина', en: 'Pristina' },
      phone: null,
      hours: null,
      address: null,
    },
    {
      code: 'MITROVICA',
      names: { sq: 'Mitrovicë', srLatn: 'Mitrovica', srCyrl: 'Митровица', en: 'Mitrovica' },
      phone: null,
      hours: null,
      address: null,
    },
  ]);
