import { SimpleGrid, Stack } from '@mantine/core';
import { REPORT_GROUP_BYS } from '@mprc/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { RequirePermission } from '@/features/auth';
import { DownloadsCard } from '@/features/reports';
import { BreakdownCard } from '../components/breakdown-card';
import { DashboardFilterForm } from '../components/dashboard-filters';
import { KeyFigures } from '../components/key-figures';
import { MonthlyCard } from '../components/monthly-card';
import { OfficersCard } from '../components/officers-card';
import { dashboardSearch, parseDashboardFilters, type DashboardFilters } from '../utils/dashboard-filters';

function Dashboard() {
  const { t } = useTranslation('dashboard');
  const [search, setSearch] = useSearchParams();
  // A new object only when the address changes, so query keys and memoised links stay stable.
  const key = search.toString();
  const filters = useMemo(() => parseDashboardFilters(new URLSearchParams(key)), [key]);
  const update = useCallback((next: DashboardFilters) => setSearch(dashboardSearch(next)), [setSearch]);

  return (
    <Page title={t('title')} description={t('intro')}>
      <DashboardFilterForm filters={filters} onChange={update} />
      <KeyFigures filters={filters} />
      <DownloadsCard filters={filters} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {REPORT_GROUP_BYS.map((groupBy) => (
          <BreakdownCard key={groupBy} groupBy={groupBy} filters={filters} />
        ))}
      </SimpleGrid>
      <Stack gap="md">
        <MonthlyCard filters={filters} />
        <OfficersCard filters={filters} />
      </Stack>
    </Page>
  );
}

/** /dashboard: managers (and administrators) see the figures; others the "not allowed" page. */
export function DashboardRoute() {
  return (
    <RequirePermission permission="report.read">
      <Dashboard />
    </RequirePermission>
  );
}
