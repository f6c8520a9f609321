import { Alert, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { FATE_TOLD_IN_PERSON, type CaseResponse } from '@mprc/contracts';
import {
  IconArrowsJoin,
  IconChevronDown,
  IconEdit,
  IconHeartHandshake,
  IconProgressCheck,
  IconUserCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CasePhoto } from '@/features/attachments/components/case-photo';
import { useCan, useRole } from '@/lib/authorization';
import { useCaseTimeline } from '../api/get-timeline';
import { useReferenceOptions } from '../api/get-reference-data';
import { hasAnyStatusOption, statusOptions } from '../utils/status-options';
import { AssignDialog } from './assign-dialog';
import { CaseStatusBadges } from './case-status-badges';
import { FamilyInformedDialog } from './family-informed-dialog';
import { MergeDialog } from './merge-dialog';
import { StatusDialog } from './status-dialog';

type Dialog = 'status' | 'informed' | 'assign' | 'merge' | null;

const NEWS_IN_PERSON = new Set<string>([...FATE_TOLD_IN_PERSON, 'REMAINS_HANDED_OVER']);

/**
 * True while news of remains waits for the in-person visit: the latest such fate change is later
 * than the recorded visit (the family portal holds the news back until then).
 */
export function useWaitsForVisit(caseData: CaseResponse): boolean {
  const sensitive = NEWS_IN_PERSON.has(caseData.fateStatus);
  const timeline = useCaseTimeline(caseData.id);
  if (!sensitive || !timeline.data) return false;
  const lastNews = timeline.data
    .filter((event) => event.type === 'FATE_CHANGED' && event.toStatus && NEWS_IN_PERSON.has(event.toStatus))
    .map((event) => event.at)
    .sort()
    .at(-1);
  if (!lastNews) return false;
  return !caseData.familyInformedAt || caseData.familyInformedAt < lastNews;
}

export function CaseHeader({ caseData, familyLanguage }: { caseData: CaseResponse; familyLanguage?: string | null }) {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const role = useRole();
  const offices = useReferenceOptions('offices');
  const [dialog, setDialog] = useState<Dialog>(null);
  const canEdit = useCan('case.update');
  const canStatus =
    useCan('case.status') && hasAnyStatusOption(statusOptions(role, caseData.fateStatus, caseData.workflowStatus));
  const canInform = useCan('case.status');
  const canAssign = useCan('case.assign');
  const canMerge = useCan('case.merge');
  const waitsForVisit = useWaitsForVisit(caseData);
  const closed = caseData.workflowStatus === 'CLOSED';
  const close = () => setDialog(null);
  const more = canInform || canAssign || (canMerge && !closed);

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-start" wrap="nowrap">
        <CasePhoto caseData={caseData} />
        <Stack gap="sm" style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <CaseStatusBadges fate={caseData.fateStatus} workflow={caseData.workflowStatus} />
          </Group>
          <Text size="sm">
            {t('header.office', { office: offices.nameOf(caseData.officeCode) })}
            {' · '}
            {caseData.assignedOfficer
              ? t('header.assigned', { name: caseData.assignedOfficer.name })
              : t('header.unassigned')}
          </Text>
        </Stack>
      </Group>
      {waitsForVisit ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconHeartHandshake aria-hidden="true" />}
          title={t('header.visitTitle')}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('header.visitDescription')}</Text>
            {canInform ? (
              <Button size="xs" variant="default" onClick={() => setDialog('informed')}>
                {t('header.actions.familyInformed')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Group gap="xs">
        {canStatus ? (
          <Button leftSection={<IconProgressCheck size={18} aria-hidden="true" />} onClick={() => setDialog('status')}>
            {t('header.actions.status')}
          </Button>
        ) : null}
        {canEdit ? (
          <Button
            variant="default"
            leftSection={<IconEdit size={18} aria-hidden="true" />}
            onClick={() => void navigate(`/cases/${caseData.id}/person?edit=1`)}
          >
            {t('header.actions.edit')}
          </Button>
        ) : null}
        {more ? (
          <Menu position="bottom-start" withinPortal={false}>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden="true" />}>
                {t('header.actions.more')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {canInform ? (
                <Menu.Item
                  leftSection={<IconHeartHandshake size={16} aria-hidden="true" />}
                  onClick={() => setDialog('informed')}
                >
                  {t('header.actions.familyInformed')}
                </Menu.Item>
              ) : null}
              {canAssign ? (
                <Menu.Item
                  leftSection={<IconUserCheck size={16} aria-hidden="true" />}
                  onClick={() => setDialog('assign')}
                >
                  {t('header.actions.assign')}
                </Menu.Item>
              ) : null}
              {canMerge && !closed ? (
                <Menu.Item
                  leftSection={<IconArrowsJoin size={16} aria-hidden="true" />}
                  onClick={() => setDialog('merge')}
                >
                  {t('header.actions.merge')}
                </Menu.Item>
              ) : null}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>

      {dialog === 'status' ? (
        <StatusDialog caseData={caseData} role={role} opened onClose={close} familyLanguage={familyLanguage} />
      ) : null}
      {dialog === 'informed' ? <FamilyInformedDialog caseData={caseData} opened onClose={close} /> : null}
      {dialog === 'assign' ? <AssignDialog caseData={caseData} opened onClose={close} /> : null}
      {dialog === 'merge' ? <MergeDialog caseData={caseData} opened onClose={close} /> : null}
    </Stack>
  );
}
