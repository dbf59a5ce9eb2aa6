import { createContext, useContext } from 'react';
import type { ComplaintSubject, PaymentsLookupResult } from '@sunshine/contracts';

/**
 * Everything personal one villager leaves behind: cleared on idle reset (docs/design.md §8) by
 * replacing the whole object, and every screen's own state is dropped with it because
 * the shell remounts the screen tree for each new visit.
 */
export interface SessionData {
  payments: { idNumber: string; result: PaymentsLookupResult } | null;
  /** Set by 对此有疑问: the item the complaint is about. */
  complaintSubject: ComplaintSubject | null;
}

export const EMPTY_SESSION: SessionData = { payments: null, complaintSubject: null };

export interface SessionApi {
  data: SessionData;
  update: (patch: Partial<SessionData>) => void;
  /** 对此有疑问: opens 我要反映 with `subject` as the complaint's subject. */
  startComplaint: (subject: ComplaintSubject | null) => void;
  /** The text the shell's 朗读/重复 reads for the screen on show. */
  setScreenSpeech: (text: string) => void;
  /** A screen with inner steps takes 返回 for itself: return true when it handled it. */
  setBackHandler: (handler: (() => boolean) | null) => void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside the kiosk shell');
  return session;
}
