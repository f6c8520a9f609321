import {
  FATE_TRANSITIONS,
  WORKFLOW_MANAGER_TRANSITIONS,
  WORKFLOW_TRANSITIONS,
  allowedFateTransitions,
  allowedWorkflowTransitions,
  can,
  type FateStatus,
  type Role,
  type WorkflowStatus,
} from '@mprc/contracts';

export interface StatusOptions {
  fateSteps: FateStatus[];
  /** Moves off the normal path (e.g. back to MISSING after a misidentification): managers, with a reason. */
  fateCorrections: FateStatus[];
  workflowSteps: WorkflowStatus[];
  /** Approve or reject a closure, reopen: managers. */
  workflowDecisions: WorkflowStatus[];
}

/** The next steps a role may take from the current statuses, from the contracts' transition tables. */
export function statusOptions(role: Role | null, fate: FateStatus, workflow: WorkflowStatus): StatusOptions {
  if (!can(role, 'case.status'))
    return { fateSteps: [], fateCorrections: [], workflowSteps: [], workflowDecisions: [] };
  const canCorrect = can(role, 'case.status.correct');
  const fateSteps = [...FATE_TRANSITIONS[fate]];
  const fateCorrections = allowedFateTransitions(fate, canCorrect).filter((s) => !fateSteps.includes(s));
  const workflowSteps = [...WORKFLOW_TRANSITIONS[workflow]];
  const workflowDecisions = allowedWorkflowTransitions(workflow, canCorrect).filter(
    (s) => !workflowSteps.includes(s) && WORKFLOW_MANAGER_TRANSITIONS[workflow].includes(s),
  );
  return { fateSteps, fateCorrections, workflowSteps, workflowDecisions };
}

export function hasAnyStatusOption(options: StatusOptions): boolean {
  return (
    options.fateSteps.length +
      options.fateCorrections.length +
      options.workflowSteps.length +
      options.workflowDecisions.length >
    0
  );
}
