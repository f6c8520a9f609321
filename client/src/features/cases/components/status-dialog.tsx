import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import {
  ChangeCaseStatusRequestSchema,
  FATE_TOLD_IN_PERSON,
  type CaseResponse,
  type ChangeCaseStatusRequest,
  type FateStatus,
  type Role,
  type WorkflowStatus,
} from '@mprc/contracts';
import { IconAlertTriangle, IconHeartHandshake } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from './use-notify';
import { Dialog } from './dialog';
import { z } from 'zod';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { ApiError } from '@/lib/api-client';
import { useChangeCaseStatus } from '../api/change-case-status';
import { casesKeys } from '../api/cases-keys';
import { applyServerFieldErrors, translateFieldError } from '../utils/field-errors';
import { statusOptions } from '../utils/status-options';

interface StatusFormValues {
  fateStatus: FateStatus | '';
  workflowStatus: WorkflowStatus | '';
  note: string;
  familyMessage: string;
}

// The shared request schema checks the dialog ('' = no change on that axis).
const StatusFormSchema = z.preprocess((value) => {
  const v = value as StatusFormValues & { version: number };
  return { ...v, fateStatus: v.fateStatus || undefined, workflowStatus: v.workflowStatus || undefined };
}, ChangeCaseStatusRequestSchema) as z.ZodType<ChangeCaseStatusRequest, StatusFormValues>;

const SENSITIVE: readonly FateStatus[] = [...FATE_TOLD_IN_PERSON, 'REMAINS_HANDED_OVER'];

interface StatusDialogProps {
  caseData: Pick<CaseResponse, 'id' | 'caseNumber' | 'version' | 'fateStatus' | 'workflowStatus'>;
  role: Role | null;
  opened: boolean;
  onClose: () => void;
  /** The language the family prefers (primary contact), to remind the officer which language to write in. */
  familyLanguage?: string | null;
}

