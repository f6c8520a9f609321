import type { ReportGroupBy, UiLanguage } from '@mprc/contracts';
import type { DashboardFilters } from '../utils/dashboard-filters';

// One key factory for the feature: invalidate `dashboardKeys.all` to refresh every figure.
export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (groupBy: ReportGroupBy, filters: DashboardFilters, lang: UiLanguage) =>
    [...dashboardKeys.all, 'summary', groupBy, filters, lang] as const,
  timeseries: (filters: DashboardFilters) => [...dashboardKeys.all, 'timeseries', filters] as const,
  officers: (filters: DashboardFilters) => [...dashboardKeys.all, 'officers', filters] as const,
  reference: (kind: string) => [...dashboardKeys.all, 'reference', kind] as const,
};
