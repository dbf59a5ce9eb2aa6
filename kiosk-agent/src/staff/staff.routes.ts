import { agentStaffApi } from '@sunshine/contracts';
import { Router } from 'express';
import { mount } from '../route-mount';
import { createStaffPanelLock } from './staff.service';

export interface StaffRoutesDeps {
  /** `AGENT_STAFF_PIN`. */
  staffPin: string;
  /** Pulls from central now; resolves when that pull has finished. */
  syncNow(): Promise<void>;
  now?: () => number;
}

/** The hidden staff panel: its PIN, and 立即同步. */
export function staffRoutes(deps: StaffRoutesDeps): Router {
  const lock = createStaffPanelLock(deps.staffPin, deps.now);
  const router = Router();
  mount(router, agentStaffApi.unlock, ({ body }) => {
    lock.unlock(body.pin);
    return undefined;
  });
  mount(router, agentStaffApi.syncNow, async () => {
    await deps.syncNow();
    return undefined;
  });
  return router;
}
