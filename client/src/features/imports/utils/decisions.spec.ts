import { describe, expect, it } from 'vitest';
import { commitRequest, isImported, toCreate, withDecision, type Decisions } from './decisions';

const draft = { mapping: { Emri: 'firstName', Mbiemri: 'lastName' } as const, defaultOfficeCode: 'PRISTINA' };

describe('import decisions', () => {
  it('imports valid rows and leaves possible duplicates out unless ticked', () => {
    const none: Decisions = new Map();
    expect(isImported({ rowNumber: 2, status: 'VALID' }, none)).toBe(true);
    expect(isImported({ rowNumber: 3, status: 'DUPLICATE' }, none)).toBe(false);
    expect(isImported({ rowNumber: 4, status: 'INVALID' }, none)).toBe(false);
    expect(isImported({ rowNumber: 5, status: 'EXISTING' }, none)).toBe(false);
  });

  it('keeps only the changes from those defaults, and counts the cases to create', () => {
    let d: Decisions = new Map();
    d = withDecision(d, { rowNumber: 2, status: 'VALID' }, false);
    d = withDecision(d, { rowNumber: 3, status: 'DUPLICATE' }, true);
    d = withDecision(d, { rowNumber: 7, status: 'DUPLICATE' }, true);
    d = withDecision(d, { rowNumber: 7, status: 'DUPLICATE' }, false); // back to the default
    expect([...d.keys()]).toEqual([2, 3]);
    expect(toCreate({ valid: 10 }, d)).toBe(10);
    expect(commitRequest(draft, d)).toEqual({
      mapping: draft.mapping,
      defaultOfficeCode: 'PRISTINA',
      excludeInvalid: true,
      duplicates: 'exclude',
      excludeRows: [2],
      includeDuplicates: [3],
    });
  });
});
