import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { EraseRelativeRequestSchema, type EraseRelativeRequest, type RelativeResponse } from '@mprc/contracts';
import { IconAlertTriangle, IconEraser } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { Dialog } from '@/features/cases/components/dialog';
import { useNotify } from '@/features/cases/components/use-notify';
import { applyServerFieldErrors, translateFieldError } from '@/features/cases/utils/field-errors';
import { ApiError } from '@/lib/api-client';
import { useEraseRelative } from '../api/erase-relative';

/** The server's refusal in plain words: consent still in force, or someone erased them first. */
function refusalKey(error: unknown): 'erase.consentActive' | 'erase.alreadyErased' | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  return error.errors.some((e) => e.field === 'consents') ? 'erase.consentActive' : 'erase.alreadyErased';
}

function EraseDialog({
  caseId,
  relative,
  name,
  onClose,
}: {
  caseId: string;
  relative: RelativeResponse;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const notify = useNotify();
  const erase = useEraseRelative(caseId);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<EraseRelativeRequest>({
    resolver: zodResolver(EraseRelativeRequestSchema),
    defaultValues: { reason: '' },
  });
  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      await erase.mutateAsync({ relativeId: relative.id, body });
      notify({ color: 'green', title: t('erase.doneTitle'), message: t('erase.doneMessage') });
      onClose();
    } catch (e) {
      if (refusalKey(e) || applyServerFieldErrors(e, form.setError, ['reason']).placed === 0) setError(e);
    }
  });
  const refusal = refusalKey(error);
  return (
    <Dialog opened onClose={onClose} title={t('erase.title', { name })} size="lg">
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('erase.title', { name })}>
        <Stack gap="sm">
          <Text size="sm">{t('erase.intro')}</Text>
          <Text size="sm" fw={600}>
            {t('erase.replacedTitle')}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('erase.replacedName')}</List.Item>
            <List.Item>{t('erase.replacedContacts')}</List.Item>
            <List.Item>{t('erase.replacedText')}</List.Item>
            <List.Item>{t('erase.replacedPortal')}</List.Item>
          </List>
          <Text size="sm" fw={600}>
            {t('erase.keptTitle')}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('erase.keptCase')}</List.Item>
            <List.Item>{t('erase.keptStatistics')}</List.Item>
            <List.Item>{t('erase.keptAudit')}</List.Item>
          </List>
          <Alert color="red" variant="light" role="note" icon={<IconAlertTriangle aria-hidden="true" />}>
            {t('erase.irreversible')}
          </Alert>
          <Textarea
            label={t('erase.reason')}
            description={t('erase.reasonHint')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={500}
            {...form.register('reason')}
            error={translateFieldError(tc, form.formState.errors.reason)}
          />
          {error ? (
            refusal ? (
              <Alert color="orange" variant="light" role="alert" title={t('erase.refusedTitle')}>
                {t(refusal)}
              </Alert>
            ) : (
              <QueryErrorAlert title={t('erase.error')} error={error} />
            )
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={form.formState.isSubmitting}>
              {t('erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/**
 * "Erase personal data" for a manager: refused while any consent is in force (the relative's data
 * is shared on their agreement), so the button is then disabled and says why.
 */
export function EraseRelativeAction({ caseId, relative }: { caseId: string; relative: RelativeResponse }) {
  const { t } = useTranslation('relatives');
  const [open, setOpen] = useState(false);
  const hintId = useId();
  const name = `${relative.firstName} ${relative.lastName}`;
  const consentActive = relative.consents.some((consent) => !consent.withdrawnOn);
  return (
    <section aria-label={t('erase.sectionNamed', { name })}>
      <Stack gap={4} align="flex-start">
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconEraser size={14} aria-hidden="true" />}
          disabled={consentActive}
          aria-describedby={consentActive ? hintId : undefined}
          aria-label={t('erase.openNamed', { name })}
          onClick={() => setOpen(true)}
        >
          {t('erase.open')}
        </Button>
        {consentActive ? (
          <Text size="xs" c="dimmed" id={hintId}>
            {t('erase.withdrawFirst')}
          </Text>
        ) : null}
      </Stack>
      {open ? <EraseDialog caseId={caseId} relative={relative} name={name} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
