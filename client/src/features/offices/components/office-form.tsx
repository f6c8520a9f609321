import { zodResolver } from '@hookform/resolvers/zod';
import {
  localizedName,
  OFFICE_HOURS_MAX,
  UpdateOfficeRequestSchema,
  type Office,
  type UpdateOfficeFields,
} from '@mprc/contracts';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useId } from 'react';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, useFieldErrorText } from '@/features/auth';
import { useNotify } from '@/features/cases/components/use-notify';
import { errorMessageKey } from '@/lib/error-message';
import { useLanguage } from '@/lib/i18n';
import { useUpdateOffice } from '../api/offices';

export interface OfficeFormValues {
  phone: string;
  email: string;
  hours: { sq: string; sr: string; en: string };
}

const FIELDS = ['phone', 'email', 'hours.sq', 'hours.sr', 'hours.en'] as const;
const HOURS_LANGUAGES = ['sq', 'sr', 'en'] as const;
// Examples stay as an administrator would type them (Serbian in Latin script), in any interface language.
const HOURS_EXAMPLES = { sq: 'E hënë–e premte 08:00–16:00', sr: 'Pon–pet 08:00–16:00', en: 'Mon–Fri 08:00–16:00' };
const EMAIL_EXAMPLE = 'office@example.org';

export function formValuesOf(office: Office): OfficeFormValues {
  return {
    phone: office.phone ?? '',
    email: office.email ?? '',
    hours: { sq: office.hours?.sq ?? '', sr: office.hours?.sr ?? '', en: office.hours?.en ?? '' },
  };
}

/** One office's contact details as families see them; saved with PATCH (empty fields clear). */
export function OfficeForm({ office }: { office: Office }) {
  const { t } = useTranslation('offices');
  const { t: tCommon } = useTranslation('common');
  const { language } = useLanguage();
  const fieldErrorText = useFieldErrorText();
  const notify = useNotify();
  const update = useUpdateOffice();
  const titleId = useId();
  const name = localizedName(office.names, language);
  const form = useForm<OfficeFormValues, unknown, UpdateOfficeFields>({
    // The schema's input is `unknown` (it turns '' into null); the form holds strings.
    resolver: zodResolver(UpdateOfficeRequestSchema) as unknown as Resolver<
      OfficeFormValues,
      unknown,
      UpdateOfficeFields
    >,
    defaultValues: formValuesOf(office),
  });
  const { errors, isSubmitting } = form.formState;

  // The shared schema's messages are English: phone and email get their own words here.
  const errorText = (field: 'phone' | 'email' | 'hours', error: FieldError | undefined) => {
    if (!error) return undefined;
    if (field === 'phone' && !error.type.startsWith('server')) return t('errors.phone');
    if (field === 'email' && !error.type.startsWith('server')) return t('errors.email', { example: EMAIL_EXAMPLE });
    return fieldErrorText(error);
  };

  const submit = form.handleSubmit(async (values) => {
    update.reset();
    try {
      const saved = await update.mutateAsync({ code: office.code, changes: values });
      form.reset(formValuesOf(saved));
      notify({ color: 'green', title: t('saved'), message: name });
    } catch (error) {
      // The typed values stay; the server's field messages go next to their fields.
      if (applyServerFieldErrors(error, form.setError, FIELDS)) update.reset();
    }
  });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={titleId}>
            {name}
          </Title>
          {update.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
              {tCommon(errorMessageKey(update.error))}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('fields.phone')}
              type="tel"
              autoComplete="off"
              description={t('hints.phone')}
              error={errorText('phone', errors.phone)}
              {...form.register('phone')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="off"
              error={errorText('email', errors.email)}
              {...form.register('email')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            {HOURS_LANGUAGES.map((lang) => (
              <Textarea
                key={lang}
                label={t(`fields.hours.${lang}`)}
                description={t(`hints.hours.${lang}`, { example: HOURS_EXAMPLES[lang] })}
                autosize
                minRows={2}
                maxLength={OFFICE_HOURS_MAX}
                error={errorText('hours', errors.hours?.[lang])}
                {...form.register(`hours.${lang}`)}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={isSubmitting}
              leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
              aria-describedby={titleId}
            >
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
