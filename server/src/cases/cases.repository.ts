import { Injectable } from '@nestjs/common';
import type {
  CaseEventResponse,
  CaseEventType,
  CaseRef,
  CaseResponse,
  ExternalReference,
  FateStatus,
  WorkflowStatus,
} from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import { Prisma } from '../generated/prisma/client.js';
import type { AuditFacts } from './audit-facts.js';
import { scopeSql, type CaseScope } from './case-scope.js';

/** A path key: a case id or a case number (one of the two is set). */
export interface CaseKey {
  id: string | null;
  caseNumber: string | null;
}
export const toCaseKey = (key: string): CaseKey =>
  key.startsWith('MP-') ? { id: null, caseNumber: key } : { id: key, caseNumber: null };

/** A case the caller may read, after following a merge to the surviving case. */
export interface ReadableCase {
  id: string;
  caseNumber: string;
  officeId: string;
  resolvedFrom: CaseRef | null;
}

/** A case locked for a write in the current transaction. */
export interface WritableCase {
  id: string;
  caseNumber: string;
  officeId: string;
  version: number;
  fateStatus: FateStatus;
  workflowStatus: WorkflowStatus;
  mergedInto: CaseRef | null;
}

export const CASE_SELECT = {
  id: true,
  caseNumber: true,
  version: true,
  firstName: true,
  lastName: true,
  fatherName: true,
  otherNames: true,
  sex: true,
  dateOfBirth: true,
  birthYear: true,
  placeOfBirth: true,
  missingSince: true,
  missingSinceFrom: true,
  lastSeenPlace: true,
  circumstances: true,
  fateStatus: true,
  workflowStatus: true,
  familyInformedAt: true,
  photoAttachmentId: true,
  createdAt: true,
  updatedAt: true,
  officeId: true,
  communityId: true,
  lastSeenMunicipalityId: true,
  assignedOfficerId: true,
  mergedIntoId: true,
  office: { select: { code: true } },
  community: { select: { code: true } },
  lastSeenMunicipality: { select: { code: true } },
  assignedOfficer: { select: { id: true, name: true } },
  externalReferences: {
    select: { system: true, reference: true },
    orderBy: [{ createdAt: 'asc' }, { reference: 'asc' }],
  },
  mergedFrom: { select: { id: true, caseNumber: true }, orderBy: { caseNumber: 'asc' } },
} as const satisfies Prisma.CaseSelect;
export type CaseRow = Prisma.CaseGetPayload<{ select: typeof CASE_SELECT }>;

