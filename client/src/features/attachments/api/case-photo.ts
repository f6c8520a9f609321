import { IMAGE_CONTENT_TYPES, type CaseResponse } from '@mprc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { storeUpdatedCase, updateCase } from '@/features/cases/api/update-case';
import { attachmentDownloadUrl, attachmentsKeys, uploadAttachment } from './attachments';

// The missing person's photo: an image attachment of the case named by `photoAttachmentId`.
// Loaded through the same authenticated, audited download route as any document.

export const PHOTO_TYPES: readonly string[] = IMAGE_CONTENT_TYPES;
export const isPhotoType = (contentType: string) => PHOTO_TYPES.includes(contentType);

export async function getAttachmentContent(
  caseId: string,
  attachmentId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Blob> {
  const response = await fetch(attachmentDownloadUrl(caseId, attachmentId), { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
}

async function toDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

/**
 * The photo as a data: URL (nothing to revoke; the query cache lets it go when no page shows it),
 * or null while it loads, when it fails, or when there is none. Fetched once per photo and session,
 * so one download (and one audit entry) rather than one per render.
 */
export function usePhotoUrl(caseId: string, attachmentId: string | null): { url: string | null; failed: boolean } {
  const photo = useQuery({
    // Not under attachmentsKeys: a change to the list must not download the photo again.
    queryKey: ['attachment-content', caseId, attachmentId],
    queryFn: async ({ signal }) => toDataUrl(await getAttachmentContent(caseId, attachmentId!, { signal })),
    enabled: attachmentId !== null,
    staleTime: Infinity,
    retry: 1,
  });
  return { url: attachmentId ? (photo.data ?? null) : null, failed: photo.isError };
}

/**
 * Sets or removes the photo with the case's `version` (a stale one answers 409 and changes nothing);
 * `file` is uploaded first as an internal attachment.
 */
export function useSetCasePhoto(caseData: CaseResponse) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { attachmentId: string | null } | { file: File; description: string }) => {
      let attachmentId: string | null;
      if ('file' in input) {
        const uploaded = await uploadAttachment(caseData.id, {
          file: input.file,
          visibility: 'INTERNAL',
          description: input.description,
        });
        void queryClient.invalidateQueries({ queryKey: attachmentsKeys.list(caseData.id) });
        attachmentId = uploaded.id;
      } else attachmentId = input.attachmentId;
      return updateCase(caseData.id, { photoAttachmentId: attachmentId, version: caseData.version });
    },
    onSuccess: (updated) => storeUpdatedCase(queryClient, updated),
    onError: () => {
      // A 409 means someone else saved first: show their version.
      void queryClient.invalidateQueries({ queryKey: casesKeys.detail(caseData.id), exact: true });
    },
  });
}
