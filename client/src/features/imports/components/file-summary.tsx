import { Alert, Card, DataList, Stack, Title } from '@mantine/core';
import type { ImportResponse } from '@mprc/contracts';
import { IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-date';
import { ImportStatusBadge } from './import-status-badge';

// Technical names, the same in every language.
const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1250': 'Windows-1250',
  'windows-1252': 'Windows-1252',
};
const DELIMITERS: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** What the server found in the file: format, encoding, delimiter, rows; and earlier uploads of it. */
export function FileSummary({ imp }: { imp: ImportResponse }) {
  const { t } = useTranslation('imports');
  const items: [string, ReactNode][] = [
    [t('file.status'), <ImportStatusBadge key="status" status={imp.status} />],
    [t('file.format'), imp.fileFormat.toUpperCase()],
    ...(imp.encoding ? ([[t('file.encoding'), ENCODINGS[imp.encoding] ?? imp.encoding]] as [string, string][]) : []),
    ...(imp.delimiter
      ? ([[t('file.delimiter'), t(`file.delimiters.${DELIMITERS[imp.delimiter] ?? 'comma'}`)]] as [string, string][])
      : []),
    ...(imp.sheetName ? ([[t('file.sheet'), imp.sheetName]] as [string, string][]) : []),
    [t('file.rows'), String(imp.rowCount)],
    [t('file.uploaded'), `${formatDateTime(imp.createdAt)} · ${imp.createdBy?.name ?? '—'}`],
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="import-file-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="import-file-title">
          {t('file.title')}
        </Title>
        <DataList size="sm" labelWidth="clamp(7rem, 30vw, 12rem)">
          {items.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
        {imp.sameFile.length ? (
          <Alert color="blue" variant="light" icon={<IconCopy size={18} aria-hidden="true" />}>
            {t('file.sameFile', { count: imp.sameFile.length })}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
