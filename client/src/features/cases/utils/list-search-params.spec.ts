import { describe, expect, it } from 'vitest';
import { activeFilterCount, caseListSearch, parseCaseListSearch, toApiParams } from './list-search-params';

const parse = (search: string) => parseCaseListSearch(new URLSearchParams(search));

describe('case list state in the address', () => {
  it('reads every filter, the sort and the page under the API parameter names', () => {
    const state = parse(
      'q=Ga%C5%A1i&fateStatus=MISSING&workflowStatus=ACTIVE&communityCode=SERB&municipalityCode=PEJA&officeCode=MITROVICA&missingFrom=1998&missingTo=1999-06&assignedOfficerId=me&sort=-missingSince&page=3&pageSize=50',
    );
    expect(state).toEqual({
      q: 'Gaši',
      fateStatus: 'MISSING',
      workflowStatus: 'ACTIVE',
      communityCode: 'SERB',
      municipalityCode: 'PEJA',
      officeCode: 'MITROVICA',
      missingFrom: '1998',
      missingTo: '1999-06',
      mine: true,
      sort: '-missingSince',
      page: 3,
      pageSize: 50,
    });
    expect(activeFilterCount(state)).toBe(8);
    expect(toApiParams(state)).toEqual({
      q: 'Gaši',
      fateStatus: 'MISSING',
      workflowStatus: 'ACTIVE',
      communityCode: 'SERB',
      municipalityCode: 'PEJA',
      officeCode: 'MITROVICA',
      missingFrom: '1998',
      missingTo: '1999-06',
      assignedOfficerId: 'me',
      sort: '-missingSince',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops what is not valid (an old bookmark, a hand-edited link) instead of failing', () => {
    const state = parse('fateStatus=LOST&sort=name&page=-2&pageSize=1000&missingFrom=13.1999&municipalityCode=peja');
    expect(state).toMatchObject({ q: '', page: 1, pageSize: 25, mine: false });
    expect(state.fateStatus).toBeUndefined();
    expect(state.sort).toBeUndefined();
    expect(state.missingFrom).toBeUndefined();
    expect(state.municipalityCode).toBeUndefined();
  });

  it('writes the defaults out, so the plain list is just /cases', () => {
    expect(caseListSearch(parse('')).toString()).toBe('');
    expect(caseListSearch(parse('q=Hoxha&sort=relevance&page=1')).toString()).toBe('q=Hoxha');
    expect(caseListSearch(parse('sort=-updatedAt')).toString()).toBe('');
    expect(caseListSearch({ ...parse(''), q: '  Krasniqi ', mine: true, page: 2 }).toString()).toBe(
      'q=Krasniqi&assignedOfficerId=me&page=2',
    );
  });

  it('sorts by relevance only when searching, else by the latest change', () => {
    expect(toApiParams(parse('q=Hoxha')).sort).toBe('relevance');
    expect(toApiParams(parse('')).sort).toBe('-updatedAt');
    // A relevance sort left in the address after the search text was cleared means nothing.
    expect(toApiParams(parse('sort=relevance')).sort).toBe('-updatedAt');
    expect(toApiParams(parse('q=Hoxha&sort=lastName')).sort).toBe('lastName');
  });

  it('round-trips: what is written reads back the same', () => {
    const search = 'q=%D0%93%D0%B0%D1%88%D0%B8&workflowStatus=NEW&missingFrom=1999-03&sort=caseNumber&page=4';
    const state = parse(search);
    expect(parse(caseListSearch(state).toString())).toEqual(state);
  });
});
