import { Alert, Badge, Button, Code, Group, Select, Stack, Text } from '@mantine/core';
import {
  CONTACT_LANGUAGES,
  formatAccessCode,
  type CasePortalSummary,
  type ContactLanguage,
  type PortalAccessIssued,
  type RelativeResponse,
} from '@mprc/contracts';
import { IconKey, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { Dialog } from '@/features/cases/components/dialog';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { saveFile } from '@/features/cases/api/binary-request';
import { formatDateTime } from '@/features/cases/utils/partial-date';
import { downloadPortalLetter, useIssuePortalAccess, useRevokePortalAccess } from '../api/portal-access';

type Access = CasePortalSummary['relatives'][number];

/** "7 K X 4 · M 9 P Q · R 2 T W": one symbol at a time, for reading the code aloud or over the phone. */
export function readAloud(code: string): string {
  return formatAccessCode(code)
    .split('-')
    .map((group) => group.split('').join(' '))
    .join('  ·  ');
}

function IssuedCodeModal({
  issued,
  relative,
  onClose,
}: {
  issued: PortalAccessIssued;
  relative: RelativeResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const preferred = (CONTACT_LANGUAGES as readonly string[]).includes(relative.preferredLanguage)
    ? (relative.preferredLanguage as ContactLanguage)
    : 'sq';
  const [language, setLanguage] = useState<ContactLanguage>(preferred);
  const [script, setScript] = useState<'latn' | 'cyrl'>('latn');
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const serbian = language === 'sr' || language === 'bs' || language === 'rom';
  const print = async () => {
    setPrinting(true);
    setError(null);
    try {
      const { blob, fileName } = await downloadPortalLetter(issued.letterUrl, issued.accessCode, {
        language,
        script: serbian ? script : undefined,
      });
      saveFile(blob, fileName ?? 'portal-letter.pdf');
    } catch (e) {
      setError(e);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t('portal.issuedTitle', { name: `${relative.firstName} ${relative.lastName}` })}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Alert color="orange" variant="light">
          {t('portal.shownOnce')}
        </Alert>
        <Stack gap={4} align="center">
          <Text size="sm">{t('portal.code')}</Text>
          <Code
            fz={{ base: 24, xs: 32 }}
            fw={700}
            px="md"
            py="xs"
            style={{ letterSpacing: '0.08em' }}
            data-testid="access-code"
          >
            {formatAccessCode(issued.accessCode)}
          </Code>
          <Text size="sm" c="dimmed" ta="center">
            {t('portal.readAloud', { code: readAloud(issued.accessCode) })}
          </Text>
        </Stack>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('portal.letterLanguage')}
            data={CONTACT_LANGUAGES.map((value) => ({ value, label: tc(`contactLanguage.${value}`) }))}
            value={language}
            onChange={(value) => value && setLanguage(value as ContactLanguage)}
            allowDeselect={false}
            w={200}
          />
          {serbian ? (
            <Select
              label={t('portal.letterScript')}
              data={[
                { value: 'latn', label: t('portal.latin') },
                { value: 'cyrl', label: t('portal.cyrillic') },
              ]}
              value={script}
              onChange={(value) => value && setScript(value as 'latn' | 'cyrl')}
              allowDeselect={false}
              w={160}
            />
          ) : null}
          <Button
            leftSection={<IconPrinter size={18} aria-hidden="true" />}
            onClick={() => void print()}
            loading={printing}
          >
            {t('portal.printLetter')}
          </Button>
        </Group>
        {error ? <QueryErrorAlert title={t('portal.letterError')} error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('portal.done')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** A relative's access to the family portal: issue a code (shown once), print the letter, revoke. */
export function PortalAccessPanel({
  caseId,
  relative,
  access,
}: {
  caseId: string;
  relative: RelativeResponse;
  access: Access | undefined;
}) {
  const notify = useNotify();
  const { t } = useTranslation('relatives');
  const { t: tc } = useTranslation('cases');
  const issue = useIssuePortalAccess(caseId);
  const revoke = useRevokePortalAccess(caseId);
  const [issued, setIssued] = useState<PortalAccessIssued | null>(null);
  const [confirm, setConfirm] = useState<'issue' | 'revoke' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const status = access?.status ?? 'NONE';
  const name = `${relative.firstName} ${relative.lastName}`;

  const doIssue = async () => {
    setError(null);
    try {
      setIssued(await issue.mutateAsync(relative.id));
      setConfirm(null);
    } catch (e) {
      setError(e);
    }
  };
  const doRevoke = async () => {
    setError(null);
    try {
      await revoke.mutateAsync(relative.id);
      notify({
        color: 'green',
        title: t('portal.revokedTitle'),
        message: t('portal.revokedMessage', { name }),
      });
      setConfirm(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light" color={status === 'ACTIVE' ? 'green' : 'gray'} tt="none">
          {t(`portal.status.${status}`)}
        </Badge>
        {status === 'ACTIVE' && access?.issuedAt ? (
          <Text size="sm">{t('portal.issuedAt', { time: formatDateTime(access.issuedAt, tc) })}</Text>
        ) : null}
        {status === 'REVOKED' && access?.revokedAt ? (
          <Text size="sm">{t('portal.revokedAt', { time: formatDateTime(access.revokedAt, tc) })}</Text>
        ) : null}
      </Group>
      {status === 'ACTIVE' ? (
        <Text size="sm" c="dimmed">
          {access?.lastSignInAt
            ? t('portal.lastSignIn', { time: formatDateTime(access.lastSignInAt, tc) })
            : t('portal.neverSignedIn')}
          {access && !access.hasEmail ? ` ${t('portal.noEmail')}` : ''}
        </Text>
      ) : null}
      <Group gap="xs">
        <Button
          size="xs"
          variant={status === 'ACTIVE' ? 'default' : 'light'}
          leftSection={<IconKey size={14} aria-hidden="true" />}
          onClick={() => (status === 'ACTIVE' ? setConfirm('issue') : void doIssue())}
          loading={issue.isPending}
          aria-label={status === 'NONE' ? t('portal.giveNamed', { name }) : t('portal.newCodeNamed', { name })}
        >
          {status === 'NONE' ? t('portal.give') : t('portal.newCode')}
        </Button>
        {status === 'ACTIVE' ? (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setConfirm('revoke')}
            aria-label={t('portal.revokeNamed', { name })}
          >
            {t('portal.revoke')}
          </Button>
        ) : null}
      </Group>
      {error && !confirm ? <QueryErrorAlert title={t('portal.error')} error={error} /> : null}

      {confirm ? (
        <Dialog
          opened
          onClose={() => setConfirm(null)}
          title={confirm === 'issue' ? t('portal.confirmNewTitle') : t('portal.confirmRevokeTitle')}
        >
          <Stack gap="md">
            <Text>{confirm === 'issue' ? t('portal.confirmNew', { name }) : t('portal.confirmRevoke', { name })}</Text>
            {error ? <QueryErrorAlert title={t('portal.error')} error={error} /> : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {tc('actions.cancel')}
              </Button>
              {confirm === 'issue' ? (
                <Button onClick={() => void doIssue()} loading={issue.isPending}>
                  {t('portal.newCode')}
                </Button>
              ) : (
                <Button color="red" onClick={() => void doRevoke()} loading={revoke.isPending}>
                  {t('portal.revoke')}
                </Button>
              )}
            </Group>
          </Stack>
        </Dialog>
      ) : null}
      {issued ? <IssuedCodeModal issued={issued} relative={relative} onClose={() => setIssued(null)} /> : null}
    </Stack>
  );
}
