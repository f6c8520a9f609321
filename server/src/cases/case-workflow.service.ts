import { Injectable } from '@nestjs/common';
import {
  can,
  checkFateTransition,
  checkWorkflowTransition,
  foldName,
  type AssignCaseRequest,
  type CaseResponse,
  type ChangeCaseStatusRequest,
  type FamilyInformedRequest,
  type MergeCaseRequest,
  type TransitionCheck,
} from '@mprc/contracts';
import type { Changes } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { CaseAccess, versionConflict } from './case-access.service.js';
import { CasesRepository, toCaseResponse, type CaseRow, type NewEvent } from './cases.repository.js';

const MAX_OTHER_NAMES = 20;

function transitionRefused<S extends string>(
  field: 'fateStatus' | 'workflowStatus',
  from: S,
  to: S,
  check: Exclude<TransitionCheck<S>, { ok: true }>,
): AppError {
  const details = { field, from, to, allowed: check.allowed };
  if (check.reason === 'needs_permission') {
    return new AppError('FORBIDDEN', `Only a manager may change ${field} from ${from} to ${to}`, {
      details: { ...details, requiredPermission: 'case.status.correct' },
    });
  }
  const allowed = check.allowed.length ? check.allowed.join(', ') : 'none';
  return new AppError('ILLEGAL_TRANSITION', `${field} cannot change from ${from} to ${to} (allowed: ${allowed})`, {
    details,
  });
}

