import { describe, expect, it } from 'vitest';
import { hasAnyStatusOption, statusOptions } from './status-options';

describe('status options per role', () => {
  it('a liaison officer gets the normal next steps only', () => {
    expect(statusOptions('LIAISON_OFFICER', 'MISSING', 'NEW')).toEqual({
      fateSteps: ['FOUND_ALIVE', 'REMAINS_RECOVERED', 'IDENTIFIED'],
      fateCorrections: [],
      workflowSteps: ['VERIFIED'],
      workflowDecisions: [],
    });
    expect(statusOptions('LIAISON_OFFICER', 'IDENTIFIED', 'CLOSURE_REQUESTED')).toEqual({
      fateSteps: ['REMAINS_HANDED_OVER'],
      fateCorrections: [],
      workflowSteps: [],
      workflowDecisions: [],
    });
  });

  it('a manager also gets corrections and the closure decisions', () => {
    const options = statusOptions('MANAGER', 'IDENTIFIED', 'CLOSURE_REQUESTED');
    expect(options.fateSteps).toEqual(['REMAINS_HANDED_OVER']);
    expect(options.fateCorrections).toEqual(['MISSING', 'FOUND_ALIVE', 'REMAINS_RECOVERED']);
    expect(options.workflowSteps).toEqual([]);
    expect(options.workflowDecisions).toEqual(['CLOSED', 'ACTIVE']);
    expect(statusOptions('MANAGER', 'MISSING', 'CLOSED').workflowDecisions).toEqual(['ACTIVE']);
  });

  it('roles without case.status get nothing', () => {
    expect(hasAnyStatusOption(statusOptions('ADMIN', 'MISSING', 'NEW'))).toBe(false);
    expect(hasAnyStatusOption(statusOptions(null, 'MISSING', 'NEW'))).toBe(false);
    expect(hasAnyStatusOption(statusOptions('LIAISON_OFFICER', 'FOUND_ALIVE', 'CLOSED'))).toBe(false);
  });
});
