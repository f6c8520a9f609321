import type { CommitRequest, ImportCounts, ImportRowStatus } from '@mprc/contracts';
import type { MappingDraft } from './mapping';

// The manager's choices before a commit: every valid row is imported unless unticked, every
// possible duplicate is left out unless ticked ("import anyway"); rows with errors and rows
// already recorded are never imported. Only the changes from those defaults are kept.

export type Decisions = ReadonlyMap<number, { status: ImportRowStatus; imported: boolean }>;

export function isImported(row: { rowNumber: number; status: ImportRowStatus }, decisions: Decisions): boolean {
  const choice = decisions.get(row.rowNumber);
  if (row.status === 'VALID') return choice?.imported ?? true;
  if (row.status === 'DUPLICATE') return choice?.imported ?? false;
  return false;
}

export function withDecision(
  decisions: Decisions,
  row: { rowNumber: number; status: ImportRowStatus },
  imported: boolean,
): Decisions {
  const next = new Map(decisions);
  const byDefault = row.status === 'VALID';
  if (imported === byDefault) next.delete(row.rowNumber);
  else next.set(row.rowNumber, { status: row.status, imported });
  return next;
}

/** How many cases the commit would create. */
export function toCreate(counts: Pick<ImportCounts, 'valid'>, decisions: Decisions): number {
  let n = counts.valid;
  for (const d of decisions.values()) {
    if (d.status === 'VALID' && !d.imported) n--;
    if (d.status === 'DUPLICATE' && d.imported) n++;
  }
  return n;
}

export function commitRequest(draft: MappingDraft, decisions: Decisions): CommitRequest {
  const excludeRows: number[] = [];
  const includeDuplicates: number[] = [];
  for (const [row, d] of decisions) {
    if (d.status === 'VALID' && !d.imported) excludeRows.push(row);
    if (d.status === 'DUPLICATE' && d.imported) includeDuplicates.push(row);
  }
  return {
    mapping: draft.mapping,
    ...(draft.defaultOfficeCode ? { defaultOfficeCode: draft.defaultOfficeCode } : {}),
    excludeInvalid: true,
    duplicates: 'exclude',
    excludeRows: excludeRows.sort((a, b) => a - b),
    includeDuplicates: includeDuplicates.sort((a, b) => a - b),
  };
}
