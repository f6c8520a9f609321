import { adminCredentials, expect, loginOverHttp, test } from '../fixtures/index.js';

// The `api` fixture's contract: the administrator created from ADMIN_EMAIL / ADMIN_PASSWORD by
// global-setup.ts signs in over HTTP, which later specs use to seed data and to skip the form.

test('the first administrator signs in over HTTP and gets a session and a CSRF token', async () => {
  const session = await loginOverHttp();
  try {
    const me = await session.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(200);
    const body = (await me.json()) as { user: { email: string; role: string } };
    expect(body.user.email).toBe(adminCredentials().email);
    const cookies = (await session.request.storageState()).cookies;
    expect(cookies.length, 'session cookie').toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie.httpOnly, `${cookie.name} is HttpOnly`).toBe(true);
  } finally {
    await session.dispose();
  }
});

test('without a session the API answers 401 in the common error shape', async ({ request }) => {
  const res = await request.get('/api/v1/auth/me');
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
});

test('a wrong password is refused without saying which part was wrong', async ({ request }) => {
  const res = await request.post('/api/v1/auth/login', {
    data: { email: adminCredentials().email, password: 'not the password at all' },
  });
  expect(res.status()).toBe(401);
  const body = (await res.json()) as { message: string };
  expect(body.message).not.toMatch(/password is wrong|no such user|unknown (user|email)/i);
});
