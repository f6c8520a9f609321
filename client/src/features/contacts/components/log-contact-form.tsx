import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import {
  CONTACT_CHANNELS,
  CONTACT_LANGUAGES,
  CreateContactRequestSchema,
  type ContactChannel,
  type ContactLanguage,
  type CreateContactRequest,
  type RelativeResponse,
} from '@mprc/contracts';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { z } from 'zod';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { applyServerFieldErrors, translateFieldError } from '@/features/cases/utils/field-errors';
import { localDay, toDateTimeLocalValue } from '@/features/cases/utils/partial-date';
import { useCreateContact } from '../api/save-contact';

export interface ContactFormValues {
  channel: ContactChannel;
  /** `<input type="datetime-local">`: local time, no zone. */
  occurredAt: string;
  relativeId: string;
  language: ContactLanguage | '';
  interpreterUsed: boolean;
  summary: string;
  familyVisibleSummary: string;
  followUpOn: string;
}

const FIELDS = [
  'channel',
  'occurredAt',
  'relativeId',
  'language',
  'interpreterUsed',
  'summary',
  'familyVisibleSummary',
  'followUpOn',
] as const;

// The shared request schema checks the form: local time becomes an instant, '' means none.
export const ContactFormSchema = z.preprocess((value) => {
  const v = value as ContactFormValues;
  const at = v.occurredAt ? new Date(v.occurredAt) : null;
  return {
    ...v,
    occurredAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : undefined,
    relativeId: v.relativeId || null,
    language: v.language || null,
  };
}, CreateContactRequestSchema) as z.ZodType<CreateContactRequest, ContactFormValues>;

function emptyContact(relatives: RelativeResponse[]): ContactFormValues {
  const primary = relatives.find((r) => r.isPrimaryContact) ?? (relatives.length === 1 ? relatives[0] : undefined);
  const language =
    primary && (CONTACT_LANGUAGES as readonly string[]).includes(primary.preferredLanguage)
      ? (primary.preferredLanguage as ContactLanguage)
      : '';
  return {
    channel: 'VISIT',
    occurredAt: toDateTimeLocalValue(),
    relativeId: primary?.id ?? '',
    language,
    interpreterUsed: false,
    summary: '',
    familyVisibleSummary: '',
    followUpOn: '',
  };
}

/** Log a visit, call, meeting or letter with the family. */
export function LogContactForm({
  caseId,
  relatives,
  onDone,
}: {
  caseId: string;
  relatives: RelativeResponse[];
  onDone: () => void;
}) {
  const notify = useNotify();
  const { t } = useTranslation('contacts');
  const { t: tc } = useTranslation('cases');
  const create = useCreateContact(caseId);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<ContactFormValues, unknown, CreateContactRequest>({
    resolver: zodResolver(ContactFormSchema),
    defaultValues: emptyContact(relatives),
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const err = (e: { message?: string; type?: string } | undefined) => translateFieldError(tc, e);

  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      await create.mutateAsync(body);
      notify({ color: 'green', title: t('form.saved'), message: t('form.savedMessage') });
      onDone();
    } catch (e) {
      if (applyServerFieldErrors(e, form.setError, FIELDS).placed === 0) setError(e);
    }
  });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="log-contact-heading">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="log-contact-heading">
            {t('form.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Controller
              control={form.control}
              name="channel"
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  label={t('fields.channel')}
                  withAsterisk
                  data={CONTACT_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                  allowDeselect={false}
                />
              )}
            />
            <TextInput
              type="datetime-local"
              label={t('fields.occurredAt')}
              withAsterisk
              max={toDateTimeLocalValue()}
              {...form.register('occurredAt')}
              error={err(errors.occurredAt)}
            />
            <Controller
              control={form.control}
              name="relativeId"
              render={({ field, fieldState }) => (
                <Select
                  ref={field.ref}
                  label={t('fields.relative')}
                  placeholder={t('form.noRelative')}
                  data={relatives
                    .filter((r) => !r.erased)
                    .map((r) => ({ value: r.id, label: `${r.firstName} ${r.lastName}` }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  clearable
                  clearButtonProps={{ 'aria-label': t('form.clearRelative') }}
                  error={err(fieldState.error)}
                />
              )}
            />
            <Controller
              control={form.control}
              name="language"
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  label={t('fields.language')}
                  data={CONTACT_LANGUAGES.map((value) => ({ value, label: tc(`contactLanguage.${value}`) }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  clearable
                  clearButtonProps={{ 'aria-label': t('form.clearLanguage') }}
                />
              )}
            />
          </SimpleGrid>
          <Checkbox label={t('fields.interpreterUsed')} {...form.register('interpreterUsed')} />
          <Textarea
            label={t('fields.summary')}
            description={t('form.summaryHint')}
            withAsterisk
            autosize
            minRows={3}
            leftSection={<IconLock size={16} aria-hidden="true" />}
            leftSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 8 } }}
            {...form.register('summary')}
            error={err(errors.summary)}
          />
          <Textarea
            label={t('fields.familyVisibleSummary')}
            description={t('form.familyHint')}
            autosize
            minRows={2}
            leftSection={<IconUsers size={16} aria-hidden="true" />}
            leftSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 8 } }}
            {...form.register('familyVisibleSummary')}
            error={err(errors.familyVisibleSummary)}
          />
          <TextInput
            type="date"
            label={t('fields.followUpOn')}
            description={t('form.followUpHint')}
            min={localDay()}
            {...form.register('followUpOn')}
            error={err(errors.followUpOn)}
            maw={240}
          />
          {error ? <QueryErrorAlert title={t('form.error')} error={error} /> : null}
          <Group gap="sm">
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('form.submit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {tc('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
