import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  CONSENT_ORGANISATIONS,
  CreateConsentRequestSchema,
  type ConsentResponse,
  type CreateConsentRequest,
} from '@mprc/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { applyServerFieldErrors, translateFieldError } from '@/features/cases/utils/field-errors';
import { formatDate, localDay } from '@/features/cases/utils/partial-date';
import { useAddConsent, useWithdrawConsent } from '../api/save-relative';

const OTHER = '__other__';

function AddConsentForm({ caseId, relativeId, onDone }: { caseId: string; relativeId: string; onDone: () => void }) {
  const notify = useNotify();
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const add = useAddConsent(caseId);
  const [choice, setChoice] = useState<string>('ICRC');
  const [error, setError] = useState<unknown>(null);
  const form = useForm<CreateConsentRequest>({
    resolver: zodResolver(CreateConsentRequestSchema),
    defaultValues: { organisation: 'ICRC', givenOn: localDay() },
  });
  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      await add.mutateAsync({ relativeId, body });
      notify({ color: 'green', title: t('consents.added'), message: body.organisation });
      onDone();
    } catch (e) {
      if (applyServerFieldErrors(e, form.setError, ['organisation', 'givenOn']).placed === 0) setError(e);
    }
  });
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('consents.addTitle')}>
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="wrap">
          <Select
            label={t('consents.organisation')}
            data={[
              ...CONSENT_ORGANISATIONS.map((value) => ({ value, label: tc(`referenceSystem.${value}`) })),
              { value: OTHER, label: t('consents.otherOrganisation') },
            ]}
            value={choice}
            onChange={(value) => {
              const next = value ?? 'ICRC';
              setChoice(next);
              form.setValue('organisation', next === OTHER ? '' : next);
            }}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
          {choice === OTHER ? (
            <TextInput
              label={t('consents.organisationName')}
              withAsterisk
              {...form.register('organisation')}
              error={translateFieldError(tc, form.formState.errors.organisation)}
              style={{ flex: 1, minWidth: 180 }}
            />
          ) : null}
          <TextInput
            type="date"
            label={t('consents.givenOn')}
            max={localDay()}
            withAsterisk
            {...form.register('givenOn')}
            error={translateFieldError(tc, form.formState.errors.givenOn)}
            w={{ base: '100%', xs: 180 }}
          />
        </Group>
        {error ? <QueryErrorAlert title={t('consents.error')} error={error} /> : null}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={form.formState.isSubmitting}>
            {t('consents.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {tc('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawForm({
  caseId,
  relativeId,
  consent,
  onDone,
}: {
  caseId: string;
  relativeId: string;
  consent: ConsentResponse;
  onDone: () => void;
}) {
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const withdraw = useWithdrawConsent(caseId);
  const [day, setDay] = useState(localDay());
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      await withdraw.mutateAsync({ relativeId, consentId: consent.id, body: { withdrawnOn: day } });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs" mt={4}>
      <Group align="flex-end" gap="xs">
        <TextInput
          type="date"
          label={t('consents.withdrawnOn')}
          min={consent.givenOn}
          max={localDay()}
          value={day}
          onChange={(event) => setDay(event.currentTarget.value)}
          w={180}
        />
        <Button size="xs" color="red" variant="light" onClick={() => void save()} loading={withdraw.isPending}>
          {t('consents.confirmWithdraw')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {tc('actions.cancel')}
        </Button>
      </Group>
      {error ? <QueryErrorAlert title={t('consents.error')} error={error} /> : null}
    </Stack>
  );
}

/** Consents to share the relative's data with named organisations, with their dates and withdrawals. */
export function Consents({
  caseId,
  relativeId,
  consents,
  canWrite,
}: {
  caseId: string;
  relativeId: string;
  consents: ConsentResponse[];
  canWrite: boolean;
}) {
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const name = (organisation: string) =>
    (CONSENT_ORGANISATIONS as readonly string[]).includes(organisation)
      ? tc(`referenceSystem.${organisation as 'ICRC'}`)
      : organisation;
  return (
    <Stack gap="xs">
      {consents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('consents.none')}
        </Text>
      ) : (
        <List spacing={6} size="sm" listStyleType="none" pl={0}>
          {consents.map((consent) => (
            <List.Item key={consent.id}>
              <Text size="sm" span fw={600}>
                {name(consent.organisation)}
              </Text>
              {': '}
              {consent.withdrawnOn
                ? t('consents.givenAndWithdrawn', {
                    given: formatDate(consent.givenOn, tc),
                    withdrawn: formatDate(consent.withdrawnOn, tc),
                  })
                : t('consents.given', { given: formatDate(consent.givenOn, tc) })}
              {canWrite && !consent.withdrawnOn && withdrawing !== consent.id ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  ml="xs"
                  onClick={() => setWithdrawing(consent.id)}
                  aria-label={t('consents.withdrawNamed', { organisation: name(consent.organisation) })}
                >
                  {t('consents.withdraw')}
                </Button>
              ) : null}
              {withdrawing === consent.id ? (
                <WithdrawForm
                  caseId={caseId}
                  relativeId={relativeId}
                  consent={consent}
                  onDone={() => setWithdrawing(null)}
                />
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
      {canWrite ? (
        adding ? (
          <AddConsentForm caseId={caseId} relativeId={relativeId} onDone={() => setAdding(false)} />
        ) : (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setAdding(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('consents.add')}
          </Button>
        )
      ) : null}
    </Stack>
  );
}