export const toCaseResponse = (c: CaseRow, resolvedFrom: CaseRef | null = null): CaseResponse => ({
  id: c.id,
  caseNumber: c.caseNumber,
  version: c.version,
  firstName: c.firstName,
  lastName: c.lastName,
  fatherName: c.fatherName,
  otherNames: c.otherNames,
  sex: c.sex,
  dateOfBirth: c.dateOfBirth,
  birthYear: c.birthYear,
  communityCode: c.community?.code ?? null,
  placeOfBirth: c.placeOfBirth,
  missingSince: c.missingSince,
  lastSeenMunicipalityCode: c.lastSeenMunicipality?.code ?? null,
  lastSeenPlace: c.lastSeenPlace,
  circumstances: c.circumstances,
  officeCode: c.office.code,
  assignedOfficer: c.assignedOfficer,
  fateStatus: c.fateStatus,
  workflowStatus: c.workflowStatus,
  familyInformedAt: c.familyInformedAt?.toISOString() ?? null,
  photoAttachmentId: c.photoAttachmentId,
  externalReferences: c.externalReferences,
  mergedFrom: c.mergedFrom,
  resolvedFrom,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** Scalar columns a create or an update writes (ids resolved from codes by the service). */
export interface CaseData {
  firstName: string;
  lastName: string;
  fatherName: string | null;
  otherNames: string[];
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  dateOfBirth: string | null;
  birthYear: number | null;
  communityId: string | null;
  placeOfBirth: string | null;
  missingSince: string | null;
  missingSinceFrom: Date | null;
  lastSeenMunicipalityId: string | null;
  lastSeenPlace: string | null;
  circumstances: string | null;
  officeId: string;
  assignedOfficerId: string | null;
  photoAttachmentId: string | null;
}

export interface NewEvent {
  caseId: string;
  type: CaseEventType;
  actorId: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  familyMessage?: string | null;
  familyVisible?: boolean;
  data?: Record<string, unknown>;
}

type Client = Tx | DatabaseService['prisma'];

interface CaseReadRow {
  id: string;
  case_number: string;
  version: number;
  first_name: string;
  last_name: string;
  father_name: string | null;
  other_names: string[];
  sex: CaseResponse['sex'];
  date_of_birth: string | null;
  birth_year: number | null;
  place_of_birth: string | null;
  missing_since: string | null;
  last_seen_place: string | null;
  circumstances: string | null;
  fate_status: FateStatus;
  workflow_status: WorkflowStatus;
  family_informed_at: Date | null;
  photo_attachment_id: string | null;
  created_at: Date;
  updated_at: Date;
  assigned_officer_id: string | null;
  officer_name: string | null;
  office_code: string;
  community_code: string | null;
  municipality_code: string | null;
  from_id: string | null;
  from_number: string | null;
  refs: ExternalReference[];
  merged_from: CaseRef[];
}

/**
 * The audited case read as one statement (GET /cases/:id is the hottest route): the key is
 * resolved through a merge to the surviving case, the caller's scope is applied to that case in
 * the WHERE (out of scope reads as missing, and writes no audit entry), the record is read with
 * its office, community, municipality, officer, references and merged cases (json_agg), and the
 * `case.read` audit entry is inserted by a data-modifying CTE, so the read and its audit entry
 * commit together. The audit columns are those AuditService.record writes; the chain trigger adds
 * seq and hashes. One named (prepared) statement per key kind and scope kind.
 */
function caseReadSql(byId: boolean, scope: CaseScope['kind']): string {
  const scopeCond = scope === 'all' ? 'TRUE' : scope === 'office' ? 'c.office_id = $7::uuid' : 'FALSE';
  return `
    WITH found AS (
      SELECT c.id, c.case_number, c.version, c.first_name, c.last_name, c.father_name, c.other_names, c.sex,
             c.date_of_birth, c.birth_year, c.place_of_birth, c.missing_since, c.last_seen_place, c.circumstances,
             c.fate_status, c.workflow_status, c.family_informed_at, c.photo_attachment_id, c.created_at, c.updated_at,
             c.office_id, c.community_id, c.last_seen_municipality_id, c.assigned_officer_id,
             CASE WHEN k.id <> c.id THEN k.id END AS from_id,
             CASE WHEN k.id <> c.id THEN k.case_number END AS from_number
        FROM "case" k
        JOIN "case" c ON c.id = coalesce(k.merged_into_id, k.id)
       WHERE ${byId ? 'k.id = $1::uuid' : 'k.case_number = $1'} AND ${scopeCond}
    ), audited AS (
      INSERT INTO audit_entry (id, actor_id, actor_role, action, entity_type, entity_id, ip, request_id, details)
      SELECT gen_random_uuid(), $2::uuid, $3, 'case.read', 'Case', f.id::text, $4, $5,
             nullif(jsonb_strip_nulls(jsonb_build_object('requested', f.from_number, 'relativeId', $6::text)), '{}'::jsonb)
        FROM found f
    )
    SELECT f.id, f.case_number, f.version, f.first_name, f.last_name, f.father_name,
           coalesce(f.other_names, '{}') AS other_names, f.sex::text AS sex, f.date_of_birth, f.birth_year,
           f.place_of_birth, f.missing_since, f.last_seen_place, f.circumstances, f.fate_status::text AS fate_status,
           f.workflow_status::text AS workflow_status, f.family_informed_at, f.photo_attachment_id, f.created_at,
           f.updated_at, f.assigned_officer_id, u.name AS officer_name, o.code AS office_code,
           cm.code AS community_code, mu.code AS municipality_code, f.from_id, f.from_number,
           coalesce((SELECT json_agg(json_build_object('system', er.system, 'reference', er.reference)
                                     ORDER BY er.created_at, er.reference)
                       FROM external_reference er WHERE er.case_id = f.id), '[]') AS refs,
           coalesce((SELECT json_agg(json_build_object('id', m.id, 'caseNumber', m.case_number) ORDER BY m.case_number)
                       FROM "case" m WHERE m.merged_into_id = f.id), '[]') AS merged_from
      FROM found f
      JOIN office o ON o.id = f.office_id
      LEFT JOIN community cm ON cm.id = f.community_id
      LEFT JOIN municipality mu ON mu.id = f.last_seen_municipality_id
      LEFT JOIN app_user u ON u.id = f.assigned_officer_id`;
}
const CASE_READ_SQL = new Map<string, string>();
for (const byId of [true, false])
  for (const scope of ['all', 'office', 'none'] as const)
    CASE_READ_SQL.set(`case-read:${byId ? 'id' : 'number'}:${scope}`, caseReadSql(byId, scope));

@Injectable()
export class CasesRepository {
  constructor(private readonly db: DatabaseService) {}

  private keyCondition(key: CaseKey, alias: Prisma.Sql): Prisma.Sql {
    return key.id ? Prisma.sql`${alias}.id = ${key.id}::uuid` : Prisma.sql`${alias}.case_number = ${key.caseNumber}`;
  }

  /**
   * The case behind a key for reading: a merged case resolves to the case it was merged into.
   * The scope applies to the case returned, in the WHERE: out of scope reads as missing.
   */
  async findReadable(scope: CaseScope, key: CaseKey, client: Client = this.db.prisma): Promise<ReadableCase | null> {
    const rows = await client.$queryRaw<
      { id: string; case_number: string; office_id: string; from_id: string | null; from_number: string | null }[]
    >`
      SELECT s.id, s.case_number, s.office_id,
             CASE WHEN c.id <> s.id THEN c.id END AS from_id,
             CASE WHEN c.id <> s.id THEN c.case_number END AS from_number
        FROM "case" c
        JOIN "case" s ON s.id = coalesce(c.merged_into_id, c.id)
       WHERE ${this.keyCondition(key, Prisma.sql`c`)} AND ${scopeSql(scope, Prisma.sql`s.office_id`)}`;
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      caseNumber: r.case_number,
      officeId: r.office_id,
      resolvedFrom: r.from_id ? { id: r.from_id, caseNumber: r.from_number! } : null,
    };
  }

  /**
   * Locks the case row for a write in this transaction (FOR UPDATE for changes to the case,
   * FOR SHARE for records added under it, so a merge cannot move them halfway; none for a
   * versioned update, whose conditional UPDATE decides). In scope means the case's office, or the
   * surviving case's when it was merged.
   */
  async lockWritable(
    tx: Tx,
    scope: CaseScope,
    key: CaseKey,
    mode: 'update' | 'share' | 'none',
  ): Promise<WritableCase | null> {
    const lock =
      mode === 'update' ? Prisma.sql`FOR UPDATE OF c` : mode === 'share' ? Prisma.sql`FOR SHARE OF c` : Prisma.empty;
    const rows = await tx.$queryRaw<
      {
        id: string;
        case_number: string;
        office_id: string;
        version: number;
        fate_status: FateStatus;
        workflow_status: WorkflowStatus;
        merged_id: string | null;
        merged_number: string | null;
      }[]
    >`
      SELECT c.id, c.case_number, c.office_id, c.version, c.fate_status::text AS fate_status,
             c.workflow_status::text AS workflow_status, m.id AS merged_id, m.case_number AS merged_number
        FROM "case" c
        LEFT JOIN "case" m ON m.id = c.merged_into_id
       WHERE ${this.keyCondition(key, Prisma.sql`c`)} AND ${scopeSql(scope, Prisma.sql`coalesce(m.office_id, c.office_id)`)}
       ${lock}`;
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      caseNumber: r.case_number,
      officeId: r.office_id,
      version: r.version,
      fateStatus: r.fate_status,
      workflowStatus: r.workflow_status,
      mergedInto: r.merged_id ? { id: r.merged_id, caseNumber: r.merged_number! } : null,
    };
  }

  /** The full case for a read, with its `case.read` audit entry written in the same statement (see caseReadSql). */
  async readAudited(scope: CaseScope, key: CaseKey, audit: AuditFacts): Promise<CaseResponse | null> {
    const name = `case-read:${key.id ? 'id' : 'number'}:${scope.kind}`;
    const values: unknown[] = [key.id ?? key.caseNumber, audit.actorId, audit.actorRole, audit.ip, audit.requestId];
    values.push(audit.relativeId);
    if (scope.kind === 'office') values.push(scope.officeId);
    const { rows } = await this.db.pool.query<CaseReadRow>({ name, text: CASE_READ_SQL.get(name)!, values });
    const c = rows[0];
    if (!c) return null;
    return {
      id: c.id,
      caseNumber: c.case_number,
      version: c.version,
      firstName: c.first_name,
      lastName: c.last_name,
      fatherName: c.father_name,
      otherNames: c.other_names,
      sex: c.sex,
      dateOfBirth: c.date_of_birth,
      birthYear: c.birth_year,
      communityCode: c.community_code,
      placeOfBirth: c.place_of_birth,
      missingSince: c.missing_since,
      lastSeenMunicipalityCode: c.municipality_code,
      lastSeenPlace: c.last_seen_place,
      circumstances: c.circumstances,
      officeCode: c.office_code,
      assignedOfficer: c.assigned_officer_id ? { id: c.assigned_officer_id, name: c.officer_name! } : null,
      fateStatus: c.fate_status,
      workflowStatus: c.workflow_status,
      familyInformedAt: c.family_informed_at?.toISOString() ?? null,
      photoAttachmentId: c.photo_attachment_id,
      externalReferences: c.refs,
      mergedFrom: c.merged_from,
      resolvedFrom: c.from_id ? { id: c.from_id, caseNumber: c.from_number! } : null,
      createdAt: c.created_at.toISOString(),
      updatedAt: c.updated_at.toISOString(),
    };
  }

  findFull(id: string, client: Client = this.db.prisma): Promise<CaseRow | null> {
    return client.case.findUnique({ where: { id }, select: CASE_SELECT });
  }

  /** Row ids for reference codes (null when a code is unknown). Sequential: one transaction runs one query at a time. */
  async idsByCode(
    tx: Tx,
    codes: { officeCode?: string | null; communityCode?: string | null; municipalityCode?: string | null },
  ) {
    const office = codes.officeCode
      ? await tx.office.findUnique({ where: { code: codes.officeCode }, select: { id: true } })
      : null;
    const community = codes.communityCode
      ? await tx.community.findUnique({ where: { code: codes.communityCode }, select: { id: true } })
      : null;
    const municipality = codes.municipalityCode
      ? await tx.municipality.findUnique({ where: { code: codes.municipalityCode }, select: { id: true } })
      : null;
    return {
      officeId: office?.id ?? null,
      communityId: community?.id ?? null,
      municipalityId: municipality?.id ?? null,
    };
  }

  /** An active liaison officer of that office (who may be assigned its cases). */
  async isOfficerOf(tx: Tx, userId: string, officeId: string): Promise<boolean> {
    const n = await tx.user.count({ where: { id: userId, officeId, role: 'LIAISON_OFFICER', isActive: true } });
    return n === 1;
  }

  async nextCaseNumber(tx: Tx): Promise<bigint> {
    const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('case_number_seq') AS n`;
    return rows[0].n;
  }

  async create(
    tx: Tx,
    caseNumber: string,
    data: CaseData,
    refs: ExternalReference[],
    createdById: string | null,
  ): Promise<string> {
    const created = await tx.case.create({
      data: { ...data, caseNumber, createdById, externalReferences: { create: refs } },
      select: { id: true },
    });
    return created.id;
  }

  /** `UPDATE ... WHERE id = $1 AND version = $2`: false when someone else changed the case first. */
  async updateVersioned(
    tx: Tx,
    id: string,
    version: number,
    data: Prisma.CaseUncheckedUpdateManyInput,
  ): Promise<boolean> {
    const { count } = await tx.case.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 1;
  }

  /** Which of these references (by index) are recorded on another case, compared without letter case. */
  async takenReferences(tx: Tx, refs: ExternalReference[], exceptCaseId: string | null): Promise<number[]> {
    if (!refs.length) return [];
    const upper = refs.map((r) => r.reference.toUpperCase());
    const found = await tx.$queryRaw<{ system: string; reference: string }[]>`
      SELECT system::text AS system, upper(reference) AS reference
        FROM external_reference
       WHERE upper(reference) = ANY(${upper}::text[])
         AND (${exceptCaseId}::uuid IS NULL OR case_id <> ${exceptCaseId}::uuid)`;
    const taken = new Set(found.map((f) => `${f.system}:${f.reference}`));
    return refs.map((r, i) => (taken.has(`${r.system}:${upper[i]}`) ? i : -1)).filter((i) => i >= 0);
  }

  async replaceReferences(tx: Tx, caseId: string, refs: ExternalReference[]): Promise<void> {
    await tx.externalReference.deleteMany({
      where: {
        caseId,
        NOT: refs.length ? { OR: refs.map((r) => ({ system: r.system, reference: r.reference })) } : undefined,
      },
    });
    const existing = await tx.externalReference.findMany({
      where: { caseId },
      select: { system: true, reference: true },
    });
    const missing = refs.filter((r) => !existing.some((e) => e.system === r.system && e.reference === r.reference));
    if (missing.length) await tx.externalReference.createMany({ data: missing.map((r) => ({ ...r, caseId })) });
  }

  /** Adds a timeline event. `at` is clock_timestamp(), so events of one transaction keep their order. */
  async addEvent(tx: Tx, e: NewEvent): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO case_event (id, case_id, type, at, actor_id, from_status, to_status, note, family_message, family_visible, data)
      VALUES (gen_random_uuid(), ${e.caseId}::uuid, ${e.type}::"CaseEventType", clock_timestamp(), ${e.actorId}::uuid,
              ${e.fromStatus ?? null}, ${e.toStatus ?? null}, ${e.note ?? null}, ${e.familyMessage ?? null},
              ${e.familyVisible ?? false}, ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb)`;
  }

  async timeline(caseId: string): Promise<CaseEventResponse[]> {
    const rows = await this.db.prisma.$queryRaw<
      {
        id: string;
        type: CaseEventType;
        at: Date;
        actor_id: string | null;
        actor_name: string | null;
        from_status: string | null;
        to_status: string | null;
        note: string | null;
        family_message: string | null;
        family_visible: boolean;
        data: Record<string, unknown> | null;
      }[]
    >`
      SELECT e.id, e.type::text AS type, e.at, e.actor_id, u.name AS actor_name, e.from_status, e.to_status, e.note,
             e.family_message, e.family_visible, e.data
        FROM case_event e
        LEFT JOIN app_user u ON u.id = e.actor_id
       WHERE e.case_id = ${caseId}::uuid
       ORDER BY e.at DESC, e.seq DESC`;
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      at: r.at.toISOString(),
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      note: r.note,
      familyMessage: r.family_message,
      familyVisible: r.family_visible,
      data: r.data,
    }));
  }

  /** The case and every case merged into it (their audit entries make up its history). */
  async withMergedIds(caseId: string): Promise<string[]> {
    const merged = await this.db.prisma.case.findMany({ where: { mergedIntoId: caseId }, select: { id: true } });
    return [caseId, ...merged.map((m) => m.id)];
  }

  /** Whether an attachment of this case is an image (for the case photo). */
  async isImageAttachment(tx: Tx, caseId: string, attachmentId: string, types: readonly string[]): Promise<boolean> {
    const n = await tx.attachment.count({ where: { id: attachmentId, caseId, contentType: { in: [...types] } } });
    return n === 1;
  }

  /**
   * Moves everything recorded under `duplicateId` to `survivorId`: references, relatives (a
   * relative already linked keeps the survivor's link), contacts, referrals, attachments, the
   * timeline, family messages, and cases merged earlier into the duplicate. Returns the counts.
   */
  async moveRecords(tx: Tx, survivorId: string, duplicateId: string): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    const move = async (table: string) => {
      moved[table] = await tx.$executeRawUnsafe(
        `UPDATE "${table}" SET case_id = $1::uuid WHERE case_id = $2::uuid`,
        survivorId,
        duplicateId,
      );
    };
    await move('external_reference');
    // A relative can be linked to both cases; the survivor keeps its own link. Only one primary
    // contact per case: the duplicate's primary stays primary only if the survivor has none.
    moved.case_relative = await tx.$executeRaw`
      INSERT INTO case_relative (case_id, relative_id, relationship, is_primary_contact, created_at)
      SELECT ${survivorId}::uuid, d.relative_id, d.relationship,
             d.is_primary_contact AND NOT EXISTS (SELECT 1 FROM case_relative p WHERE p.case_id = ${survivorId}::uuid AND p.is_primary_contact),
             d.created_at
        FROM case_relative d
       WHERE d.case_id = ${duplicateId}::uuid
      ON CONFLICT (case_id, relative_id) DO NOTHING`;
    await tx.$executeRaw`DELETE FROM case_relative WHERE case_id = ${duplicateId}::uuid`;
    for (const table of ['contact', 'referral', 'attachment', 'case_event', 'family_message']) await move(table);
    moved.merged_cases =
      await tx.$executeRaw`UPDATE "case" SET merged_into_id = ${survivorId}::uuid WHERE merged_into_id = ${duplicateId}::uuid`;
    return moved;
  }
}
