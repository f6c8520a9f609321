import {
  CommitResponseSchema,
  DryRunResponseSchema,
  ErrorResponseSchema,
  ImportPageSchema,
  ImportRowPageSchema,
  ImportSchema,
  OfficeListSchema,
  SavedImportMappingListSchema,
  SavedImportMappingSchema,
  type CommitRequest,
  type CommitResponse,
  type DryRunRequest,
  type DryRunResponse,
  type ImportReportQuery,
  type ImportResponse,
  type ImportRowFilter,
  type SaveImportMappingRequest,
} from '@mprc/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  apiDelete,
  apiGet,
  apiPost,
  apiUrl,
  getCsrfToken,
  NetworkError,
  UnexpectedResponseError,
} from '@/lib/api-client';
import { importsKeys } from './imports-keys';

export const ROWS_PAGE_SIZE = 25;

// ---------------------------------------------------------------- queries

export const getImportsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: importsKeys.list(page),
    queryFn: ({ signal }) => apiGet('/api/v1/imports', ImportPageSchema, { query: { page, pageSize: 10 }, signal }),
    placeholderData: keepPreviousData,
  });
export const useImports = (page: number) => useQuery(getImportsQueryOptions(page));

export const getImportQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importsKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/v1/imports/${id}`, ImportSchema, { signal }),
  });
export const useImport = (id: string) => useQuery(getImportQueryOptions(id));

export const getImportRowsQueryOptions = (id: string, filter: ImportRowFilter, page: number) =>
  queryOptions({
    queryKey: importsKeys.rows(id, filter, page),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/imports/${id}/rows`, ImportRowPageSchema, {
        query: { filter, page, pageSize: ROWS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
export const useImportRows = (id: string, filter: ImportRowFilter, page: number, enabled: boolean) =>
  useQuery({ ...getImportRowsQueryOptions(id, filter, page), enabled });

export const getSavedMappingsQueryOptions = () =>
  queryOptions({
    queryKey: importsKeys.mappings(),
    queryFn: ({ signal }) => apiGet('/api/v1/imports/mappings', SavedImportMappingListSchema, { signal }),
  });
export const useSavedMappings = () => useQuery(getSavedMappingsQueryOptions());

/** The report of the last dry run, as a plain link (the browser downloads it with the session cookie). */
export const reportUrl = (id: string, query: ImportReportQuery) => apiUrl(`/api/v1/imports/${id}/report`, query);

// ---------------------------------------------------------------- upload

/** POST multipart/form-data: the file in the part `file`. Errors as the JSON client's. */
export async function uploadImport(file: File): Promise<ImportResponse> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(apiUrl('/api/v1/imports'), {
      method: 'POST',
      body: form,
      headers,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError({ cause: error });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(body);
    throw parsed.success
      ? new ApiError({ ...parsed.data, status: response.status })
      : new ApiError({
          status: response.status,
          code:
            response.status === 413 ? 'PAYLOAD_TOO_LARGE' : response.status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST',
          message: `HTTP ${response.status}`,
        });
  }
  const parsed = ImportSchema.safeParse(body);
  if (!parsed.success) throw new UnexpectedResponseError(response.status, { cause: parsed.error });
  return parsed.data;
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: (created) => {
      queryClient.setQueryData(importsKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: importsKeys.lists() });
    },
  });
}

// ---------------------------------------------------------------- dry run, commit

export function useDryRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DryRunRequest): Promise<DryRunResponse> =>
      apiPost(`/api/v1/imports/${id}/dry-run`, body, DryRunResponseSchema),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: importsKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: importsKeys.lists() });
    },
  });
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitRequest): Promise<CommitResponse> =>
      apiPost(`/api/v1/imports/${id}/commit`, body, CommitResponseSchema),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: importsKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: importsKeys.lists() });
      // New cases: the case list must ask again.
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

// ---------------------------------------------------------------- saved mappings

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveImportMappingRequest) => apiPost('/api/v1/imports/mappings', body, SavedImportMappingSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importsKeys.mappings() }),
  });
}

export function useDeleteMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mappingId: string) => apiDelete(`/api/v1/imports/mappings/${mappingId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importsKeys.mappings() }),
  });
}

// ---------------------------------------------------------------- offices (the default office)

export const useOffices = () =>
  useQuery({
    // The same key as the case forms' reference lists: one download per session.
    queryKey: ['reference', 'offices'],
    queryFn: ({ signal }) => apiGet('/api/v1/reference/offices', OfficeListSchema, { signal }),
    staleTime: 60 * 60_000,
  });