/** Status changes, the family-informed record, assignment and merging: each one transaction with its events and audit entry. */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly db: DatabaseService,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async changeStatus(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    body: ChangeCaseStatusRequest,
  ): Promise<CaseResponse> {
    try {
      return await this.db.transaction(async (tx) => {
        const c = await this.access.writable(tx, actor, key, 'update');
        if (body.version !== undefined && body.version !== c.version) throw versionConflict(c.version);
        const canCorrect = can(actor.role, 'case.status.correct');
        const data: Prisma.CaseUncheckedUpdateManyInput = {};
        const changes: Changes = {};
        const events: NewEvent[] = [];
        const corrections: string[] = [];
        let familyMessage = body.familyMessage;
        if (body.fateStatus) {
          const check = checkFateTransition(c.fateStatus, body.fateStatus, canCorrect);
          if (!check.ok) throw transitionRefused('fateStatus', c.fateStatus, body.fateStatus, check);
          if (check.kind === 'correction') corrections.push('fateStatus');
          data.fateStatus = body.fateStatus;
          changes.fateStatus = { from: c.fateStatus, to: body.fateStatus };
          // Fate news is for the family (the portal holds news of remains until they were told in person).
          events.push({
            caseId: c.id,
            type: 'FATE_CHANGED',
            actorId: actor.userId ?? null,
            fromStatus: c.fateStatus,
            toStatus: body.fateStatus,
            note: body.note,
            familyMessage,
            familyVisible: true,
            data: { correction: check.kind === 'correction' },
          });
          familyMessage = null;
        }
        if (body.workflowStatus) {
          const check = checkWorkflowTransition(c.workflowStatus, body.workflowStatus, canCorrect);
          if (!check.ok) throw transitionRefused('workflowStatus', c.workflowStatus, body.workflowStatus, check);
          if (check.kind === 'correction') corrections.push('workflowStatus');
          data.workflowStatus = body.workflowStatus;
          changes.workflowStatus = { from: c.workflowStatus, to: body.workflowStatus };
          events.push({
            caseId: c.id,
            type: 'WORKFLOW_CHANGED',
            actorId: actor.userId ?? null,
            fromStatus: c.workflowStatus,
            toStatus: body.workflowStatus,
            note: body.note,
            familyMessage,
            familyVisible: !!familyMessage,
            data: { managerDecision: check.kind === 'correction' },
          });
        }
        await this.cases.updateVersioned(tx, c.id, c.version, data);
        for (const e of events) await this.cases.addEvent(tx, e);
        await this.audit.record(tx, actor, meta, {
          action: 'case.status',
          entityType: 'Case',
          entityId: c.id,
          changes,
          details: {
            note: body.note,
            ...(body.familyMessage ? { familyMessage: body.familyMessage } : {}),
            ...(corrections.length ? { corrections } : {}),
          },
        });
        return toCaseResponse((await this.cases.findFull(c.id, tx))!);
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'FORBIDDEN') {
        await this.audit.record(null, actor, meta, {
          action: 'access.denied',
          entityType: 'Case',
          details: { reason: 'permission:case.status.correct', ...e.options.details },
        });
      }
      throw e;
    }
  }

  /** Records that the family was told in person (news of remains shows in the portal only after this). */
  async familyInformed(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    body: FamilyInformedRequest,
  ): Promise<CaseResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'update');
      const before = (await this.cases.findFull(c.id, tx))!;
      const now = new Date();
      await this.cases.updateVersioned(tx, c.id, c.version, { familyInformedAt: now });
      await this.cases.addEvent(tx, {
        caseId: c.id,
        type: 'FAMILY_INFORMED',
        actorId: actor.userId ?? null,
        note: body.note,
        toStatus: c.fateStatus,
        data: { informedOn: body.informedOn, fateStatus: c.fateStatus },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'case.family_informed',
        entityType: 'Case',
        entityId: c.id,
        changes: { familyInformedAt: { from: before.familyInformedAt?.toISOString() ?? null, to: now.toISOString() } },
        details: { informedOn: body.informedOn, fateStatus: c.fateStatus, note: body.note },
      });
      return toCaseResponse((await this.cases.findFull(c.id, tx))!);
    });
  }

  async assign(actor: Actor, meta: RequestMeta, key: string, body: AssignCaseRequest): Promise<CaseResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'update');
      if (body.version !== undefined && body.version !== c.version) throw versionConflict(c.version);
      if (body.officerId && !(await this.cases.isOfficerOf(tx, body.officerId, c.officeId)))
        throw AppError.field('officerId', 'Not an active liaison officer of the case office', 'not_office_officer');
      const before = (await this.cases.findFull(c.id, tx))!;
      if (before.assignedOfficerId === body.officerId) return toCaseResponse(before);
      await this.cases.updateVersioned(tx, c.id, c.version, { assignedOfficerId: body.officerId });
      const after = (await this.cases.findFull(c.id, tx))!;
      await this.audit.record(tx, actor, meta, {
        action: 'case.assign',
        entityType: 'Case',
        entityId: c.id,
        changes: { assignedOfficerId: { from: before.assignedOfficerId, to: body.officerId } },
        details: { from: before.assignedOfficer?.name ?? null, to: after.assignedOfficer?.name ?? null },
      });
      return toCaseResponse(after);
    });
  }

  /**
   * Merges a duplicate into the case at `key` (the survivor): the duplicate's references,
   * relatives, contacts, referrals, attachments, timeline and messages move over; its names are
   * kept as other spellings of the survivor and its facts fill the survivor's empty fields; the
   * duplicate is closed and points at the survivor, so its number and id resolve there, and the
   * survivor's history includes the duplicate's audit entries.
   */
  async merge(actor: Actor, meta: RequestMeta, key: string, body: MergeCaseRequest): Promise<CaseResponse> {
    return this.db.transaction(async (tx) => {
      const target = await this.access.readable(actor, key, tx);
      if (target.id === body.duplicateCaseId)
        throw AppError.field('duplicateCaseId', 'A case cannot be merged into itself', 'same_case');
      // Lock both rows in a fixed order, so two opposite merges wait instead of deadlocking.
      const [first, second] = [target.id, body.duplicateCaseId].sort();
      const locked = new Map<string, Awaited<ReturnType<CaseAccess['writable']>>>();
      for (const id of [first, second]) {
        try {
          locked.set(id, await this.access.writable(tx, actor, id, 'update'));
        } catch (e) {
          if (id === body.duplicateCaseId && e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'CONFLICT'))
            throw AppError.field(
              'duplicateCaseId',
              e.code === 'NOT_FOUND' ? 'Case not found' : e.message,
              e.code === 'NOT_FOUND' ? 'not_found' : 'merged',
            );
          throw e;
        }
      }
      const survivorRef = locked.get(target.id)!;
      const duplicateRef = locked.get(body.duplicateCaseId)!;
      if (body.version !== survivorRef.version) throw versionConflict(survivorRef.version);
      const survivor = (await this.cases.findFull(survivorRef.id, tx))!;
      const duplicate = (await this.cases.findFull(duplicateRef.id, tx))!;

      const moved = await this.cases.moveRecords(tx, survivor.id, duplicate.id);
      const fill = this.mergedFields(survivor, duplicate);
      await this.cases.updateVersioned(tx, survivor.id, survivor.version, fill.data);
      await this.cases.updateVersioned(tx, duplicate.id, duplicate.version, {
        mergedIntoId: survivor.id,
        workflowStatus: 'CLOSED',
      });
      const actorId = actor.userId ?? null;
      await this.cases.addEvent(tx, {
        caseId: survivor.id,
        type: 'MERGED',
        actorId,
        data: { mergedCaseId: duplicate.id, mergedCaseNumber: duplicate.caseNumber, moved },
      });
      await this.cases.addEvent(tx, {
        caseId: duplicate.id,
        type: 'MERGED',
        actorId,
        fromStatus: duplicate.workflowStatus,
        toStatus: 'CLOSED',
        data: { mergedIntoId: survivor.id, mergedIntoCaseNumber: survivor.caseNumber },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'case.merge',
        entityType: 'Case',
        entityId: survivor.id,
        changes: fill.changes,
        details: { duplicateCaseId: duplicate.id, duplicateCaseNumber: duplicate.caseNumber, moved },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'case.merged_into',
        entityType: 'Case',
        entityId: duplicate.id,
        changes: {
          mergedIntoCaseNumber: { from: null, to: survivor.caseNumber },
          ...(duplicate.workflowStatus !== 'CLOSED'
            ? { workflowStatus: { from: duplicate.workflowStatus, to: 'CLOSED' } }
            : {}),
        },
        details: { survivorCaseId: survivor.id, survivorCaseNumber: survivor.caseNumber },
      });
      return toCaseResponse((await this.cases.findFull(survivor.id, tx))!);
    });
  }

  /** The duplicate's names become other spellings of the survivor; its facts fill empty fields. */
  private mergedFields(
    survivor: CaseRow,
    duplicate: CaseRow,
  ): { data: Prisma.CaseUncheckedUpdateManyInput; changes: Changes } {
    const known = new Set([`${survivor.firstName} ${survivor.lastName}`, ...survivor.otherNames].map(foldName));
    const otherNames = [...survivor.otherNames];
    for (const name of [`${duplicate.firstName} ${duplicate.lastName}`, ...duplicate.otherNames]) {
      const key = foldName(name);
      if (!known.has(key) && otherNames.length < MAX_OTHER_NAMES) {
        known.add(key);
        otherNames.push(name);
      }
    }
    const data: Prisma.CaseUncheckedUpdateManyInput = {};
    const changes: Changes = {};
    if (otherNames.length !== survivor.otherNames.length) {
      data.otherNames = otherNames;
      changes.otherNames = { from: survivor.otherNames, to: otherNames };
    }
    const fillable = [
      'fatherName',
      'dateOfBirth',
      'placeOfBirth',
      'missingSince',
      'lastSeenPlace',
      'circumstances',
      'photoAttachmentId',
    ] as const;
    for (const field of fillable) {
      if (survivor[field] === null && duplicate[field] !== null) {
        (data as Record<string, unknown>)[field] = duplicate[field];
        changes[field] = { from: null, to: duplicate[field] };
      }
    }
    if (data.dateOfBirth !== undefined) data.birthYear = duplicate.birthYear;
    if (data.missingSince !== undefined) data.missingSinceFrom = duplicate.missingSinceFrom;
    if (survivor.communityId === null && duplicate.communityId !== null) {
      data.communityId = duplicate.communityId;
      changes.communityCode = { from: null, to: duplicate.community?.code ?? null };
    }
    if (survivor.lastSeenMunicipalityId === null && duplicate.lastSeenMunicipalityId !== null) {
      data.lastSeenMunicipalityId = duplicate.lastSeenMunicipalityId;
      changes.lastSeenMunicipalityCode = { from: null, to: duplicate.lastSeenMunicipality?.code ?? null };
    }
    return { data, changes };
  }
}
