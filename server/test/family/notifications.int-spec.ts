// Family notifications through a real SMTP server in this process: what arrives, in which
// language, and that nothing about the case is in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationService } from '../../src/notifications/notification.service.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import {
  addEvent,
  addRelative,
  createCase,
  issueAccess,
  mailText,
  startSmtpServer,
  type CaseRow,
} from './family-fixtures.js';

const PUBLIC_URL = 'https://mprc.example.org';

describe('family notifications by email', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let officer: ApiClient;
  let kase: CaseRow;
  let vesna: string;
  let notifications: NotificationService;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      SMTP_URL: smtp.url,
      SMTP_FROM: 'MPRC <no-reply@mprc.example.org>',
      PUBLIC_URL,
      NOTIFY_INTERVAL_SECONDS: '1',
    });
    notifications = t.app.get(NotificationService);
    officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
    await t.pool.query(
      `UPDATE office SET phone = '+383 38 555 010', hours_sq = '08:00–16:00', hours_sr = '08:00–16:00', hours_en = '08:00–16:00' WHERE code = 'PRISTINA'`,
    );
    kase = await createCase(t.pool, 'PRISTINA', { firstName: 'Dragan', lastName: 'Đorđević' });
    vesna = await addRelative(t.pool, kase.id, {
      firstName: 'Vesna',
      lastName: 'Đorđević',
      email: 'vesna@example.test',
      preferredLanguage: 'sr',
    });
    await issueAccess(officer, kase.id, vesna);
    await notifications.kick();
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const expectNoCaseDetails = (text: string) => {
    for (const detail of [
      'Dragan',
      'Đorđević',
      'Vesna',
      'Драган',
      'Ђорђевић',
      kase.caseNumber,
      'SEARCHING',
      'IDENTIFIED',
      'REMAINS',
      'posmrtn',
      'посмртн',
      'Tuesday',
    ])
      expect(text, detail).not.toContain(detail);
  };

  it('emails the family in Serbian (Cyrillic, then Latin) when an officer replies: portal link and office phone, no case details', async () => {
    const res = await officer.post(`/api/v1/cases/${kase.id}/messages`, { body: 'Tuesday at 10, about Dragan.' });
    expect(res.status).toBe(201);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual(['vesna@example.test']);
    expect(mail.from).toBe('no-reply@mprc.example.org');
    const { subject, body, headers } = mailText(mail.raw);
    expect(subject).toBe('Нове информације на порталу за породице / Nove informacije na portalu za porodice');
    expect(body).toContain('Поштовани,');
    expect(body).toContain('Na portalu za porodice Centra za resurse o nestalim licima imate nove informacije.');
    expect(body).toContain(`${PUBLIC_URL}/family`);
    expect(body).toContain('+383 38 555 010 (08:00–16:00)');
    expect(headers).toMatch(/Auto-Submitted: auto-generated/i);
    expectNoCaseDetails(subject + body);

    // Recorded without the address: an internal timeline event and an audit entry.
    await expect
      .poll(
        async () =>
          (await t.pool.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'notification.sent'`)).rows[0]
            .n,
      )
      .toBe(1);
    const ev = await t.pool.query(
      `SELECT family_visible, data FROM case_event WHERE case_id = $1 AND type = 'NOTIFICATION_SENT'`,
      [kase.id],
    );
    expect(ev.rows).toEqual([
      { family_visible: false, data: { channel: 'EMAIL', relativeId: vesna, reasons: ['family_message'] } },
    ]);
    const audit = await t.pool.query(`SELECT entity_id, details FROM audit_entry WHERE action = 'notification.sent'`);
    expect(audit.rows[0].entity_id).toBe(vesna);
    expect(JSON.stringify(audit.rows[0])).not.toContain('vesna@');
    expect((await t.pool.query(`SELECT count(*)::int AS n FROM notification_outbox`)).rows[0].n).toBe(0);
  });

  it('notices family-visible writes made by any module (a contact summary, a document, a status message) within the poll interval', async () => {
    smtp.mails.length = 0;
    // What the staff case API would write: found by the outbox triggers, sent by the poller.
    await t.pool.query(
      `INSERT INTO contact (id, case_id, occurred_at, channel, summary, family_visible_summary) VALUES (gen_random_uuid(), $1, now(), 'VISIT', 'internal', 'We visited you today.')`,
      [kase.id],
    );
    await t.pool.query(
      `INSERT INTO attachment (id, case_id, file_name, content_type, size, sha256, visibility, data) VALUES (gen_random_uuid(), $1, 'a.pdf', 'application/pdf', 1, 'x', 'FAMILY', '\\x00')`,
      [kase.id],
    );
    await addEvent(t.pool, kase.id, {
      type: 'WORKFLOW_CHANGED',
      from: 'ACTIVE',
      to: 'ACTIVE',
      familyMessage: 'We received new documents.',
    });
    const mails = await smtp.waitFor(1, 5000);
    await new Promise((r) => setTimeout(r, 1500));
    // One email for the three writes of the same round (or at most one per round).
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect(mails.length).toBeLessThanOrEqual(2);
    expectNoCaseDetails(mailText(mails[0].raw).body);
  });

  it('sends nothing for internal writes, and holds back news of remains until the family was informed in person', async () => {
    await notifications.kick();
    smtp.mails.length = 0;
    await addEvent(t.pool, kase.id, { type: 'NOTE', note: 'internal only' });
    await t.pool.query(
      `INSERT INTO contact (id, case_id, occurred_at, channel, summary) VALUES (gen_random_uuid(), $1, now(), 'PHONE', 'internal')`,
      [kase.id],
    );
    await t.pool.query(`UPDATE "case" SET fate_status = 'IDENTIFIED' WHERE id = $1`, [kase.id]);
    await addEvent(t.pool, kase.id, {
      type: 'FATE_CHANGED',
      from: 'MISSING',
      to: 'IDENTIFIED',
      familyMessage: 'identified',
    });
    await notifications.kick();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(0);
    expect((await t.pool.query(`SELECT count(*)::int AS n FROM notification_outbox`)).rows[0].n).toBe(0);

    // The officer records the visit: now the family is told that there is news (and not what).
    await t.pool.query(`UPDATE "case" SET family_informed_at = now() WHERE id = $1`, [kase.id]);
    await addEvent(t.pool, kase.id, { type: 'FAMILY_INFORMED' });
    await notifications.kick();
    const [mail] = await smtp.waitFor(1);
    expectNoCaseDetails(mailText(mail.raw).body);
  });

  it('writes in the preferred language, only to relatives with open access and an email', async () => {
    smtp.mails.length = 0;
    const other = await createCase(t.pool, 'PRISTINA');
    const sq = await addRelative(t.pool, other.id, { email: 'drita@example.test', preferredLanguage: 'sq' });
    const en = await addRelative(t.pool, other.id, { email: 'john@example.test', preferredLanguage: 'en' });
    const noEmail = await addRelative(t.pool, other.id, { preferredLanguage: 'sq' });
    const revoked = await addRelative(t.pool, other.id, { email: 'revoked@example.test', preferredLanguage: 'en' });
    await addRelative(t.pool, other.id, { email: 'noaccess@example.test' });
    for (const r of [sq, en, noEmail, revoked]) await issueAccess(officer, other.id, r);
    await officer.delete(`/api/v1/cases/${other.id}/relatives/${revoked}/portal-access`);
    await officer.post(`/api/v1/cases/${other.id}/messages`, { body: 'Hello everyone' });
    await notifications.kick();
    const mails = await smtp.waitFor(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['drita@example.test', 'john@example.test']);
    const bySq = mailText(mails.find((m) => m.to[0] === 'drita@example.test')!.raw);
    expect(bySq.subject).toBe('Informacion i ri në portalin për familjet');
    expect(bySq.body).toContain('Keni informacion të ri');
    const byEn = mailText(mails.find((m) => m.to[0] === 'john@example.test')!.raw);
    expect(byEn.subject).toBe('New information on the family portal');
    expect(byEn.body).toContain(`open ${PUBLIC_URL}/family`);

    // A reply to one relative tells only that relative.
    smtp.mails.length = 0;
    await officer.post(`/api/v1/cases/${other.id}/messages`, { body: 'Only for you', relativeId: en });
    await notifications.kick();
    await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['john@example.test']);

    // Other modules may ask for a notification after their own transaction.
    smtp.mails.length = 0;
    await notifications.notifyFamily(other.id, 'status');
    await notifications.kick();
    expect((await smtp.waitFor(2)).map((m) => m.to[0]).sort()).toEqual(['drita@example.test', 'john@example.test']);
  });
});

describe('family notifications without SMTP, or when the mail server fails', () => {
  it('sends nothing and records nothing when SMTP_URL is unset; the queue is emptied', async () => {
    const t = await createTestApp({ NOTIFY_INTERVAL_SECONDS: '0' });
    try {
      const officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
      const kase = await createCase(t.pool, 'PRISTINA');
      const rel = await addRelative(t.pool, kase.id, { email: 'x@example.test' });
      await issueAccess(officer, kase.id, rel);
      expect((await officer.post(`/api/v1/cases/${kase.id}/messages`, { body: 'Hello' })).status).toBe(201);
      await t.app.get(NotificationService).kick();
      expect((await t.pool.query(`SELECT count(*)::int AS n FROM notification_outbox`)).rows[0].n).toBe(0);
      expect(
        (await t.pool.query(`SELECT count(*)::int AS n FROM case_event WHERE type = 'NOTIFICATION_SENT'`)).rows[0].n,
      ).toBe(0);
      expect(
        (await t.pool.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action LIKE 'notification.%'`)).rows[0].n,
      ).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('never fails the request when the mail server is down, and retries later', async () => {
    const smtp = await startSmtpServer();
    const url = smtp.url;
    await smtp.close(); // nothing listens there any more
    const t = await createTestApp({ SMTP_URL: url, NOTIFY_INTERVAL_SECONDS: '0' });
    try {
      const officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
      const kase = await createCase(t.pool, 'PRISTINA');
      const rel = await addRelative(t.pool, kase.id, { email: 'x@example.test' });
      await issueAccess(officer, kase.id, rel);
      expect((await officer.post(`/api/v1/cases/${kase.id}/messages`, { body: 'Hello' })).status).toBe(201);
      await t.app.get(NotificationService).kick();
      const { rows } = await t.pool.query(
        `SELECT source, relative_id, attempts, available_at > now() AS later FROM notification_outbox`,
      );
      expect(rows).toEqual([{ source: 'retry', relative_id: rel, attempts: 1, later: true }]);
      expect(
        (await t.pool.query(`SELECT count(*)::int AS n FROM case_event WHERE type = 'NOTIFICATION_SENT'`)).rows[0].n,
      ).toBe(0);
    } finally {
      await t.close();
    }
  });
});
