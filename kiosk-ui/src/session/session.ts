import { createContext, useContext } from 'react';
import type { ComplaintSubject, PaymentsLookupResult } from '@sunshine/contracts';
import type { ScreenSpeech } from '../speech/screen-speech';

/**
 * What one villager leaves behind in the shell. It lives only as long as the visit:
 * arriving home by any path starts a new visit with an empty one (see `visit.ts`), and
 * every screen's own state (typed ID, draft, recording, PIN, print job) goes with it
 * because the screens are keyed by the visit and mount afresh (docs/design.md §8).
 */
export interface SessionData {
  payments: { idNumber: string; result: PaymentsLookupResult } | null;
  /** Set by 对此有疑问: the item the complaint is about. */
  complaintSubject: ComplaintSubject | null;
}

export const EMPTY_SESSION: SessionData = { payments: null, complaintSubject: null };

/**
 * The shell's services for the screens of one visit. Calls made with the API of a visit
 * that has ended (a lookup answered after 首页) are ignored.
 */
export interface SessionApi {
  data: SessionData;
  update: (patch: Partial<SessionData>) => void;
  /** 对此有疑问: opens 我要反映 with `subject` as the complaint's subject. */
  startComplaint: (subject: ComplaintSubject | null) => void;
  /** 办完了: the villager is done; home, with everything of theirs cleared. */
  endVisit: () => void;
  /** What the screen on show says: its guidance on arrival, the whole of it on 朗读. */
  setScreenSpeech: (speech: ScreenSpeech) => void;
  /** A screen with inner steps takes 返回 for itself: return true when it handled it. */
  setBackHandler: (handler: (() => boolean) | null) => void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside the kiosk shell');
  return session;
}
