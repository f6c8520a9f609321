import type { SessionResponse } from '@mprc/contracts';
import { Alert, Stack, type TitleOrder } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authKeys } from '../api/auth-keys';
import { getSessionQueryOptions } from '../api/get-session';
import { logout } from '../api/logout';
import { CredentialsForm } from './credentials-form';
import { MfaChallengeForm } from './mfa-challenge-form';
import { PageLoader } from '@/components/page-loader';
import { needsSecondStep } from './session-context';

// Enrolment at sign-in is rare (once per person, for roles that must have it): loaded then.
const MfaEnrollment = lazy(() => import('./mfa-enrollment').then((m) => ({ default: m.MfaEnrollment })));

type Step = { name: 'credentials' } | { name: 'mfa' } | { name: 'enrol'; email: string };

function stepFor(session: SessionResponse | null | undefined): Step {
  if (session?.mfaRequired) return { name: 'mfa' };
  if (session?.mfaEnrollmentRequired) return { name: 'enrol', email: session.user.email };
  return { name: 'credentials' };
}

interface SignInFlowProps {
  onComplete: (session: SessionResponse) => void;
  defaultEmail?: string;
  /** A session whose second step is still to come (the page was reloaded half-way): resume there. */
  pending?: SessionResponse | null;
  /** Heading level of the steps after the first. */
  titleOrder: TitleOrder;
  compact?: boolean;
}

/**
 * Signing in: email and password, then the authenticator code when one is enrolled, or the
 * enrolment itself when the role must have one (the password alone opens nothing else).
 */
export function SignInFlow({ onComplete, defaultEmail, pending, titleOrder, compact = false }: SignInFlowProps) {
  const { t } = useTranslation('auth');
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(() => stepFor(pending));

  const next = (session: SessionResponse) => {
    if (needsSecondStep(session)) setStep(stepFor(session));
    else onComplete(session);
  };

  const startOver = () => {
    // The half-open session ends on the server too; a failure here changes nothing for the person.
    void logout()
      .catch(() => undefined)
      .finally(() => queryClient.setQueryData(authKeys.session(), null));
    setStep({ name: 'credentials' });
  };

  if (step.name === 'mfa') return <MfaChallengeForm onVerified={next} onCancel={startOver} titleOrder={titleOrder} />;
  if (step.name === 'enrol') {
    return (
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<IconShieldLock aria-hidden="true" />}>
          {t('enrol.required')}
        </Alert>
        <Suspense fallback={<PageLoader />}>
          <MfaEnrollment
            email={step.email}
            titleOrder={titleOrder}
            onCancel={startOver}
            onDone={() => {
              // Confirming the authenticator completed this session's second step on the server.
              void queryClient
                .fetchQuery({ ...getSessionQueryOptions(), staleTime: 0 })
                .then((session) => (session ? next(session) : setStep({ name: 'credentials' })));
            }}
          />
        </Suspense>
      </Stack>
    );
  }
  return <CredentialsForm defaultEmail={defaultEmail} onSignedIn={next} compact={compact} />;
}
