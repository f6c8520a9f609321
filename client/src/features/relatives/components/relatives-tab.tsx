import { Alert, Anchor, Badge, Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CaseResponse, Relationship, RelativeResponse } from '@mprc/contracts';
import { IconEdit, IconLink, IconLock, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { LoadingState } from '@/features/cases/components/loading-state';
import { Link, useLocation } from 'react-router';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { formatDateTime } from '@/features/cases/utils/partial-date';
import { useCan } from '@/lib/authorization';
import { useRelatives } from '../api/get-relatives';
import { usePortalSummary, useUnlockPortal } from '../api/portal-access';
import { Consents } from './consents';
import { EraseRelativeAction } from './erase-relative';
import { LinkRelativeModal } from './link-relative-modal';
import { PortalAccessPanel } from './portal-access-panel';
import { RelativeFormModal } from './relative-form-modal';

const LABEL_WIDTH = 'clamp(7rem, 30vw, 11rem)';

function RelativeCard({
  caseData,
  relative,
  onEdit,
  portal,
}: {
  caseData: CaseResponse;
  relative: RelativeResponse;
  onEdit: () => void;
  portal: ReturnType<typeof usePortalSummary>;
}) {
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const canWrite = useCan('relative.write');
  const canPortal = useCan('portal.issue');
  const canErase = useCan('relative.erase');
  const vertical = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const name = `${relative.firstName} ${relative.lastName}`;
  const headingId = `relative-${relative.id}`;
  const missing = (
    <Text span size="sm" c="dimmed">
      {t('notGiven')}
    </Text>
  );
  if (relative.erased)
    return (
      <Card component="li" withBorder padding="md" data-erased="true">
        <Group gap="xs">
          <Badge variant="light" color="gray" tt="none">
            {t(`relationship.${relative.relationship as Relationship}`, { defaultValue: relative.relationship })}
          </Badge>
          <Text c="dimmed">{t('erased')}</Text>
        </Group>
      </Card>
    );
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} fz="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            <Group gap={6}>
              <Badge variant="light" tt="none">
                {t(`relationship.${relative.relationship as Relationship}`, { defaultValue: relative.relationship })}
              </Badge>
              {relative.isPrimaryContact ? (
                <Badge variant="light" color="green" tt="none">
                  {t('fields.primaryContact')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
          {canWrite ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEdit size={14} aria-hidden="true" />}
              onClick={onEdit}
              aria-label={t('editNamed', { name })}
            >
              {t('edit')}
            </Button>
          ) : null}
        </Group>
        <DataList labelWidth={LABEL_WIDTH} size="sm" orientation={vertical ? 'vertical' : 'horizontal'}>
          <DataList.Item>
            <DataList.ItemLabel>{t('fields.phone')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {relative.phone ? (
                <Anchor href={`tel:${relative.phone.replace(/[^+\d]/g, '')}`}>{relative.phone}</Anchor>
              ) : (
                missing
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('fields.email')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {relative.email ? <Anchor href={`mailto:${relative.email}`}>{relative.email}</Anchor> : missing}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('fields.address')}</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{relative.address || missing}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('fields.preferredLanguage')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {tc(`contactLanguage.${relative.preferredLanguage as 'sq'}`, {
                defaultValue: relative.preferredLanguage,
              })}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('fields.dnaSample')}</DataList.ItemLabel>
            <DataList.ItemValue>{t(`dna.${relative.dnaSampleGiven}`)}</DataList.ItemValue>
          </DataList.Item>
          {relative.otherCases.length ? (
            <DataList.Item>
              <DataList.ItemLabel>{t('otherCases')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Group gap="xs">
                  {relative.otherCases.map((other) => (
                    <Anchor key={other.id} component={Link} to={`/cases/${other.id}/relatives`}>
                      {other.caseNumber}
                    </Anchor>
                  ))}
                </Group>
              </DataList.ItemValue>
            </DataList.Item>
          ) : null}
        </DataList>
        <section aria-label={t('consents.titleNamed', { name })}>
          <Text fw={600} size="sm" mb={4}>
            {t('consents.title')}
          </Text>
          <Consents caseId={caseData.id} relativeId={relative.id} consents={relative.consents} canWrite={canWrite} />
        </section>
        {canPortal ? (
          <section aria-label={t('portal.titleNamed', { name })}>
            <Text fw={600} size="sm" mb={4}>
              {t('portal.title')}
            </Text>
            {portal.isError ? (
              <Text size="sm" c="dimmed">
                {t('portal.loadError')}
              </Text>
            ) : portal.data ? (
              <PortalAccessPanel
                caseId={caseData.id}
                relative={relative}
                access={portal.data.relatives.find((r) => r.relativeId === relative.id)}
              />
            ) : (
              <LoadingState inline size="xs" label={t('portal.loading')} />
            )}
          </section>
        ) : null}
        {canErase ? <EraseRelativeAction caseId={caseData.id} relative={relative} /> : null}
      </Stack>
    </Card>
  );
}

function PortalLockout({ caseId, lockedUntil }: { caseId: string; lockedUntil: string }) {
  const notify = useNotify();
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const unlock = useUnlockPortal(caseId);
  // The summary is refetched after any change; "now" as of this render is close enough.
  const [now] = useState(() => Date.now());
  if (new Date(lockedUntil).getTime() <= now) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconLock aria-hidden="true" />} title={t('portal.lockedTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('portal.locked', { time: formatDateTime(lockedUntil, tc) })}</Text>
        <Button
          size="xs"
          variant="default"
          loading={unlock.isPending}
          onClick={() =>
            void unlock.mutateAsync().then(
              () =>
                notify({
                  color: 'green',
                  title: t('portal.unlocked'),
                  message: t('portal.unlockedMessage'),
                }),
              () => notify({ color: 'red', title: t('portal.error'), message: t('portal.tryAgain') }),
            )
          }
        >
          {t('portal.unlock')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function RelativesTab({ caseData }: { caseData: CaseResponse }) {
  const { t } = useTranslation('relatives');
  const canWrite = useCan('relative.write');
  const canPortal = useCan('portal.issue');
  const relatives = useRelatives(caseData.id);
  const portal = usePortalSummary(caseData.id, canPortal);
  const location = useLocation();
  const fromReport = (location.state as { fromReport?: boolean } | null)?.fromReport === true;
  const [editing, setEditing] = useState<RelativeResponse | 'new' | null>(null);
  const [linking, setLinking] = useState(false);

  if (relatives.isPending) return <LoadingState label={t('loading')} />;
  if (relatives.isError)
    return <QueryErrorAlert title={t('loadError')} error={relatives.error} onRetry={() => void relatives.refetch()} />;
  const list = relatives.data;

  return (
    <Stack gap="md">
      {fromReport ? (
        <Alert color="blue" variant="light" title={t('fromReport.title')}>
          {t('fromReport.description')}
        </Alert>
      ) : null}
      {portal.data?.familyLoginLockedUntil ? (
        <PortalLockout caseId={caseData.id} lockedUntil={portal.data.familyLoginLockedUntil} />
      ) : null}
      {canWrite ? (
        <Group gap="xs">
          <Button leftSection={<IconUserPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('add')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconLink size={18} aria-hidden="true" />}
            onClick={() => setLinking(true)}
          >
            {t('link.open')}
          </Button>
        </Group>
      ) : null}
      {list.length === 0 ? (
        <EmptyResult icon={<IconUsers size={28} aria-hidden="true" />} title={t('none')} description={t('noneHint')} />
      ) : (
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('listLabel')}>
          {list.map((relative) => (
            <RelativeCard
              key={relative.id}
              caseData={caseData}
              relative={relative}
              onEdit={() => setEditing(relative)}
              portal={portal}
            />
          ))}
        </Stack>
      )}
      {editing ? (
        <RelativeFormModal
          caseId={caseData.id}
          relative={editing === 'new' ? null : editing}
          isFirst={list.length === 0}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {linking ? (
        <LinkRelativeModal caseId={caseData.id} linkedIds={list.map((r) => r.id)} onClose={() => setLinking(false)} />
      ) : null}
    </Stack>
  );
}
