import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { RequirePermission } from '@/features/auth';
import { useOfficesList } from '../api/offices';
import { OfficeForm } from '../components/office-form';

function OfficesPage() {
  const { t } = useTranslation('offices');
  const offices = useOfficesList();
  return (
    <Page title={t('title')} description={t('intro')}>
      {offices.isPending ? (
        <PageLoader />
      ) : offices.isError ? (
        <QueryErrorAlert
          title={t('loadFailed')}
          error={offices.error}
          onRetry={() => void offices.refetch()}
          retrying={offices.isRefetching}
        />
      ) : offices.data.length === 0 ? (
        <Text>{t('empty')}</Text>
      ) : (
        <Stack gap="lg">
          {offices.data.map((office) => (
            <OfficeForm key={office.code} office={office} />
          ))}
        </Stack>
      )}
    </Page>
  );
}

/** /admin/offices: the phone, email and opening hours families see (reference.manage). */
export function OfficesRoute() {
  return (
    <RequirePermission permission="reference.manage">
      <OfficesPage />
    </RequirePermission>
  );
}
