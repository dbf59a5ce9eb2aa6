import { CentralHealth } from '../health';
import { defineRoute } from '../route';

/** Whether central is up and what it has published: for installers, the kiosk's checks and the demo. */
export const healthApi = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: "`{ status: 'ok', dataVersion, dataUpdatedAt, kiosksOnline }`: the latest published version (0 before the first) and how many kiosks hold a live socket",
    access: { kind: 'public' },
    response: CentralHealth,
  }),
} as const;
