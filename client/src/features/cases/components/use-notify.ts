import { notifications, type NotificationData } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** notifications.show with a named close button (Mantine's × has no accessible name of its own). */
export function useNotify(): (data: NotificationData) => void {
  const { t } = useTranslation('cases');
  return useCallback(
    (data: NotificationData) => {
      notifications.show({ ...data, closeButtonProps: { 'aria-label': t('actions.close'), ...data.closeButtonProps } });
    },
    [t],
  );
}
