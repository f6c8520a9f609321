import { Alert, Badge, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import type { CaseResponse, Permission } from '@mprc/contracts';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/loading-state';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { ApiError } from '@/lib/api-client';
import { useRole } from '@/lib/authorization';
import { can } from '@mprc/contracts';
import { useCaseUnreadCount } from '@/features/inbox/api/messages';
import { useRelatives } from '@/features/relatives/api/get-relatives';
import { casesKeys } from '../api/cases-keys';
import { useCase } from '../api/get-case';
import { CaseHeader } from '../components/case-header';
import { PersonTab } from '../components/person-tab';
import { nameWithFather } from '../utils/names';

// Each tab's code loads when the tab is first opened.
const RelativesTab = lazy(() =>
  import('@/features/relatives/components/relatives-tab').then((m) => ({ default: m.RelativesTab })),
);
const ContactsTab = lazy(() =>
  import('@/features/contacts/components/contacts-tab').then((m) => ({ default: m.ContactsTab })),
);
const ReferralsTab = lazy(() =>
  import('@/features/referrals/components/referrals-tab').then((m) => ({ default: m.ReferralsTab })),
);
const TimelineTab = lazy(() =>
  import('@/features/timeline/components/timeline-tab').then((m) => ({ default: m.TimelineTab })),
);
const AttachmentsTab = lazy(() =>
  import('@/features/attachments/components/attachments-tab').then((m) => ({ default: m.AttachmentsTab })),
);
const MessagesTab = lazy(() =>
  import('@/features/inbox/components/messages-tab').then((m) => ({ default: m.MessagesTab })),
);
const HistoryTab = lazy(() => import('../components/history-tab').then((m) => ({ default: m.HistoryTab })));

export const CASE_TABS = [
  'person',
  'relatives',
  'contacts',
  'referrals',
  'timeline',
  'attachments',
  'messages',
  'history',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

const TAB_PERMISSIONS: Record<CaseTab, Permission> = {
  person: 'case.read',
  relatives: 'relative.read',
  contacts: 'contact.read',
  referrals: 'referral.read',
  timeline: 'case.read',
  attachments: 'attachment.read',
  messages: 'message.staff',
  history: 'case.history',
};

const TAB_CONTENT: Record<Exclude<CaseTab, 'person'>, ComponentType<{ caseData: CaseResponse }>> = {
  relatives: RelativesTab,
  contacts: ContactsTab,
  referrals: ReferralsTab,
  timeline: ({ caseData }) => <TimelineTab caseId={caseData.id} />,
  attachments: AttachmentsTab,
  messages: MessagesTab,
  history: ({ caseData }) => <HistoryTab caseId={caseData.id} />,
};

function UnreadBadge({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const unread = useCaseUnreadCount(caseId);
  if (!unread) return null;
  return (
    <>
      <Badge size="sm" circle={unread < 10} color="red" aria-hidden="true" ml={6}>
        {unread}
      </Badge>
      <VisuallyHidden>{t('tabs.unread', { count: unread })}</VisuallyHidden>
    </>
  );
}

function CaseTabs({ caseData, tab }: { caseData: CaseResponse; tab: CaseTab }) {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const role = useRole();
  const isMobile = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const tabs = CASE_TABS.filter((name) => can(role, TAB_PERMISSIONS[name]) || name === 'person');
  if (!tabs.includes(tab)) return <Navigate to={`/cases/${caseData.id}/person`} replace />;
  return (
    <Tabs
      value={tab}
      onChange={(value) => value && void navigate(`/cases/${caseData.id}/${value}`)}
      keepMounted={false}
      // On a phone the tabs wrap over several lines, which reads better as pills.
      variant={isMobile ? 'pills' : 'outline'}
    >
      <Tabs.List aria-label={t('tabs.label')}>
        {tabs.map((name) => (
          <Tabs.Tab key={name} value={name}>
            {t(`tabs.${name}`)}
            {name === 'messages' ? <UnreadBadge caseId={caseData.id} /> : null}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((name) => {
        const Content = name === 'person' ? null : TAB_CONTENT[name];
        return (
          <Tabs.Panel key={name} value={name} pt="lg">
            <Suspense fallback={<PageLoader />}>
              {Content ? <Content caseData={caseData} /> : <PersonTab caseData={caseData} />}
            </Suspense>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}

function isCaseTab(value: string | undefined): value is CaseTab {
  return (CASE_TABS as readonly string[]).includes(value ?? '');
}

export function CaseRoute() {
  const { t } = useTranslation('cases');
  const { caseId = '', tab } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const kase = useCase(caseId);
  const relatives = useRelatives(kase.data?.id ?? '', can(useRole(), 'relative.read') && !!kase.data);
  const familyLanguage =
    relatives.data?.find((r) => r.isPrimaryContact)?.preferredLanguage ?? relatives.data?.[0]?.preferredLanguage;

  // A case number, or a merged case, in the address: continue at the surviving case's id.
  const data = kase.data;
  useEffect(() => {
    if (data && data.id !== caseId) {
      queryClient.setQueryData(casesKeys.detail(data.id), data);
      void navigate(`/cases/${data.id}/${isCaseTab(tab) ? tab : 'person'}${location.search}`, {
        replace: true,
        state: data.resolvedFrom ? { resolvedFrom: data.resolvedFrom.caseNumber } : null,
      });
    }
  }, [data, caseId, tab, navigate, queryClient, location.search]);

  if (kase.isPending) return <PageLoader />;
  if (kase.isError) {
    const notFound = kase.error instanceof ApiError && kase.error.status === 404;
    return (
      <Page title={notFound ? t('case.notFound') : t('case.loadError')}>
        {notFound ? (
          <Text>{t('case.notFoundDescription')}</Text>
        ) : (
          <QueryErrorAlert title={t('case.loadError')} error={kase.error} onRetry={() => void kase.refetch()} />
        )}
      </Page>
    );
  }
  if (kase.data.id !== caseId) return <LoadingState label={t('case.loading')} />;
  if (tab !== undefined && !isCaseTab(tab)) return <Navigate to={`/cases/${caseId}/person`} replace />;
  const resolvedFrom = (location.state as { resolvedFrom?: string } | null)?.resolvedFrom;

  return (
    <Page title={`${kase.data.caseNumber} · ${nameWithFather(kase.data)}`}>
      <Stack gap="lg">
        {resolvedFrom ? (
          <Alert color="blue" variant="light">
            {t('case.resolvedFrom', { old: resolvedFrom, caseNumber: kase.data.caseNumber })}
          </Alert>
        ) : null}
        <CaseHeader caseData={kase.data} familyLanguage={familyLanguage} />
        <CaseTabs caseData={kase.data} tab={isCaseTab(tab) ? tab : 'person'} />
      </Stack>
    </Page>
  );
}
