import type { SessionResponse } from '@mprc/contracts';
import type { SignedOutReason } from '../components/session-context';

/**
 * The server writes a session's last activity at most every 30 s and the clocks may differ a
 * little: a minute of slack on either limit.
 */
export const SLACK_MS = 60_000;

/** Why a session most likely ended, from what the app knows: its limits and the last request. */
export function signedOutReason(session: SessionResponse, lastActivity: number, now: number): SignedOutReason {
  if (now >= Date.parse(session.expiresAt) - SLACK_MS) return 'expired';
  if (now - lastActivity >= session.idleTimeoutMinutes * 60_000 - SLACK_MS) return 'idle';
  return 'revoked';
}
