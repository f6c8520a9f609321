import { Alert, Badge, Button, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import type { DuplicateCandidate, DuplicateReason } from '@mprc/contracts';
import { IconCopy, IconExternalLink, IconUserPlus } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReferenceOptions } from '../api/get-reference-data';
import { nameWithFather } from '../utils/names';
import { CaseStatusBadges } from './case-status-badges';

// Button labels wrap in the narrow panel instead of being cut off.
const WRAP = {
  root: { height: 'auto', minHeight: 30, paddingBlock: 4 },
  label: { whiteSpace: 'normal' as const, textAlign: 'left' as const },
};

// Reasons that speak against the match are shown apart, in grey.
const AGAINST: readonly DuplicateReason[] = ['FATHER_NAME_DIFFERENT', 'BIRTH_YEAR_DIFFERENT', 'MUNICIPALITY_DIFFERENT'];

interface DuplicateCandidatesProps {
  candidates: DuplicateCandidate[] | undefined;
  checking: boolean;
  /** Nothing typed yet that the check can use. */
  idle: boolean;
  error: boolean;
  onSamePerson: (candidate: DuplicateCandidate) => void;
}

function CandidateCard({
  candidate,
  onSamePerson,
}: {
  candidate: DuplicateCandidate;
  onSamePerson: (candidate: DuplicateCandidate) => void;
}) {
  const { t } = useTranslation('cases');
  const municipalities = useReferenceOptions('municipalities');
  const offices = useReferenceOptions('offices');
  const percent = Math.round(candidate.score * 100);
  const labelId = useId();
  const facts = [
    candidate.birthYear ? t('list.results.born', { year: String(candidate.birthYear) }) : null,
    candidate.municipalityCode ? municipalities.nameOf(candidate.municipalityCode) : null,
    offices.nameOf(candidate.officeCode),
  ].filter(Boolean);
  return (
    <Card component="li" withBorder padding="sm" aria-labelledby={labelId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              {candidate.caseNumber}
            </Text>
            <Text fw={600} id={labelId} style={{ overflowWrap: 'anywhere' }}>
              {nameWithFather(candidate)}
            </Text>
          </Stack>
          <Badge variant="light" color={percent >= 80 ? 'red' : 'orange'} style={{ flexShrink: 0 }}>
            {t('duplicates.score', { percent })}
          </Badge>
        </Group>
        <Progress value={percent} size="sm" color={percent >= 80 ? 'red' : 'orange'} aria-hidden="true" />
        {facts.length ? <Text size="sm">{facts.join(' · ')}</Text> : null}
        <CaseStatusBadges fate={candidate.fateStatus} workflow={candidate.workflowStatus} />
        <Group gap={4} aria-label={t('duplicates.reasons')} role="list">
          {candidate.reasons.map((reason) => (
            <Badge
              key={reason}
              role="listitem"
              size="sm"
              radius="sm"
              tt="none"
              variant="light"
              color={AGAINST.includes(reason) ? 'gray' : 'blue'}
              style={{ whiteSpace: 'normal', height: 'auto' }}
            >
              {t(`duplicates.reason.${reason}`)}
            </Badge>
          ))}
        </Group>
        <Stack gap={6} mt={4}>
          <Button
            styles={WRAP}
            fullWidth
            justify="flex-start"
            component={Link}
            to={`/cases/${candidate.caseId}`}
            size="xs"
            variant="default"
            leftSection={<IconExternalLink size={14} aria-hidden="true" />}
            aria-label={t('duplicates.openNamed', { caseNumber: candidate.caseNumber })}
          >
            {t('duplicates.open')}
          </Button>
          <Button
            styles={WRAP}
            fullWidth
            justify="flex-start"
            size="xs"
            variant="light"
            leftSection={<IconUserPlus size={14} aria-hidden="true" />}
            onClick={() => onSamePerson(candidate)}
            aria-label={t('duplicates.samePersonNamed', { caseNumber: candidate.caseNumber })}
          >
            {t('duplicates.samePerson')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}

/** Likely duplicates of the person being reported, updated as the officer types. */
export function DuplicateCandidates({ candidates, checking, idle, error, onSamePerson }: DuplicateCandidatesProps) {
  const { t } = useTranslation('cases');
  const headingId = useId();
  const count = candidates?.length ?? 0;
  return (
    <Card component="section" withBorder padding="md" aria-labelledby={headingId} bg="gray.0">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconCopy size={20} aria-hidden="true" />
          <Title order={2} fz="h4" id={headingId}>
            {t('duplicates.title')}
          </Title>
          {checking ? <Loader size="xs" aria-hidden="true" /> : null}
        </Group>
        {/* Announced to screen readers when the result changes, not on every keystroke. */}
        <Text size="sm" role="status" aria-live="polite">
          {idle
            ? t('duplicates.idle')
            : error
              ? ''
              : candidates === undefined
                ? t('duplicates.checking')
                : count === 0
                  ? t('duplicates.none')
                  : t('duplicates.found', { count })}
        </Text>
        {error ? (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t('duplicates.error')}</Text>
          </Alert>
        ) : null}
        {count > 0 ? (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {candidates!.map((candidate) => (
              <CandidateCard key={candidate.caseId} candidate={candidate} onSamePerson={onSamePerson} />
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
