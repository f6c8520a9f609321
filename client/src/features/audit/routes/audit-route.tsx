import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { PaginationBar } from '@/components/pagination-bar';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { RequirePermission } from '@/features/auth';
import { useCan } from '@/lib/authorization';
import { useAudit } from '../api/get-audit';
import { AuditFilters } from '../components/audit-filters';
import { AuditList } from '../components/audit-list';
import { auditQueryFromSearch, filterValuesFromSearch, searchFor } from '../utils/audit-filters';

function AuditPage() {
  const { t } = useTranslation('audit');
  const [params, setParams] = useSearchParams();
  const values = filterValuesFromSearch(params);
  const query = auditQueryFromSearch(params);
  const audit = useAudit(query);
  const canListActors = useCan('user.read');
  const compact = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;

  return (
    <Page title={t('title')} description={t('intro')}>
      {/* A new URL (back button, a clicked name) starts the form from what the URL says. */}
      <AuditFilters
        key={params.toString()}
        values={values}
        canListActors={canListActors}
        onApply={(next) => setParams(searchFor(next))}
      />
      {audit.isPending ? (
        <PageLoader />
      ) : audit.isError && !audit.data ? (
        <QueryErrorAlert
          title={t('list.loadFailed')}
          error={audit.error}
          onRetry={() => void audit.refetch()}
          retrying={audit.isRefetching}
        />
      ) : (
        <Stack gap="md" aria-busy={audit.isPlaceholderData}>
          {audit.data.items.length === 0 ? (
            <Text>{t('list.empty')}</Text>
          ) : (
            <AuditList
              entries={audit.data.items}
              compact={compact}
              onActorFilter={(actorId) => setParams(searchFor({ ...values, actorId }))}
            />
          )}
          <PaginationBar
            page={audit.data.page}
            pageSize={audit.data.pageSize}
            total={audit.data.total}
            onChange={(page) => setParams(searchFor(values, page))}
          />
        </Stack>
      )}
    </Page>
  );
}

/** /admin/audit: the audit trail (audit.read). */
export function AuditRoute() {
  return (
    <RequirePermission permission="audit.read">
      <AuditPage />
    </RequirePermission>
  );
}
