import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { DatabaseService } from '../common/database/database.service.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { buildFamilyView } from '../family/family-view.js';
import { FamilyViewRepository } from '../family/family-view.repository.js';
import { updateEmail } from './email-texts.js';
import { Mailer } from './mailer.js';

// One processor at a time across every app instance (a session-level advisory lock).
const OUTBOX_LOCK = 727270101;
const BATCH = 200;
const MAX_ATTEMPTS = 5;
const RETRY_MINUTES = [1, 5, 30, 120];

interface OutboxRow {
  id: string;
  case_id: string;
  source: string;
  source_id: string | null;
  relative_id: string | null;
  attempts: number;
}

interface Recipient {
  relativeId: string;
  email: string;
  preferredLanguage: string;
  officeId: string;
  caseIds: Set<string>;
  sources: Set<string>;
  attempts: number;
}

/**
 * Tells families by email that there is news in the portal, never what it is.
 *
 * Triggers in the database queue every family-visible write (case events, contact summaries,
 * attachments, officers' replies) in notification_outbox, in the writer's own transaction, so
 * nothing is missed whichever module wrote it. This service drains the queue after commit: on a
 * timer (NOTIFY_INTERVAL_SECONDS), right after an officer's reply, and when another module calls
 * notifyFamily(). It checks each item against what the family can see now (news of remains
 * waits for the in-person visit) and sends one email per relative per round. Without SMTP_URL it
 * only empties the queue.
 */
