import { Badge, Group, VisuallyHidden, type MantineColor } from '@mantine/core';
import type { FateStatus, WorkflowStatus } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';

// Fate: light badges in colours whose text meets 4.5:1 (lib/theme.ts); workflow: dark text with a
// coloured dot. The words carry the meaning, the colours only help scanning a list.
export const FATE_COLORS: Record<FateStatus, MantineColor> = {
  MISSING: 'orange',
  FOUND_ALIVE: 'green',
  REMAINS_RECOVERED: 'gray',
  IDENTIFIED: 'indigo',
  REMAINS_HANDED_OVER: 'gray',
};

export const WORKFLOW_COLORS: Record<WorkflowStatus, MantineColor> = {
  NEW: 'blue',
  VERIFIED: 'teal',
  ACTIVE: 'green',
  CLOSURE_REQUESTED: 'yellow',
  CLOSED: 'gray',
};

export function FateBadge({ status }: { status: FateStatus }) {
  const { t } = useTranslation('cases');
  return (
    <Badge
      color={FATE_COLORS[status]}
      variant="light"
      radius="sm"
      tt="none"
      style={{ whiteSpace: 'normal', height: 'auto' }}
    >
      <VisuallyHidden>{t('labels.fate')}: </VisuallyHidden>
      {t(`fate.${status}`)}
    </Badge>
  );
}

export function WorkflowBadge({ status }: { status: WorkflowStatus }) {
  const { t } = useTranslation('cases');
  return (
    <Badge
      color={WORKFLOW_COLORS[status]}
      variant="dot"
      radius="sm"
      tt="none"
      style={{ whiteSpace: 'normal', height: 'auto' }}
    >
      <VisuallyHidden>{t('labels.workflow')}: </VisuallyHidden>
      {t(`workflow.${status}`)}
    </Badge>
  );
}

export function CaseStatusBadges({ fate, workflow }: { fate: FateStatus; workflow: WorkflowStatus }) {
  return (
    <Group gap={6} wrap="wrap">
      <FateBadge status={fate} />
      <WorkflowBadge status={workflow} />
    </Group>
  );
}
