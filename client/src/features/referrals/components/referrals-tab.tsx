import { zodResolver } from '@hookform/resolvers/zod';
import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  type MantineColor,
} from '@mantine/core';
import {
  CreateReferralRequestSchema,
  REFERRAL_SERVICES,
  REFERRAL_TRANSITIONS,
  type CaseResponse,
  type CreateReferralRequest,
  type ReferralResponse,
  type ReferralService,
  type ReferralStatus,
} from '@mprc/contracts';
import { IconChevronDown, IconLifebuoy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { LoadingState } from '@/features/cases/components/loading-state';
import { z } from 'zod';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { applyServerFieldErrors, translateFieldError } from '@/features/cases/utils/field-errors';
import { formatDate, localDay } from '@/features/cases/utils/partial-date';
import { useCan } from '@/lib/authorization';
import { useCreateReferral, useReferrals, useUpdateReferral } from '../api/referrals';

const STATUS_COLORS: Record<ReferralStatus, MantineColor> = {
  REQUESTED: 'blue',
  ACCEPTED: 'teal',
  REJECTED: 'red',
  DONE: 'green',
  WITHDRAWN: 'gray',
};

interface ReferralFormValues {
  service: ReferralService;
  organisation: string;
  purpose: string;
  referredOn: string;
}

// The shared schema checks the form as it is (all its fields are text).
const ReferralFormSchema = CreateReferralRequestSchema as unknown as z.ZodType<
  CreateReferralRequest,
  ReferralFormValues
>;

function AddReferralForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const notify = useNotify();
  const { t } = useTranslation('referrals');
  const { t: tc } = useTranslation('cases');
  const create = useCreateReferral(caseId);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<ReferralFormValues, unknown, CreateReferralRequest>({
    resolver: zodResolver(ReferralFormSchema),
    defaultValues: { service: 'PSYCHOSOCIAL', organisation: '', purpose: '', referredOn: localDay() },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const err = (e: { message?: string; type?: string } | undefined) => translateFieldError(tc, e);
  const submit = form.handleSubmit(async (body) => {
    setError(null);
    try {
      await create.mutateAsync(body);
      notify({ color: 'green', title: t('form.saved'), message: body.organisation });
      onDone();
    } catch (e) {
      if (applyServerFieldErrors(e, form.setError, ['service', 'organisation', 'purpose', 'referredOn']).placed === 0)
        setError(e);
    }
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="add-referral-heading">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="add-referral-heading">
            {t('form.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Controller
              control={form.control}
              name="service"
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  label={t('fields.service')}
                  withAsterisk
                  data={REFERRAL_SERVICES.map((value) => ({ value, label: t(`service.${value}`) }))}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                  allowDeselect={false}
                />
              )}
            />
            <TextInput
              label={t('fields.organisation')}
              withAsterisk
              {...form.register('organisation')}
              error={err(errors.organisation)}
            />
            <TextInput
              type="date"
              label={t('fields.referredOn')}
              max={localDay()}
              {...form.register('referredOn')}
              error={err(errors.referredOn)}
            />
          </SimpleGrid>
          <Textarea
            label={t('fields.purpose')}
            autosize
            minRows={2}
            {...form.register('purpose')}
            error={err(errors.purpose)}
          />
          {error ? <QueryErrorAlert title={t('form.error')} error={error} /> : null}
          <Group gap="sm">
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('form.submit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {tc('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ReferralItem({ caseId, referral }: { caseId: string; referral: ReferralResponse }) {
  const notify = useNotify();
  const { t } = useTranslation('referrals');
  const { t: tc } = useTranslation('cases');
  const canWrite = useCan('referral.write');
  const update = useUpdateReferral(caseId);
  const next = REFERRAL_TRANSITIONS[referral.status];
  const move = async (status: ReferralStatus) => {
    try {
      await update.mutateAsync({ referralId: referral.id, body: { status } });
      notify({ color: 'green', title: t('statusChanged'), message: t(`status.${status}`) });
    } catch {
      notify({ color: 'red', title: t('statusError'), message: t('tryAgain') });
    }
  };
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {referral.organisation}
            </Text>
            <Text size="sm">{t(`service.${referral.service}`)}</Text>
          </Stack>
          <Badge color={STATUS_COLORS[referral.status]} variant="light" tt="none">
            {t(`status.${referral.status}`)}
          </Badge>
        </Group>
        {referral.purpose ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {referral.purpose}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {[
            t('referredOn', { date: formatDate(referral.referredOn, tc) }),
            referral.closedOn ? t('closedOn', { date: formatDate(referral.closedOn, tc) }) : null,
            referral.createdBy ? t('by', { name: referral.createdBy.name }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {canWrite && next.length ? (
          <Menu position="bottom-start" withinPortal={false}>
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                rightSection={<IconChevronDown size={14} aria-hidden="true" />}
                loading={update.isPending}
                style={{ alignSelf: 'flex-start' }}
                aria-label={t('changeStatusNamed', { organisation: referral.organisation })}
              >
                {t('changeStatus')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {next.map((status) => (
                <Menu.Item key={status} onClick={() => void move(status)}>
                  {t(`move.${status}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Stack>
    </Card>
  );
}

export function ReferralsTab({ caseData }: { caseData: CaseResponse }) {
  const { t } = useTranslation('referrals');
  const canWrite = useCan('referral.write');
  const referrals = useReferrals(caseData.id);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      {canWrite && !adding ? (
        <Group>
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        </Group>
      ) : null}
      {adding ? <AddReferralForm caseId={caseData.id} onDone={() => setAdding(false)} /> : null}
      {referrals.isPending ? (
        <LoadingState label={t('loading')} />
      ) : referrals.isError ? (
        <QueryErrorAlert title={t('loadError')} error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : referrals.data.length === 0 ? (
        <EmptyResult
          icon={<IconLifebuoy size={28} aria-hidden="true" />}
          title={t('none')}
          description={t('noneHint')}
        />
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('listLabel')}>
          {referrals.data.map((referral) => (
            <ReferralItem key={referral.id} caseId={caseData.id} referral={referral} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