@Injectable()
export class NotificationService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private readonly mailer: Mailer | null;
  private timer?: NodeJS.Timeout;
  private chain: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly db: DatabaseService,
    private readonly views: FamilyViewRepository,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.mailer = config.SMTP_URL ? new Mailer(config.SMTP_URL, config.SMTP_FROM) : null;
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.NOTIFY_INTERVAL_SECONDS;
    if (seconds > 0) this.timer = setInterval(() => void this.kick(), seconds * 1000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.chain.catch(() => 0);
    this.mailer?.close();
  }

  /**
   * Tell the families of a case that there is news. For other modules, after their transaction
   * committed; family-visible writes are detected on their own, so this is only needed for news
   * the triggers cannot see.
   */
  async notifyFamily(caseId: string, reason: string): Promise<void> {
    await this.db.pool.query(`INSERT INTO notification_outbox (case_id, source) VALUES ($1, $2)`, [
      caseId,
      `manual:${reason}`.slice(0, 60),
    ]);
    void this.kick();
  }

  /** Starts a round soon (after the running one); never throws. Resolves to the items handled. */
  kick(): Promise<number> {
    this.chain = this.chain
      .catch(() => 0)
      .then(() => this.drain())
      .catch((err: Error) => {
        this.logger.error({ reason: err.message }, 'Notification round failed');
        return 0;
      });
    return this.chain;
  }

  private async drain(): Promise<number> {
    const client = await this.db.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        OUTBOX_LOCK,
      ]);
      if (!rows[0].locked) return 0;
      try {
        let total = 0;
        for (let round = 0; round < 50; round++) {
          const n = await this.processBatch();
          total += n;
          if (n < BATCH) break;
        }
        return total;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [OUTBOX_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  private async processBatch(): Promise<number> {
    const { rows } = await this.db.pool.query<OutboxRow>(
      `SELECT id, case_id, source, source_id, relative_id, attempts FROM notification_outbox
        WHERE available_at <= now() ORDER BY id LIMIT ${BATCH}`,
    );
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    if (!this.mailer) {
      this.logger.debug({ items: rows.length }, 'SMTP_URL is not set: family notifications are off');
      await this.db.pool.query('DELETE FROM notification_outbox WHERE id = ANY($1::bigint[])', [ids]);
      return rows.length;
    }
    const recipients = await this.recipients(rows);
    for (const r of recipients.values()) await this.send(r);
    await this.db.pool.query('DELETE FROM notification_outbox WHERE id = ANY($1::bigint[])', [ids]);
    return rows.length;
  }

  /** Who gets an email for these items: relatives who can see at least one of them now. */
  private async recipients(rows: OutboxRow[]): Promise<Map<string, Recipient>> {
    const sourceIds = rows.map((r) => r.source_id).filter((x): x is string => !!x);
    const [informedEvents, messages] = await Promise.all([
      this.db.pool.query<{ id: string }>(
        `SELECT id FROM case_event WHERE id = ANY($1::uuid[]) AND type = 'FAMILY_INFORMED'`,
        [sourceIds],
      ),
      this.db.pool.query<{ id: string; relative_id: string | null }>(
        `SELECT id, relative_id FROM family_message WHERE id = ANY($1::uuid[]) AND NOT from_family`,
        [sourceIds],
      ),
    ]);
    const informed = new Set(informedEvents.rows.map((r) => r.id));
    const replies = new Map(messages.rows.map((m) => [m.id, m.relative_id]));

    const byCase = new Map<string, OutboxRow[]>();
    for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r]);
    const out = new Map<string, Recipient>();
    for (const [caseId, items] of byCase) {
      const input = await this.views.load(caseId);
      if (!input) continue;
      const view = buildFamilyView(input.case, input.events, input.contacts, input.attachments);
      const { rows: family } = await this.db.pool.query<{
        id: string;
        email: string;
        preferred_language: string;
        office_id: string;
      }>(
        `SELECT r.id, r.email, r.preferred_language, c.office_id
           FROM "case" c
           JOIN case_relative cr ON cr.case_id = c.id
           JOIN relative r ON r.id = cr.relative_id AND r.erased_at IS NULL AND r.email IS NOT NULL
           JOIN portal_access pa ON pa.relative_id = r.id AND pa.revoked_at IS NULL
          WHERE c.id = $1 AND c.merged_into_id IS NULL`,
        [caseId],
      );
      for (const rel of family) {
        const news = items.filter((item) => {
          if (item.relative_id && item.relative_id !== rel.id) return false;
          if (item.source.startsWith('manual:') || item.source === 'retry') return true;
          if (!item.source_id) return false;
          if (item.source === 'family_message')
            return replies.has(item.source_id) && [null, rel.id].includes(replies.get(item.source_id)!);
          return view.visibleIds.has(item.source_id) || informed.has(item.source_id);
        });
        if (!news.length) continue;
        const r: Recipient = out.get(rel.id) ?? {
          relativeId: rel.id,
          email: rel.email,
          preferredLanguage: rel.preferred_language,
          officeId: rel.office_id,
          caseIds: new Set(),
          sources: new Set(),
          attempts: 0,
        };
        r.caseIds.add(caseId);
        for (const n of news) {
          r.sources.add(n.source.replace(/^manual:.*/, 'manual'));
          r.attempts = Math.max(r.attempts, n.attempts);
        }
        out.set(rel.id, r);
      }
    }
    return out;
  }

  private async send(r: Recipient): Promise<void> {
    const { rows } = await this.db.pool.query<{
      phone: string | null;
      sq: string | null;
      sr: string | null;
      en: string | null;
    }>('SELECT phone, hours_sq AS sq, hours_sr AS sr, hours_en AS en FROM office WHERE id = $1', [r.officeId]);
    const office = rows[0];
    const mail = updateEmail(r.preferredLanguage, {
      portalUrl: `${this.config.publicUrl}/family`,
      phone: office?.phone ?? null,
      hours: office ? { sq: office.sq, sr: office.sr, en: office.en } : null,
    });
    const caseIds = [...r.caseIds];
    try {
      await this.mailer!.send({ to: r.email, ...mail });
    } catch (err) {
      const attempts = r.attempts + 1;
      this.logger.warn(
        { reason: (err as Error).message, relativeId: r.relativeId, attempts },
        'Family notification email failed',
      );
      if (attempts < MAX_ATTEMPTS) {
        const delay = RETRY_MINUTES[Math.min(attempts - 1, RETRY_MINUTES.length - 1)];
        await this.db.pool.query(
          `INSERT INTO notification_outbox (case_id, source, relative_id, attempts, available_at)
           SELECT unnest($1::uuid[]), 'retry', $2, $3, now() + make_interval(mins => $4)`,
          [caseIds, r.relativeId, attempts, delay],
        );
      } else {
        await this.audit.record(null, null, null, {
          action: 'notification.failed',
          entityType: 'Relative',
          entityId: r.relativeId,
          details: { caseIds, attempts },
        });
      }
      return;
    }
    // Recorded without the address: the case timeline says that the family was told, the audit trail when.
    await this.db.transaction(async (tx) => {
      for (const caseId of caseIds) {
        await tx.caseEvent.create({
          data: {
            caseId,
            type: 'NOTIFICATION_SENT',
            familyVisible: false,
            data: { channel: 'EMAIL', relativeId: r.relativeId, reasons: [...r.sources] },
          },
          select: { id: true },
        });
      }
      await this.audit.record(tx, null, null, {
        action: 'notification.sent',
        entityType: 'Relative',
        entityId: r.relativeId,
        details: { channel: 'EMAIL', caseIds, reasons: [...r.sources], language: mail.language },
      });
    });
  }
}
