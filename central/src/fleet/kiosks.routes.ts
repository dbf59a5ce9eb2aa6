import { fleetApi } from '@sunshine/contracts';
import { Router } from 'express';
import type { CentralMount } from '../route-mount';
import { enrolKiosk, type EnrolmentDeps } from './enrolment.service';
import type { FleetService } from './fleet.service';
import { currentKiosk } from './kiosk-auth';

/** What kiosks call about themselves: enrolment with a one-time code (an installer), then a heartbeat every 30 s. */
export function kioskRoutes(mount: CentralMount, deps: { enrolment: EnrolmentDeps; fleet: FleetService }): Router {
  const router = Router();
  mount(router, fleetApi.enrol, ({ body }) => enrolKiosk(deps.enrolment, body));
  mount(router, fleetApi.heartbeat, ({ body }, _req, res) => deps.fleet.heartbeat(currentKiosk(res), body));
  return router;
}
