import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWait } from '../utils/format-wait';

export type IdleWarningKind = 'idle' | 'absolute';

interface IdleWarningProps {
  kind: IdleWarningKind;
  /** When the session ends, by the app's clock. */
  endsAt: number;
  onStay: () => void;
  onDismiss: () => void;
  onSignOut: () => void;
}

/** A minute before the session ends: stay signed in (idle), or save the work (12-hour limit). */
export function IdleWarning({ kind, endsAt, onStay, onDismiss, onSignOut }: IdleWarningProps) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const time = formatWait(Math.max(1, (endsAt - now) / 1000), tCommon);
  const idle = kind === 'idle';
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened
      onClose={idle ? onStay : onDismiss}
      title={t('idleWarning.title')}
      centered
    >
      <Stack gap="md">
        <Text>{idle ? t('idleWarning.idle', { time }) : t('idleWarning.absolute', { time })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onSignOut}>
            {t('userMenu.signOut')}
          </Button>
          <Button onClick={idle ? onStay : onDismiss} data-autofocus>
            {idle ? t('idleWarning.stay') : t('idleWarning.understood')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
