import { Badge, type MantineColor } from '@mantine/core';
import type { ImportRowStatus, ImportStatus } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';

const IMPORT_COLORS: Record<ImportStatus, MantineColor> = {
  UPLOADED: 'gray',
  DRY_RUN: 'blue',
  COMMITTED: 'green',
  FAILED: 'red',
};

// Light badges in colours whose text meets 4.5:1 (lib/theme.ts); the words carry the meaning.
const ROW_COLORS: Record<ImportRowStatus, MantineColor> = {
  VALID: 'green',
  INVALID: 'red',
  DUPLICATE: 'orange',
  EXISTING: 'gray',
  CREATED: 'teal',
};

const badge = { variant: 'light', radius: 'sm', tt: 'none', style: { whiteSpace: 'normal', height: 'auto' } } as const;

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('imports');
  return (
    <Badge color={IMPORT_COLORS[status]} {...badge}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function RowStatusBadge({ status }: { status: ImportRowStatus }) {
  const { t } = useTranslation('imports');
  return (
    <Badge color={ROW_COLORS[status]} {...badge}>
      {t(`report.rowStatus.${status}`)}
    </Badge>
  );
}
