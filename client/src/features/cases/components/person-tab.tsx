import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, DataList, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CaseResponse, UpdateCaseRequest } from '@mprc/contracts';
import { IconAlertTriangle, IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from './use-notify';
import { useSearchParams } from 'react-router';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { ApiError } from '@/lib/api-client';
import { useCan } from '@/lib/authorization';
import { getCase } from '../api/get-case';
import { casesKeys } from '../api/cases-keys';
import { useReferenceOptions } from '../api/get-reference-data';
import { useUpdateCase } from '../api/update-case';
import {
  CASE_FORM_FIELDS,
  caseToFormValues,
  changedFields,
  editRequest,
  UpdateCaseFormSchema,
  type CaseFormValues,
} from '../utils/case-form';
import { applyServerFieldErrors } from '../utils/field-errors';
import { formatDateTime, formatPartialDate } from '../utils/partial-date';
import { CaseFields } from './case-fields';
import { describeValue, FIELD_LABEL_KEYS } from './case-value';

const LABEL_WIDTH = 'clamp(8rem, 35vw, 14rem)';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function PersonView({ caseData }: { caseData: CaseResponse }) {
  const { t } = useTranslation('cases');
  // Long labels (Albanian, Serbian) leave no room for values beside them on a phone.
  const orientation = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false })
    ? 'vertical'
    : 'horizontal';
  const municipalities = useReferenceOptions('municipalities');
  const communities = useReferenceOptions('communities');
  const notKnown = (
    <Text span c="dimmed" size="sm">
      {t('person.notKnown')}
    </Text>
  );
  const or = (value: string | null | undefined) => (value ? value : notKnown);
  return (
    <Stack gap="lg">
      <section aria-labelledby="person-heading">
        <Title order={2} fz="h3" id="person-heading" mb="sm">
          {t('form.person')}
        </Title>
        <DataList labelWidth={LABEL_WIDTH} orientation={orientation}>
          <Item label={t('labels.firstName')}>{caseData.firstName}</Item>
          <Item label={t('labels.fatherName')}>{or(caseData.fatherName)}</Item>
          <Item label={t('labels.lastName')}>{caseData.lastName}</Item>
          <Item label={t('labels.otherNames')}>
            {caseData.otherNames.length ? caseData.otherNames.join(', ') : notKnown}
          </Item>
          <Item label={t('labels.sex')}>{t(`sex.${caseData.sex}`)}</Item>
          <Item label={t('labels.dateOfBirth')}>{or(formatPartialDate(caseData.dateOfBirth, t))}</Item>
          <Item label={t('labels.placeOfBirth')}>{or(caseData.placeOfBirth)}</Item>
          <Item label={t('labels.community')}>{or(communities.nameOf(caseData.communityCode))}</Item>
        </DataList>
      </section>
      <section aria-labelledby="disappearance-heading">
        <Title order={2} fz="h3" id="disappearance-heading" mb="sm">
          {t('form.disappearance')}
        </Title>
        <DataList labelWidth={LABEL_WIDTH} orientation={orientation}>
          <Item label={t('labels.missingSince')}>{or(formatPartialDate(caseData.missingSince, t))}</Item>
          <Item label={t('labels.lastSeenMunicipality')}>
            {or(municipalities.nameOf(caseData.lastSeenMunicipalityCode))}
          </Item>
          <Item label={t('labels.lastSeenPlace')}>{or(caseData.lastSeenPlace)}</Item>
          <Item label={t('labels.externalReferences')}>
            {caseData.externalReferences.length
              ? caseData.externalReferences.map((r) => `${t(`referenceSystem.${r.system}`)} ${r.reference}`).join(', ')
              : notKnown}
          </Item>
        </DataList>
      </section>
      <Card withBorder component="section" aria-labelledby="circumstances-heading" bg="gray.0">
        <Group gap="xs" mb="xs">
          <IconLock size={18} aria-hidden="true" />
          <Title order={2} fz="h4" id="circumstances-heading">
            {t('form.circumstancesLabel')}
          </Title>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {caseData.circumstances || t('person.notKnown')}
        </Text>
      </Card>
      <Text size="sm" c="dimmed">
        {t('person.recorded', {
          created: formatDateTime(caseData.createdAt, t),
          updated: formatDateTime(caseData.updatedAt, t),
        })}
        {caseData.mergedFrom.length
          ? ` ${t('person.mergedFrom', { numbers: caseData.mergedFrom.map((c) => c.caseNumber).join(', ') })}`
          : ''}
      </Text>
    </Stack>
  );
}

interface Conflict {
  /** The case as it is now on the server. */
  latest: CaseResponse;
  /** What the edit started from. */
  base: CaseFormValues;
}

