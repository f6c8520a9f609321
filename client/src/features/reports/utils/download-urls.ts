import type { CaseFilterKey, ExportColumn, ExportFormat, UiLanguage } from '@mprc/contracts';
import { apiUrl } from '@/lib/api-client';

export type ReportFilters = Partial<Record<CaseFilterKey, string>>;

/** The export's address: the browser downloads it straight from the API (streamed, any size). */
export function exportUrl(
  filters: ReportFilters,
  options: { format: ExportFormat; columns: readonly ExportColumn[]; anonymized: boolean; lang: UiLanguage },
): string {
  return apiUrl('/api/v1/exports/cases', {
    ...filters,
    format: options.format,
    columns: options.columns.join(','),
    anonymized: options.anonymized ? 'true' : undefined,
    lang: options.lang,
  });
}

export function summaryPdfUrl(filters: ReportFilters, lang: UiLanguage): string {
  return apiUrl('/api/v1/reports/summary.pdf', { ...filters, lang });
}
