import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  CreateCaseMessageRequestSchema,
  MESSAGE_MAX_LENGTH,
  type CaseMessage,
  type CaseResponse,
  type CreateCaseMessageRequest,
} from '@mprc/contracts';
import { IconCalendarEvent, IconMessage, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { LoadingState } from '@/features/cases/components/loading-state';
import { z } from 'zod';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { applyServerFieldErrors, translateFieldError } from '@/features/cases/utils/field-errors';
import { formatDateTime } from '@/features/cases/utils/partial-date';
import { useRelatives } from '@/features/relatives/api/get-relatives';
import { useCan } from '@/lib/authorization';
import { useMarkRead, useReply, useThread } from '../api/messages';

interface ReplyFormValues {
  body: string;
  relativeId: string;
}

const ReplySchema = z.preprocess((value) => {
  const v = value as ReplyFormValues;
  return { body: v.body, relativeId: v.relativeId || undefined };
}, CreateCaseMessageRequestSchema) as z.ZodType<CreateCaseMessageRequest, ReplyFormValues>;

function MessageBubble({ message }: { message: CaseMessage }) {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation('cases');
  const fromFamily = message.fromFamily;
  const who = fromFamily
    ? message.relative
      ? `${message.relative.firstName} ${message.relative.lastName}`
      : t('thread.family')
    : (message.author?.name ?? t('thread.office'));
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      maw={{ base: '100%', sm: '80%' }}
      ml={fromFamily ? 0 : 'auto'}
      bg={fromFamily ? 'gray.0' : 'blue.0'}
    >
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={600}>
            {fromFamily ? t('thread.fromFamily', { name: who }) : t('thread.fromOffice', { name: who })}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt, tc)}
          </Text>
        </Group>
        {!fromFamily && message.relative ? (
          <Text size="xs" c="dimmed">
            {t('thread.to', { name: `${message.relative.firstName} ${message.relative.lastName}` })}
          </Text>
        ) : null}
        {message.meetingRequested ? (
          <Badge
            color="orange"
            variant="light"
            tt="none"
            leftSection={<IconCalendarEvent size={12} aria-hidden="true" />}
          >
            {t('thread.meetingRequested')}
          </Badge>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
        <Text size="xs" c="dimmed">
          {fromFamily
            ? message.readAt
              ? t('thread.readByStaff', { time: formatDateTime(message.readAt, tc) })
              : t('thread.unread')
            : message.readAt
              ? t('thread.readByFamily', { time: formatDateTime(message.readAt, tc) })
              : t('thread.notReadByFamily')}
        </Text>
      </Stack>
    </Paper>
  );
}

function ReplyForm({ caseData }: { caseData: CaseResponse }) {
  const notify = useNotify();
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation('cases');
  const relatives = useRelatives(caseData.id, useCan('relative.read'));
  const reply = useReply(caseData.id);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<ReplyFormValues, unknown, CreateCaseMessageRequest>({
    resolver: zodResolver(ReplySchema),
    defaultValues: { body: '', relativeId: '' },
  });
  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      await reply.mutateAsync(body);
      form.reset({ body: '', relativeId: form.getValues('relativeId') });
      notify({ color: 'green', title: t('reply.sent'), message: t('reply.sentMessage') });
    } catch (e) {
      if (applyServerFieldErrors(e, form.setError, ['body', 'relativeId']).placed === 0) setError(e);
    }
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="reply-heading">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="reply-heading">
            {t('reply.title')}
          </Title>
          <Controller
            control={form.control}
            name="relativeId"
            render={({ field, fieldState }) => (
              <Select
                ref={field.ref}
                label={t('reply.to')}
                data={[
                  { value: '', label: t('reply.everyone') },
                  ...(relatives.data ?? [])
                    .filter((r) => !r.erased)
                    .map((r) => ({ value: r.id, label: `${r.firstName} ${r.lastName}` })),
                ]}
                value={field.value}
                onChange={(value) => field.onChange(value ?? '')}
                allowDeselect={false}
                error={translateFieldError(tc, fieldState.error)}
                maw={400}
              />
            )}
          />
          <Textarea
            label={t('reply.body')}
            description={t('reply.hint')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={MESSAGE_MAX_LENGTH}
            {...form.register('body')}
            error={translateFieldError(tc, form.formState.errors.body)}
          />
          {error ? <QueryErrorAlert title={t('reply.error')} error={error} /> : null}
          <Group>
            <Button
              type="submit"
              leftSection={<IconSend size={16} aria-hidden="true" />}
              loading={form.formState.isSubmitting}
            >
              {t('reply.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The case's messages with the family, oldest first; opening the tab marks the family's messages read. */
export function MessagesTab({ caseData }: { caseData: CaseResponse }) {
  const { t } = useTranslation('inbox');
  const thread = useThread(caseData.id);
  const markRead = useMarkRead(caseData.id);
  const marked = useRef(false);
  const unread = thread.data?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0 && !marked.current) {
      marked.current = true;
      markRead.mutate();
    }
  }, [unread, markRead]);

  return (
    <Stack gap="md">
      {thread.isPending ? (
        <LoadingState label={t('thread.loading')} />
      ) : thread.isError ? (
        <QueryErrorAlert title={t('thread.error')} error={thread.error} onRetry={() => void thread.refetch()} />
      ) : thread.data.items.length === 0 ? (
        <EmptyResult
          icon={<IconMessage size={28} aria-hidden="true" />}
          title={t('thread.none')}
          description={t('thread.noneHint')}
        />
      ) : (
        <Stack
          component="ol"
          gap="sm"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('thread.label')}
        >
          {thread.data.items.map((message) => (
            <MessageBubble key={message.id} message={message} />
          ))}
        </Stack>
      )}
      <ReplyForm caseData={caseData} />
    </Stack>
  );
}
