import { Alert, Button, Card, FileButton, Paper, Stack, Text, Title } from '@mantine/core';
import type { ImportResponse } from '@mprc/contracts';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useUploadImport } from '../api/imports';

const ACCEPT =
  '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why an upload was refused, in words (the server's code names the case). */
function problemKey(error: unknown): 'tooLarge' | 'badType' | 'tooManyRows' | 'empty' | 'unreadable' | 'failed' {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.code === 'PAYLOAD_TOO_LARGE') return 'tooLarge';
  if (error.code === 'UNSUPPORTED_MEDIA_TYPE') return 'badType';
  const code = error.errors[0]?.code;
  if (code === 'too_many_rows') return 'tooManyRows';
  if (code === 'empty') return 'empty';
  if (code === 'unreadable' || code === 'too_many_columns') return 'unreadable';
  return 'failed';
}

/** Drop a file or choose one: it is uploaded and read at once. */
export function UploadCard({ onUploaded }: { onUploaded: (created: ImportResponse) => void }) {
  const { t } = useTranslation('imports');
  const upload = useUploadImport();
  const resetRef = useRef<() => void>(null);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = (file: File | null | undefined) => {
    if (!file || upload.isPending) return;
    setProblem(null);
    upload.mutate(file, {
      onSuccess: onUploaded,
      onError: (error) => setProblem(t(`upload.${problemKey(error)}`, { name: file.name, xlsx: 'XLSX', xls: '.xls' })),
      onSettled: () => resetRef.current?.(),
    });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0]);
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="import-upload-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="import-upload-title">
          {t('upload.title')}
        </Title>
        <Paper
          withBorder
          p="lg"
          data-testid="import-dropzone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            borderColor: dragging ? 'var(--mantine-color-blue-7)' : undefined,
            background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Stack align="center" gap="xs">
            <IconFileSpreadsheet size={32} aria-hidden="true" />
            <Text ta="center">{t('upload.drop')}</Text>
            <FileButton onChange={send} accept={ACCEPT} resetRef={resetRef}>
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending}>
                  {t('upload.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed" ta="center">
              {t('upload.limits', { xlsx: 'XLSX', encodings: 'UTF-8, Windows-1250, Windows-1252', rows: '100 000' })}
            </Text>
            {upload.isPending && upload.variables ? (
              <Text size="sm" role="status">
                {t('upload.uploading', { name: upload.variables.name })}
              </Text>
            ) : null}
          </Stack>
        </Paper>
        {problem ? (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
