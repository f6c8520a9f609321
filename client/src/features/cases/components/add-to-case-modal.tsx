import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { UpdateCaseRequestSchema, type DuplicateCandidate } from '@mprc/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';
import { LoadingState } from './loading-state';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { ApiError } from '@/lib/api-client';
import { getCase, useCase } from '../api/get-case';
import { updateCase, storeUpdatedCase } from '../api/update-case';
import { useReferenceOptions } from '../api/get-reference-data';
import { additionsFor, type FillableField } from '../utils/add-to-case';
import type { CaseFormValues } from '../utils/case-form';
import { nameWithFather } from '../utils/names';
import { formatPartialDate } from '../utils/partial-date';

interface AddToCaseModalProps {
  candidate: DuplicateCandidate;
  values: CaseFormValues;
  onClose: () => void;
  /** The report was added (or there was nothing to add): continue on that case. */
  onDone: (caseId: string, added: boolean) => void;
}

const LABEL_KEYS = {
  fatherName: 'labels.fatherName',
  dateOfBirth: 'labels.dateOfBirth',
  placeOfBirth: 'labels.placeOfBirth',
  communityCode: 'labels.community',
  missingSince: 'labels.missingSince',
  lastSeenMunicipalityCode: 'labels.lastSeenMunicipality',
  lastSeenPlace: 'labels.lastSeenPlace',
  circumstances: 'labels.circumstances',
} as const satisfies Record<FillableField, string>;

/**
 * "This is the same person": instead of a second case, the report's names, references and the
 * facts the case lacks are added to the existing case, then the officer continues there (to add
 * the relative who reported).
 */
export function AddToCaseModal({ candidate, values, onClose, onDone }: AddToCaseModalProps) {
  const { t } = useTranslation('cases');
  const queryClient = useQueryClient();
  const existing = useCase(candidate.caseId);
  const municipalities = useReferenceOptions('municipalities');
  const communities = useReferenceOptions('communities');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const additions = existing.data ? additionsFor(existing.data, values) : null;
  const invalid = additions?.patch
    ? !UpdateCaseRequestSchema.safeParse({ ...additions.patch, version: 1 }).success
    : false;

  const shown = (field: FillableField, value: string) => {
    if (field === 'dateOfBirth' || field === 'missingSince') return formatPartialDate(value, t);
    if (field === 'lastSeenMunicipalityCode') return municipalities.nameOf(value);
    if (field === 'communityCode') return communities.nameOf(value);
    return value;
  };

  const confirm = async () => {
    if (!existing.data || !additions?.patch) return;
    setSaving(true);
    setError(null);
    try {
      let current = existing.data;
      // Someone changed the case meanwhile: take the new version and work out the additions again.
      for (let attempt = 0; ; attempt++) {
        const patch = additionsFor(current, values).patch;
        if (!patch) break;
        try {
          storeUpdatedCase(queryClient, await updateCase(current.id, { ...patch, version: current.version }));
          break;
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'VERSION_CONFLICT') || attempt > 0) throw e;
          current = await getCase(current.id);
        }
      }
      onDone(candidate.caseId, true);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  return (
    <Dialog opened onClose={onClose} title={t('addToCase.title', { caseNumber: candidate.caseNumber })} size="lg">
      <Stack gap="md">
        <Text>{t('addToCase.intro', { name: nameWithFather(candidate), caseNumber: candidate.caseNumber })}</Text>
        {existing.isPending ? (
          <LoadingState label={t('addToCase.loading')} />
        ) : existing.isError ? (
          <QueryErrorAlert
            title={t('addToCase.loadError')}
            error={existing.error}
            onRetry={() => void existing.refetch()}
          />
        ) : additions?.patch ? (
          <>
            <Text fw={600}>{t('addToCase.willAdd')}</Text>
            <List spacing={4}>
              {additions.otherNames.map((name) => (
                <List.Item key={`name:${name}`}>{t('addToCase.otherName', { name })}</List.Item>
              ))}
              {additions.references.map((r) => (
                <List.Item key={`ref:${r.system}:${r.reference}`}>
                  {t('addToCase.reference', { system: t(`referenceSystem.${r.system}`), reference: r.reference })}
                </List.Item>
              ))}
              {Object.entries(additions.filled).map(([field, value]) => (
                <List.Item key={field}>
                  {t('addToCase.field', {
                    label: t(LABEL_KEYS[field as FillableField]),
                    value: shown(field as FillableField, value),
                  })}
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              {t('addToCase.nothingOverwritten')}
            </Text>
            {invalid ? (
              <Alert color="red" variant="light">
                {t('addToCase.invalid')}
              </Alert>
            ) : null}
          </>
        ) : (
          <Text>{t('addToCase.nothingNew')}</Text>
        )}
        {error ? <QueryErrorAlert title={t('addToCase.saveError')} error={error} /> : null}
        <Text size="sm">{t('addToCase.next')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          {additions && !additions.patch ? (
            <Button onClick={() => onDone(candidate.caseId, false)}>{t('addToCase.goToCase')}</Button>
          ) : (
            <Button onClick={() => void confirm()} loading={saving} disabled={!additions?.patch || invalid}>
              {t('addToCase.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Dialog>
  );
}
