import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while a page's code or translations load. */
export function PageLoader() {
  const { t } = useTranslation('common');
  return (
    <Center mih={200} role="status" aria-label={t('loading')}>
      <Loader aria-hidden="true" />
    </Center>
  );
}
