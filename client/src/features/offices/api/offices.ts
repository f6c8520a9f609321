import { OfficeListSchema, OfficeSchema, type Office, type UpdateOfficeRequest } from '@mprc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { referenceKeys } from '@/features/cases/api/cases-keys';
import { usersKeys } from '@/features/users/api/users-keys';
import { apiGet, apiPatch } from '@/lib/api-client';

// One key factory for the feature: the admin page reads the offices fresh, not from the
// hour-long reference cache other pages use.
export const officesKeys = {
  all: ['offices'] as const,
  list: () => [...officesKeys.all, 'list'] as const,
};

export function getOffices({ signal }: { signal?: AbortSignal } = {}): Promise<Office[]> {
  return apiGet('/api/v1/reference/offices', OfficeListSchema, { signal });
}

export function getOfficesQueryOptions() {
  return queryOptions({ queryKey: officesKeys.list(), queryFn: ({ signal }) => getOffices({ signal }) });
}

export function useOfficesList() {
  return useQuery(getOfficesQueryOptions());
}

/** Phone, email and opening hours per language (reference.manage). */
export function updateOffice({ code, changes }: { code: string; changes: UpdateOfficeRequest }): Promise<Office> {
  return apiPatch(`/api/v1/reference/offices/${encodeURIComponent(code)}`, changes, OfficeSchema);
}

export function useUpdateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOffice,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: officesKeys.all });
      // The other features' cached copies of the same list.
      void queryClient.invalidateQueries({ queryKey: usersKeys.offices() });
      void queryClient.invalidateQueries({ queryKey: referenceKeys.list('offices') });
    },
  });
}
