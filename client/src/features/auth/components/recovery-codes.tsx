import { Alert, Box, Button, Checkbox, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconAlertTriangle, IconCopy, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './recovery-codes.module.css';

interface RecoveryCodesProps {
  codes: string[];
  email: string;
  onDone: () => void;
  titleOrder: TitleOrder;
}

/** The ten one-time recovery codes, shown once: copy, download or print, then confirm. */
export function RecoveryCodes({ codes, email, onDone, titleOrder }: RecoveryCodesProps) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const clipboard = useClipboard({ timeout: 3000 });
  const [saved, setSaved] = useState(false);
  const text = [tCommon('app.name'), t('recovery.fileHeading', { email }), '', ...codes, ''].join('\n');

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'recovery-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const print = () => {
    document.body.dataset.printing = 'recovery-codes';
    try {
      window.print();
    } finally {
      delete document.body.dataset.printing;
    }
  };

  return (
    <Stack gap="md">
      <Title order={titleOrder} fz="h3">
        {t('recovery.title')}
      </Title>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
        {t('recovery.intro')}
      </Alert>
      <Box className={classes.printArea} p="sm" bd="1px solid var(--mantine-color-gray-4)" style={{ borderRadius: 8 }}>
        <Text size="sm" fw={600} mb="xs">
          {t('recovery.fileHeading', { email })}
        </Text>
        <ol className={classes.codes} aria-label={t('recovery.listLabel')}>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
      </Box>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconCopy size={18} aria-hidden="true" />}
          onClick={() => clipboard.copy(text)}
        >
          {clipboard.copied ? t('recovery.copied') : t('recovery.copy')}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={18} aria-hidden="true" />} onClick={download}>
          {t('recovery.download')}
        </Button>
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden="true" />} onClick={print}>
          {t('recovery.print')}
        </Button>
      </Group>
      <Text size="sm" role="status" c={clipboard.error ? 'red' : undefined}>
        {clipboard.error ? t('recovery.copyFailed') : clipboard.copied ? t('recovery.copiedStatus') : ''}
      </Text>
      <Checkbox
        label={t('recovery.confirm')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Button onClick={onDone} disabled={!saved}>
        {t('recovery.continue')}
      </Button>
    </Stack>
  );
}
