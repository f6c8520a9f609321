import { describe, expect, it } from 'vitest';
import { initialDraft, mappingProblems, sameMapping } from './mapping';

describe('column mapping', () => {
  it("starts from the last dry run's mapping, else the proposal, for columns the file has", () => {
    const base = {
      columns: ['Emri', 'Mbiemri'],
      proposedMapping: { Emri: 'firstName', Mbiemri: 'lastName' } as const,
    };
    expect(initialDraft({ ...base, usedMapping: null })).toEqual({
      mapping: base.proposedMapping,
      defaultOfficeCode: null,
    });
    expect(
      initialDraft({
        ...base,
        usedMapping: {
          mapping: { Emri: 'lastName', Mbiemri: 'firstName', Gone: 'sex' },
          defaultOfficeCode: 'MITROVICA',
        },
      }),
    ).toEqual({ mapping: { Emri: 'lastName', Mbiemri: 'firstName' }, defaultOfficeCode: 'MITROVICA' });
  });

  it('compares mappings whatever the order of their columns', () => {
    const a = { mapping: { A: 'firstName', B: 'lastName' } as const, defaultOfficeCode: null };
    const b = { mapping: { B: 'lastName', A: 'firstName' } as const, defaultOfficeCode: null };
    expect(sameMapping(a, b)).toBe(true);
    expect(sameMapping(a, { ...b, defaultOfficeCode: 'PRISTINA' })).toBe(false);
    expect(sameMapping(a, null)).toBe(false);
  });

  it('names what is missing or chosen twice (the contracts schema decides)', () => {
    expect(mappingProblems({ A: 'firstName', B: 'lastName' })).toEqual([]);
    expect(mappingProblems({ A: 'firstName' })).toEqual([{ kind: 'required', field: 'lastName' }]);
    expect(mappingProblems({ A: 'firstName', B: 'lastName', C: 'lastName' })).toEqual([{ kind: 'twice', column: 'C' }]);
    expect(mappingProblems({ A: 'otherNames', B: 'otherNames', C: 'firstName', D: 'lastName' })).toEqual([]);
  });
});
