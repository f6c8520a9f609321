import type { FamilyProfile, FamilySessionResponse } from '@mprc/contracts';
import { createContext, useContext } from 'react';

export type FamilySession = Omit<FamilySessionResponse, 'csrfToken'>;

export interface SessionContextValue {
  session: FamilySession;
  /** After the family saved their contact details. */
  setProfile: (profile: FamilyProfile) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in portal');
  return value;
}

/** Where a signed-in family starts: their case, or the list when there are several. */
export function homePath(session: FamilySession): string {
  return session.cases.length === 1 ? `/family/cases/${session.cases[0].id}` : '/family/cases';
}
