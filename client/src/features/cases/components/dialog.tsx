import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's Modal with a named close button (its × has no accessible name of its own). */
export function Dialog(props: ModalProps) {
  const { t } = useTranslation('cases');
  return <Modal closeButtonProps={{ 'aria-label': t('actions.close') }} {...props} />;
}
