import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  CONTACT_LANGUAGES,
  CreateRelativeRequestSchema,
  DNA_SAMPLE_VALUES,
  RELATIONSHIPS,
  UpdateRelativeRequestSchema,
  type ContactLanguage,
  type CreateRelativeRequest,
  type DnaSample,
  type Relationship,
  type RelativeResponse,
  type UpdateRelativeRequest,
} from '@mprc/contracts';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { Dialog } from '@/features/cases/components/dialog';
import { z } from 'zod';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { applyServerFieldErrors, translateFieldError } from '@/features/cases/utils/field-errors';
import { useCreateRelative, useUpdateRelative } from '../api/save-relative';

export interface RelativeFormValues {
  firstName: string;
  lastName: string;
  relationship: Relationship | '';
  phone: string;
  email: string;
  address: string;
  preferredLanguage: ContactLanguage;
  dnaSampleGiven: DnaSample;
  isPrimaryContact: boolean;
}

const FIELDS = [
  'firstName',
  'lastName',
  'relationship',
  'phone',
  'email',
  'address',
  'preferredLanguage',
  'dnaSampleGiven',
  'isPrimaryContact',
] as const;

const noRelationship = (value: unknown) => {
  const v = value as RelativeFormValues;
  return { ...v, relationship: v.relationship || undefined };
};
const CreateSchema = z.preprocess(noRelationship, CreateRelativeRequestSchema) as z.ZodType<
  CreateRelativeRequest,
  RelativeFormValues
>;
const UpdateSchema = z.preprocess(noRelationship, UpdateRelativeRequestSchema) as z.ZodType<
  UpdateRelativeRequest,
  RelativeFormValues
>;

function toFormValues(relative: RelativeResponse | null, isFirst: boolean): RelativeFormValues {
  if (!relative)
    return {
      firstName: '',
      lastName: '',
      relationship: '',
      phone: '',
      email: '',
      address: '',
      preferredLanguage: 'sq',
      dnaSampleGiven: 'UNKNOWN',
      isPrimaryContact: isFirst,
    };
  return {
    firstName: relative.firstName,
    lastName: relative.lastName,
    relationship: (RELATIONSHIPS as readonly string[]).includes(relative.relationship)
      ? (relative.relationship as Relationship)
      : 'OTHER',
    phone: relative.phone ?? '',
    email: relative.email ?? '',
    address: relative.address ?? '',
    preferredLanguage: (CONTACT_LANGUAGES as readonly string[]).includes(relative.preferredLanguage)
      ? (relative.preferredLanguage as ContactLanguage)
      : 'sq',
    dnaSampleGiven: relative.dnaSampleGiven,
    isPrimaryContact: relative.isPrimaryContact,
  };
}

interface RelativeFormModalProps {
  caseId: string;
  /** The relative to edit; null adds a new one. */
  relative: RelativeResponse | null;
  /** The case has no relative yet: the first one starts as the primary contact. */
  isFirst: boolean;
  onClose: () => void;
}

export function RelativeFormModal({ caseId, relative, isFirst, onClose }: RelativeFormModalProps) {
  const notify = useNotify();
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const create = useCreateRelative(caseId);
  const update = useUpdateRelative(caseId);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<RelativeFormValues, unknown, CreateRelativeRequest | UpdateRelativeRequest>({
    resolver: zodResolver(relative ? UpdateSchema : CreateSchema),
    defaultValues: toFormValues(relative, isFirst),
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const err = (e: { message?: string; type?: string } | undefined) => translateFieldError(tc, e);

  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      const saved = relative
        ? await update.mutateAsync({ relativeId: relative.id, body: body as UpdateRelativeRequest })
        : await create.mutateAsync(body as CreateRelativeRequest);
      notify({
        color: 'green',
        title: relative ? t('form.savedTitle') : t('form.addedTitle'),
        message: t('form.savedMessage', { name: `${saved.firstName} ${saved.lastName}` }),
      });
      onClose();
    } catch (e) {
      if (applyServerFieldErrors(e, form.setError, FIELDS).placed === 0) setError(e);
    }
  });

  return (
    <Dialog opened onClose={onClose} title={relative ? t('form.editTitle') : t('form.addTitle')} size="lg">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('fields.firstName')}
              withAsterisk
              {...form.register('firstName')}
              error={err(errors.firstName)}
            />
            <TextInput
              label={t('fields.lastName')}
              withAsterisk
              {...form.register('lastName')}
              error={err(errors.lastName)}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="relationship"
            render={({ field, fieldState }) => (
              <Select
                ref={field.ref}
                label={t('fields.relationship')}
                description={t('form.relationshipHint')}
                withAsterisk
                data={RELATIONSHIPS.map((value) => ({ value, label: t(`relationship.${value}`) }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                searchable
                error={err(fieldState.error)}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('fields.phone')}
              type="tel"
              autoComplete="off"
              {...form.register('phone')}
              error={err(errors.phone)}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="off"
              {...form.register('email')}
              error={err(errors.email)}
            />
          </SimpleGrid>
          <Textarea
            label={t('fields.address')}
            autosize
            minRows={2}
            {...form.register('address')}
            error={err(errors.address)}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Controller
              control={form.control}
              name="preferredLanguage"
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  label={t('fields.preferredLanguage')}
                  data={CONTACT_LANGUAGES.map((value) => ({ value, label: tc(`contactLanguage.${value}`) }))}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={form.control}
              name="dnaSampleGiven"
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  label={t('fields.dnaSample')}
                  description={t('form.dnaHint')}
                  data={DNA_SAMPLE_VALUES.map((value) => ({ value, label: t(`dna.${value}`) }))}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                  allowDeselect={false}
                />
              )}
            />
          </SimpleGrid>
          <Checkbox
            label={t('fields.primaryContact')}
            description={t('form.primaryHint')}
            {...form.register('isPrimaryContact')}
          />
          {error ? <QueryErrorAlert title={t('form.error')} error={error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {relative ? t('form.save') : t('form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
