import { AgentHealth } from '../health';
import { defineRoute } from '../route';

/**
 * The kiosk agent says how it is: for its UI's top bar and offline banner, the installer's
 * checks and the watchdog. Fixed by docs/design.md §13 (answers may carry more fields).
 */
export const agentHealthApi = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary:
      "`{ kioskNumber, kioskName, village, dataVersion, dataUpdatedAt, online, printer: { state }, outboxPending }`; `village` is `{ code, name }` of the kiosk's own village (the place the content ranks as 本村), null before any village is synced: the UI's top bar names it. `kioskName` is the name given at enrolment",
    access: { kind: 'local' },
    response: AgentHealth,
  }),
} as const;
