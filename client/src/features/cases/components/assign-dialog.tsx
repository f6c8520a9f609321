import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import type { CaseResponse } from '@mprc/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from './use-notify';
import { Dialog } from './dialog';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { ApiError } from '@/lib/api-client';
import { useAssignCase } from '../api/assign-case';
import { useOfficers } from '../api/get-officers';
import { useReferenceOptions } from '../api/get-reference-data';

const UNASSIGNED = '__none__';

interface AssignDialogProps {
  caseData: Pick<CaseResponse, 'id' | 'caseNumber' | 'version' | 'officeCode' | 'assignedOfficer'>;
  opened: boolean;
  onClose: () => void;
}

/** Managers: give the case to a liaison officer of its office (or to nobody). */
export function AssignDialog({ caseData, opened, onClose }: AssignDialogProps) {
  const notify = useNotify();
  const { t } = useTranslation('cases');
  const officers = useOfficers(caseData.officeCode, opened);
  const offices = useReferenceOptions('offices');
  const assign = useAssignCase(caseData.id);
  const [selected, setSelected] = useState<string>(caseData.assignedOfficer?.id ?? UNASSIGNED);
  const [error, setError] = useState<unknown>(null);
  const options = [
    { value: UNASSIGNED, label: t('assign.nobody') },
    ...(officers.data ?? []).map((officer) => ({ value: officer.id, label: officer.name })),
  ];
  const close = () => {
    setError(null);
    setSelected(caseData.assignedOfficer?.id ?? UNASSIGNED);
    onClose();
  };
  const save = async () => {
    setError(null);
    try {
      const updated = await assign.mutateAsync({
        officerId: selected === UNASSIGNED ? null : selected,
        version: caseData.version,
      });
      notify({
        color: 'green',
        title: t('assign.saved.title'),
        message: updated.assignedOfficer
          ? t('assign.saved.message', { caseNumber: updated.caseNumber, name: updated.assignedOfficer.name })
          : t('assign.saved.unassigned', { caseNumber: updated.caseNumber }),
      });
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('assign.title', { caseNumber: caseData.caseNumber })}>
      <Stack gap="md">
        <Text size="sm">{t('assign.intro', { office: offices.nameOf(caseData.officeCode) })}</Text>
        {officers.isError ? (
          <QueryErrorAlert
            title={t('assign.loadError')}
            error={officers.error}
            onRetry={() => void officers.refetch()}
          />
        ) : (
          <Select
            label={t('labels.assignedOfficer')}
            data={options}
            value={selected}
            onChange={(value) => setSelected(value ?? UNASSIGNED)}
            allowDeselect={false}
            searchable
            disabled={officers.isPending}
            nothingFoundMessage={t('list.filters.nothingFound')}
          />
        )}
        {error ? (
          error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? (
            <Alert color="orange" variant="light" role="alert">
              {t('assign.conflict')}
            </Alert>
          ) : (
            <QueryErrorAlert title={t('assign.error')} error={error} />
          )
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={assign.isPending} disabled={officers.isPending}>
            {t('assign.submit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
