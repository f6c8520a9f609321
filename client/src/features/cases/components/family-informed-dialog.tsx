import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FamilyInformedRequestSchema, type CaseResponse, type FamilyInformedRequest } from '@mprc/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from './use-notify';
import { Dialog } from './dialog';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useRecordFamilyInformed } from '../api/record-family-informed';
import { applyServerFieldErrors, translateFieldError } from '../utils/field-errors';
import { localDay } from '../utils/partial-date';

interface FamilyInformedDialogProps {
  caseData: Pick<CaseResponse, 'id' | 'caseNumber' | 'fateStatus'>;
  opened: boolean;
  onClose: () => void;
}

/** Records that the family was told the news in person; only then does the portal show it. */
export function FamilyInformedDialog({ caseData, opened, onClose }: FamilyInformedDialogProps) {
  const notify = useNotify();
  const { t } = useTranslation('cases');
  const record = useRecordFamilyInformed(caseData.id);
  const [error, setError] = useState<unknown>(null);
  const today = localDay();
  const form = useForm<FamilyInformedRequest>({
    resolver: zodResolver(FamilyInformedRequestSchema),
    defaultValues: { informedOn: today, note: '' },
  });
  const close = () => {
    form.reset({ informedOn: localDay(), note: '' });
    setError(null);
    onClose();
  };
  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      await record.mutateAsync(body);
      notify({
        color: 'green',
        title: t('familyInformed.saved.title'),
        message: t('familyInformed.saved.message'),
      });
      close();
    } catch (e) {
      if (applyServerFieldErrors(e, form.setError, ['informedOn', 'note']).placed === 0) setError(e);
    }
  });
  const errors = form.formState.errors;
  return (
    <Dialog opened={opened} onClose={close} title={t('familyInformed.title')} size="lg">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="md">
          <Text size="sm">{t('familyInformed.intro', { fate: t(`fate.${caseData.fateStatus}`) })}</Text>
          <TextInput
            type="date"
            label={t('familyInformed.informedOn')}
            max={today}
            withAsterisk
            {...form.register('informedOn')}
            error={translateFieldError(t, errors.informedOn)}
            maw={220}
          />
          <Textarea
            label={t('familyInformed.note')}
            description={t('familyInformed.noteHint')}
            withAsterisk
            autosize
            minRows={3}
            {...form.register('note')}
            error={translateFieldError(t, errors.note)}
          />
          {error ? <QueryErrorAlert title={t('familyInformed.error')} error={error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('familyInformed.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
