import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { CreateCaseRequest, DuplicateCandidate, DuplicateQuery } from '@mprc/contracts';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../components/use-notify';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useRole } from '@/lib/authorization';
import { useCreateCase } from '../api/create-case';
import { canCheckDuplicates, useDuplicates } from '../api/get-duplicates';
import { AddToCaseModal } from '../components/add-to-case-modal';
import { CaseFields } from '../components/case-fields';
import { DuplicateCandidates } from '../components/duplicate-candidates';
import {
  birthYearOf,
  CASE_FORM_FIELDS,
  CreateCaseFormSchema,
  emptyCaseForm,
  type CaseFormValues,
} from '../utils/case-form';
import { clearDraft, readDraft, writeDraft } from '../utils/draft-storage';
import { applyServerFieldErrors, translateFieldError } from '../utils/field-errors';
import { normalizePartialDate } from '../utils/partial-date';

export const NEW_CASE_DRAFT_KEY = 'mprc.cases.newCaseDraft';
const DUPLICATE_CHECK_DELAY_MS = 400;

function isEmptyForm(values: CaseFormValues): boolean {
  return JSON.stringify(values) === JSON.stringify(emptyCaseForm());
}

/** The duplicate check's query from what has been typed so far. */
function duplicateQuery(values: Partial<CaseFormValues>): Partial<DuplicateQuery> {
  const query: Partial<DuplicateQuery> = {};
  const first = values.firstName?.trim();
  const last = values.lastName?.trim();
  const father = values.fatherName?.trim();
  if (first) query.firstName = first;
  if (last) query.lastName = last;
  if (father) query.fatherName = father;
  const year = birthYearOf(normalizePartialDate(values.dateOfBirth ?? ''));
  if (year) query.birthYear = year;
  if (values.lastSeenMunicipalityCode) query.municipalityCode = values.lastSeenMunicipalityCode;
  return query;
}

export function CreateCaseRoute() {
  const notify = useNotify();
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  // A liaison officer's cases are in their own office; a manager chooses.
  const showOffice = useRole() === 'MANAGER';
  const isMobile = useMediaQuery('(max-width: 61.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const [restored, setRestored] = useState(() => readDraft(NEW_CASE_DRAFT_KEY, emptyCaseForm()));
  const form = useForm<CaseFormValues, unknown, CreateCaseRequest>({
    resolver: zodResolver(CreateCaseFormSchema),
    defaultValues: restored ?? emptyCaseForm(),
    mode: 'onTouched',
  });
  const create = useCreateCase();
  const [formError, setFormError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string; code?: string }[]>([]);
  const [samePerson, setSamePerson] = useState<DuplicateCandidate | null>(null);

  // Every change is kept in the tab's session storage until the case is saved.
  const watched = useWatch({ control: form.control });
  // Saved (or added to another case): the page is on its way out, keep nothing.
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (done) return;
    const timer = window.setTimeout(() => {
      const values = form.getValues();
      if (isEmptyForm(values)) clearDraft(NEW_CASE_DRAFT_KEY);
      else writeDraft(NEW_CASE_DRAFT_KEY, values);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [watched, form, done]);

  const query = useMemo(
    () => duplicateQuery(watched as Partial<CaseFormValues>),
    // Only the fields the check uses.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [watched.firstName, watched.lastName, watched.fatherName, watched.dateOfBirth, watched.lastSeenMunicipalityCode],
  );
  const [debouncedQuery] = useDebouncedValue(query, DUPLICATE_CHECK_DELAY_MS);
  const duplicates = useDuplicates(debouncedQuery);
  const idle = !canCheckDuplicates(debouncedQuery);

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    setUnplaced([]);
    try {
      const created = await create.mutateAsync(body);
      setDone(true);
      clearDraft(NEW_CASE_DRAFT_KEY);
      notify({
        color: 'green',
        title: t('create.created.title'),
        message: t('create.created.message', { caseNumber: created.caseNumber }),
      });
      void navigate(`/cases/${created.id}`);
    } catch (error) {
      // Typed text stays: the form keeps its state, and the draft stays in session storage.
      const result = applyServerFieldErrors(error, form.setError, CASE_FORM_FIELDS);
      setUnplaced(result.unplaced);
      if (result.placed === 0 && result.unplaced.length === 0) setFormError(error);
    }
  });

  const panel = (
    <DuplicateCandidates
      candidates={idle ? undefined : duplicates.data}
      checking={duplicates.isFetching}
      idle={idle}
      error={duplicates.isError}
      onSamePerson={setSamePerson}
    />
  );

  return (
    <Page title={t('create.title')} description={t('create.intro')}>
      {restored && !isEmptyForm(restored) ? (
        <Alert color="blue" variant="light" icon={<IconRestore aria-hidden="true" />} title={t('create.draft.title')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('create.draft.description')}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                clearDraft(NEW_CASE_DRAFT_KEY);
                setRestored(null);
                form.reset(emptyCaseForm());
              }}
            >
              {t('create.draft.discard')}
            </Button>
          </Stack>
        </Alert>
      ) : null}

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <FormProvider {...form}>
            <Box component="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-label={t('create.title')}>
              <Stack gap="lg">
                {formError ? <QueryErrorAlert title={t('create.error')} error={formError} /> : null}
                {unplaced.length ? (
                  <Alert color="red" variant="light" title={t('create.error')} role="alert">
                    <List size="sm">
                      {unplaced.map((item) => (
                        <List.Item key={`${item.field}:${item.message}`}>
                          {translateFieldError(t, { message: item.message, type: item.code })}
                        </List.Item>
                      ))}
                    </List>
                  </Alert>
                ) : null}
                <CaseFields showOffice={showOffice} afterPerson={isMobile ? panel : undefined} />
                <Group gap="sm">
                  <Button
                    type="submit"
                    loading={form.formState.isSubmitting}
                    leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
                  >
                    {t('create.submit')}
                  </Button>
                  <Button component={Link} to="/cases" variant="default">
                    {t('actions.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Box>
          </FormProvider>
        </Grid.Col>
        {isMobile ? null : (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Box pos="sticky" top={76}>
              {panel}
            </Box>
          </Grid.Col>
        )}
      </Grid>

      {samePerson ? (
        <AddToCaseModal
          candidate={samePerson}
          values={form.getValues()}
          onClose={() => setSamePerson(null)}
          onDone={(caseId, added) => {
            setDone(true);
            clearDraft(NEW_CASE_DRAFT_KEY);
            setSamePerson(null);
            if (added)
              notify({
                color: 'green',
                title: t('addToCase.done.title'),
                message: t('addToCase.done.message', { caseNumber: samePerson.caseNumber }),
              });
            void navigate(`/cases/${caseId}/relatives`, { state: { fromReport: true } });
          }}
        />
      ) : null}
    </Page>
  );
}
