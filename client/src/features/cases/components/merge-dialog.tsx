import { Alert, Button, Checkbox, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { parseCaseNumber, type CaseResponse } from '@mprc/contracts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from './use-notify';
import { Dialog } from './dialog';
import { LoadingState } from './loading-state';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { ApiError } from '@/lib/api-client';
import { getCaseQueryOptions } from '../api/get-case';
import { useDuplicates } from '../api/get-duplicates';
import { useMergeCase } from '../api/merge-case';
import { nameWithFather } from '../utils/names';
import { CaseStatusBadges } from './case-status-badges';

interface MergeDialogProps {
  caseData: CaseResponse;
  opened: boolean;
  onClose: () => void;
}

/**
 * Managers: merge a duplicate into this case. Everything of the duplicate (relatives, contacts,
 * references, attachments, history) moves here; the duplicate is closed and its number leads here.
 */
export function MergeDialog({ caseData, opened, onClose }: MergeDialogProps) {
  const notify = useNotify();
  const { t } = useTranslation('cases');
  const suggestions = useDuplicates({
    firstName: caseData.firstName,
    lastName: caseData.lastName,
    fatherName: caseData.fatherName ?? undefined,
    birthYear: caseData.birthYear ?? undefined,
    excludeCaseId: caseData.id,
  });
  const [choice, setChoice] = useState<string>('');
  const [typedNumber, setTypedNumber] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const merge = useMergeCase(caseData.id);
  const lookupKey = choice === 'number' ? parseCaseNumber(typedNumber) : choice || null;
  const duplicate = useQuery({ ...getCaseQueryOptions(lookupKey ?? ''), enabled: opened && !!lookupKey, retry: false });
  const sameCase = duplicate.data?.id === caseData.id;

  const close = () => {
    setChoice('');
    setTypedNumber('');
    setUnderstood(false);
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (!duplicate.data) return;
    setError(null);
    try {
      const survivor = await merge.mutateAsync({ duplicateCaseId: duplicate.data.id, version: caseData.version });
      notify({
        color: 'green',
        title: t('merge.done.title'),
        message: t('merge.done.message', { duplicate: duplicate.data.caseNumber, survivor: survivor.caseNumber }),
      });
      close();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog opened={opened} onClose={close} title={t('merge.title', { caseNumber: caseData.caseNumber })} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('merge.intro', { caseNumber: caseData.caseNumber })}</Text>
        <Radio.Group
          label={t('merge.pick')}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setUnderstood(false);
          }}
        >
          <Stack gap={8} mt={6}>
            {suggestions.isPending ? <LoadingState inline size="sm" label={t('merge.searching')} /> : null}
            {(suggestions.data ?? []).map((candidate) => (
              <Radio
                key={candidate.caseId}
                value={candidate.caseId}
                label={t('merge.candidate', {
                  caseNumber: candidate.caseNumber,
                  name: nameWithFather(candidate),
                  percent: Math.round(candidate.score * 100),
                })}
              />
            ))}
            {suggestions.data?.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('merge.noSuggestions')}
              </Text>
            ) : null}
            <Radio value="number" label={t('merge.byNumber')} />
          </Stack>
        </Radio.Group>
        {choice === 'number' ? (
          <TextInput
            label={t('labels.caseNumber')}
            placeholder="MP-000123"
            value={typedNumber}
            onChange={(event) => {
              setTypedNumber(event.currentTarget.value);
              setUnderstood(false);
            }}
            error={
              typedNumber.trim() && !parseCaseNumber(typedNumber)
                ? t('merge.badNumber', { example: 'MP-000123' })
                : undefined
            }
            maw={260}
          />
        ) : null}

        {duplicate.isError ? (
          <Alert color="red" variant="light" role="alert">
            {duplicate.error instanceof ApiError && duplicate.error.status === 404
              ? t('merge.notFound')
              : t('merge.loadError')}
          </Alert>
        ) : null}
        {sameCase ? (
          <Alert color="red" variant="light" role="alert">
            {t('merge.sameCase')}
          </Alert>
        ) : null}
        {duplicate.data && !sameCase ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('merge.warningTitle')}
          >
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {duplicate.data.caseNumber} · {nameWithFather(duplicate.data)}
              </Text>
              <CaseStatusBadges fate={duplicate.data.fateStatus} workflow={duplicate.data.workflowStatus} />
              <Text size="sm">
                {t('merge.warning', { duplicate: duplicate.data.caseNumber, survivor: caseData.caseNumber })}
              </Text>
              <Checkbox
                label={t('merge.understand', { duplicate: duplicate.data.caseNumber })}
                checked={understood}
                onChange={(event) => setUnderstood(event.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        ) : null}
        {error ? <QueryErrorAlert title={t('merge.error')} error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => void confirm()}
            loading={merge.isPending}
            disabled={!duplicate.data || sameCase || !understood}
          >
            {t('merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
