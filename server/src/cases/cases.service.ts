import { Injectable } from '@nestjs/common';
import {
  checkCaseDates,
  formatCaseNumber,
  IMAGE_CONTENT_TYPES,
  partialDateRange,
  yearOf,
  type AuditEntryResponse,
  type CaseEventResponse,
  type CaseHistoryQuery,
  type CaseListItem,
  type CaseListQuery,
  type CaseResponse,
  type CreateCaseRequest,
  type DuplicateCandidate,
  type DuplicateQuery,
  type ExternalReference,
  type FieldError,
  type Page,
  type UpdateCaseRequest,
} from '@mprc/contracts';
import { can } from '@mprc/contracts';
import { creationChanges, diffChanges } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { CaseAccess, versionConflict } from './case-access.service.js';
import { caseAuditView } from './case-audit.js';
import { caseScope } from './case-scope.js';
import { CaseSearchRepository } from './case-search.repository.js';
import { auditFacts } from './audit-facts.js';
import { CasesRepository, toCaseKey, toCaseResponse } from './cases.repository.js';
import { DUPLICATE_MIN_SCORE, scoreDuplicate } from './duplicate-score.js';
import { isUniqueViolation } from './unique-violation.js';

const MAX_DUPLICATES = 10;

const referencesTaken = (indexes: number[]) =>
  new AppError('CONFLICT', 'An external reference is already recorded on another case', {
    errors: indexes.map((i) => ({
      field: `externalReferences.${i}.reference`,
      message: 'Already recorded on another case',
      code: 'duplicate',
    })),
  });

const missingSinceFrom = (v: string | null) => (v ? new Date(`${partialDateRange(v)!.from}T00:00:00Z`) : null);

