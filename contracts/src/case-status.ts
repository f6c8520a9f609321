import { z } from 'zod';

// The two status axes of a case and the steps between them. The server enforces these tables;
// the client shows the allowed next steps from the same tables.

export const FATE_STATUSES = [
  'MISSING',
  'FOUND_ALIVE',
  'REMAINS_RECOVERED',
  'IDENTIFIED',
  'REMAINS_HANDED_OVER',
] as const;
export const FateStatusSchema = z.enum(FATE_STATUSES);
export type FateStatus = z.infer<typeof FateStatusSchema>;

export const WORKFLOW_STATUSES = ['NEW', 'VERIFIED', 'ACTIVE', 'CLOSURE_REQUESTED', 'CLOSED'] as const;
export const WorkflowStatusSchema = z.enum(WORKFLOW_STATUSES);
export type WorkflowStatus = z.infer<typeof WorkflowStatusSchema>;

/** Fate steps anyone with `case.status` may take. */
export const FATE_TRANSITIONS: Record<FateStatus, readonly FateStatus[]> = {
  MISSING: ['FOUND_ALIVE', 'REMAINS_RECOVERED', 'IDENTIFIED'],
  FOUND_ALIVE: [],
  REMAINS_RECOVERED: ['IDENTIFIED'],
  IDENTIFIED: ['REMAINS_HANDED_OVER'],
  REMAINS_HANDED_OVER: [],
};

/** Workflow steps anyone with `case.status` may take. */
export const WORKFLOW_TRANSITIONS: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  NEW: ['VERIFIED'],
  VERIFIED: ['ACTIVE'],
  ACTIVE: ['CLOSURE_REQUESTED'],
  CLOSURE_REQUESTED: [],
  CLOSED: [],
};

/** Workflow steps that need `case.status.correct`: approve or reject a closure, reopen. */
export const WORKFLOW_MANAGER_TRANSITIONS: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  NEW: [],
  VERIFIED: [],
  ACTIVE: [],
  CLOSURE_REQUESTED: ['CLOSED', 'ACTIVE'],
  CLOSED: ['ACTIVE'],
};

/** Fate statuses whose news the family must hear in person before the portal shows it. */
export const FATE_TOLD_IN_PERSON: readonly FateStatus[] = ['REMAINS_RECOVERED', 'IDENTIFIED'];

export type TransitionKind = 'step' | 'correction';
export type TransitionCheck<S extends string> =
  { ok: true; kind: TransitionKind } | { ok: false; reason: 'illegal' | 'needs_permission'; allowed: S[] };

/**
 * Fate statuses reachable from `from`. A correction (any other move, e.g. back to MISSING after
 * a misidentification) needs `case.status.correct` and a reason.
 */
export function allowedFateTransitions(from: FateStatus, canCorrect: boolean): FateStatus[] {
  const steps = [...FATE_TRANSITIONS[from]];
  if (!canCorrect) return steps;
  return [...steps, ...FATE_STATUSES.filter((s) => s !== from && !steps.includes(s))];
}

export function allowedWorkflowTransitions(from: WorkflowStatus, canCorrect: boolean): WorkflowStatus[] {
  return [...WORKFLOW_TRANSITIONS[from], ...(canCorrect ? WORKFLOW_MANAGER_TRANSITIONS[from] : [])];
}

export function checkFateTransition(
  from: FateStatus,
  to: FateStatus,
  canCorrect: boolean,
): TransitionCheck<FateStatus> {
  const allowed = allowedFateTransitions(from, canCorrect);
  if (FATE_TRANSITIONS[from].includes(to)) return { ok: true, kind: 'step' };
  if (to !== from && allowed.includes(to)) return { ok: true, kind: 'correction' };
  if (to !== from && !canCorrect) return { ok: false, reason: 'needs_permission', allowed };
  return { ok: false, reason: 'illegal', allowed };
}

export function checkWorkflowTransition(
  from: WorkflowStatus,
  to: WorkflowStatus,
  canCorrect: boolean,
): TransitionCheck<WorkflowStatus> {
  const allowed = allowedWorkflowTransitions(from, canCorrect);
  if (WORKFLOW_TRANSITIONS[from].includes(to)) return { ok: true, kind: 'step' };
  if (WORKFLOW_MANAGER_TRANSITIONS[from].includes(to)) {
    return canCorrect ? { ok: true, kind: 'correction' } : { ok: false, reason: 'needs_permission', allowed };
  }
  return { ok: false, reason: 'illegal', allowed };
}