function PersonEdit({ caseData, onDone }: { caseData: CaseResponse; onDone: () => void }) {
  const notify = useNotify();
  const { t } = useTranslation('cases');
  const queryClient = useQueryClient();
  const update = useUpdateCase(caseData.id);
  const showOffice = useCan('case.assign');
  const municipalities = useReferenceOptions('municipalities');
  const communities = useReferenceOptions('communities');
  const offices = useReferenceOptions('offices');
  // The version and values the edit is based on; moves forward when the officer keeps their
  // edits over someone else's change.
  const [base, setBase] = useState(() => ({ version: caseData.version, values: caseToFormValues(caseData) }));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showCompare, setShowCompare] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<CaseFormValues, unknown, UpdateCaseRequest>({
    resolver: zodResolver(UpdateCaseFormSchema),
    defaultValues: base.values,
    mode: 'onTouched',
  });
  const names = {
    municipality: municipalities.nameOf,
    community: communities.nameOf,
    office: offices.nameOf,
  };

  const submit = form.handleSubmit(async (parsed) => {
    setError(null);
    const changed = changedFields(form.getValues(), base.values);
    if (changed.length === 0) {
      onDone();
      return;
    }
    try {
      const updated = await update.mutateAsync(editRequest(parsed, changed, base.version));
      setConflict(null);
      notify({
        color: 'green',
        title: t('edit.saved.title'),
        message: t('edit.saved.message', { caseNumber: updated.caseNumber }),
      });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
        try {
          const latest = await getCase(caseData.id);
          setConflict({ latest, base: base.values });
          setShowCompare(false);
        } catch (loadError) {
          setError(loadError);
        }
        return;
      }
      if (applyServerFieldErrors(e, form.setError, CASE_FORM_FIELDS).placed === 0) setError(e);
    }
  });

  /** Keep my edits on top of the current case: fields I did not touch take their new value. */
  const keepMine = () => {
    if (!conflict) return;
    const mine = form.getValues();
    const theirs = caseToFormValues(conflict.latest);
    const edited = new Set(changedFields(mine, conflict.base));
    const merged = { ...theirs } as Record<keyof CaseFormValues, unknown>;
    for (const key of edited) merged[key] = mine[key];
    queryClient.setQueryData(casesKeys.detail(conflict.latest.id), conflict.latest);
    setBase({ version: conflict.latest.version, values: theirs });
    form.reset(merged as unknown as CaseFormValues, { keepDefaultValues: true });
    setConflict(null);
  };

  const discardMine = () => {
    if (!conflict) return;
    queryClient.setQueryData(casesKeys.detail(conflict.latest.id), conflict.latest);
    setConflict(null);
    onDone();
  };

  const compareRows = conflict
    ? CASE_FORM_FIELDS.filter((key) => {
        const theirs = caseToFormValues(conflict.latest);
        const mine = form.getValues();
        return (
          JSON.stringify(theirs[key]) !== JSON.stringify(conflict.base[key]) ||
          JSON.stringify(mine[key]) !== JSON.stringify(conflict.base[key])
        );
      })
    : [];

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('edit.formLabel')}>
        <Stack gap="lg">
          {conflict ? (
            <Alert
              color="orange"
              variant="light"
              role="alert"
              icon={<IconAlertTriangle aria-hidden="true" />}
              title={t('edit.conflict.title')}
            >
              <Stack gap="sm">
                <Text size="sm">
                  {t('edit.conflict.description', { time: formatDateTime(conflict.latest.updatedAt, t) })}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setShowCompare((v) => !v)}
                    aria-expanded={showCompare}
                  >
                    {showCompare ? t('edit.conflict.hideCompare') : t('edit.conflict.compare')}
                  </Button>
                  <Button size="xs" onClick={keepMine}>
                    {t('edit.conflict.keepMine')}
                  </Button>
                  <Button size="xs" variant="default" color="red" onClick={discardMine}>
                    {t('edit.conflict.discardMine')}
                  </Button>
                </Group>
                {showCompare ? (
                  <Table.ScrollContainer minWidth={420}>
                    <Table withTableBorder verticalSpacing={6} fz="sm" bg="white">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('edit.conflict.field')}</Table.Th>
                          <Table.Th scope="col">{t('edit.conflict.theirs')}</Table.Th>
                          <Table.Th scope="col">{t('edit.conflict.mine')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {compareRows.map((key) => (
                          <Table.Tr key={key}>
                            <Table.Th scope="row">{t(FIELD_LABEL_KEYS[key])}</Table.Th>
                            <Table.Td>{describeValue(key, caseToFormValues(conflict.latest), t, names)}</Table.Td>
                            <Table.Td>{describeValue(key, form.getValues(), t, names)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          {error ? <QueryErrorAlert title={t('edit.error')} error={error} /> : null}
          <CaseFields showOffice={showOffice} />
          <Group gap="sm">
            <Button
              type="submit"
              loading={form.formState.isSubmitting}
              disabled={conflict !== null}
              leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
            >
              {t('edit.submit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

/** The person tab: the record in words; with `case.update`, the edit form (`?edit=1`, opened from the header). */
export function PersonTab({ caseData }: { caseData: CaseResponse }) {
  const canEdit = useCan('case.update');
  const [searchParams, setSearchParams] = useSearchParams();
  const editing = canEdit && searchParams.get('edit') === '1';
  const stopEditing = () =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('edit');
        return next;
      },
      { replace: true },
    );
  if (editing) return <PersonEdit caseData={caseData} onDone={stopEditing} />;
  return <PersonView caseData={caseData} />;
}