@Injectable()
export class CasesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly cases: CasesRepository,
    private readonly search: CaseSearchRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly auditLog: AuditRepository,
  ) {}

  async create(actor: Actor, meta: RequestMeta, body: CreateCaseRequest): Promise<CaseResponse> {
    try {
      return await this.db.transaction(async (tx) => {
        const errors: FieldError[] = [];
        let officeCode = body.officeCode;
        if (actor.role === 'LIAISON_OFFICER') {
          if (officeCode && officeCode !== actor.officeCode)
            errors.push({
              field: 'officeCode',
              message: 'A liaison officer creates cases in their own office',
              code: 'not_own_office',
            });
          officeCode = actor.officeCode ?? undefined;
        } else if (!officeCode) {
          errors.push({ field: 'officeCode', message: 'Required: the office the case belongs to', code: 'required' });
        }
        const ids = await this.cases.idsByCode(tx, {
          officeCode,
          communityCode: body.communityCode,
          municipalityCode: body.lastSeenMunicipalityCode,
        });
        if (officeCode && !ids.officeId)
          errors.push({ field: 'officeCode', message: `Unknown office code ${officeCode}`, code: 'unknown_code' });
        this.checkCodes(body, ids, errors);
        const assignedOfficerId =
          body.assignedOfficerId === undefined
            ? actor.role === 'LIAISON_OFFICER'
              ? (actor.userId ?? null)
              : null
            : body.assignedOfficerId;
        if (assignedOfficerId && ids.officeId && !(await this.cases.isOfficerOf(tx, assignedOfficerId, ids.officeId)))
          errors.push({
            field: 'assignedOfficerId',
            message: 'Not an active liaison officer of the case office',
            code: 'not_office_officer',
          });
        if (errors.length) throw AppError.validation(errors);

        const taken = await this.cases.takenReferences(tx, body.externalReferences, null);
        if (taken.length) throw referencesTaken(taken);
        const caseNumber = formatCaseNumber(await this.cases.nextCaseNumber(tx));
        const id = await this.cases.create(
          tx,
          caseNumber,
          {
            firstName: body.firstName,
            lastName: body.lastName,
            fatherName: body.fatherName,
            otherNames: body.otherNames,
            sex: body.sex,
            dateOfBirth: body.dateOfBirth ?? null,
            birthYear: body.dateOfBirth ? yearOf(body.dateOfBirth) : null,
            communityId: ids.communityId,
            placeOfBirth: body.placeOfBirth,
            missingSince: body.missingSince ?? null,
            missingSinceFrom: missingSinceFrom(body.missingSince ?? null),
            lastSeenMunicipalityId: ids.municipalityId,
            lastSeenPlace: body.lastSeenPlace,
            circumstances: body.circumstances,
            officeId: ids.officeId!,
            assignedOfficerId,
            photoAttachmentId: null,
          },
          body.externalReferences,
          actor.userId ?? null,
        );
        await this.cases.addEvent(tx, { caseId: id, type: 'CREATED', actorId: actor.userId ?? null });
        const row = (await this.cases.findFull(id, tx))!;
        await this.audit.record(tx, actor, meta, {
          action: 'case.create',
          entityType: 'Case',
          entityId: id,
          changes: creationChanges(caseAuditView(row)),
          details: { caseNumber },
        });
        return toCaseResponse(row);
      });
    } catch (e) {
      // Two reports with the same reference at the same moment: the unique index decides.
      if (isUniqueViolation(e)) throw referencesTaken([]);
      throw e;
    }
  }

  private checkCodes(
    body: { communityCode?: string | null; lastSeenMunicipalityCode?: string | null },
    ids: { communityId: string | null; municipalityId: string | null },
    errors: FieldError[],
  ): void {
    if (body.communityCode && !ids.communityId)
      errors.push({
        field: 'communityCode',
        message: `Unknown community code ${body.communityCode}`,
        code: 'unknown_code',
      });
    if (body.lastSeenMunicipalityCode && !ids.municipalityId)
      errors.push({
        field: 'lastSeenMunicipalityCode',
        message: `Unknown municipality code ${body.lastSeenMunicipalityCode}`,
        code: 'unknown_code',
      });
  }

  /**
   * The full record; every read is audited. One statement: scope check, merge resolution, the
   * record and its audit entry (the hottest route; see CasesRepository.readAudited).
   */
  async get(actor: Actor, meta: RequestMeta, key: string): Promise<CaseResponse> {
    const found = await this.cases.readAudited(caseScope(actor), toCaseKey(key), auditFacts(actor, meta));
    if (!found) throw AppError.notFound('Case');
    return found;
  }

  async update(actor: Actor, meta: RequestMeta, key: string, body: UpdateCaseRequest): Promise<CaseResponse> {
    try {
      return await this.db.transaction((tx) => this.updateIn(tx, actor, meta, key, body));
    } catch (e) {
      if (isUniqueViolation(e)) throw referencesTaken([]);
      throw e;
    }
  }

  private async updateIn(
    tx: Tx,
    actor: Actor,
    meta: RequestMeta,
    key: string,
    body: UpdateCaseRequest,
  ): Promise<CaseResponse> {
    const found = await this.access.writable(tx, actor, key, 'none');
    if (body.version !== found.version) throw versionConflict(found.version);
    const before = (await this.cases.findFull(found.id, tx))!;
    const { version, externalReferences, officeCode, communityCode, lastSeenMunicipalityCode, ...fields } = body;
    if (Object.values(body).filter((v) => v !== undefined).length === 1) return toCaseResponse(before);

    const errors: FieldError[] = [];
    const ids = await this.cases.idsByCode(tx, {
      officeCode,
      communityCode,
      municipalityCode: lastSeenMunicipalityCode,
    });
    this.checkCodes({ communityCode, lastSeenMunicipalityCode }, ids, errors);
    const data: Prisma.CaseUncheckedUpdateManyInput = {};
    if (officeCode !== undefined && officeCode !== before.office.code) {
      if (!can(actor.role, 'case.assign'))
        errors.push({
          field: 'officeCode',
          message: 'Only a manager moves a case to another office',
          code: 'forbidden',
        });
      else if (!ids.officeId)
        errors.push({ field: 'officeCode', message: `Unknown office code ${officeCode}`, code: 'unknown_code' });
      else {
        data.officeId = ids.officeId;
        data.assignedOfficerId = null; // the officer belongs to the old office
      }
    }
    const dates = {
      dateOfBirth: fields.dateOfBirth !== undefined ? fields.dateOfBirth : before.dateOfBirth,
      missingSince: fields.missingSince !== undefined ? fields.missingSince : before.missingSince,
    };
    checkCaseDates(dates, {
      addIssue: (i) => errors.push({ field: i.path.join('.'), message: i.message, code: 'custom' }),
    });
    if (
      fields.photoAttachmentId &&
      !(await this.cases.isImageAttachment(tx, found.id, fields.photoAttachmentId, IMAGE_CONTENT_TYPES))
    )
      errors.push({ field: 'photoAttachmentId', message: 'Not an image attachment of this case', code: 'not_found' });
    if (errors.length) throw AppError.validation(errors);
    if (externalReferences) {
      const taken = await this.cases.takenReferences(tx, externalReferences, found.id);
      if (taken.length) throw referencesTaken(taken);
    }

    Object.assign(data, fields);
    if (fields.dateOfBirth !== undefined) data.birthYear = fields.dateOfBirth ? yearOf(fields.dateOfBirth) : null;
    if (fields.missingSince !== undefined) data.missingSinceFrom = missingSinceFrom(fields.missingSince);
    if (communityCode !== undefined) data.communityId = ids.communityId;
    if (lastSeenMunicipalityCode !== undefined) data.lastSeenMunicipalityId = ids.municipalityId;
    if (!(await this.cases.updateVersioned(tx, found.id, version, data))) {
      // Someone else's change committed between our read and our write: report their version.
      throw versionConflict((await this.cases.findFull(found.id, tx))?.version ?? version + 1);
    }
    if (externalReferences) await this.cases.replaceReferences(tx, found.id, externalReferences as ExternalReference[]);

    const after = (await this.cases.findFull(found.id, tx))!;
    await this.audit.record(tx, actor, meta, {
      action: 'case.update',
      entityType: 'Case',
      entityId: found.id,
      changes: diffChanges(caseAuditView(before), caseAuditView(after)),
      details: { version: after.version },
    });
    return toCaseResponse(after);
  }

  list(actor: Actor, query: CaseListQuery): Promise<Page<CaseListItem>> {
    return this.search.list(caseScope(actor), query, actor.userId);
  }

  async duplicates(actor: Actor, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
    const rows = await this.search.duplicateCandidates(caseScope(actor), query);
    return rows
      .map((r) => {
        const { score, reasons } = scoreDuplicate({
          lastNameSimilarity: r.last_sim,
          firstNameSimilarity: r.first_sim,
          fatherNameSimilarity: r.father_sim,
          birthYearDifference: query.birthYear && r.birth_year ? Math.abs(query.birthYear - r.birth_year) : null,
          sameMunicipality:
            query.municipalityCode && r.municipality_code ? query.municipalityCode === r.municipality_code : null,
        });
        return {
          caseId: r.id,
          caseNumber: r.case_number,
          firstName: r.first_name,
          lastName: r.last_name,
          fatherName: r.father_name,
          birthYear: r.birth_year,
          municipalityCode: r.municipality_code,
          officeCode: r.office_code,
          fateStatus: r.fate_status,
          workflowStatus: r.workflow_status,
          score,
          reasons,
        };
      })
      .filter((c) => c.score >= DUPLICATE_MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.caseNumber.localeCompare(b.caseNumber))
      .slice(0, MAX_DUPLICATES);
  }

  async timeline(actor: Actor, key: string): Promise<CaseEventResponse[]> {
    const found = await this.access.readable(actor, key);
    return this.cases.timeline(found.id);
  }

  /** The case's audit entries, its relatives', contacts' etc. (recorded on the case), and those of cases merged into it. */
  async history(actor: Actor, key: string, query: CaseHistoryQuery): Promise<Page<AuditEntryResponse>> {
    const found = await this.access.readable(actor, key);
    const ids = await this.cases.withMergedIds(found.id);
    return this.auditLog.list({ ...query }, { entityType: 'Case', entityIds: ids });
  }
}
