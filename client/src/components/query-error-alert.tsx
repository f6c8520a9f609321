import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, errorRequestId } from '@/lib/error-message';

interface QueryErrorAlertProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed request: what happened in plain words, the request id for support, and a retry. */
export function QueryErrorAlert({ title, error, onRetry, retrying = false }: QueryErrorAlertProps) {
  const { t } = useTranslation('common');
  const requestId = errorRequestId(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t(errorMessageKey(error))}</Text>
        {requestId ? (
          <Text size="xs" c="dimmed">
            {t('apiErrors.reference', { requestId })}
          </Text>
        ) : null}
        {onRetry ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={onRetry}
            loading={retrying}
          >
            {t('actions.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
