import { localizedName, OfficeListSchema, ReferenceListSchema, type ReferenceItem } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { apiGet } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n';
import { referenceKeys } from './cases-keys';

type Kind = 'municipalities' | 'communities' | 'offices';

export function getReferenceList(kind: Kind, { signal }: { signal?: AbortSignal } = {}): Promise<ReferenceItem[]> {
  return kind === 'offices'
    ? apiGet('/api/v1/reference/offices', OfficeListSchema, { signal })
    : apiGet(`/api/v1/reference/${kind}`, ReferenceListSchema, { signal });
}

export function getReferenceQueryOptions(kind: Kind) {
  return queryOptions({
    queryKey: referenceKeys.list(kind),
    queryFn: ({ signal }) => getReferenceList(kind, { signal }),
    // Reference data changes rarely (an administrator's edit): once per session is enough.
    staleTime: 60 * 60_000,
  });
}

export function useReferenceList(kind: Kind) {
  return useQuery(getReferenceQueryOptions(kind));
}

export interface ReferenceOption {
  value: string;
  label: string;
}

/**
 * Options for a select in the interface language, sorted by name, and a function naming a code
 * (the code itself while the list loads or when it is unknown).
 */
export function useReferenceOptions(kind: Kind): {
  options: ReferenceOption[];
  nameOf: (code: string | null | undefined) => string;
  isPending: boolean;
  isError: boolean;
} {
  const { language } = useLanguage();
  const query = useReferenceList(kind);
  const options = useMemo(
    () =>
      (query.data ?? [])
        .map((item) => ({ value: item.code, label: localizedName(item.names, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [query.data, language],
  );
  const byCode = useMemo(() => new Map(options.map((option) => [option.value, option.label])), [options]);
  const nameOf = useCallback((code: string | null | undefined) => (code ? (byCode.get(code) ?? code) : ''), [byCode]);
  return { options, nameOf, isPending: query.isPending, isError: query.isError };
}
