import { describe, expect, it } from 'vitest';
import { CaseListQuerySchema } from './cases.js';
import {
  CaseExportQuerySchema,
  CaseFiltersSchema,
  CASE_FILTER_KEYS,
  drillDownFilter,
  exportColumns,
} from './reports.js';

describe('CaseFiltersSchema', () => {
  it('has exactly the case list filters', () => {
    expect(Object.keys(CaseFiltersSchema.shape).sort()).toEqual([...CASE_FILTER_KEYS].sort());
    const listKeys = Object.keys(CaseListQuerySchema.shape).filter((k) => !['page', 'pageSize', 'sort'].includes(k));
    expect(listKeys.sort()).toEqual([...CASE_FILTER_KEYS].sort());
  });

  it.each([
    {},
    { fateStatus: 'MISSING' },
    { fateStatus: 'LOST' },
    { missingFrom: '1999', missingTo: '1998' },
    { missingFrom: '1999-02', missingTo: '1999-02-10' },
    { missingFrom: '1999-13' },
    { assignedOfficerId: 'me' },
    { assignedOfficerId: 'nobody' },
    { communityCode: 'serb' },
    { q: 'x'.repeat(201) },
  ])('accepts and refuses what the case list does: %o', (input) => {
    expect(CaseFiltersSchema.safeParse(input).success).toBe(CaseListQuerySchema.safeParse(input).success);
  });
});

describe('CaseExportQuerySchema', () => {
  it('reads columns as a comma-separated list in order, without duplicates', () => {
    const q = CaseExportQuerySchema.parse({ columns: 'lastName, caseNumber,lastName' });
    expect(q.columns).toEqual(['lastName', 'caseNumber']);
    expect(q.format).toBe('csv');
    expect(q.anonymized).toBe(false);
  });

  it('defaults to every column of the mode', () => {
    expect(exportColumns(CaseExportQuerySchema.parse({}))).toContain('firstName');
    expect(exportColumns(CaseExportQuerySchema.parse({ anonymized: 'true' }))).not.toContain('firstName');
  });

  it('names `columns` for an unknown or a refused column', () => {
    const unknown = CaseExportQuerySchema.safeParse({ columns: 'caseNumber,shoeSize' });
    expect(unknown.error?.issues.map((i) => i.path.join('.'))).toEqual(['columns']);
    const refused = CaseExportQuerySchema.safeParse({ columns: 'sex,lastName', anonymized: 'true' });
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['columns']);
  });
});

describe('drillDownFilter', () => {
  it('maps a row to the case list filter', () => {
    expect(drillDownFilter('fateStatus', 'MISSING')).toEqual({ fateStatus: 'MISSING' });
    expect(drillDownFilter('municipality', 'FERIZAJ')).toEqual({ municipalityCode: 'FERIZAJ' });
    expect(drillDownFilter('yearMissing', '1999')).toEqual({ missingFrom: '1999', missingTo: '1999' });
    expect(drillDownFilter('sex', 'MALE')).toBeNull();
    expect(drillDownFilter('community', null)).toBeNull();
  });
});
