import { describe, expect, it } from 'vitest';
import {
  allowedFateTransitions,
  allowedWorkflowTransitions,
  checkFateTransition,
  checkWorkflowTransition,
  FATE_STATUSES,
  WORKFLOW_STATUSES,
} from './case-status.js';

describe('fate transitions', () => {
  it('moves forward along the issue table', () => {
    expect(allowedFateTransitions('MISSING', false)).toEqual(['FOUND_ALIVE', 'REMAINS_RECOVERED', 'IDENTIFIED']);
    expect(allowedFateTransitions('REMAINS_RECOVERED', false)).toEqual(['IDENTIFIED']);
    expect(allowedFateTransitions('IDENTIFIED', false)).toEqual(['REMAINS_HANDED_OVER']);
    expect(allowedFateTransitions('FOUND_ALIVE', false)).toEqual([]);
    expect(allowedFateTransitions('REMAINS_HANDED_OVER', false)).toEqual([]);
    expect(checkFateTransition('MISSING', 'IDENTIFIED', false)).toEqual({ ok: true, kind: 'step' });
  });

  it('lets only those who may correct move backwards', () => {
    expect(checkFateTransition('IDENTIFIED', 'MISSING', false)).toEqual({
      ok: false,
      reason: 'needs_permission',
      allowed: ['REMAINS_HANDED_OVER'],
    });
    expect(checkFateTransition('IDENTIFIED', 'MISSING', true)).toEqual({ ok: true, kind: 'correction' });
    expect(allowedFateTransitions('IDENTIFIED', true)).toEqual([
      'REMAINS_HANDED_OVER',
      'MISSING',
      'FOUND_ALIVE',
      'REMAINS_RECOVERED',
    ]);
  });

  it('refuses staying in place, for everyone', () => {
    for (const s of FATE_STATUSES) {
      expect(checkFateTransition(s, s, true)).toMatchObject({ ok: false, reason: 'illegal' });
      expect(checkFateTransition(s, s, false)).toMatchObject({ ok: false, reason: 'illegal' });
    }
  });
});

describe('workflow transitions', () => {
  it('walks NEW -> VERIFIED -> ACTIVE -> CLOSURE_REQUESTED', () => {
    expect(checkWorkflowTransition('NEW', 'VERIFIED', false).ok).toBe(true);
    expect(checkWorkflowTransition('VERIFIED', 'ACTIVE', false).ok).toBe(true);
    expect(checkWorkflowTransition('ACTIVE', 'CLOSURE_REQUESTED', false).ok).toBe(true);
  });

  it('never skips a stage', () => {
    expect(checkWorkflowTransition('NEW', 'ACTIVE', true)).toEqual({
      ok: false,
      reason: 'illegal',
      allowed: ['VERIFIED'],
    });
    expect(checkWorkflowTransition('NEW', 'CLOSED', true)).toMatchObject({ ok: false, reason: 'illegal' });
    expect(checkWorkflowTransition('ACTIVE', 'NEW', true)).toEqual({
      ok: false,
      reason: 'illegal',
      allowed: ['CLOSURE_REQUESTED'],
    });
  });

  it('leaves approval, rejection and reopening to managers', () => {
    expect(checkWorkflowTransition('CLOSURE_REQUESTED', 'CLOSED', false)).toEqual({
      ok: false,
      reason: 'needs_permission',
      allowed: [],
    });
    expect(checkWorkflowTransition('CLOSURE_REQUESTED', 'CLOSED', true)).toEqual({ ok: true, kind: 'correction' });
    expect(checkWorkflowTransition('CLOSURE_REQUESTED', 'ACTIVE', true).ok).toBe(true);
    expect(checkWorkflowTransition('CLOSED', 'ACTIVE', true).ok).toBe(true);
    expect(checkWorkflowTransition('CLOSED', 'ACTIVE', false).ok).toBe(false);
    expect(allowedWorkflowTransitions('CLOSED', true)).toEqual(['ACTIVE']);
    for (const s of WORKFLOW_STATUSES) expect(allowedWorkflowTransitions(s, true)).not.toContain(s);
  });
});
