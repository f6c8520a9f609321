import { Box, Button, FileButton, Loader, Stack, Text } from '@mantine/core';
import type { CaseResponse } from '@mprc/contracts';
import { IconPhotoUp, IconPhotoX, IconUser } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useCan } from '@/lib/authorization';
import { MAX_UPLOAD_BYTES } from '../api/attachments';
import { isPhotoType, PHOTO_TYPES, usePhotoUrl, useSetCasePhoto } from '../api/case-photo';
import { formatSize } from '../utils/format-size';

const WIDTH = 96;
const PHOTO_FORMATS = 'JPEG, PNG, WebP';
const HEIGHT = 120;

/** The words for a failed photo change: 409 (someone saved first) is the one to read carefully. */
export function usePhotoErrorText() {
  const { t } = useTranslation('attachments');
  return (error: unknown, fileName?: string): { title: string; message: string } => {
    const code = error instanceof ApiError ? error.code : null;
    if (code === 'CONFLICT') return { title: t('photo.conflictTitle'), message: t('photo.conflict') };
    if (code === 'PAYLOAD_TOO_LARGE')
      return {
        title: t('photo.failed'),
        message: t('upload.tooLarge', { name: fileName ?? '', limit: formatSize(MAX_UPLOAD_BYTES, t) }),
      };
    if (code === 'UNSUPPORTED_MEDIA_TYPE' || code === 'VALIDATION_FAILED')
      return { title: t('photo.failed'), message: t('photo.notImage', { types: PHOTO_FORMATS }) };
    return { title: t('photo.failed'), message: t('photo.tryAgain') };
  };
}

/** The missing person's photo in the case header, or a placeholder; set, replace or remove it. */
export function CasePhoto({ caseData }: { caseData: CaseResponse }) {
  const { t } = useTranslation('attachments');
  const notify = useNotify();
  const errorText = usePhotoErrorText();
  const canRead = useCan('attachment.read');
  const canUpdate = useCan('case.update');
  const canWrite = useCan('attachment.write');
  const canSet = canUpdate && canRead;
  const canUpload = canSet && canWrite;
  const resetRef = useRef<() => void>(null);
  const photoId = canRead ? caseData.photoAttachmentId : null;
  const { url, failed } = usePhotoUrl(caseData.id, photoId);
  const setPhoto = useSetCasePhoto(caseData);
  const name = `${caseData.firstName} ${caseData.lastName}`;

  const upload = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    if (!isPhotoType(file.type)) {
      notify({ color: 'red', title: t('photo.failed'), message: t('photo.notImage', { types: PHOTO_FORMATS }) });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      notify({
        color: 'red',
        title: t('photo.failed'),
        message: t('upload.tooLarge', { name: file.name, limit: formatSize(MAX_UPLOAD_BYTES, t) }),
      });
      return;
    }
    try {
      await setPhoto.mutateAsync({ file, description: t('photo.description', { name }) });
      notify({ color: 'green', title: t('photo.set'), message: name });
    } catch (error) {
      notify({ color: 'red', ...errorText(error, file.name), autoClose: false });
    }
  };

  const remove = async () => {
    try {
      await setPhoto.mutateAsync({ attachmentId: null });
      notify({ color: 'green', title: t('photo.removed'), message: t('photo.removedHint') });
    } catch (error) {
      notify({ color: 'red', ...errorText(error), autoClose: false });
    }
  };

  return (
    <Stack gap={4} align="center" style={{ flexShrink: 0 }} w={WIDTH + 16}>
      <Box
        w={WIDTH}
        h={HEIGHT}
        style={{
          borderRadius: 'var(--mantine-radius-sm)',
          border: '1px solid var(--mantine-color-gray-4)',
          overflow: 'hidden',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: 'var(--mantine-color-gray-1)',
        }}
      >
        {photoId && url ? (
          <img
            src={url}
            alt={t('photo.alt', { name })}
            width={WIDTH}
            height={HEIGHT}
            style={{ objectFit: 'cover', display: 'block' }}
          />
        ) : photoId && !failed ? (
          <Loader size="sm" aria-label={t('photo.loading')} />
        ) : (
          <Stack gap={2} align="center" p={4}>
            <IconUser size={40} aria-hidden="true" color="var(--mantine-color-gray-6)" />
            <Text size="xs" c="dimmed" ta="center">
              {photoId ? t('photo.unavailable') : t('photo.none')}
            </Text>
          </Stack>
        )}
      </Box>
      {canUpload ? (
        <FileButton onChange={(file) => void upload(file)} accept={PHOTO_TYPES.join(',')} resetRef={resetRef}>
          {(props) => (
            <Button
              {...props}
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPhotoUp size={14} aria-hidden="true" />}
              loading={setPhoto.isPending}
            >
              {photoId ? t('photo.replace') : t('photo.upload')}
            </Button>
          )}
        </FileButton>
      ) : null}
      {canSet && photoId ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          leftSection={<IconPhotoX size={14} aria-hidden="true" />}
          onClick={() => void remove()}
          disabled={setPhoto.isPending}
        >
          {t('photo.remove')}
        </Button>
      ) : null}
    </Stack>
  );
}
