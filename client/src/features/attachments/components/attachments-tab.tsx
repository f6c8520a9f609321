import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { ATTACHMENT_TYPES, type AttachmentResponse, type CaseResponse, type Visibility } from '@mprc/contracts';
import { IconDownload, IconFileUpload, IconLock, IconPaperclip, IconPhoto, IconUsers } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { LoadingState } from '@/features/cases/components/loading-state';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { formatDateTime } from '@/features/cases/utils/partial-date';
import { ApiError } from '@/lib/api-client';
import { useCan } from '@/lib/authorization';
import {
  attachmentDownloadUrl,
  MAX_UPLOAD_BYTES,
  useAttachments,
  useUpdateAttachment,
  useUploadAttachment,
} from '../api/attachments';
import { isPhotoType, useSetCasePhoto } from '../api/case-photo';
import { formatSize } from '../utils/format-size';
import { usePhotoErrorText } from './case-photo';

const ACCEPT = [...Object.keys(ATTACHMENT_TYPES), ...Object.values(ATTACHMENT_TYPES).map((ext) => `.${ext}`)].join(',');
const EXTENSIONS = [...new Set(Object.values(ATTACHMENT_TYPES))].map((ext) => ext.toUpperCase()).join(', ');

function UploadForm({ caseId }: { caseId: string }) {
  const notify = useNotify();
  const { t } = useTranslation('attachments');
  const upload = useUploadAttachment(caseId);
  const resetRef = useRef<() => void>(null);
  const [dragging, setDragging] = useState(false);
  const [visibility, setVisibility] = useState<Visibility>('INTERNAL');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const limit = formatSize(MAX_UPLOAD_BYTES, t);

  const send = async (files: File[]) => {
    const issues: string[] = [];
    for (const file of files) {
      if (file.size > MAX_UPLOAD_BYTES) {
        issues.push(t('upload.tooLarge', { name: file.name, limit }));
        continue;
      }
      setUploading(file.name);
      try {
        await upload.mutateAsync({ file, visibility, description });
        notify({ color: 'green', title: t('upload.done'), message: file.name });
      } catch (e) {
        const code = e instanceof ApiError ? e.code : null;
        issues.push(
          code === 'PAYLOAD_TOO_LARGE'
            ? t('upload.tooLarge', { name: file.name, limit })
            : code === 'UNSUPPORTED_MEDIA_TYPE'
              ? t('upload.badType', { name: file.name, types: EXTENSIONS })
              : t('upload.failed', { name: file.name }),
        );
      }
    }
    setUploading(null);
    setProblems(issues);
    if (issues.length < files.length) setDescription('');
    resetRef.current?.();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length) void send(files);
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="upload-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="upload-heading">
          {t('upload.title')}
        </Title>
        <Radio.Group
          label={t('upload.visibility')}
          value={visibility}
          onChange={(value) => setVisibility(value as Visibility)}
        >
          <Stack gap={6} mt={6}>
            <Radio value="INTERNAL" label={t('visibility.INTERNAL')} description={t('upload.internalHint')} />
            <Radio value="FAMILY" label={t('visibility.FAMILY')} description={t('upload.familyHint')} />
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('upload.description')}
          value={description}
          maxLength={500}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <Paper
          withBorder
          p="lg"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            borderColor: dragging ? 'var(--mantine-color-blue-7)' : undefined,
            background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Stack align="center" gap="xs">
            <IconFileUpload size={32} aria-hidden="true" />
            <Text ta="center">{t('upload.drop')}</Text>
            <FileButton
              onChange={(files) => files.length && void send(files)}
              multiple
              accept={ACCEPT}
              resetRef={resetRef}
            >
              {(props) => (
                <Button {...props} variant="default" loading={uploading !== null}>
                  {t('upload.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed" ta="center">
              {t('upload.limits', { limit, types: EXTENSIONS })}
            </Text>
            {uploading ? (
              <Text size="sm" role="status">
                {t('upload.uploading', { name: uploading })}
              </Text>
            ) : null}
          </Stack>
        </Paper>
        {problems.length ? (
          <Alert color="red" variant="light" role="alert" title={t('upload.problems')}>
            <Stack gap={4}>
              {problems.map((problem) => (
                <Text size="sm" key={problem}>
                  {problem}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function AttachmentItem({ caseData, attachment }: { caseData: CaseResponse; attachment: AttachmentResponse }) {
  const caseId = caseData.id;
  const notify = useNotify();
  const { t } = useTranslation('attachments');
  const { t: tc } = useTranslation('cases');
  const canWrite = useCan('attachment.write');
  const canSetPhoto = useCan('case.update');
  const update = useUpdateAttachment(caseId);
  const setPhoto = useSetCasePhoto(caseData);
  const photoErrorText = usePhotoErrorText();
  const family = attachment.visibility === 'FAMILY';
  const isPhoto = caseData.photoAttachmentId === attachment.id;
  const usable = isPhotoType(attachment.contentType);
  const chooseAsPhoto = async () => {
    try {
      await setPhoto.mutateAsync({ attachmentId: attachment.id });
      notify({ color: 'green', title: t('photo.set'), message: attachment.fileName });
    } catch (error) {
      notify({ color: 'red', ...photoErrorText(error, attachment.fileName), autoClose: false });
    }
  };
  const toggle = async () => {
    try {
      await update.mutateAsync({ attachmentId: attachment.id, body: { visibility: family ? 'INTERNAL' : 'FAMILY' } });
    } catch {
      notify({ color: 'red', title: t('visibilityError'), message: attachment.fileName });
    }
  };
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
          <Anchor
            href={attachmentDownloadUrl(caseId, attachment.id)}
            download={attachment.fileName}
            fw={600}
            style={{ overflowWrap: 'anywhere', minWidth: 0 }}
          >
            <IconDownload size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
            {attachment.fileName}
          </Anchor>
          <Group gap={4} justify="flex-end" style={{ flexShrink: 0 }}>
            {isPhoto ? (
              <Badge variant="light" color="blue" tt="none" leftSection={<IconPhoto size={12} aria-hidden="true" />}>
                {t('photo.current')}
              </Badge>
            ) : null}
            <Badge
              variant="light"
              color={family ? 'green' : 'gray'}
              tt="none"
              leftSection={
                family ? <IconUsers size={12} aria-hidden="true" /> : <IconLock size={12} aria-hidden="true" />
              }
              style={{ flexShrink: 0 }}
            >
              {t(`visibility.${attachment.visibility}`)}
            </Badge>
          </Group>
        </Group>
        {attachment.description ? <Text size="sm">{attachment.description}</Text> : null}
        <Text size="sm" c="dimmed">
          {[
            formatSize(attachment.size, t),
            formatDateTime(attachment.createdAt, tc),
            attachment.uploadedBy ? t('by', { name: attachment.uploadedBy.name }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap="xs">
          {canWrite ? (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => void toggle()}
              loading={update.isPending}
              aria-label={
                family
                  ? t('makeInternalNamed', { name: attachment.fileName })
                  : t('shareNamed', { name: attachment.fileName })
              }
            >
              {family ? t('makeInternal') : t('share')}
            </Button>
          ) : null}
          {canSetPhoto && usable && !isPhoto ? (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPhoto size={14} aria-hidden="true" />}
              onClick={() => void chooseAsPhoto()}
              loading={setPhoto.isPending}
              aria-label={t('photo.useAsPhotoNamed', { name: attachment.fileName })}
            >
              {t('photo.useAsPhoto')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

export function AttachmentsTab({ caseData }: { caseData: CaseResponse }) {
  const { t } = useTranslation('attachments');
  const canWrite = useCan('attachment.write');
  const attachments = useAttachments(caseData.id);
  return (
    <Stack gap="md">
      {canWrite ? <UploadForm caseId={caseData.id} /> : null}
      {attachments.isPending ? (
        <LoadingState label={t('loading')} />
      ) : attachments.isError ? (
        <QueryErrorAlert title={t('loadError')} error={attachments.error} onRetry={() => void attachments.refetch()} />
      ) : attachments.data.length === 0 ? (
        <EmptyResult icon={<IconPaperclip size={28} aria-hidden="true" />} title={t('none')} />
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('listLabel')}>
          {attachments.data.map((attachment) => (
            <AttachmentItem key={attachment.id} caseData={caseData} attachment={attachment} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
