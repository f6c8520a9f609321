import {
  AttachmentListSchema,
  AttachmentResponseSchema,
  type AttachmentResponse,
  type UpdateAttachmentRequest,
  type Visibility,
} from '@mprc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUpload } from '@/features/cases/api/binary-request';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { apiGet, apiPatch, apiUrl } from '@/lib/api-client';

/** The server's default upload limit (UPLOAD_LIMIT_BYTES); it answers 413 beyond it. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const attachmentsKeys = {
  all: ['attachments'] as const,
  list: (caseId: string) => [...attachmentsKeys.all, caseId] as const,
};

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/attachments`;

export function attachmentDownloadUrl(caseId: string, attachmentId: string): string {
  return apiUrl(`${base(caseId)}/${attachmentId}/content`);
}

export function getAttachments(
  caseId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AttachmentResponse[]> {
  return apiGet(base(caseId), AttachmentListSchema, { signal });
}

export function getAttachmentsQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: attachmentsKeys.list(caseId),
    queryFn: ({ signal }) => getAttachments(caseId, { signal }),
  });
}

export function useAttachments(caseId: string) {
  return useQuery(getAttachmentsQueryOptions(caseId));
}

export interface UploadInput {
  file: File;
  visibility: Visibility;
  description: string;
}

export function uploadAttachment(caseId: string, input: UploadInput): Promise<AttachmentResponse> {
  const form = new FormData();
  form.append('visibility', input.visibility);
  if (input.description.trim()) form.append('description', input.description.trim());
  form.append('file', input.file, input.file.name);
  return apiUpload(base(caseId), form, AttachmentResponseSchema);
}

function useAttachmentMutation<V>(caseId: string, mutationFn: (variables: V) => Promise<AttachmentResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: attachmentsKeys.list(caseId) });
      void queryClient.invalidateQueries({ queryKey: casesKeys.timeline(caseId) });
      void queryClient.invalidateQueries({ queryKey: [...casesKeys.detail(caseId), 'history'] });
    },
  });
}

export function useUploadAttachment(caseId: string) {
  return useAttachmentMutation(caseId, (input: UploadInput) => uploadAttachment(caseId, input));
}

export function useUpdateAttachment(caseId: string) {
  return useAttachmentMutation(
    caseId,
    ({ attachmentId, body }: { attachmentId: string; body: UpdateAttachmentRequest }) =>
      apiPatch(`${base(caseId)}/${attachmentId}`, body, AttachmentResponseSchema),
  );
}
