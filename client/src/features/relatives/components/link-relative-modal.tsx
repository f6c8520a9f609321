import { Button, Checkbox, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { RELATIONSHIPS, type Relationship } from '@mprc/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { Dialog } from '@/features/cases/components/dialog';
import { LoadingState } from '@/features/cases/components/loading-state';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useCases } from '@/features/cases/api/get-cases';
import { nameWithFather } from '@/features/cases/utils/names';
import { useRelatives } from '../api/get-relatives';
import { useCreateRelative } from '../api/save-relative';

/**
 * Links a relative already recorded on another case (one family, several missing members): find
 * that case, pick the person, say how they are related to this missing person.
 */
export function LinkRelativeModal({
  caseId,
  linkedIds,
  onClose,
}: {
  caseId: string;
  /** Relatives already on this case. */
  linkedIds: string[];
  onClose: () => void;
}) {
  const notify = useNotify();
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 400);
  const cases = useCases({
    q: debouncedQ || undefined,
    pageSize: 10,
    page: 1,
    sort: debouncedQ ? 'relevance' : '-updatedAt',
  });
  const [otherCaseId, setOtherCaseId] = useState<string>('');
  const relatives = useRelatives(otherCaseId, otherCaseId !== '');
  const [relativeId, setRelativeId] = useState('');
  const [relationship, setRelationship] = useState<Relationship | null>(null);
  const [primary, setPrimary] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const link = useCreateRelative(caseId);
  const otherCases = (cases.data?.items ?? []).filter((item) => item.id !== caseId);
  const candidates = (relatives.data ?? []).filter((relative) => !linkedIds.includes(relative.id) && !relative.erased);

  const save = async () => {
    if (!relativeId || !relationship) return;
    setError(null);
    try {
      const linked = await link.mutateAsync({ relativeId, relationship, isPrimaryContact: primary });
      notify({
        color: 'green',
        title: t('link.done'),
        message: t('form.savedMessage', { name: `${linked.firstName} ${linked.lastName}` }),
      });
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog opened onClose={onClose} title={t('link.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('link.intro')}</Text>
        <TextInput
          type="search"
          label={t('link.searchCase')}
          description={t('link.searchHint')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setOtherCaseId('');
            setRelativeId('');
          }}
        />
        {cases.isError ? <QueryErrorAlert title={t('link.searchError')} error={cases.error} /> : null}
        {debouncedQ ? (
          <Radio.Group
            label={t('link.pickCase')}
            value={otherCaseId}
            onChange={(value) => {
              setOtherCaseId(value);
              setRelativeId('');
            }}
          >
            <Stack gap={6} mt={6}>
              {cases.isFetching && !cases.data ? (
                <LoadingState inline size="sm" label={tc('list.results.loading')} />
              ) : null}
              {otherCases.map((item) => (
                <Radio key={item.id} value={item.id} label={`${item.caseNumber} · ${nameWithFather(item)}`} />
              ))}
              {cases.data && otherCases.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('link.noCases')}
                </Text>
              ) : null}
            </Stack>
          </Radio.Group>
        ) : null}
        {otherCaseId ? (
          relatives.isPending ? (
            <LoadingState inline size="sm" label={t('link.loadingRelatives')} />
          ) : relatives.isError ? (
            <QueryErrorAlert title={t('link.relativesError')} error={relatives.error} />
          ) : candidates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('link.noRelatives')}
            </Text>
          ) : (
            <Radio.Group label={t('link.pickRelative')} value={relativeId} onChange={setRelativeId}>
              <Stack gap={6} mt={6}>
                {candidates.map((relative) => (
                  <Radio
                    key={relative.id}
                    value={relative.id}
                    label={t('link.relativeOption', {
                      name: `${relative.firstName} ${relative.lastName}`,
                      relationship: t(`relationship.${relative.relationship as Relationship}`, {
                        defaultValue: relative.relationship,
                      }),
                    })}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )
        ) : null}
        {relativeId ? (
          <>
            <Select
              label={t('link.relationshipHere')}
              withAsterisk
              data={RELATIONSHIPS.map((value) => ({ value, label: t(`relationship.${value}`) }))}
              value={relationship}
              onChange={(value) => setRelationship(value as Relationship | null)}
              searchable
            />
            <Checkbox
              label={t('fields.primaryContact')}
              checked={primary}
              onChange={(event) => setPrimary(event.currentTarget.checked)}
            />
          </>
        ) : null}
        {error ? <QueryErrorAlert title={t('link.error')} error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!relativeId || !relationship} loading={link.isPending}>
            {t('link.submit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
