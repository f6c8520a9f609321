import { Injectable } from '@nestjs/common';
import type { CaseRef } from '@mprc/contracts';
import type { Actor } from '../common/auth/actor.js';
import type { Tx } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { caseScope } from './case-scope.js';
import { CasesRepository, toCaseKey, type ReadableCase, type WritableCase } from './cases.repository.js';

/**
 * The one way every case route finds its case: by id or case number, within the caller's scope.
 * Out of scope and missing answer the same 404. Reads follow a merge to the surviving case;
 * writes to a merged case are refused (409) and name the case to continue on.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly cases: CasesRepository) {}

  async readable(actor: Actor, key: string, tx?: Tx): Promise<ReadableCase> {
    const found = await this.cases.findReadable(caseScope(actor), toCaseKey(key), tx);
    if (!found) throw AppError.notFound('Case');
    return found;
  }

  /**
   * The case to write in the use case's transaction, locked: `update` to change it, `share` to add
   * records under it (a merge waits), `none` for a versioned update (`UPDATE ... WHERE version`).
   */
  async writable(
    tx: Tx,
    actor: Actor,
    key: string,
    mode: 'update' | 'share' | 'none' = 'share',
  ): Promise<WritableCase> {
    const found = await this.cases.lockWritable(tx, caseScope(actor), toCaseKey(key), mode);
    if (!found) throw AppError.notFound('Case');
    if (found.mergedInto) throw mergedCaseConflict(found.caseNumber, found.mergedInto);
    return found;
  }
}

/** A write to a merged case: 409, naming the case to continue on. */
export const mergedCaseConflict = (caseNumber: string, mergedInto: CaseRef) =>
  new AppError('CONFLICT', `Case ${caseNumber} was merged into ${mergedInto.caseNumber}; continue on that case`, {
    details: { mergedInto },
  });

export const versionConflict = (currentVersion: number) =>
  new AppError('VERSION_CONFLICT', 'The case was changed by someone else: reload it and make your change again', {
    details: { currentVersion },
  });
