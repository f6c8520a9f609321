import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { RequirePermission } from '@/features/auth';
import { useImports } from '../api/imports';
import { ImportList } from '../components/import-list';
import { UploadCard } from '../components/upload-card';

function ImportsPage() {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const imports = useImports(page);
  return (
    <Page title={t('title')} description={t('description')}>
      <UploadCard onUploaded={(created) => void navigate(`/imports/${created.id}`)} />
      {imports.isPending ? (
        <PageLoader />
      ) : imports.isError && !imports.data ? (
        <QueryErrorAlert
          title={t('list.error')}
          error={imports.error}
          onRetry={() => void imports.refetch()}
          retrying={imports.isRefetching}
        />
      ) : (
        <ImportList data={imports.data} onPage={setPage} />
      )}
    </Page>
  );
}

/** /imports: upload a list, and the earlier imports (managers: import.manage). */
export function ImportsRoute() {
  return (
    <RequirePermission permission="import.manage">
      <ImportsPage />
    </RequirePermission>
  );
}
