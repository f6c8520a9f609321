import { Injectable } from '@nestjs/common';
import type {
  ContactResponse,
  CreateContactRequest,
  FollowUp,
  FollowUpQuery,
  Page,
  UpdateContactRequest,
} from '@mprc/contracts';
import { creationChanges, diffChanges } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { randomUUID } from 'node:crypto';
import { auditFacts } from '../cases/audit-facts.js';
import { CaseAccess, mergedCaseConflict } from '../cases/case-access.service.js';
import { onCase } from '../cases/case-audit.js';
import { caseScope } from '../cases/case-scope.js';
import { toCaseKey } from '../cases/cases.repository.js';
import { dateOnly } from '../cases/office-time.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ContactsRepository } from './contacts.repository.js';

@Injectable()
export class ContactsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly contacts: ContactsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, key: string): Promise<ContactResponse[]> {
    const c = await this.access.readable(actor, key);
    return this.contacts.listForCase(c.id);
  }

  /**
   * Logs a visit, call, meeting or letter; the case timeline gets an internal CONTACT_LOGGED event.
   * One statement (ContactsRepository.createLogged): lock, checks, contact, event and audit entry.
   */
  async create(actor: Actor, meta: RequestMeta, key: string, body: CreateContactRequest): Promise<ContactResponse> {
    const id = randomUUID();
    const occurredAt = new Date(body.occurredAt);
    const relativeId = body.relativeId?.toLowerCase() ?? null;
    const followUpOn = body.followUpOn ? dateOnly(body.followUpOn) : null;
    const contact = {
      channel: body.channel,
      occurredAt,
      relativeId,
      officerId: actor.userId ?? null,
      language: body.language ?? null,
      interpreterUsed: body.interpreterUsed,
      summary: body.summary,
      familyVisibleSummary: body.familyVisibleSummary ?? null,
      followUpOn,
    };
    // The audit entry's changes from the values as stored and read back (timestamps to the
    // millisecond, dates as YYYY-MM-DD); its details name the contact, as onCase() does.
    const changes = creationChanges({
      channel: contact.channel,
      occurredAt: occurredAt.toISOString(),
      relativeId,
      language: contact.language,
      interpreterUsed: contact.interpreterUsed,
      summary: contact.summary,
      familyVisibleSummary: contact.familyVisibleSummary,
      followUpOn: followUpOn ? followUpOn.toISOString().slice(0, 10) : null,
    });
    const result = await this.contacts.createLogged(
      caseScope(actor),
      toCaseKey(key),
      {
        ...contact,
        id,
        eventData: { contactId: id, channel: body.channel, occurredAt: body.occurredAt },
        changes,
        details: { subject: 'Contact', subjectId: id },
      },
      auditFacts(actor, meta),
    );
    switch (result.kind) {
      case 'created':
        return result.contact;
      case 'missing':
        throw AppError.notFound('Case');
      case 'merged':
        throw mergedCaseConflict(result.caseNumber, result.mergedInto);
      case 'relative-not-linked':
        throw AppError.field('relativeId', 'Not a relative on this case', 'not_found');
    }
  }

  async update(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    contactId: string,
    body: UpdateContactRequest,
  ): Promise<ContactResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'share');
      const before = await this.contacts.find(c.id, contactId, tx);
      if (!before) throw AppError.notFound('Contact');
      const data: Prisma.ContactUncheckedUpdateInput = {};
      if (body.followUpDone !== undefined)
        data.followUpDoneAt = body.followUpDone ? (before.followUpDoneAt ? undefined : new Date()) : null;
      if (body.followUpOn !== undefined) data.followUpOn = body.followUpOn ? dateOnly(body.followUpOn) : null;
      if (body.familyVisibleSummary !== undefined) data.familyVisibleSummary = body.familyVisibleSummary;
      await this.contacts.update(tx, contactId, data);
      const after = (await this.contacts.find(c.id, contactId, tx))!;
      const changes = diffChanges(
        {
          followUpDoneAt: before.followUpDoneAt,
          followUpOn: before.followUpOn,
          familyVisibleSummary: before.familyVisibleSummary,
        },
        {
          followUpDoneAt: after.followUpDoneAt,
          followUpOn: after.followUpOn,
          familyVisibleSummary: after.familyVisibleSummary,
        },
      );
      const action = body.followUpDone === true && !before.followUpDoneAt ? 'contact.follow_up_done' : 'contact.update';
      await this.audit.record(tx, actor, meta, onCase(c.id, action, { type: 'Contact', id: contactId }, changes));
      return after;
    });
  }

  followUps(actor: Actor, query: FollowUpQuery): Promise<Page<FollowUp>> {
    return this.contacts.followUps(caseScope(actor), actor.userId, query);
  }
}
