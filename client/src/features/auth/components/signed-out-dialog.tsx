import type { SessionResponse } from '@mprc/contracts';
import { Modal, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { formatWait } from '../utils/format-wait';
import type { SignedOutNotice } from './session-context';

// The sign-in form loads only when a session has ended.
const SignInFlow = lazy(() => import('./sign-in-flow').then((m) => ({ default: m.SignInFlow })));

/**
 * Over the page the person was on, which stays as it was (typed text included): why the session
 * ended, and the sign-in form. Signing in again closes it; nothing else does.
 */
export function SignedOutDialog({
  notice,
  onSignedIn,
}: {
  notice: SignedOutNotice;
  onSignedIn: (session: SessionResponse) => void;
}) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  return (
    <Modal
      opened
      onClose={() => {}}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('signedOut.title')}
      // Blurred: what was on screen stays private on an unattended computer.
      overlayProps={{ backgroundOpacity: 0.75, blur: 10 }}
      data-testid="signed-out-dialog"
    >
      <Stack gap="md">
        <Text>
          {notice.reason === 'idle'
            ? t('signedOut.reason.idle', { time: formatWait(notice.idleTimeoutMinutes * 60, tCommon) })
            : t(`signedOut.reason.${notice.reason}`)}
        </Text>
        <Text>{t('signedOut.signInAgain')}</Text>
        <Suspense fallback={<PageLoader />}>
          <SignInFlow defaultEmail={notice.user.email} titleOrder={3} compact onComplete={onSignedIn} />
        </Suspense>
      </Stack>
    </Modal>
  );
}
