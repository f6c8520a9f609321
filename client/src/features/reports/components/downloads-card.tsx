import { Anchor, Button, Card, Checkbox, Collapse, Group, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ANONYMIZED_EXPORT_COLUMNS, EXPORT_COLUMNS, type ExportColumn } from '@mprc/contracts';
import { IconColumns, IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '@/lib/authorization';
import { useLanguage } from '@/lib/i18n';
import { exportUrl, summaryPdfUrl, type ReportFilters } from '../utils/download-urls';

const ANONYMOUS = new Set<string>(ANONYMIZED_EXPORT_COLUMNS);

/**
 * Downloads of the filtered cases: CSV and XLSX (managers: export.create) with a column chooser and
 * an anonymized switch, and the printable PDF report (report.read). Plain links: the browser
 * streams the file from the API, so its size does not matter.
 */
export function DownloadsCard({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const canExport = useCan('export.create');
  const [anonymized, setAnonymized] = useState(false);
  const [chosen, setChosen] = useState<ExportColumn[]>([...EXPORT_COLUMNS]);
  const [columnsOpen, { toggle: toggleColumns }] = useDisclosure(false);
  const columnsId = useId();

  // In an anonymized file only the allowed columns can be chosen; the others are kept for later.
  const columns = chosen.filter((c) => !anonymized || ANONYMOUS.has(c));
  const link = (format: 'csv' | 'xlsx') => exportUrl(filters, { format, columns, anonymized, lang: language });
  const none = columns.length === 0;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="downloads-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="downloads-title">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('description')}
        </Text>
        {canExport ? (
          <>
            <Switch
              label={t('anonymized.label')}
              description={t('anonymized.description')}
              checked={anonymized}
              onChange={(e) => setAnonymized(e.currentTarget.checked)}
            />
            <Group gap="sm">
              <Button
                variant="subtle"
                leftSection={<IconColumns size={16} aria-hidden="true" />}
                onClick={toggleColumns}
                aria-expanded={columnsOpen}
                aria-controls={columnsId}
              >
                {columnsOpen ? t('columns.hide') : t('columns.show', { number: columns.length })}
              </Button>
            </Group>
            <Collapse expanded={columnsOpen} id={columnsId}>
              <Checkbox.Group
                label={t('columns.legend')}
                value={columns}
                onChange={(value) => {
                  // Keep hidden (not anonymous) choices when anonymized.
                  const hidden = anonymized ? chosen.filter((c) => !ANONYMOUS.has(c)) : [];
                  setChosen(EXPORT_COLUMNS.filter((c) => value.includes(c) || hidden.includes(c)));
                }}
                error={none ? t('columns.none') : undefined}
              >
                <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt="xs">
                  {EXPORT_COLUMNS.map((c) => (
                    <Checkbox
                      key={c}
                      value={c}
                      label={t(`column.${c}`)}
                      disabled={anonymized && !ANONYMOUS.has(c)}
                      description={anonymized && !ANONYMOUS.has(c) ? t('columns.notAnonymous') : undefined}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Anchor component="button" type="button" size="sm" mt="xs" onClick={() => setChosen([...EXPORT_COLUMNS])}>
                {t('columns.all')}
              </Anchor>
            </Collapse>
            <Group gap="sm">
              {none ? (
                <>
                  <Button disabled leftSection={<IconDownload size={16} aria-hidden="true" />}>
                    {t('csv')}
                  </Button>
                  <Button disabled leftSection={<IconDownload size={16} aria-hidden="true" />}>
                    {t('xlsx', { format: 'XLSX' })}
                  </Button>
                </>
              ) : (
                <>
                  <Button
                    component="a"
                    href={link('csv')}
                    download
                    leftSection={<IconDownload size={16} aria-hidden="true" />}
                  >
                    {t('csv')}
                  </Button>
                  <Button
                    component="a"
                    href={link('xlsx')}
                    download
                    leftSection={<IconDownload size={16} aria-hidden="true" />}
                  >
                    {t('xlsx', { format: 'XLSX' })}
                  </Button>
                </>
              )}
            </Group>
          </>
        ) : null}
        <Group gap="sm" align="center">
          <Button
            component="a"
            href={summaryPdfUrl(filters, language)}
            download
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
          >
            {t('pdf')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('pdfDescription')}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
