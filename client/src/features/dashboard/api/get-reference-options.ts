import { localizedName, OfficeListSchema, ReferenceListSchema, type ReferenceItem } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n';
import { dashboardKeys } from './dashboard-keys';

export type ReferenceKind = 'municipalities' | 'communities' | 'offices';

export function getReferenceList(
  kind: ReferenceKind,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReferenceItem[]> {
  return kind === 'offices'
    ? apiGet('/api/v1/reference/offices', OfficeListSchema, { signal })
    : apiGet(`/api/v1/reference/${kind}`, ReferenceListSchema, { signal });
}

export function getReferenceQueryOptions(kind: ReferenceKind) {
  return queryOptions({
    queryKey: dashboardKeys.reference(kind),
    queryFn: ({ signal }) => getReferenceList(kind, { signal }),
    // Reference data changes rarely (an administrator's edit): once per session is enough.
    staleTime: 60 * 60_000,
  });
}

/** Select options for a filter, named in the interface language and sorted by name. */
export function useReferenceOptions(kind: ReferenceKind): { value: string; label: string }[] {
  const { language } = useLanguage();
  const { data } = useQuery(getReferenceQueryOptions(kind));
  return useMemo(
    () =>
      (data ?? [])
        .map((item) => ({ value: item.code, label: localizedName(item.names, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [data, language],
  );
}