/** Change the fate and/or workflow status: only the next steps this role may take are offered. */
export function StatusDialog({ caseData, role, opened, onClose, familyLanguage }: StatusDialogProps) {
  const notify = useNotify();
  const { t } = useTranslation('cases');
  const queryClient = useQueryClient();
  const change = useChangeCaseStatus(caseData.id);
  const [error, setError] = useState<unknown>(null);
  const options = statusOptions(role, caseData.fateStatus, caseData.workflowStatus);
  const form = useForm<StatusFormValues, unknown, ChangeCaseStatusRequest>({
    resolver: zodResolver(StatusFormSchema),
    defaultValues: { fateStatus: '', workflowStatus: '', note: '', familyMessage: '' },
  });
  const fate = useWatch({ control: form.control, name: 'fateStatus' });
  const workflow = useWatch({ control: form.control, name: 'workflowStatus' });
  const correction =
    (fate !== '' && options.fateCorrections.includes(fate)) ||
    (workflow !== '' && options.workflowDecisions.includes(workflow));

  const close = () => {
    form.reset();
    setError(null);
    onClose();
  };

  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      const updated = await change.mutateAsync({ ...body, version: caseData.version });
      notify({
        color: 'green',
        title: t('statusDialog.saved.title'),
        message: t('statusDialog.saved.message', { caseNumber: updated.caseNumber }),
      });
      close();
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'VERSION_CONFLICT' || e.code === 'ILLEGAL_TRANSITION')) {
        // Someone moved the case meanwhile: show the current status and its next steps.
        void queryClient.invalidateQueries({ queryKey: casesKeys.detail(caseData.id) });
        form.resetField('fateStatus');
        form.resetField('workflowStatus');
      }
      const { placed } = applyServerFieldErrors(e, form.setError, [
        'fateStatus',
        'workflowStatus',
        'note',
        'familyMessage',
      ]);
      if (placed === 0) setError(e);
    }
  });

  const errorText = (e: { message?: string; type?: string } | undefined) => translateFieldError(t, e);
  const languageName = familyLanguage
    ? t(`contactLanguage.${familyLanguage as 'sq'}`, { defaultValue: familyLanguage })
    : null;

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('statusDialog.title', { caseNumber: caseData.caseNumber })}
      size="lg"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="md">
          <Text size="sm">
            {t('statusDialog.current', {
              fate: t(`fate.${caseData.fateStatus}`),
              workflow: t(`workflow.${caseData.workflowStatus}`),
            })}
          </Text>

          <Controller
            control={form.control}
            name="fateStatus"
            render={({ field, fieldState }) => (
              <Radio.Group
                value={field.value}
                onChange={field.onChange}
                name={field.name}
                label={t('statusDialog.fateHeading')}
                labelProps={{ fz: 'md', fw: 650, mb: 6 }}
                error={errorText(fieldState.error)}
              >
                <Stack gap={8}>
                  <Radio value="" label={t('statusDialog.noChange')} />
                  {options.fateSteps.map((status) => (
                    <Radio key={status} value={status} label={t(`fate.${status}`)} />
                  ))}
                  {options.fateSteps.length === 0 && options.fateCorrections.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('statusDialog.noFateStep')}
                    </Text>
                  ) : null}
                  {options.fateCorrections.length ? (
                    <>
                      <Text size="sm" fw={600} mt={4}>
                        {t('statusDialog.corrections')}
                      </Text>
                      {options.fateCorrections.map((status) => (
                        <Radio
                          key={status}
                          value={status}
                          label={t('statusDialog.correctTo', { status: t(`fate.${status}`) })}
                        />
                      ))}
                    </>
                  ) : null}
                </Stack>
              </Radio.Group>
            )}
          />

          <Controller
            control={form.control}
            name="workflowStatus"
            render={({ field, fieldState }) => (
              <Radio.Group
                value={field.value}
                onChange={field.onChange}
                name={field.name}
                label={t('statusDialog.workflowHeading')}
                labelProps={{ fz: 'md', fw: 650, mb: 6 }}
                error={errorText(fieldState.error)}
              >
                <Stack gap={8}>
                  <Radio value="" label={t('statusDialog.noChange')} />
                  {options.workflowSteps.map((status) => (
                    <Radio key={status} value={status} label={t(`statusDialog.workflowStep.${status}`)} />
                  ))}
                  {options.workflowSteps.length === 0 && options.workflowDecisions.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {caseData.workflowStatus === 'CLOSURE_REQUESTED'
                        ? t('statusDialog.waitingForManager')
                        : t('statusDialog.noWorkflowStep')}
                    </Text>
                  ) : null}
                  {options.workflowDecisions.length ? (
                    <>
                      <Text size="sm" fw={600} mt={4}>
                        {t('statusDialog.managerDecisions')}
                      </Text>
                      {options.workflowDecisions.map((status) => (
                        <Radio
                          key={status}
                          value={status}
                          label={t(
                            caseData.workflowStatus === 'CLOSED'
                              ? 'statusDialog.decision.reopen'
                              : status === 'CLOSED'
                                ? 'statusDialog.decision.approveClosure'
                                : 'statusDialog.decision.rejectClosure',
                          )}
                        />
                      ))}
                    </>
                  ) : null}
                </Stack>
              </Radio.Group>
            )}
          />

          {fate !== '' && SENSITIVE.includes(fate) ? (
            <Alert color="orange" variant="light" icon={<IconHeartHandshake aria-hidden="true" />}>
              <Text size="sm">{t('statusDialog.inPersonFirst')}</Text>
            </Alert>
          ) : null}

          <Textarea
            label={correction ? t('statusDialog.reasonLabel') : t('statusDialog.noteLabel')}
            description={correction ? t('statusDialog.reasonHint') : t('statusDialog.noteHint')}
            withAsterisk
            autosize
            minRows={2}
            {...form.register('note')}
            error={errorText(form.formState.errors.note)}
          />
          <Textarea
            label={t('statusDialog.familyMessageLabel')}
            description={
              languageName
                ? t('statusDialog.familyMessageHintLanguage', { language: languageName })
                : t('statusDialog.familyMessageHint')
            }
            autosize
            minRows={2}
            {...form.register('familyMessage')}
            error={errorText(form.formState.errors.familyMessage)}
          />

          {error ? (
            error instanceof ApiError && (error.code === 'VERSION_CONFLICT' || error.code === 'ILLEGAL_TRANSITION') ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
                {t('statusDialog.changedMeanwhile')}
              </Alert>
            ) : (
              <QueryErrorAlert title={t('statusDialog.error')} error={error} />
            )
          ) : null}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('statusDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
