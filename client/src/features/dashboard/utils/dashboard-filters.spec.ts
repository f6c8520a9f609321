import { describe, expect, it } from 'vitest';
import { caseListLink, dashboardSearch, parseDashboardFilters } from './dashboard-filters';

describe('dashboard filters in the address', () => {
  it('reads the case-list parameters and drops invalid ones', () => {
    const search = new URLSearchParams(
      'q=Gashi&fateStatus=MISSING&workflowStatus=NOPE&communityCode=SERB&officeCode=PRISTINA&missingFrom=1999&page=3&x=1',
    );
    expect(parseDashboardFilters(search)).toEqual({
      q: 'Gashi',
      fateStatus: 'MISSING',
      communityCode: 'SERB',
      officeCode: 'PRISTINA',
      missingFrom: '1999',
    });
  });

  it('drops a date range that runs backwards', () => {
    expect(parseDashboardFilters(new URLSearchParams('missingFrom=2000&missingTo=1999&sex=x'))).toEqual({});
  });

  it('writes the filters back in a stable order, without empty ones', () => {
    expect(dashboardSearch({ officeCode: 'MITROVICA', q: ' ', fateStatus: 'IDENTIFIED' }).toString()).toBe(
      'fateStatus=IDENTIFIED&officeCode=MITROVICA',
    );
  });

  it('links a row to the case list with the same parameter names', () => {
    const filters = { officeCode: 'PRISTINA', q: 'Krasniqi' };
    expect(caseListLink('fateStatus', 'MISSING', 4, filters)).toBe(
      '/cases?q=Krasniqi&fateStatus=MISSING&officeCode=PRISTINA',
    );
    expect(caseListLink('yearMissing', '1999', 4, filters)).toBe(
      '/cases?q=Krasniqi&officeCode=PRISTINA&missingFrom=1999&missingTo=1999',
    );
    expect(caseListLink('office', 'MITROVICA', 2, filters)).toBe('/cases?q=Krasniqi&officeCode=MITROVICA');
    expect(caseListLink('sex', 'MALE', 4, filters)).toBeNull();
    expect(caseListLink('community', null, 4, filters)).toBeNull();
    expect(caseListLink('fateStatus', 'MISSING', 0, filters)).toBeNull();
  });
});
