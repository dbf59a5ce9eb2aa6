import { z } from 'zod';
import { Pin } from '../complaints';
import { defineRoute } from '../route';

/** `POST /api/staff/unlock`: the PIN staff type to open the kiosk's hidden panel. */
export const StaffUnlock = z.object({ pin: Pin });

/** The hidden staff panel on the kiosk (five taps in the top-right corner, then a PIN). */
export const agentStaffApi = {
  unlock: defineRoute({
    method: 'POST',
    path: '/api/staff/unlock',
    summary:
      'Opens the staff panel when the PIN matches `AGENT_STAFF_PIN` (kept in the agent\'s config, never in the UI). 403 `wrong_pin`; 429 `pin_locked` for 5 minutes after five wrong tries in a row (even the right PIN waits)',
    access: { kind: 'local' },
    body: StaffUnlock,
    response: z.undefined(),
    status: 204,
  }),
  syncNow: defineRoute({
    method: 'POST',
    path: '/api/sync/now',
    summary: 'Pulls from central now and answers once that pull has finished (立即同步); at once on a kiosk that is not enrolled',
    access: { kind: 'local' },
    response: z.undefined(),
    status: 204,
  }),
} as const;
